"""The user's own work on paragraphs about to be deleted (their translation, questions, notes): named in a
question before the deletion and in the status line after, so that it is never lost unseen."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QWidget

from library.model import Lesson
from reader.teaching.page_words import ASK_DELETE as ASK
from reader.teaching.page_words import DELETED_WITH as DONE
from reader.teaching.page_words import NOT_DELETED

__all__ = ["ASK", "DONE", "NOT_DELETED", "ask_before_deleting", "own_work"]

def own_work(lesson: Lesson, blocks: Iterable[int], tr: Callable[[str], str], saved: int = 0) -> str:
    """The user's own work on these blocks in words ("your own translation, 2 questions"), `saved` words saved
    from them among it (they stay in My words, their place in the lesson goes); "" where there is none."""
    wanted = {b for b in blocks if 0 <= b < len(lesson.blocks)}
    translations = sum(1 for b in wanted if lesson.blocks[b].user_translations)
    questions = sum(1 for q in lesson.questions if q.block in wanted)
    notes = sum(1 for n in lesson.notes if n.ref.startswith("user:") and n.anchor is not None
                and n.anchor.block in wanted)
    parts = []
    if translations:
        parts.append(tr("your own translation") if translations == 1
                     else tr("{n} of your own translations").format(n=translations))
    if questions:
        parts.append(tr("1 question") if questions == 1 else tr("{n} questions").format(n=questions))
    if notes:
        parts.append(tr("1 note of yours") if notes == 1 else tr("{n} notes of yours").format(n=notes))
    if saved:
        parts.append(tr("1 word you saved from it (it stays in My words)") if saved == 1
                     else tr("{n} words you saved from it (they stay in My words)").format(n=saved))
    return ", ".join(parts)


def ask_before_deleting(parent: QWidget, tr: Callable[[str], str], lesson: Lesson | None,
                        blocks: Iterable[int], saved: int = 0) -> tuple[bool, str]:
    """Whether to go on with deleting these blocks (asked once where they hold the user's own work), and
    that work in words ("" where there is none)."""
    from reader.window import dialogs

    work = own_work(lesson, blocks, tr, saved) if lesson is not None else ""
    if not work:
        return True, ""
    return dialogs.confirm(parent, tr("Delete paragraph"), tr(ASK).format(work=work)), work
