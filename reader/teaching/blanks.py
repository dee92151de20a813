"""Where the glossary's words (inflected forms too) occur in a paragraph: for quizzes and worksheets."""

from __future__ import annotations

from dataclasses import dataclass

from library.model import Lesson
from library.wordforms import find_forms, word_forms


@dataclass(frozen=True)
class Gap:
    """One occurrence of a glossary word in a block: a span of its text and the entry it belongs to."""

    block: int
    start: int
    end: int
    entry: int


def lesson_gaps(lesson: Lesson, kinds: tuple[str, ...] = ("paragraph",)) -> list[Gap]:
    """Every occurrence of every glossary entry in the lesson's blocks, in reading order, never overlapping."""
    forms = [word_forms(g.term, g.pos) for g in lesson.glossary]
    gaps: list[Gap] = []
    for index, block in enumerate(lesson.blocks):
        if block.kind not in kinds:
            continue
        found = sorted(
            ((s, e, i) for i, f in enumerate(forms) for s, e in find_forms(block.text, f)),
            key=lambda t: (t[0], -(t[1] - t[0])),
        )
        end = -1
        for s, e, i in found:
            if s >= end:  # the longest match at a place wins; overlaps are skipped
                gaps.append(Gap(index, s, e, i))
                end = e
    return gaps
