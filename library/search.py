"""Full-text search over English and translation text (SQLite FTS5)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from library.model import BOOK_TITLE_SEPARATOR
from library.store.database import Database

_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_PATTERNS = {
    "cjk": f"[{_CJK_CHARS}]",
    "word": r"\w+",
    "cjk_run": f"[{_CJK_CHARS}]+",
    "cjk_only": f"[{_CJK_CHARS}]{{1,2}}",
}


@cache
def _pattern(name: str) -> re.Pattern[str]:
    """The search patterns, compiled when a search first needs them (not while the window starts)."""
    return re.compile(_PATTERNS[name])


# A hit's title as the library lists it: "Book › Chapter" for a book's chapter.
_TITLE = (
    f"coalesce((SELECT b.title || '{BOOK_TITLE_SEPARATOR}' FROM book_chapters c JOIN books b ON b.id = c.book_id"
    " WHERE c.lesson_id = l.id), '') || coalesce(l.user_title, l.title)"
)
# A lesson's rows in the search tables have rowids (lesson_id << 21) + n.
ROWS_PER_LESSON_BITS = 21
# FTS5's snippet() weighs every match of a row against every other: over one paragraph of
# 850 KB it took 6.7 s, 3.4 MB 170 s. Rows longer than this get a snippet made here instead,
# in one pass over the row's text (about 1 ms a megabyte).
SNIPPET_ROW_LIMIT = 20_000


def _snippet_columns(table: str, tokens: int) -> str:
    """SQL for a hit's snippet by FTS5 (short rows) and its whole text (long rows, else NULL)."""
    return (
        f"CASE WHEN length(s.text) <= {SNIPPET_ROW_LIMIT} THEN snippet({table}, 0, '[', ']', '…', {tokens}) END,"
        f" CASE WHEN length(s.text) > {SNIPPET_ROW_LIMIT} THEN s.text END"
    )


@dataclass
class SearchHit:
    """One matching block: which lesson, which paragraph, in which language, with a snippet."""

    lesson_id: int
    title: str
    block_pos: int
    lang: str
    snippet: str


class Search:
    """Searching one library."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- the index ------------------------------------------------------------------
    def pending(self) -> int:
        """How many lessons are not in the search index yet."""
        return int(self._db.execute("SELECT count(*) FROM lessons WHERE indexed = 0").fetchone()[0])

    def index_pending(self, limit: int | None = None, batch: int = 200) -> int:
        """Add lessons that are not indexed yet to the search index; returns how many.

        Imports commit first and index after, so a lesson is readable at once and a crash
        between the two only leaves indexing to be done again, which this does.
        """
        done = 0
        while limit is None or done < limit:
            size = batch if limit is None else min(batch, limit - done)
            ids = [
                r[0] for r in self._db.execute("SELECT id FROM lessons WHERE indexed = 0 ORDER BY id LIMIT ?", [size])
            ]
            if not ids:
                break
            with self._db.atomic():
                # Old rows out first, for the whole batch: a delete is a read, and an FTS5 read
                # flushes the terms inserted so far to disk, so deleting between inserts would
                # flush once a lesson (about half of all indexing time).
                for lesson_id in ids:
                    self.forget(lesson_id)
                for lesson_id in ids:
                    self._index(lesson_id)
            done += len(ids)
        return done

    def _index(self, lesson_id: int) -> None:
        """Add a lesson's rows (its old ones already forgotten) and mark it indexed."""
        conn = self._db.conn
        rows = conn.execute(
            "SELECT text, pos, 'en' FROM blocks WHERE lesson_id = ?1"
            " UNION ALL SELECT t.text, b.pos, t.lang FROM translations t"
            " JOIN blocks b ON b.id = t.block_id WHERE b.lesson_id = ?1"
            # (a negative block_pos: a translation kept for a line that is no paragraph now, not shown)
            " UNION ALL SELECT text, block_pos, 'user:' || lang FROM user_translations"
            " WHERE lesson_id = ?1 AND block_pos >= 0"
            " UNION ALL SELECT coalesce(user_title, title), -1, 'title' FROM lessons WHERE id = ?1",
            (lesson_id,),
        ).fetchall()
        base = lesson_id << ROWS_PER_LESSON_BITS
        from library.importer.normalise import language_of  # loaded when indexing, not at start-up

        english = [
            (base + i, t, lesson_id, pos, kind) for i, (t, pos, kind) in enumerate(rows) if kind in ("en", "title")
        ]
        other = [
            (base + i, t, lesson_id, pos, kind) for i, (t, pos, kind) in enumerate(rows) if kind not in ("en", "title")
        ]
        if any(kind == "title" and language_of(t) not in ("en", "") for _, t, _, _, kind in english):
            other += [(r[0] + len(rows), *r[1:]) for r in english if r[4] == "title"]
        insert = "INSERT INTO {} (rowid, text, lesson_id, block_pos, kind) VALUES (?, ?, ?, ?, ?)"
        conn.executemany(insert.format("search_en"), english)
        conn.executemany(insert.format("search_cjk"), other)
        conn.executemany(
            "INSERT INTO search_bigram (rowid, grams) VALUES (?, ?)", [(r[0], bigrams(r[1])) for r in other]
        )
        conn.execute("UPDATE lessons SET indexed = 1 WHERE id = ?", (lesson_id,))

    def forget(self, lesson_id: int) -> None:
        """Take a lesson out of the index (the caller holds the transaction)."""
        forget_lesson(self._db, lesson_id)

    # --- queries --------------------------------------------------------------------
    def query(self, text: str, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Blocks whose English or translation text matches `text`.

        English matches whole words and word starts ("open sou" finds "open source"); CJK
        text matches any substring, as Japanese and Chinese need. Latin-script queries also
        look in translations, which often carry names in Latin script.
        """
        self.index_pending()
        needle = " ".join(text.split())
        if not needle:
            return []
        hits: list[SearchHit] = []
        if not _pattern("cjk").search(needle):
            hits += self._english(needle, limit + offset)
        hits += self._cjk(needle, limit + offset)
        # Newest lessons first; within a lesson, in reading order (rowids run in that order).
        hits.sort(key=lambda h: (-h.lesson_id, h.block_pos, h.lang != "en"))
        return hits[offset : offset + limit]

    def _english(self, needle: str, limit: int) -> list[SearchHit]:
        words = _pattern("word").findall(needle)
        if not words:
            return []
        phrase = '"' + " ".join(words) + '" *'
        sql = (
            "SELECT s.lesson_id, " + _TITLE + ", s.block_pos, s.kind, " + _snippet_columns("search_en", 16) + ""
            " FROM search_en s JOIN lessons l ON l.id = s.lesson_id"
            " WHERE search_en MATCH ? ORDER BY s.rowid DESC LIMIT ?"
        )
        return [
            self._hit(lid, title, pos, kind, snippet if long is None else _word_snippet(long, words))
            for lid, title, pos, kind, snippet, long in self._db.execute(sql, [phrase, limit])
        ]

    def _cjk(self, needle: str, limit: int) -> list[SearchHit]:
        if len(needle) >= 3:
            # A quoted phrase on the trigram index is a substring match, served by the index.
            sql = (
                "SELECT s.lesson_id, " + _TITLE + ", s.block_pos, s.kind, " + _snippet_columns("search_cjk", 48) + ""
                " FROM search_cjk s JOIN lessons l ON l.id = s.lesson_id"
                " WHERE search_cjk MATCH ? ORDER BY s.rowid DESC LIMIT ?"
            )
            params: list[object] = ['"' + needle.replace('"', '""') + '"', limit]
            return [
                self._hit(lid, title, pos, kind, snippet if long is None else _snippet(long, needle))
                for lid, title, pos, kind, snippet, long in self._db.execute(sql, params)
            ]
        if _pattern("cjk_only").fullmatch(needle):
            # One or two CJK characters, below the trigram size: a word match on the pairs.
            match = f'"{needle}"' if len(needle) == 2 else f'"{needle}" OR "{needle}"*'
            sql = (
                "SELECT s.lesson_id, " + _TITLE + ", s.block_pos, s.kind, s.text"
                " FROM search_bigram g JOIN search_cjk s ON s.rowid = g.rowid JOIN lessons l ON l.id = s.lesson_id"
                " WHERE search_bigram MATCH ? ORDER BY g.rowid DESC LIMIT ?"
            )
            rows = self._db.execute(sql, [match, limit])
        else:
            # Anything else that short (a Latin letter or two, punctuation): a scan.
            sql = (
                "SELECT s.lesson_id, " + _TITLE + ", s.block_pos, s.kind, s.text"
                " FROM search_cjk s JOIN lessons l ON l.id = s.lesson_id"
                " WHERE s.text LIKE ? ESCAPE '\\' ORDER BY s.rowid DESC LIMIT ?"
            )
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows = self._db.execute(sql, [f"%{escaped}%", limit])
        return [self._hit(lid, title, pos, kind, _snippet(body, needle)) for lid, title, pos, kind, body in rows]

    @staticmethod
    def _hit(lesson_id: int, title: str, pos: int, kind: str, snippet: str) -> SearchHit:
        return SearchHit(int(lesson_id), title, int(pos), kind.split(":", 1)[-1], snippet)


def bigrams(text: str) -> str:
    """Overlapping pairs of the CJK characters in `text`, and each run's last character alone."""
    out: list[str] = []
    for run in _pattern("cjk_run").findall(text):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
        out.append(run[-1])
    return " ".join(out)


def forget_lesson(db: Database, lesson_id: int) -> None:
    """Delete a lesson's rows from the search tables (the caller holds the transaction)."""
    # Rows of a lesson have rowids in one range: deleting by rowid uses the index, where
    # the lesson_id column (UNINDEXED) would mean scanning every row.
    lo, hi = lesson_id << ROWS_PER_LESSON_BITS, (lesson_id + 1) << ROWS_PER_LESSON_BITS
    db.execute("DELETE FROM search_en WHERE rowid >= ? AND rowid < ?", [lo, hi])
    db.execute("DELETE FROM search_cjk WHERE rowid >= ? AND rowid < ?", [lo, hi])
    db.execute("DELETE FROM search_bigram WHERE rowid >= ? AND rowid < ?", [lo, hi])


def _snippet(text: str, needle: str, width: int = 40) -> str:
    """A short window of `text` around the first match, the match in brackets."""
    i = text.lower().find(needle.lower())
    return _window(text, i, len(needle), width)


def _word_snippet(text: str, words: list[str], width: int = 40) -> str:
    """A short window of `text` around the first place its words follow one another (the
    last as a word start), as the English index matches them; the match in brackets."""
    gap = r"\W+"
    pattern = r"(?<!\w)" + gap.join(re.escape(w) for w in words) + r"\w*"
    m = re.search(pattern, text, re.IGNORECASE)
    return _window(text, m.start() if m else -1, m.end() - m.start() if m else 0, width)


def _window(text: str, i: int, length: int, width: int) -> str:
    """`width` characters either side of text[i : i + length], bracketed ("…" where cut)."""
    if i < 0:
        return text[: width * 2]
    needle = text[i : i + length]
    start = max(0, i - width)
    end = min(len(text), i + len(needle) + width)
    pre = "…" if start else ""
    post = "…" if end < len(text) else ""
    return f"{pre}{text[start:i]}[{text[i : i + len(needle)]}]{text[i + len(needle) : end]}{post}"
