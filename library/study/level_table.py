"""cefrpy's word levels as a small SQLite table, built once per machine (per user) beside the
dictionary table, and looked up a batch of words at a time.

Levelling needs the level of each distinct word of a text, a few hundred to ten thousand of
cefrpy's 172,000 words; held as a Python dict the whole list took ~27 MB in every process that
levelled a lesson (~35 MB while it was read). The table is ~4 MB on disk and a lookup reads only the
pages it needs. It is written whole or not at all (library/files.py) and records a stamp of this
code and of cefrpy's data file: when either changes it is built again. Where the folder cannot be
written, the levels are read into memory as before.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from library.files import write_atomically

TABLE_NAME = "cefr-levels.db"
# Bump when the rows change (how a word's level is worked out): every machine's table is built again.
TABLE_VERSION = "2"  # 2: each word's level as anything but a name too (table `common`)
_CHUNK = 500  # words per query, where SQLite has no JSON
_SELECT_JSON = "SELECT word, level FROM {table} WHERE word IN (SELECT value FROM json_each(?))"

_lock = threading.Lock()
_conn: sqlite3.Connection | None = None
_memory: dict[str, int] | None = None  # where no table could be written
_memory_common: dict[str, int] | None = None


def table_path() -> Path:
    """The table's file, in the dictionary table's folder ($STUDY_READER_DICTIONARY_DIR overrides it)."""
    from library.study.dictionary_table import table_dir

    return table_dir() / TABLE_NAME


def source_stamp() -> str:
    """What the table is built from: this code's version and cefrpy's data file (its size)."""
    from library.study.word_table import cefr_data_path

    return f"{TABLE_VERSION}|{cefr_data_path().stat().st_size}"


def _stamp_of(path: Path) -> str | None:
    """The stamp a table file records; None when there is none (or it cannot be read)."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'table.stamp'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def build_table(dest: Path | None = None) -> Path:
    """Write the table (every word → the level index 0–5 of its easiest part of speech) whole."""
    from library.study.word_table import cefr_common_by_length, cefr_levels_by_length

    target = dest or table_path()
    stamp = source_stamp()

    def write(part: Path) -> None:
        conn = sqlite3.connect(str(part), isolation_level=None)
        try:
            # A file nobody reads until it is renamed: no journal needed.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.executescript(
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "CREATE TABLE levels (word TEXT PRIMARY KEY, level INTEGER NOT NULL) WITHOUT ROWID;"
                "CREATE TABLE common (word TEXT PRIMARY KEY, level INTEGER NOT NULL) WITHOUT ROWID;"
            )
            conn.execute("BEGIN")
            rows = 0
            for levels in cefr_levels_by_length():  # one word length at a time: little held at once
                conn.executemany("INSERT INTO levels VALUES (?, ?)", levels.items())
                rows += len(levels)
            for levels in cefr_common_by_length():
                conn.executemany("INSERT INTO common VALUES (?, ?)", levels.items())
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("table.version", TABLE_VERSION), ("table.stamp", stamp), ("table.rows", str(rows))],
            )
            conn.execute("COMMIT")
        finally:
            conn.close()

    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, write, lambda part: _stamp_of(part) == stamp)
    return target


def _open() -> sqlite3.Connection | None:
    """The table, built first where it is missing or stale; None where it cannot be written."""
    global _conn, _memory
    if _conn is None and _memory is None:
        with _lock:
            if _conn is None and _memory is None:
                try:
                    path = table_path()
                    if _stamp_of(path) != source_stamp():
                        build_table(path)
                    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                    conn.execute("PRAGMA cache_size = -1024")  # 1 MB of pages at most
                    conn.execute("PRAGMA mmap_size = 8388608")  # the file (~3 MB) read in place
                    _conn = conn
                except (OSError, sqlite3.Error):
                    from library.study.word_table import cefr_table

                    _memory = cefr_table()
    return _conn


def levels_of(words: Iterable[str]) -> dict[str, int]:
    """The level index (0–5) of each of these lower-case words the list has (the others left out)."""
    return _select("levels", words)


def common_levels_of(words: Iterable[str]) -> dict[str, int]:
    """As levels_of, each word's easiest level as anything but a name: a word the list has only as
    a name (john, takashi), or not at all, is left out."""
    return _select("common", words)


def _select(table_name: str, words: Iterable[str]) -> dict[str, int]:
    global _memory_common
    todo = list(dict.fromkeys(words))
    conn = _open()
    if conn is None:
        if table_name == "common" and _memory_common is None:
            from library.study.word_table import cefr_common_by_length

            _memory_common = {w: v for levels in cefr_common_by_length() for w, v in levels.items()}
        table = (_memory_common if table_name == "common" else _memory) or {}
        return {w: table[w] for w in todo if w in table}
    # In the table's order (its pages read in turn), all in one statement where SQLite has JSON.
    todo.sort()
    with _lock:  # one connection, used by the window's thread and its import worker
        try:
            return dict(conn.execute(_SELECT_JSON.format(table=table_name), [json.dumps(todo)]).fetchall())
        except sqlite3.OperationalError:  # an SQLite built without JSON
            found: dict[str, int] = {}
            for start in range(0, len(todo), _CHUNK):
                chunk = todo[start : start + _CHUNK]
                sql = f"SELECT word, level FROM {table_name} WHERE word IN ({','.join('?' * len(chunk))})"
                found.update(conn.execute(sql, chunk).fetchall())
            return found


def listed_level(word: str) -> int:
    """Level index 0–5 of a lower-case word in the list, or -1."""
    return levels_of([word]).get(word, -1)


def load() -> None:
    """Open the table now (building it where it is missing or stale)."""
    _open()


def close() -> None:
    """Forget the open table (the next lookup opens it again, wherever the folder is then)."""
    global _conn, _memory, _memory_common
    with _lock:
        if _conn is not None:
            _conn.close()
        _conn, _memory, _memory_common = None, None, None
