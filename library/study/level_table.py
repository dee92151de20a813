"""cefrpy's word levels as a small SQLite table, built once per machine (per user) beside the
dictionary table, and looked up a batch of words at a time.

Levelling needs the level of each distinct word of a text, a few hundred to ten thousand of
cefrpy's 172,000 words; held as a Python dict the whole list took ~27 MB in every process that
levelled a lesson (~35 MB while it was read). The table is ~6 MB on disk and a lookup reads only the
pages it needs. It also holds the words a lemma guessed for a word lemminflect does not list may be
(library/study/guessed_lemmas.py), so that a levelling reads neither wordfreq nor lemminflect's
inflection table. It is written whole or not at all (library/files.py) and records a stamp of this
code and of the data files it is built from: when one changes it is built again. Where the folder
cannot be written, the levels are read into memory as before.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from library.files import write_atomically

TABLE_NAME = "cefr-levels.db"
# Bump when the rows change (how a word's level is worked out): every machine's table is built again.
# 2: each word's level as anything but a name too (table `common`); 3: the words a guessed lemma may be
TABLE_VERSION = "3"
# Bump when levelling a lesson gives other numbers or lemmas (a word's level or lemma: the rows of
# `levels`, `common` or `words`, or levels.py's rules): every library's lessons are levelled again,
# as each lesson's stored levels record the stamp they were worked out with (levels_stamp).
LEVELS_VERSION = "1"
_CHUNK = 500  # words per query, where SQLite has no JSON
_SELECT_JSON = "SELECT {columns} FROM {table} WHERE word IN (SELECT value FROM json_each(?))"

_lock = threading.Lock()
_conn: sqlite3.Connection | None = None
_memory: dict[str, int] | None = None  # where no table could be written
_memory_common: dict[str, int] | None = None
_memory_words: set[str] | None = None


def table_path() -> Path:
    """The table's file, in the dictionary table's folder ($STUDY_READER_DICTIONARY_DIR overrides it)."""
    from library.study.dictionary_table import table_dir

    return table_dir() / TABLE_NAME


def source_stamp() -> str:
    """What the table is built from: this code's version, cefrpy's data file, lemminflect's
    inflection files and wordfreq's large English list (their sizes)."""
    return "|".join([TABLE_VERSION, *_data_sizes()])


def levels_stamp() -> str:
    """What a lesson's levels are worked out with: LEVELS_VERSION and the sizes of the data files
    the table is built from (a new cefrpy or wordfreq list may level words otherwise). The table's
    own version is not in it: a table built again for other rows leaves stored levels as they are."""
    return "|".join(["levels", LEVELS_VERSION, *_data_sizes()])


def _data_sizes() -> list[str]:
    """The sizes of cefrpy's data file, lemminflect's inflection files and wordfreq's large English
    list (a few stat calls: no data is read)."""
    from library.study.guessed_lemmas import inflection_files
    from library.study.word_table import cefr_data_path, wordfreq_path

    sizes = [cefr_data_path(), *inflection_files(), wordfreq_path()]
    return [str(p.stat().st_size) if p and p.exists() else "-" for p in sizes]


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
    from library.study.guessed_lemmas import lemma_words
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
                "CREATE TABLE words (word TEXT PRIMARY KEY) WITHOUT ROWID;"
            )
            conn.execute("BEGIN")
            rows = 0
            for levels in cefr_levels_by_length():  # one word length at a time: little held at once
                conn.executemany("INSERT INTO levels VALUES (?, ?)", levels.items())
                rows += len(levels)
            for levels in cefr_common_by_length():
                conn.executemany("INSERT INTO common VALUES (?, ?)", levels.items())
            conn.executemany("INSERT INTO words VALUES (?)", ((w,) for w in sorted(lemma_words())))
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
                    conn.execute("PRAGMA mmap_size = 8388608")  # the file (~6 MB) read in place
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


def lemma_words_among(words: Iterable[str]) -> set[str]:
    """Of these lower-case words, those a lemma guessed for an unlisted word may be: lemminflect's
    inflected lemmas and wordfreq's words at Zipf 3 or more (guessed_lemmas.lemma_words)."""
    global _memory_words
    todo = sorted(set(words))
    if not todo:
        return set()
    conn = _open()
    if conn is None:
        if _memory_words is None:
            from library.study.guessed_lemmas import lemma_words

            _memory_words = lemma_words()
        return {w for w in todo if w in _memory_words}
    return {row[0] for row in _rows(conn, "words", "word", todo)}


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
    return dict(_rows(conn, table_name, "word, level", todo))


def _rows(conn: sqlite3.Connection, table_name: str, columns: str, todo: list[str]) -> list[Any]:
    """The rows of these words (sorted), in one statement where SQLite has JSON."""
    with _lock:  # one connection, used by the window's thread and its import worker
        try:
            return conn.execute(_SELECT_JSON.format(columns=columns, table=table_name), [json.dumps(todo)]).fetchall()
        except sqlite3.OperationalError:  # an SQLite built without JSON
            found: list[Any] = []
            for start in range(0, len(todo), _CHUNK):
                chunk = todo[start : start + _CHUNK]
                sql = f"SELECT {columns} FROM {table_name} WHERE word IN ({','.join('?' * len(chunk))})"
                found += conn.execute(sql, chunk).fetchall()
            return found


def listed_level(word: str) -> int:
    """Level index 0–5 of a lower-case word in the list, or -1."""
    return levels_of([word]).get(word, -1)


def load() -> None:
    """Open the table now (building it where it is missing or stale)."""
    _open()


def close() -> None:
    """Forget the open table (the next lookup opens it again, wherever the folder is then)."""
    global _conn, _memory, _memory_common, _memory_words
    with _lock:
        if _conn is not None:
            _conn.close()
        _conn, _memory, _memory_common, _memory_words = None, None, None, None
