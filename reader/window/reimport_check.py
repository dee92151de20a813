"""Before a re-import: is the chosen file this lesson's page at all, and is it another lesson's source?

A lesson whose source is gone asks for its file; a wrongly chosen page would replace the whole lesson.
The words the lesson reads (its English, its translations) are looked for in the file: a changed copy of
the page holds most of them, an unrelated page few."""

from __future__ import annotations

import hashlib

from library import Library
from library.overlap import LITTLE_IN_COMMON, share_in_common

__all__ = ["LITTLE_IN_COMMON", "cut_at_word", "share_in_common", "source_of_another"]

ELLIPSIS = "…"


def source_of_another(library: Library, lesson_id: int, data: bytes) -> str | None:
    """The title of another lesson whose source these bytes are, if there is one."""
    digest = hashlib.sha256(data).hexdigest()
    row = library.db.execute("SELECT title FROM lessons WHERE source_hash = ? AND id != ?",
                             [digest, lesson_id]).fetchone()
    return str(row[0]) if row is not None else None


def cut_at_word(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word's end, with "…" where it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    space = head.rfind(" ")
    cut = head[:space] if space > limit // 2 else text[:limit]  # a long run with no space is cut where it must
    return cut.rstrip(" ,;:") + ELLIPSIS
