"""The open SQLite connection, with what the library needs of it: statements and transactions.

sqlite-utils' Database offers the same `execute` and `atomic`, and the numbered schema upgrades
may use it (library/store/migrations.py, and `check`), but importing it brings click, dateutil and pluggy along:
about a sixth of the window's start-up budget for two methods. So the connection the program
runs on is this small class.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

_SAVEPOINTS = itertools.count(1)


class Database:
    """A connection, its statements, and nested transactions (savepoints inside a transaction)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> sqlite3.Cursor:
        """Run one statement."""
        return self.conn.execute(sql, parameters if parameters is not None else ())

    def table_names(self) -> list[str]:
        """The names of the ordinary tables."""
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def rollback(self) -> None:
        """Abandon the open transaction, if there is one."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def _begin(self) -> None:
        """Open the outermost transaction."""
        self.conn.execute("BEGIN")

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction, or a savepoint when one is open already: all of it or none of it."""
        if self.conn.in_transaction:
            name = f"sp_{next(_SAVEPOINTS)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self._begin()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise
