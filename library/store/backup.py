"""Backups of a library file: consistent copies (SQLite's backup API), a few rolling ones, restore.

Rolling backups live in a folder beside the library (`library.db.backups/`), named by time
so that sorting them sorts them by age. A copy is written to a `.part` file, checked, and
only then renamed into place, so a crash mid-backup never leaves a half copy that looks whole;
a `.part` left by a killed process is removed on the next open (`remove_stale_parts`).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from library.errors import LibraryError
from library.files import check_destination
from library.store import schema
from library.store.connection import check_integrity, connect, nothing_left_if_refused
from library.store.sessions import open_elsewhere

BACKUPS_KEPT = 3
BACKUP_EVERY_S = 24 * 3600
# A `.part` this old is no copy in progress (a backup takes seconds) but one a kill left behind.
STALE_PART_S = 600.0


def backups_dir(path: Path) -> Path:
    """The folder holding the rolling backups of the library at `path`."""
    return path.with_name(path.name + ".backups")


def list_backups(path: Path) -> list[Path]:
    """Rolling backups of the library at `path`, newest first."""
    folder = backups_dir(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*.db"), reverse=True)


def aside_path(path: Path, version: int) -> Path:
    """Where the copy made before an upgrade from `version` goes."""
    return path.with_name(f"{path.name}.v{version}.bak")


def restore_hint(path: Path, tr: Callable[[str], str] = str) -> str:
    """One sentence telling the user how to get the library at `path` back (in `tr`'s language).

    The command names the library with --library: followed as printed, it restores this file,
    not whichever library the default or $STUDY_READER_LIBRARY would pick."""
    backups = list_backups(path)
    target = f"--library {shlex.quote(str(path))}"
    if backups:
        return tr("Restore the newest backup with: {command}").format(
            command=f"study-reader restore {target} {shlex.quote(str(backups[0]))}"
        )
    return tr("No backup of it was found; restore a copy of your own with: {command}").format(
        command=f"study-reader restore {target} FILE"
    )


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def copy_database(source: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent, checked copy of an open database to `dest` (replacing a regular file
    there, nothing else) and return it; on any failure nothing is left behind."""
    check_destination(dest)
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    try:
        out = sqlite3.connect(str(part), isolation_level=None)
        try:
            source.backup(out)
            # One self-contained file: no -wal beside it.
            out.execute("PRAGMA journal_mode = DELETE")
            problems = [r[0] for r in out.execute("PRAGMA quick_check(3)")]
            if problems != ["ok"]:
                raise sqlite3.DatabaseError(f"the copy fails its check: {'; '.join(problems)}")
        finally:
            out.close()
        with part.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(part, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise
    return dest


def remove_stale_parts(path: Path, others_open: bool) -> list[Path]:
    """Remove the `.part` copies a killed backup left beside the library or among its backups.
    While another process has the library open, only old ones: a young one may be its copy in progress."""
    now = time.time()
    removed: list[Path] = []
    parts = [*path.parent.glob(f"{path.name}.*.part"), *backups_dir(path).glob("*.part")]
    for part in parts:
        with contextlib.suppress(OSError):
            if others_open and now - part.stat().st_mtime < STALE_PART_S:
                continue
            part.unlink()
            removed.append(part)
    return removed


def rolling_backup(
    conn: sqlite3.Connection,
    path: Path,
    *,
    force: bool = False,
    keep: int = BACKUPS_KEPT,
    every: float = BACKUP_EVERY_S,
) -> Path | None:
    """Add a rolling backup unless the newest is younger than `every` seconds (or `force`);
    keep the `keep` newest. Returns the new backup, if one was made."""
    existing = list_backups(path)
    if existing and not force and time.time() - existing[0].stat().st_mtime < every:
        return None
    backups_dir(path).mkdir(parents=True, exist_ok=True)
    made = copy_database(conn, backups_dir(path) / f"{path.stem}-{_stamp()}.db")
    for old in list_backups(path)[keep:]:
        old.unlink(missing_ok=True)
    return made


def check_library_file(path: Path) -> int:
    """The schema version of a library file that passes a full integrity check and holds every
    table its version has; LibraryError otherwise (and nothing left beside a refused file)."""
    if not path.exists():
        raise LibraryError(f"{path}: no such file")
    if not path.is_file():
        raise LibraryError(f"{path} is not a regular file (a folder, a device or a pipe); name a library file")
    with nothing_left_if_refused(path):
        return _checked_version(path)


def _checked_version(path: Path) -> int:
    """check_library_file's checks, on a read-only connection closed before it returns."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{path}: not a library file ({exc})") from exc
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if rows != ["ok"]:
            raise LibraryError(f"{path} is damaged too (integrity check: {'; '.join(rows)[:200]})")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{path}: not a library file ({exc})") from exc
    finally:
        conn.close()
    problem = schema.version_problem(version, tables) or ("it is empty" if version == 0 else None)
    if problem:
        raise LibraryError(f"{path}: {problem}")
    return version


def restore(path: Path, source: Path) -> Path:
    """Replace the library at `path` with the checked library file `source`; the current
    library is kept aside first. Returns where it was kept."""
    check_library_file(source)
    kept = path.with_name(f"{path.name}.before-restore-{_stamp()}")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if path.exists():
            try:
                _restore_live(path, src, kept)
                return kept
            except sqlite3.DatabaseError:
                pass  # the current file is too damaged to copy: move it (and its journal) aside instead
            if open_elsewhere(path):
                # Its -wal and -shm are in use there: moved, that process would write into files gone aside.
                raise LibraryError(f"{path} is open in another Study Reader: close it, then restore again")
            for suffix in ("", "-wal", "-shm"):
                side = Path(str(path) + suffix)
                if side.exists():
                    os.replace(side, Path(str(kept) + suffix))
        path.parent.mkdir(parents=True, exist_ok=True)
        copy_database(src, path)
    finally:
        src.close()
    return kept


def _restore_live(path: Path, src: sqlite3.Connection, kept: Path) -> None:
    """Keep the current library aside, then copy `src` into it through SQLite (which takes the
    locks, so another process with the library open sees the restored content, not a torn file)."""
    live = connect(path)
    try:
        with contextlib.suppress(Exception):
            check_integrity(live, path)
            copy_database(live, kept)
        if not kept.exists():
            raise sqlite3.DatabaseError("the current library cannot be copied")
        src.backup(live)
    finally:
        live.close()
