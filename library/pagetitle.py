"""The title's translation as the user placed it: the line given the role `title_translation`."""

from __future__ import annotations

from collections.abc import Sequence

from library.importer import split as K
from library.importer.split import Line
from library.model import Lesson
from library.pagelines import ROLE, Decision, Role

TITLE_ROLES = frozenset({Role.TITLE, Role.TITLE_TRANSLATION})


def title_translation_from_line(lesson: Lesson, lines: Sequence[Line], decisions: Sequence[Decision]) -> None:
    """The line made the title's translation is the lesson's title translation, wherever it stands on the
    page (before the title too) and over a translation the title line held itself; only where the user
    decided the title or its translation (the importer's own choice stands otherwise)."""
    if not any(d.op == ROLE and d.role in TITLE_ROLES for d in decisions):
        return
    line = next((ln for ln in lines if ln.kind == K.TITLE_TRANSLATION), None)
    if line is not None:
        lesson.title_translation = line.text
