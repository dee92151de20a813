"""What a "whole" library is, checked on the file itself (no Study Reader code opens it).

A library is whole when:
- SQLite's `PRAGMA integrity_check` says ok and `PRAGMA foreign_key_check` finds nothing;
- every lesson has its source (whose SHA-256 is the lesson's source_hash) and its reading state;
- each of a lesson's lists (captions, blocks, notes, glossary, unplaced, dropped) is numbered
  0…n-1 with no gaps, and the counts — paragraphs, headings, translations, captions, notes,
  notes anchored, glossary entries, unplaced, dropped — and the title and word count are the
  ones a fresh parse of the stored source gives (the lesson's import report);
- no row anywhere belongs to a lesson that is not there (search rows included);
- a lesson marked indexed has exactly its blocks and title in the English search table and at
  least its translations in the CJK one.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from library.importer import parse_page, report_for
from library.model import Lesson

LISTS = ("captions", "blocks", "notes", "glossary", "unplaced", "dropped")


def expected_counts(lesson: Lesson) -> dict[str, object]:
    """The counts a lesson's stored rows must match."""
    r = report_for(lesson)
    return {
        "title": lesson.title,
        "word_count": lesson.word_count(),
        "paragraphs": r.paragraphs,
        "headings": r.headings,
        "translations": sum(len(b.translations) for b in lesson.blocks),
        "captions": len(lesson.captions),
        "notes": r.notes,
        "notes_anchored": r.notes_anchored,
        "glossary": r.glossary,
        "unplaced": r.unplaced,
        "dropped": len(lesson.dropped),
    }


def problems(path: Path, cache: dict[str, dict[str, object]] | None = None) -> list[str]:
    """Everything that makes the library at `path` not whole (an empty list when it is)."""
    cache = {} if cache is None else cache
    conn = sqlite3.connect(str(path))
    try:
        return _problems(conn, cache)
    finally:
        conn.close()


def _one(conn: sqlite3.Connection, sql: str, *args: object) -> int:
    return int(conn.execute(sql, args).fetchone()[0])


def _problems(conn: sqlite3.Connection, cache: dict[str, dict[str, object]]) -> list[str]:
    out: list[str] = []
    check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if check != ["ok"]:
        return [f"integrity_check: {check[:5]}"]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "lessons" not in tables:
        return []  # killed before the schema was created: an empty file is whole
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        out.append(f"foreign_key_check: {fk[:5]}")
    for table in (*LISTS, "sources", "reading_state", "user_translations", "search_en", "search_cjk"):
        stray = _one(conn, f"SELECT count(*) FROM {table} WHERE lesson_id NOT IN (SELECT id FROM lessons)")
        if stray:
            out.append(f"{stray} rows of {table} belong to no lesson")
    for lesson_id, title, source_hash, word_count, indexed in conn.execute(
        "SELECT id, title, source_hash, word_count, indexed FROM lessons"
    ).fetchall():
        where = f"lesson {lesson_id}"
        row = conn.execute("SELECT data FROM sources WHERE lesson_id = ?", (lesson_id,)).fetchone()
        if row is None:
            out.append(f"{where}: no source")
            continue
        data = bytes(row[0])
        if hashlib.sha256(data).hexdigest() != source_hash:
            out.append(f"{where}: source does not match its hash")
            continue
        if not _one(conn, "SELECT count(*) FROM reading_state WHERE lesson_id = ?", lesson_id):
            out.append(f"{where}: no reading state")
        for table in LISTS:
            n, lo, hi, distinct = conn.execute(
                f"SELECT count(*), min(pos), max(pos), count(DISTINCT pos) FROM {table} WHERE lesson_id = ?",
                (lesson_id,),
            ).fetchone()
            if n and (lo != 0 or hi != n - 1 or distinct != n):
                out.append(f"{where}: {table} positions are not 0…{n - 1}")
        if source_hash not in cache:
            cache[source_hash] = expected_counts(parse_page(data))
        want = cache[source_hash]
        got = {
            "title": title,
            "word_count": word_count,
            "paragraphs": _one(
                conn, "SELECT count(*) FROM blocks WHERE lesson_id = ? AND kind = 'paragraph'", lesson_id
            ),
            "headings": _one(conn, "SELECT count(*) FROM blocks WHERE lesson_id = ? AND kind = 'heading'", lesson_id),
            "translations": _one(
                conn,
                "SELECT count(*) FROM translations t JOIN blocks b ON b.id = t.block_id WHERE b.lesson_id = ?",
                lesson_id,
            ),
            "captions": _one(conn, "SELECT count(*) FROM captions WHERE lesson_id = ?", lesson_id),
            "notes": _one(conn, "SELECT count(*) FROM notes WHERE lesson_id = ?", lesson_id),
            "notes_anchored": _one(
                conn, "SELECT count(*) FROM notes WHERE lesson_id = ? AND anchor_block IS NOT NULL", lesson_id
            ),
            "glossary": _one(conn, "SELECT count(*) FROM glossary WHERE lesson_id = ?", lesson_id),
            "unplaced": _one(conn, "SELECT count(*) FROM unplaced WHERE lesson_id = ?", lesson_id),
            "dropped": _one(conn, "SELECT count(*) FROM dropped WHERE lesson_id = ?", lesson_id),
        }
        if got != want:
            diff = {k: (got[k], want[k]) for k in want if got[k] != want[k]}
            out.append(f"{where}: stored (got, expected) differ: {diff}")
        if indexed:
            blocks = got["paragraphs"] + got["headings"]  # type: ignore[operator]
            en = _one(conn, "SELECT count(*) FROM search_en WHERE lesson_id = ? AND kind IN ('en', 'title')", lesson_id)
            if en not in (blocks + 1, blocks):  # a non-English title is indexed in the CJK table instead
                out.append(f"{where}: indexed, but {en} English search rows for {blocks} blocks and a title")
            users = _one(conn, "SELECT count(*) FROM user_translations WHERE lesson_id = ?", lesson_id)
            cjk = _one(conn, "SELECT count(*) FROM search_cjk WHERE lesson_id = ? AND kind != 'title'", lesson_id)
            if cjk != int(got["translations"]) + users:  # type: ignore[call-overload]
                out.append(f"{where}: indexed, but {cjk} translation search rows for {got['translations']}+{users}")
    return out
