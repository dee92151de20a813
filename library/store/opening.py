"""Opening a library file, in one order: check it (changing nothing), copy it aside, upgrade it.

The check runs on a read-only connection, so a file that is refused (another program's
database, a damaged library, one from a newer version) is left exactly as it was: not even
switched to WAL. A library this process cannot write (a read-only file system or file) is
opened read-only. The restore hint is added here, once, to a damaged library's message.

A new library is made whole under a temporary name and only then takes its own, so this
program never leaves a 0-byte library file (even when killed mid-creation); an existing
0-byte file is therefore someone else's (a failed copy, a truncation, a slip of `>`) and is
refused, not silently turned into a new, empty library that hides what was lost."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from library.errors import LibraryBusy, LibraryDamaged, LibraryError
from library.files import pid_alive
from library.store import backup, schema
from library.store.connection import (
    LibraryDatabase,
    cannot_write,
    check_integrity,
    connect,
    connect_read_only,
    is_busy,
    is_io_error,
    is_read_only_error,
    nothing_left_if_refused,
    sidecars,
)
from library.store.sessions import needs_check, open_elsewhere, open_here


def open_database(path: str | Path, check: str = "always") -> LibraryDatabase:
    """Open (creating or upgrading as needed) the library at `path`; `check` as in needs_check.
    Every refusal is a LibraryError whose message names the file."""
    if str(path) == ":memory:":
        db = LibraryDatabase(connect(":memory:"))
        schema.create_schema(db)
        return db
    path = Path(path)
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"{path.parent}: cannot make the library's folder ({exc.strerror or exc})") from exc
    if path.exists() and path.stat().st_size == 0:
        raise LibraryError(
            f"{path} is an empty file (0 bytes), not a library; nothing was changed (to start a new library"
            f" there, remove it first). {backup.restore_hint(path)}"
        )
    try:
        if not path.exists():
            _create(path)
        with nothing_left_if_refused(path):
            version = _inspect(path, check)
        if cannot_write(path):
            return _open_read_only(path, version)
        return _open_writable(path, version)
    except LibraryError:
        raise
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise LibraryBusy(f"{path}: the library is busy in another program; try again ({exc})") from exc
        raise LibraryError(f"{path}: not a usable library ({exc})") from exc


def damaged(path: Path, problem: str) -> LibraryDamaged:
    """The error for a damaged library, with the one restore hint."""
    return LibraryDamaged(path, problem, backup.restore_hint(path))


def _inspect(path: Path, check: str) -> int:
    """The schema version of an existing file, read without changing it; a LibraryError for a file
    that is no library this program can open, LibraryDamaged for one that fails its check."""
    if not _looks_like_sqlite(path):
        raise LibraryError(f"{path} is not a library file (not an SQLite database)")
    try:
        conn = connect_read_only(path)
    except sqlite3.DatabaseError as exc:
        if is_read_only_error(exc):
            raise LibraryError(f"{path} cannot be opened here ({exc}): check its permissions") from exc
        raise damaged(path, str(exc)) from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        problem = schema.version_problem(version, tables)
        if problem:
            raise LibraryError(f"{path}: {problem}")
        if needs_check(path, check):
            check_integrity(conn, path)
    except LibraryDamaged as exc:
        raise damaged(path, exc.problem) from exc
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise LibraryBusy(f"{path}: the library is busy in another program; try again ({exc})") from exc
        if is_read_only_error(exc):  # not damage: this process may not make the files SQLite needs
            raise LibraryError(f"{path} cannot be opened here ({exc}): check its permissions") from exc
        if is_io_error(exc):  # not damage either: the files could not be read or written just now
            raise LibraryError(
                f"{path} could not be read just now ({exc}); nothing was changed: try again, "
                "or close the other programs that have it open and start Study Reader again"
            ) from exc
        raise damaged(path, str(exc)) from exc
    finally:
        conn.close()
    return version


def _create(path: Path) -> None:
    """Make a new library at `path`: built under a hidden temporary name, then linked to its own name,
    which never replaces a library another process made meanwhile (then that one is used)."""
    for stale in path.parent.glob(f".{path.name}.new-*"):  # a creation a kill cut short
        pid = stale.name.rsplit("-", 1)[1]
        if pid.isdigit() and not pid_alive(int(pid)):
            _remove_with_sidecars(stale)
    tmp = path.with_name(f".{path.name}.new-{os.getpid()}")
    _remove_with_sidecars(tmp)
    try:
        db = LibraryDatabase(connect(tmp))
        try:
            schema.create_schema(db)
        finally:
            db.close()  # the last connection: SQLite checkpoints and removes the -wal and -shm
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    finally:
        _remove_with_sidecars(tmp)


def _remove_with_sidecars(path: Path) -> None:
    for leftover in (path, *sidecars(path)):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def _open_writable(path: Path, version: int) -> LibraryDatabase:
    """Connect (WAL), then create the schema, or copy the file aside and upgrade it."""
    backup.remove_stale_parts(path, others_open=open_elsewhere(path))
    db = LibraryDatabase(connect(path))
    try:
        if version == 0:
            schema.create_schema(db)
        elif version < schema.schema_version():
            # The copy aside, made with SQLite's backup API so it is consistent even while
            # another process writes; plus a rolling backup, which outlives the next upgrade.
            backup.copy_database(db.conn, backup.aside_path(path, version))
            backup.rolling_backup(db.conn, path, force=True)
            schema.upgrade(db)
    except BaseException:
        db.close()
        raise
    return db


def _open_read_only(path: Path, version: int) -> LibraryDatabase:
    """A library this process cannot write: opened as it is, for reading, or refused if it needs an upgrade."""
    if version != schema.schema_version():
        raise LibraryError(f"{path} is read-only and needs upgrading first: copy it somewhere writable")
    db = LibraryDatabase(connect_read_only(path))
    db.read_only = True
    return db


def _looks_like_sqlite(path: Path) -> bool:
    """Whether a file starts as an SQLite database does (a damaged library, not some other file)."""
    if open_here(path):
        # Open in this process already, so an SQLite file; and reading it here would drop this
        # process's SQLite locks on it (closing any descriptor of a file drops them all).
        return True
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False
