"""The levelled worksheet's word lists, worked out once per machine into a small SQLite table beside
the level table (library/study/level_table.py) and read a few rows at a time: each word's levels by
part of speech in cefrpy's list, and the distractor pools, by level, word class and form.

Working them out reads cefrpy's whole list, levels some 20,000 words and asks lemminflect and
wordfreq about each (~5 s, a 5 MB file); the first worksheet of a process did most of that through
cefrpy's analyser, 2.3 s of CPU. The table is built by `study-reader level`, after it levels (the
window runs it in a process of its own once it is up, where lessons wait for their levels: at a
first start, after an import from the command line or an upgrade that levels words otherwise), or
else by the first worksheet that needs it. It is written whole or not at all and records a stamp of
this code and of the level table's sources; where its folder cannot be written, the lists are
worked out in memory.

A pool row is (level, word class, form tag, lemma, form): a lemma the list puts at that level as
that class (its base form: NN, VB, JJ, RB), at most 10 letters, never taken for a name, a lemma of
that class for lemminflect too, shown (levels.word_level) within a level of it and at Zipf 3.5 or
more; and its form for each tag lemminflect can put it in that is common and near the level too.
Offensive words are left out by the worksheet as it reads the rows (reader/teaching/excluded_words.py)."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from library.files import write_atomically
from library.study import level_table
from library.study.level_table import _stamp_of as stamp_of  # the same meta row, read the same way

TABLE_NAME = "worksheet-words.db"
# Bump when the rows change (how a pool or a word's levels are worked out): every machine builds it again.
TABLE_VERSION = "1"
# lemminflect's tags by word class; the first is the class's base form
INFLECTIONS = {
    "NOUN": ("NN", "NNS"),
    "VERB": ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ"),
    "ADJ": ("JJ", "JJR", "JJS"),
    "ADV": ("RB", "RBR", "RBS"),
}
MIN_DISTRACTOR_ZIPF = 3.5  # a distractor a learner has met: seen at least ~3 times in a million words
MAX_LETTERS = 10

log = logging.getLogger(__name__)
_lock = threading.Lock()
_conn: sqlite3.Connection | None = None
_memory: tuple[dict[str, dict[str, str]], list[tuple[str, str, str, str, str]]] | None = None


def table_path() -> Path:
    """The table's file, in the level table's folder."""
    from library.study.dictionary_table import table_dir

    return table_dir() / TABLE_NAME


def source_stamp() -> str:
    """This code's version and what the level table is built from (the pools level words by it)."""
    return f"{TABLE_VERSION}|{level_table.source_stamp()}|{level_table.LEVELS_VERSION}"


def is_current() -> bool:
    """Whether the table is built for this program and its lists (one small read)."""
    try:
        return stamp_of(table_path()) == source_stamp()
    except OSError:
        return False


def list_levels() -> dict[str, dict[str, str]]:
    """Every word of cefrpy's list of 4 letters or more, lower-case letters only → {tag: level}
    (what its analyser's yield_word_pos_level gives, read from its file in whole slices)."""
    from cefrpy import POSTag

    from library.study.levels import LEVELS
    from library.study.word_table import cefr_levels_by_part

    tags = {p.value: p.name for p in POSTag}
    return {w: {tags[p]: LEVELS[v] for p, v in parts.items()} for w, parts in cefr_levels_by_part().items()
            if len(w) >= 4 and w.isalpha() and w.islower()}


def near_level(word: str, level: str) -> bool:
    """Whether a word shows (levels.word_level, as the gaps do) at `level` or one level either side."""
    from library.study.levels import LEVELS, word_level

    shown = word_level(word)
    return shown is not None and abs(LEVELS.index(shown) - LEVELS.index(level)) <= 1


def pool_rows(by_word: dict[str, dict[str, str]]) -> Iterator[tuple[str, str, str, str, str]]:
    """The pools' (level, class, tag, lemma, form) rows, from each word's {tag: level} of the list."""
    import lemminflect
    from wordfreq import zipf_frequency

    from library.study.levels import LEVELS
    from library.study.saved_levels import prepare

    def common(word: str) -> bool:
        return zipf_frequency(word, "en", wordlist="large") >= MIN_DISTRACTOR_ZIPF

    by_base: dict[tuple[str, str], list[str]] = {}
    for word, levels in sorted(by_word.items()):
        if len(word) <= MAX_LETTERS and "NNP" not in levels:
            for upos, tags in INFLECTIONS.items():
                if tags[0] in levels:
                    by_base.setdefault((levels[tags[0]], upos), []).append(word)
    prepare(w for words in by_base.values() for w in words)  # each word's level as a lesson shows it, at once
    lemmas = {key: [w for w in words if near_level(w, key[0]) and w in lemminflect.getAllLemmas(w).get(key[1], ())
                    and common(w)] for key, words in by_base.items()}
    forms = {(lemma, upos): {tag: lemminflect.getInflection(lemma, tag) for tag in INFLECTIONS[upos][1:]}
             for (_level, upos), found in lemmas.items() for lemma in found}
    prepare(f[0] for by_tag in forms.values() for f in by_tag.values() if f)
    for level in LEVELS:
        for upos, tags in INFLECTIONS.items():
            for lemma in lemmas.get((level, upos), []):
                yield level, upos, tags[0], lemma, lemma
                for tag, found in forms[lemma, upos].items():
                    # A common lemma may have a rare form (canon → canons), or an easy one (test → testing, A2).
                    if found and near_level(found[0], level) and common(found[0]):
                        yield level, upos, tag, lemma, found[0]


def build_table(dest: Path | None = None) -> Path:
    """Write the table whole: the list's levels by tag (`tags`) and the distractor pools (`pools`)."""
    target = dest or table_path()
    stamp = source_stamp()
    by_word = list_levels()
    pools = list(pool_rows(by_word))

    def write(part: Path) -> None:
        conn = sqlite3.connect(str(part), isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.executescript(
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                # a word's levels as "NN B1 VB C1": one row a word, the file half the size of a row a tag
                "CREATE TABLE tags (word TEXT PRIMARY KEY, levels TEXT NOT NULL) WITHOUT ROWID;"
                "CREATE TABLE pools (level TEXT NOT NULL, upos TEXT NOT NULL, tag TEXT NOT NULL, lemma TEXT NOT NULL,"
                " form TEXT NOT NULL, PRIMARY KEY (level, upos, tag, lemma)) WITHOUT ROWID;"
            )
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO tags VALUES (?, ?)", ((w, " ".join(f"{t} {lv}" for t, lv in levels.items()))
                                                               for w, levels in sorted(by_word.items())))
            conn.executemany("INSERT INTO pools VALUES (?, ?, ?, ?, ?)", sorted(pools))
            meta = [("table.version", TABLE_VERSION), ("table.stamp", stamp)]
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta)
            conn.execute("COMMIT")
        finally:
            conn.close()

    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, write, lambda part: stamp_of(part) == stamp)
    return target


def _open() -> sqlite3.Connection | None:
    """The table, built first where it is missing or stale; None where it cannot be written (the
    lists are then worked out into memory)."""
    global _conn, _memory
    if _conn is None and _memory is None:
        with _lock:
            if _conn is None and _memory is None:
                try:
                    path = table_path()
                    if stamp_of(path) != source_stamp():
                        build_table(path)
                    _conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                except (OSError, sqlite3.Error):
                    by_word = list_levels()
                    _memory = (by_word, list(pool_rows(by_word)))
    return _conn


def ensure() -> None:
    """Build the table where it is missing or stale (`study-reader level` does, after levelling);
    where its folder cannot be written, nothing is done (a worksheet works the lists out then)."""
    if is_current():
        return
    with _lock:
        try:
            if not is_current():
                build_table(table_path())
        except (OSError, sqlite3.Error):
            log.warning("could not write the worksheets' word lists", exc_info=True)


def tag_levels(words: Iterable[str]) -> dict[str, dict[str, str]]:
    """Each of these lower-case words the list has (4 letters or more) → {tag: level}."""
    todo = sorted(set(words))
    conn = _open()
    if conn is None:
        table = _memory[0] if _memory else {}
        return {w: table[w] for w in todo if w in table}
    if not todo:
        return {}
    with _lock:
        sql = f"SELECT word, levels FROM tags WHERE word IN ({','.join('?' * len(todo))})"
        rows = conn.execute(sql, todo).fetchall()
    return {word: dict(zip(levels.split()[::2], levels.split()[1::2], strict=True)) for word, levels in rows}


def pool(level: str, upos: str) -> dict[str, dict[str, str]]:
    """The pool of a level and class: lemma → {tag: its form}, the lemmas in alphabetical order."""
    conn = _open()
    if conn is None:
        rows = [(t, lemma, f) for lv, u, t, lemma, f in (_memory[1] if _memory else []) if (lv, u) == (level, upos)]
    else:
        with _lock:
            rows = conn.execute("SELECT tag, lemma, form FROM pools WHERE level = ? AND upos = ?",
                                [level, upos]).fetchall()
    base = INFLECTIONS[upos][0]
    out: dict[str, dict[str, str]] = {lemma: {} for tag, lemma, _f in sorted(rows, key=lambda r: r[1]) if tag == base}
    for tag, lemma, form in rows:
        if lemma in out:
            out[lemma][tag] = form
    return out


def close() -> None:
    """Forget the open table (the next lookup opens it again, wherever the folder is then)."""
    global _conn, _memory
    with _lock:
        if _conn is not None:
            _conn.close()
        _conn, _memory = None, None
