"""The library's schema: created whole in a new file, or brought up to date by numbered upgrades."""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

from library.errors import LibraryError
from library.store.database import Database
from library.store.migrations import UPGRADES

# The tables every library has had since the first released schema: what a file must hold to be
# one, whatever its version (later versions' tables are checked against schema.sql).
FIRST_TABLES = ("lessons", "sources", "blocks")


@cache
def schema_sql() -> str:
    """The full current schema."""
    return (Path(__file__).parent / "schema.sql").read_text(encoding="utf-8")


@cache
def schema_version() -> int:
    """The user_version the current schema ends with."""
    for line in reversed(schema_sql().splitlines()):
        if line.strip().upper().startswith("PRAGMA USER_VERSION"):
            return int(line.split("=")[1].strip().rstrip(";"))
    raise LibraryError("schema.sql does not set user_version")


@cache
def schema_tables() -> tuple[str, ...]:
    """The tables (ordinary and full-text) the current schema creates."""
    return tuple(re.findall(r"^CREATE (?:VIRTUAL )?TABLE (\w+)", schema_sql(), flags=re.MULTILINE))


def version_problem(version: int, tables: set[str]) -> str | None:
    """Why a file with this user_version and these tables is no library this program can open, or None."""
    current = schema_version()
    if version > current:
        return f"it was written by a newer Study Reader (schema {version}, this one knows {current})"
    if version < 0 or (version == 0 and tables):
        return "it is an SQLite database but not a Study Reader library"
    if version > 0 and not set(FIRST_TABLES) <= tables:
        return "it is not a Study Reader library (tables are missing)"
    if version == current and not set(schema_tables()) <= tables:
        missing = ", ".join(sorted(set(schema_tables()) - tables))
        return f"it is not a whole Study Reader library (no {missing} table)"
    return None


def create_schema(db: Database) -> None:
    """Create the whole current schema in an empty file (unless another process just did)."""
    current = schema_version()
    with db.atomic():
        # Another process may have created the schema while this one waited for the lock.
        if db.execute("PRAGMA user_version").fetchone()[0] == current:
            return
        if db.table_names():
            raise LibraryError("this file is an SQLite database but not a Study Reader library")
        for statement in _statements(schema_sql()):
            db.execute(statement)


def upgrade(db: Database) -> None:
    """Run, in one transaction, the numbered upgrades from the file's version to the current one.

    Foreign keys are off meanwhile, as SQLite's procedure for schema changes asks: a step that
    rebuilds a table (sqlite-utils' transform) drops the old one, which would otherwise cascade
    deletes into every table that refers to it. They are checked before the commit instead."""
    current = schema_version()
    db.execute("PRAGMA foreign_keys = OFF")  # has no effect inside a transaction: set before it
    try:
        with db.atomic():
            version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have upgraded it
            for step in range(version + 1, current + 1):
                # Steps are numbered as they are planned: a number may have no step (yet).
                if step in UPGRADES:
                    UPGRADES[step](db)
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise LibraryError(f"an upgrade step left {len(broken)} rows pointing nowhere (in {broken[0][0]})")
            db.execute(f"PRAGMA user_version = {current}")
    finally:
        db.execute("PRAGMA foreign_keys = ON")


def _statements(sql: str) -> list[str]:
    """Split a schema script into statements (sqlite3.complete_statement knows where they end)."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
