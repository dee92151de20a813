"""Full-text search over English and translation text (FTS5, trigram tokenizer)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


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

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def query(self, text: str, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Blocks whose English or translation text contains `text` (case-insensitive substring)."""
        needle = " ".join(text.split())
        if not needle:
            return []
        if len(needle) >= 3:
            # Trigram FTS: a quoted phrase is a substring match, served by the index.
            phrase = '"' + needle.replace('"', '""') + '"'
            sql = (
                "SELECT s.lesson_id, coalesce(l.user_title, l.title), s.block_pos, s.kind,"
                " snippet(search_index, 0, '[', ']', '…', 48)"
                " FROM search_index s JOIN lessons l ON l.id = s.lesson_id"
                " WHERE search_index MATCH ? ORDER BY s.lesson_id DESC, s.block_pos LIMIT ? OFFSET ?"
            )
            params: list[object] = [phrase, limit, offset]
        else:
            # One- and two-character queries (common in Japanese) are below the trigram size:
            # fall back to a scan, which is still a substring match.
            sql = (
                "SELECT s.lesson_id, coalesce(l.user_title, l.title), s.block_pos, s.kind, s.text"
                " FROM search_index s JOIN lessons l ON l.id = s.lesson_id"
                " WHERE s.text LIKE ? ESCAPE '\\' ORDER BY s.lesson_id DESC, s.block_pos LIMIT ? OFFSET ?"
            )
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params = [f"%{escaped}%", limit, offset]
        hits = []
        for lesson_id, title, pos, kind, snippet in self._db.execute(sql, params):
            if len(needle) < 3:
                snippet = _snippet(snippet, needle)
            lang = kind.split(":", 1)[-1]
            hits.append(SearchHit(int(lesson_id), title, int(pos), lang, snippet))
        return hits


def _snippet(text: str, needle: str, width: int = 40) -> str:
    """A short window of `text` around the first match, the match in brackets."""
    i = text.lower().find(needle.lower())
    if i < 0:
        return text[: width * 2]
    start = max(0, i - width)
    end = min(len(text), i + len(needle) + width)
    pre = "…" if start else ""
    post = "…" if end < len(text) else ""
    return f"{pre}{text[start:i]}[{text[i : i + len(needle)]}]{text[i + len(needle) : end]}{post}"
