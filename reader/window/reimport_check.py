"""Before a re-import: is the chosen file this lesson's page at all, and is it another lesson's source?

A lesson whose source is gone asks for its file; a wrongly chosen page would replace the whole lesson.
The words the lesson reads (its English, its translations) are looked for in the file: a changed copy of
the page holds most of them, an unrelated page few."""

from __future__ import annotations

import hashlib
import re

from library import Library
from library.model import Lesson

# Under this share of the lesson's words found in the file, the file is taken for another page.
LITTLE_IN_COMMON = 0.5
_LATIN = re.compile(r"[a-z\u00c0-\u024f]{4,}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")
ELLIPSIS = "…"


def _words(text: str) -> set[str]:
    """Latin words of four letters or more, and each pair of Japanese, Chinese or Korean characters
    ("港のフェリー": 港の, のフ, フェ, …), which are written without spaces."""
    found = set(_LATIN.findall(text.casefold()))
    for run in _CJK.findall(text):
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    return found


def lesson_words(lesson: Lesson) -> set[str]:
    """The words the lesson reads: its title, its paragraphs and their translations."""
    parts = [lesson.title, lesson.title_translation or ""]
    for block in lesson.blocks:
        parts.append(block.text)
        parts.extend(block.all_translations.values())
    return _words("\n".join(parts))


def share_in_common(lesson: Lesson, data: bytes) -> float:
    """The share (0 to 1) of the lesson's words that the file's text holds too."""
    mine = lesson_words(lesson)
    if not mine:
        return 1.0
    theirs = _words(data.decode("utf-8", errors="replace"))
    return len(mine & theirs) / len(mine)


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
