"""The compact JMdict table, built once per machine (per user) and shared by every library and data folder.

It lives in the user's cache folder ($STUDY_READER_DICTIONARY_DIR overrides it), is written whole
or not at all (library/files.py), and records a stamp of the build code and of the JMdict data it
came from: when either changes the table is built again, and the old one answers meanwhile. One
build at a time per machine: a lock file holds the builder's process id and how far it has got, so
a second window or process waits for it (and shows its progress) instead of building it twice.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from library.files import pid_alive, write_atomically
from library.study.jmdict import BuildCancelled, Progress, jmdict_rows

ENV_DIR = "STUDY_READER_DICTIONARY_DIR"
TABLE_NAME = "jmdict-en-ja.db"
LOCK_NAME = "jmdict-en-ja.lock"
# Bump when the rows or their ranking change: every machine's table is then built again.
TABLE_VERSION = "11"
STALE_LOCK_S = 600.0  # a lock without a readable process id is taken for a dead builder's after this

TABLE_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    key TEXT NOT NULL,
    rank INTEGER NOT NULL,
    source TEXT NOT NULL,
    headword TEXT NOT NULL,
    reading TEXT NOT NULL DEFAULT '',
    gloss TEXT NOT NULL DEFAULT '',
    pos TEXT NOT NULL DEFAULT ''
);
"""


class BuildBusy(Exception):
    """Another window or process is building the table now."""


def table_dir() -> Path:
    """The per-user folder the shared table is kept in: the platform's cache folder, or $STUDY_READER_DICTIONARY_DIR."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "study-reader" / "cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches" / "study-reader"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "study-reader"
    return base


def table_path() -> Path:
    """The shared table's file."""
    return table_dir() / TABLE_NAME


def source_stamp(source: Path) -> str:
    """What the table is built from: this build code's version and the JMdict file (its version and size)."""
    try:
        jm = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            version = dict(jm.execute("SELECT key, value FROM meta")).get("jmdict.version", "")
        finally:
            jm.close()
        size = source.stat().st_size
    except (sqlite3.Error, OSError):
        version, size = "", 0
    return f"{TABLE_VERSION}|{version}|{size}"


def table_meta(path: Path) -> dict[str, str]:
    """What a table file records about itself; {} when there is none (or it cannot be read)."""
    if not path.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(conn.execute("SELECT key, value FROM meta"))
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


# --- the lock ------------------------------------------------------------------------------------
def lock_path() -> Path:
    """The lock file beside the table."""
    return table_dir() / LOCK_NAME


def build_progress() -> float | None:
    """How far a live build (of any process) has got, 0.0–1.0; None when none is running."""
    path = lock_path()
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None
    pid, _, share = text.strip().partition(" ")
    if pid.isdigit():
        if not pid_alive(int(pid)):
            return None
    else:  # being written this instant, or an unreadable leftover: young means alive
        with contextlib.suppress(OSError):
            if time.time() - path.stat().st_mtime < STALE_LOCK_S:
                return 0.0
        return None
    try:
        return max(0.0, min(1.0, float(share or 0)))
    except ValueError:
        return 0.0


class BuildLock:
    """The lock file held for the length of one build; it records the builder's progress for others."""

    def __init__(self) -> None:
        self.path = lock_path()
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise BuildBusy when a live build holds it (a dead builder's lock is taken over)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            try:
                self._fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                if build_progress() is not None:
                    raise BuildBusy("the dictionary is being prepared by another window") from None
                with contextlib.suppress(OSError):
                    self.path.unlink()  # a killed builder's
                continue
            self.report(0.0)
            return
        raise BuildBusy("the dictionary is being prepared by another window")

    def report(self, share: float) -> None:
        """Write this process's id and how far it has got."""
        if self._fd is not None:
            text = f"{os.getpid()} {share:.3f}\n".encode("ascii")
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, text)
            os.ftruncate(self._fd, len(text))

    def release(self) -> None:
        """Give the lock up."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            with contextlib.suppress(OSError):
                self.path.unlink()


# --- the build ------------------------------------------------------------------------------------
def build_table(source: Path, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None, dest: Path | None = None) -> dict[str, Any]:
    """Build the shared table from a JMdict file, under the lock; returns rows, keys, seconds, bytes, path.
    Raises BuildBusy when another build is running, BuildCancelled when stopped (nothing is changed then)."""
    target = dest or table_path()
    started = time.perf_counter()
    lock = BuildLock()
    lock.acquire()
    last = [-1.0]

    def say(share: float) -> None:
        if share - last[0] >= 0.01 or share >= 1.0:
            last[0] = share
            lock.report(share)
            if progress is not None:
                progress(share)

    stop = cancelled or (lambda: False)
    try:
        stamp = source_stamp(source)
        jm = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            rows = jmdict_rows(jm, say, stop)
            version = dict(jm.execute("SELECT key, value FROM meta")).get("jmdict.version", "")
        finally:
            jm.close()

        def write(part: Path) -> None:
            conn = sqlite3.connect(str(part), isolation_level=None)
            try:
                # A file nobody reads until it is renamed: no journal needed, and no -wal beside it.
                conn.execute("PRAGMA journal_mode = OFF")
                conn.execute("PRAGMA synchronous = OFF")
                conn.executescript(TABLE_SCHEMA)
                conn.execute("BEGIN")
                chunk = 20_000
                for start in range(0, len(rows), chunk):
                    if stop():
                        raise BuildCancelled("the dictionary build was cancelled")
                    conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", rows[start:start + chunk])
                    say(0.8 + 0.15 * (start + chunk) / max(len(rows), 1))
                conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [
                        ("jmdict.built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
                        ("jmdict.version", version),
                        ("table.version", TABLE_VERSION),
                        ("table.stamp", stamp),
                        ("table.rows", str(len(rows))),
                    ],
                )
                conn.execute("COMMIT")
                conn.execute("CREATE INDEX entries_key ON entries(key, rank)")
            finally:
                conn.close()

        def whole(part: Path) -> bool:
            return table_meta(part).get("table.stamp") == stamp

        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, write, whole)
        say(1.0)
    finally:
        lock.release()
    return {
        "rows": len(rows),
        "keys": len({r[0] for r in rows}),
        "seconds": round(time.perf_counter() - started, 2),
        "bytes": target.stat().st_size,
        "path": str(target),
    }


__all__ = ["BuildBusy", "BuildCancelled", "build_progress", "build_table", "table_meta", "table_path"]
