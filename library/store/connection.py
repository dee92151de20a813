"""Connections to a library file: the one way to open one, read-only ones, write transactions, checks."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from library.errors import LibraryBusy, LibraryDamaged
from library.store.database import Database

BUSY_TIMEOUT_MS = 10_000
# How long a write transaction keeps asking for the write lock (beyond each busy timeout)
# before the user is told the library is busy. Another process's import commits in batches,
# so the lock is free again well within this.
WRITE_PATIENCE_S = 60.0


def is_read_only_error(exc: BaseException) -> bool:
    """Whether an sqlite3 error means "this process may not write here" (SQLITE_READONLY, SQLITE_CANTOPEN)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN)


def is_busy(exc: BaseException) -> bool:
    """Whether an sqlite3 error means "someone else holds the lock" (SQLITE_BUSY/SQLITE_LOCKED)."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def is_io_error(exc: BaseException) -> bool:
    """Whether an sqlite3 error is a failed read or write of the files (SQLITE_IOERR), not damage
    the file holds: restoring a backup would throw away what the library still has."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_IOERR
    return "disk i/o error" in str(exc).lower()


def begin_immediate(conn: sqlite3.Connection, patience: float | None = None) -> None:
    """Start a write transaction holding the write lock from the start, waiting for it if needed.

    A deferred BEGIN that reads before it writes can fail with "database is locked" at once,
    without waiting, when another connection committed in between (SQLite cannot upgrade a
    stale snapshot); taking the lock at BEGIN avoids that, and the retry loop covers a lock
    held for longer than the busy timeout.
    """
    deadline = time.monotonic() + (WRITE_PATIENCE_S if patience is None else patience)
    delay = 0.02
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            if time.monotonic() >= deadline:
                raise LibraryBusy(
                    "the library is busy: another Study Reader has been writing to it for a long time; try again"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


class LibraryDatabase(Database):
    """The library's connection: its outermost `atomic()` is a BEGIN IMMEDIATE write transaction,
    which waits for the write lock instead of failing when another process holds it."""

    read_only = False

    def _begin(self) -> None:
        begin_immediate(self.conn)


def connect(path: str | Path) -> sqlite3.Connection:
    """Open a connection the one way every part of the program does: WAL, foreign keys, busy timeout."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def on_read_only_file_system(path: Path) -> bool:
    """Whether the file system holding `path` is mounted read-only (a CD, a locked share, `mount -o ro`)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows: permissions alone say it there
        return False


def cannot_write(path: Path) -> bool:
    """Whether this process can change neither the library file nor make its journal beside it."""
    if on_read_only_file_system(path):
        return True
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file: `mode=ro`, and `immutable=1` where SQLite could not
    make the -shm file a WAL library needs (a read-only file system, or a folder this process may
    not write with no -wal in it: then nobody is writing the library now)."""
    no_shm = not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists()
    immutable = "&immutable=1" if on_read_only_file_system(path) or no_shm else ""
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro{immutable}",
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only = ON")
    return conn


def sidecars(path: Path) -> tuple[Path, Path]:
    """The -wal and -shm files SQLite keeps beside a WAL-mode database."""
    return Path(f"{path}-wal"), Path(f"{path}-shm")


@contextlib.contextmanager
def nothing_left_if_refused(path: Path) -> Iterator[None]:
    """Around a check of `path`: if it ends in an error, remove the -wal and -shm files the check
    made. A read-only connection to a WAL-mode file makes both (an empty -wal), and a refused or
    damaged file must be left as it was found, with nothing beside it."""
    before = {side for side in sidecars(path) if side.exists()}
    try:
        yield
    except BaseException:
        remove_new_sidecars(path, before)
        raise


def remove_new_sidecars(path: Path, before: set[Path]) -> None:
    """Remove the -wal and -shm beside `path` that were not in `before`, once no connection has them:
    only an empty -wal (a read-only check writes nothing to it; a writer's would not be empty), and
    never while any process has the library open (its session marker): that one's -wal may be new."""
    from library.store.sessions import open_elsewhere, open_here

    if open_here(path) or open_elsewhere(path):
        return
    wal, shm = sidecars(path)
    with contextlib.suppress(OSError):
        if wal not in before and wal.exists() and wal.stat().st_size == 0:
            wal.unlink()
        if shm not in before and shm.exists() and not wal.exists():
            shm.unlink()


def check_integrity(conn: sqlite3.Connection, path: Path, full: bool = False) -> None:
    """Raise LibraryDamaged (without a restore hint: the caller adds one) unless SQLite's quick
    (or full) integrity check passes."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(5)")]
    except sqlite3.DatabaseError as exc:
        raise LibraryDamaged(path, str(exc)) from exc
    if rows != ["ok"]:
        raise LibraryDamaged(path, " ".join(f"{pragma}: {'; '.join(str(r) for r in rows)}".split())[:300])
