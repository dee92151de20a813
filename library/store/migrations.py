"""Numbered, forward-only schema upgrades.

Each step takes a library at version N-1 to version N. They run in one transaction after the
file has been checked and copied aside (see `library.store.opening.open_database`). schema.sql
always holds the newest schema in full; a new step here goes with a change there and a bumped
`PRAGMA user_version`. A step changes tables with sqlite-utils' table API through `tables(db)`:
`add_column`, `create`, and `transform` for what ALTER TABLE cannot do (SQLite has no
"change column"), which copies the table with its data, indexes and foreign keys kept. Inside
the upgrade's transaction sqlite-utils uses savepoints, so a failing step leaves the library as
it was. sqlite-utils is imported there, not at start-up: it brings click, dateutil and pluggy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from library.store.database import Database

if TYPE_CHECKING:
    import sqlite_utils

Upgrade = Callable[[Database], None]



def tables(db: Database) -> sqlite_utils.Database:
    """sqlite-utils' view of the library's connection, for an upgrade step to change tables with."""
    import sqlite_utils

    # No plugins: an upgrade must do the same on every machine, whatever else is installed.
    return sqlite_utils.Database(db.conn, execute_plugins=False)


def _import_warnings(db: Database) -> None:
    """Version 2: a table for what the importer guessed (lessons imported before have none),
    and the lessons' translated titles."""
    t = tables(db)
    t.table("lessons").add_column("title_translation", str, not_null_default="")
    # sqlite-utils' create cannot say ON DELETE CASCADE, which the warnings need to go with their lesson.
    db.execute(
        "CREATE TABLE import_warnings ("
        " lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,"
        " pos INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, confidence REAL NOT NULL,"
        " PRIMARY KEY (lesson_id, pos))"
    )


UPGRADES: dict[int, Upgrade] = {2: _import_warnings}
