"""What each page-view request and article edit does: one undoable change through the library's page area."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget

from library.model import Lesson
from reader.article.view import ArticleView
from reader.teaching.edit_dock import text_span
from reader.teaching.page_model import PageLineLike
from reader.teaching.page_pieces import line_cuts, pair_cuts
from reader.teaching.page_view import PageEdit, PageRequest


class PageArea(Protocol):
    """What the page view needs of the library: the page's lines, and changes of their roles and text."""

    def lines(self, lesson_id: int) -> Sequence[PageLineLike]:
        """Every line of the lesson's page, in order, with its role as the lesson stands."""
        ...

    def set_role(self, lesson_id: int, lines: Sequence[int], role: str, target: int | None = None) -> None:
        """Give these lines a role (`target`: the paragraph a translation belongs to)."""
        ...

    def join(self, lesson_id: int, n: int) -> None:
        """Join line `n` with the line after it."""
        ...

    def split(self, lesson_id: int, n: int, at: int) -> None:
        """Split line `n` at character `at` of its text."""
        ...

    def set_text(self, lesson_id: int, n: int, text: str) -> None:
        """Line `n` (English) reads `text` now."""
        ...

    def delete(self, lesson_id: int, n: int) -> None:
        """Take line `n` out of the lesson (kept in the page, as deleted)."""
        ...

    def move(self, lesson_id: int, n: int, step: int) -> None:
        """Move paragraph line `n` one paragraph up (-1) or down (1)."""
        ...

    def edit_paragraph(self, lesson_id: int, block: int, text: str) -> None:
        """Block `block` of the lesson (as the article shows it) reads `text` now."""
        ...

    def delete_paragraph(self, lesson_id: int, block: int) -> None:
        """Take block `block` out of the lesson."""
        ...

    def saved_words(self, lesson_id: int, blocks: Sequence[int]) -> int:
        """How many of the learner's saved words were saved from these blocks."""
        ...

    def join_paragraphs(self, lesson_id: int, block: int) -> None:
        """Join block `block` with the next heading or paragraph (past a translation between them)."""
        ...

    def split_paragraph(self, lesson_id: int, block: int, offset: int) -> None:
        """Split block `block` at `offset` of the text the lesson shows."""
        ...

    def move_paragraph(self, lesson_id: int, block: int, step: int) -> None:
        """Move block `block` one paragraph up (-1) or down (1)."""
        ...

    def split_lesson(self, lesson_id: int, n: int) -> None:
        """A new lesson starts at line `n`."""
        ...

    def undo(self, lesson_id: int) -> None:
        """Take the lesson's last change to its lines back."""
        ...

    def swap_languages(self, lesson_id: int) -> None:
        """The lines taken as English are the translation, and the other way round."""
        ...

    def page_actions(self) -> tuple[bool, bool]:
        """Whether the library can split a lesson in two, and swap its languages."""
        ...

    def settle(self, lesson_id: int | None = None) -> None:
        """Bring the search index and the word levels up to the lesson's new text."""
        ...


LABELS = {
    PageEdit.JOIN: "Join lines",
    PageEdit.SPLIT: "Split line",
    PageEdit.FIX_TEXT: "Edit English",
    PageEdit.SPLIT_LESSON: "Split into lessons",
    PageEdit.SWAP_LANGUAGES: "Swap languages",
    PageEdit.SPLIT_LINES: "Split into lines",
    PageEdit.LINES_TO_GLOSSARY: "Make glossary entries",
}
# The page view's role changes, by the library's names for the roles.
ROLE_NAMES = ("title", "title_translation", "caption", "heading", "paragraph", "glossary", "note", "exercise",
              "site", "unplaced")


def _neighbour_paragraph(lines: Sequence[PageLineLike], n: int, step: int) -> int | None:
    """The block of the nearest paragraph line above (-1) or below (1) line `n`."""
    rows = [i for i, line in enumerate(lines) if line.n == n]
    if not rows:
        return None
    i = rows[0] + step
    while 0 <= i < len(lines):
        if lines[i].role == "paragraph" and lines[i].block is not None:
            return lines[i].block
        i += step
    return None


def request_change(area: PageArea, lesson_id: int, request: PageRequest) -> tuple[str, Callable[[], object]] | None:
    """The undo label and the change for a page-view request, or None when there is nothing to do."""
    edit, lines = request.edit, request.lines
    if edit in (PageEdit.TRANSLATES_ABOVE, PageEdit.TRANSLATES_BELOW):
        step = -1 if edit is PageEdit.TRANSLATES_ABOVE else 1
        target = _neighbour_paragraph(area.lines(lesson_id), lines[0] if step < 0 else lines[-1], step)
        if target is None:
            return None
        return "Change role", lambda: area.set_role(lesson_id, lines, "translation", target)
    if edit is PageEdit.TRANSLATES:
        target = request.target
        return "Change role", lambda: area.set_role(lesson_id, lines, "translation", target)
    if edit is PageEdit.JOIN:
        return LABELS[edit], lambda: area.join(lesson_id, lines[0])
    if edit is PageEdit.SPLIT and request.at is not None:
        at = request.at
        return LABELS[edit], lambda: area.split(lesson_id, lines[0], at)
    if edit is PageEdit.FIX_TEXT and request.text is not None:
        text = request.text
        return LABELS[edit], lambda: area.set_text(lesson_id, lines[0], text)
    if edit is PageEdit.DELETE:
        def delete() -> None:
            for n in reversed(lines):  # from the last: the lines above keep their numbers
                area.delete(lesson_id, n)

        return "Delete paragraph", delete
    if edit in (PageEdit.MOVE_UP, PageEdit.MOVE_DOWN):
        step = -1 if edit is PageEdit.MOVE_UP else 1
        return "Move paragraph", lambda: area.move(lesson_id, lines[0], step)
    if edit is PageEdit.SPLIT_LESSON:
        return LABELS[edit], lambda: area.split_lesson(lesson_id, lines[0])
    if edit is PageEdit.SWAP_LANGUAGES:
        return LABELS[edit], lambda: area.swap_languages(lesson_id)
    if edit in (PageEdit.SPLIT_LINES, PageEdit.LINES_TO_GLOSSARY):
        return _into_lines(area, lesson_id, lines[0], edit is PageEdit.LINES_TO_GLOSSARY)
    if edit is PageEdit.GLOSSARY and len(lines) == 1:  # a line of term–gloss pairs: one entry a pair
        line = next((ln for ln in area.lines(lesson_id) if ln.n == lines[0]), None)
        if line is not None and pair_cuts(line.text):
            return _into_lines(area, lesson_id, lines[0], True)
    if edit.value in ROLE_NAMES:
        role = edit.value
        return "Change role", lambda: area.set_role(lesson_id, lines, role)
    return None


def _into_lines(area: PageArea, lesson_id: int, n: int, glossary: bool) -> tuple[str, Callable[[], object]] | None:
    """Line n cut into the lines it holds (from the last cut: the line keeps its number and the cuts
    before stay where they were), each made a glossary entry if asked: one change."""
    line = next((ln for ln in area.lines(lesson_id) if ln.n == n), None)
    cuts = line_cuts(line) if line is not None else []
    if not cuts:
        return None

    def cut() -> None:
        made = 0
        try:
            if line is not None and str(line.role) not in ("heading", "paragraph", "glossary"):
                # Only the English body is cut: a list the import took for a translation (or left
                # unplaced) is made a paragraph first, in the same change.
                area.set_role(lesson_id, [n], "paragraph")
                made += 1
            for at in reversed(cuts):
                area.split(lesson_id, n, at)
                made += 1
            if glossary:
                now = list(area.lines(lesson_id))
                row = next(i for i, ln in enumerate(now) if ln.n == n)
                for piece in now[row : row + len(cuts) + 1]:
                    area.set_role(lesson_id, [piece.n], "glossary")
                    made += 1
        except ValueError:  # refused part way (no English would be left): all of it or nothing
            for _ in range(made):
                area.undo(lesson_id)
            raise

    return LABELS[PageEdit.LINES_TO_GLOSSARY if glossary else PageEdit.SPLIT_LINES], cut


def english_span_at(article: ArticleView, pos: QPoint) -> tuple[int, int] | None:
    """(lesson block index, character offset in its English) under viewport point `pos`, or None."""
    built, lesson = article.built, article.lesson
    if built is None or lesson is None:
        return None
    at = article.cursorForPosition(pos).position()
    anchor = text_span(built, lesson, at, at + 1) or text_span(built, lesson, at - 1, at)
    if anchor is None:
        return None
    offset = anchor.start if text_span(built, lesson, at, at + 1) is not None else anchor.end
    return anchor.block, offset


def article_menu(parent: QWidget, tr: Callable[[str], str], area: PageArea, lesson: Lesson, lesson_id: int,
                 span: tuple[int, int], edit: Callable[..., object],
                 open_page: Callable[[], object]) -> QMenu:
    """The English edits of the paragraph under a right-click in edit mode."""
    from reader.window import dialogs

    block, offset = span
    menu = QMenu(parent)
    menu.setObjectName("ArticleEditMenu")
    text = lesson.blocks[block].text
    # "Split here" splits before the word right-clicked, never inside it.
    while 0 < offset < len(text) and not text[offset - 1].isspace():
        offset -= 1

    def fix() -> None:
        fixed = dialogs.ask_text(parent, tr("Fix the English"), tr("Paragraph:"), text)
        if fixed is not None and fixed != text:
            edit("Edit English", lambda: area.edit_paragraph(lesson_id, block, fixed))

    def delete() -> None:
        from reader.teaching.own_work import DONE, NOT_DELETED, ask_before_deleting

        go, work = ask_before_deleting(parent, tr, lesson, [block], area.saved_words(lesson_id, [block]))
        if not go:
            bar = getattr(parent, "statusBar", None)
            if callable(bar):
                bar().showMessage(tr(NOT_DELETED), 10000)
            return
        done = tr(DONE).format(change=tr("Delete paragraph"), work=work) if work else None
        edit("Delete paragraph", lambda: area.delete_paragraph(lesson_id, block), done)

    last = block + 1 >= len(lesson.blocks)
    entries: list[tuple[str, Callable[[], object], bool]] = [
        (tr("Fix the English…"), fix, True),
        (tr("Split the paragraph here"),
         lambda: edit("Split line", lambda: area.split_paragraph(lesson_id, block, offset)), 0 < offset < len(text)),
        (tr("Join with the next paragraph"),
         lambda: edit("Join lines", lambda: area.join_paragraphs(lesson_id, block)), not last),
        (tr("Move paragraph up"),
         lambda: edit("Move paragraph", lambda: area.move_paragraph(lesson_id, block, -1)), block > 0),
        (tr("Move paragraph down"),
         lambda: edit("Move paragraph", lambda: area.move_paragraph(lesson_id, block, 1)), not last),
        (tr("Delete paragraph"), delete, True),
    ]
    for words, do, enabled in entries:
        action = menu.addAction(words)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _c=False, d=do: d())
    menu.addSeparator()
    menu.addAction(tr("Page view…")).triggered.connect(lambda _c=False: open_page())
    return menu
