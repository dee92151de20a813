"""Numbered, forward-only schema upgrades.

Each step takes a library at version N-1 to version N. They run in one transaction after
the file has been checked and copied aside (see `library.store.opening.open_database`). schema.sql always holds
the newest schema in full; a new step here goes with a change there and a bumped
`PRAGMA user_version`. A step that wants sqlite-utils' table transforms wraps the
connection: `sqlite_utils.Database(db.conn)` (imported inside the step, so start-up does not
pay for it).
"""

from __future__ import annotations

from collections.abc import Callable

from library.store.database import Database

Upgrade = Callable[[Database], None]

UPGRADES: dict[int, Upgrade] = {}
