"""Opening a library file: one connection function, schema creation and upgrades."""

from __future__ import annotations

import shutil
import sqlite3
from importlib import resources
from pathlib import Path

import sqlite_utils

from library.migrations import UPGRADES

BUSY_TIMEOUT_MS = 10_000


class LibraryError(Exception):
    """A library file that cannot be used (damaged, newer than this program…)."""


def schema_sql() -> str:
    """The full current schema."""
    return resources.files("library").joinpath("schema.sql").read_text(encoding="utf-8")


def schema_version() -> int:
    """The user_version the current schema ends with."""
    for line in reversed(schema_sql().splitlines()):
        if line.strip().upper().startswith("PRAGMA USER_VERSION"):
            return int(line.split("=")[1].strip().rstrip(";"))
    raise LibraryError("schema.sql does not set user_version")


def connect(path: str | Path) -> sqlite3.Connection:
    """Open a connection the one way every part of the program does: WAL, foreign keys, busy timeout."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def backup_path(path: Path, version: int) -> Path:
    """Where the copy made before an upgrade from `version` goes."""
    return path.with_name(f"{path.name}.v{version}.bak")


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating or upgrading as needed) the library at `path`."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = connect(path)
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{path}: not a usable library ({exc})") from exc
    try:
        db = sqlite_utils.Database(conn, execute_plugins=False)
        ensure_schema(db, None if str(path) == ":memory:" else Path(path))
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryError(f"{path}: not a usable library ({exc})") from exc
    return db


def ensure_schema(db: sqlite_utils.Database, path: Path | None) -> None:
    """Create the schema in an empty file, or run the numbered upgrades an older one needs."""
    current = schema_version()
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == current:
        return
    if version > current:
        raise LibraryError(
            f"this library was written by a newer Study Reader (schema {version}, this one knows {current})"
        )
    if version == 0:
        if db.table_names():
            raise LibraryError("this file is an SQLite database but not a Study Reader library")
        with db.atomic():
            for statement in _statements(schema_sql()):
                db.execute(statement)
        return
    if path is not None:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(path, backup_path(path, version))
    with db.atomic():
        for step in range(version + 1, current + 1):
            UPGRADES[step](db)
        db.execute(f"PRAGMA user_version = {current}")


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
