"""How much a file has in common with a lesson: the share of the words the lesson reads (its English, its
translations) that the file's text holds too. A changed copy of the lesson's page holds most of them, an
unrelated page few; a re-import from a file under LITTLE_IN_COMMON is taken for another page."""

from __future__ import annotations

import re

from library.model import Lesson

# Under this share of the lesson's words found in the file, the file is taken for another page.
LITTLE_IN_COMMON = 0.5
_LATIN = re.compile(r"[a-z\u00c0-\u024f]{4,}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")


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
