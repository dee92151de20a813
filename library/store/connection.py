"""Opening a library file: one connection function, schema creation and upgrades."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from library.store.database import Database
from library.store.migrations import UPGRADES

BUSY_TIMEOUT_MS = 10_000
# How long a write transaction keeps asking for the write lock (beyond each busy timeout)
# before the user is told the library is busy. Another process's import commits in batches,
# so the lock is free again well within this.
WRITE_PATIENCE_S = 60.0


class LibraryError(Exception):
    """A library file that cannot be used (damaged, newer than this program…)."""


class LibraryBusy(LibraryError):
    """Another program held the library's write lock for longer than we could wait."""


class LibraryDamaged(LibraryError):
    """The library file fails SQLite's integrity check; str(exc) says how to restore it."""

    def __init__(self, path: Path, problem: str) -> None:
        from library.store.backup import restore_hint

        self.path = path
        self.problem = problem
        super().__init__(f"{path} is damaged ({problem}). {restore_hint(path)}")


def is_busy(exc: BaseException) -> bool:
    """Whether an sqlite3 error means "someone else holds the lock" (SQLITE_BUSY/SQLITE_LOCKED)."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    text = str(exc).lower()
    return "locked" in text or "busy" in text


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

    def _begin(self) -> None:
        begin_immediate(self.conn)


def schema_sql() -> str:
    """The full current schema."""
    return (Path(__file__).parent / "schema.sql").read_text(encoding="utf-8")


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


def check_integrity(conn: sqlite3.Connection, path: Path, full: bool = False) -> None:
    """Raise LibraryDamaged unless SQLite's quick (or full) integrity check passes."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(5)")]
    except sqlite3.DatabaseError as exc:
        raise LibraryDamaged(path, str(exc)) from exc
    if rows != ["ok"]:
        raise LibraryDamaged(path, " ".join(f"{pragma}: {'; '.join(str(r) for r in rows)}".split())[:300])


def backup_path(path: Path, version: int) -> Path:
    """Where the copy made before an upgrade from `version` goes."""
    return path.with_name(f"{path.name}.v{version}.bak")


def _session_files(path: Path) -> list[Path]:
    return list(path.parent.glob(f"{path.name}.session-*"))


def _marker_pid(session: Path) -> int | None:
    """The process id a session marker names (None for a name that is not one)."""
    try:
        return int(session.name.rsplit("-", 1)[1])
    except ValueError:
        return None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def needs_check(path: Path, policy: str) -> bool:
    """Whether opening should run SQLite's quick_check, which reads the whole file (about
    0.4 s for 10,000 lessons on a modest machine). "always"; "never"; "crash": only after a
    session that did not close cleanly (the window, which checks in the background instead)."""
    if policy in ("always", "never"):
        return policy == "always"
    unclean = False
    for session in _session_files(path):
        pid = _marker_pid(session)
        if pid is None:
            pid = -1
        if pid != os.getpid() and not _pid_alive(pid):
            unclean = True
            session.unlink(missing_ok=True)
    return unclean


def open_elsewhere(path: Path) -> bool:
    """Whether another live process has the library open (holds a session marker for it)."""
    for session in _session_files(path):
        pid = _marker_pid(session)
        if pid is not None and pid != os.getpid() and _pid_alive(pid):
            return True
    return False


def begin_session(path: Path) -> Path | None:
    """Mark the library open by this process (gone again on a clean close)."""
    marker = path.with_name(f"{path.name}.session-{os.getpid()}")
    try:
        marker.touch()
    except OSError:
        return None
    return marker


def open_database(path: str | Path, check: str = "always") -> Database:
    """Open (creating or upgrading as needed) the library at `path`; `check` as in needs_check."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    existed = str(path) != ":memory:" and Path(path).exists() and Path(path).stat().st_size > 0
    try:
        conn = connect(path)
    except sqlite3.DatabaseError as exc:
        if existed and _looks_like_sqlite(Path(path)):
            raise LibraryDamaged(Path(path), str(exc)) from exc
        raise LibraryError(f"{path}: not a usable library ({exc})") from exc
    try:
        if existed and needs_check(Path(path), check):
            check_integrity(conn, Path(path))
        db = LibraryDatabase(conn)
        ensure_schema(db, None if str(path) == ":memory:" else Path(path))
    except LibraryError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_busy(exc):
            raise LibraryBusy(f"{path}: the library is busy in another program; try again ({exc})") from exc
        raise LibraryError(f"{path}: not a usable library ({exc})") from exc
    return db


def _looks_like_sqlite(path: Path) -> bool:
    """Whether a file starts as an SQLite database does (a damaged library, not some other file)."""
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def ensure_schema(db: Database, path: Path | None) -> None:
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
        with db.atomic():
            # Another process may have created the schema while this one waited for the lock.
            if db.execute("PRAGMA user_version").fetchone()[0] == current:
                return
            if db.table_names():
                raise LibraryError("this file is an SQLite database but not a Study Reader library")
            for statement in _statements(schema_sql()):
                db.execute(statement)
        return
    if path is not None:
        from library.store.backup import copy_database, rolling_backup

        # The copy aside, made with SQLite's backup API so it is consistent even while
        # another process writes; plus a rolling backup, which outlives the next upgrade.
        copy_database(db.conn, backup_path(path, version))
        rolling_backup(db.conn, path, force=True)
    with db.atomic():
        version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have upgraded it
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
