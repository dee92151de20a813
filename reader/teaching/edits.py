"""What each button of the edit dock does to the open lesson: one undoable edit per request,
asking for the words it needs first (a question, a note, a word-list entry)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMainWindow, QWidget

from library.editing import Editing
from library.model import Lesson
from reader.article.document import translation_lang
from reader.article.view import ArticleView
from reader.teaching import dialogs as teaching_dialogs
from reader.teaching.edit_dock import Edit, EditorPanel, selection_anchor
from reader.window import dialogs


def _id(lesson: Lesson) -> int:
    """The id of a lesson read from the library (only such lessons are edited)."""
    assert lesson.id is not None
    return lesson.id


class EditRequests:
    """The edit dock's requests, each turned into a change of the library made through `edit`."""

    def __init__(self, panel: EditorPanel, editing: Editing, article: ArticleView, parent: QWidget,
                 tr: Callable[[str], str], edit: Callable[[str, Callable[[], object]], None],
                 focus_moved: Callable[[], None]) -> None:
        self.panel, self._editing, self._article, self._window = panel, editing, article, parent
        self.tr_, self.edit, self._focus_moved = tr, edit, focus_moved
        self._handlers = self._table()

    def handle(self, request: Edit, lesson: Lesson, focus: int) -> None:
        """Do what the dock asked, on the open lesson with paragraph `focus` focused."""
        self._handlers[request](lesson, focus)

    def _table(self) -> dict[Edit, Callable[[Lesson, int], None]]:
        return {
            Edit.SAVE_TRANSLATION: self._save_translation,
            Edit.REMOVE_TRANSLATION: self._remove_translation,
            Edit.MOVE_UP: lambda lesson, focus: self._move_translation(lesson, focus, -1),
            Edit.MOVE_DOWN: lambda lesson, focus: self._move_translation(lesson, focus, 1),
            Edit.ADD_QUESTION: self._add_question,
            Edit.REMOVE_QUESTION: self._remove_question,
            Edit.ANCHOR_NOTE: lambda lesson, _f: self._note_from_selection(lesson, False),
            Edit.ADD_NOTE: lambda lesson, _f: self._note_from_selection(lesson, True),
            Edit.EDIT_NOTE: self._edit_note,
            Edit.REMOVE_NOTE: self._remove_note,
            Edit.ADD_ENTRY: lambda lesson, _f: self._entry(lesson, True),
            Edit.EDIT_ENTRY: lambda lesson, _f: self._entry(lesson, False),
            Edit.REMOVE_ENTRY: self._remove_entry,
            Edit.ENTRY_UP: lambda lesson, _f: self._move_entry(lesson, -1),
            Edit.ENTRY_DOWN: lambda lesson, _f: self._move_entry(lesson, 1),
            Edit.PLACE_TRANSLATION: self._place_translation,
            Edit.PLACE_NOTE: self._place_note,
            Edit.DISCARD: self._discard,
        }

    @staticmethod
    def _is_paragraph(lesson: Lesson, focus: int) -> bool:
        return 0 <= focus < len(lesson.blocks)

    def _save_translation(self, lesson: Lesson, focus: int) -> None:
        if self._is_paragraph(lesson, focus):
            lid, lang = _id(lesson), translation_lang(lesson, None) or "ja"
            text = self.panel.translation_edit.toPlainText()
            self.edit("Edit translation", lambda: self._editing.set_translation(lid, focus, lang, text))

    def _remove_translation(self, lesson: Lesson, focus: int) -> None:
        if self._is_paragraph(lesson, focus):
            lid, lang = _id(lesson), translation_lang(lesson, None) or "ja"
            self.edit("Remove translation", lambda: self._editing.remove_translation(lid, focus, lang))

    def _move_translation(self, lesson: Lesson, focus: int, step: int) -> None:
        target = self._neighbour(focus, step) if self._is_paragraph(lesson, focus) else None
        if target is None:
            return
        lid, lang, ed = _id(lesson), translation_lang(lesson, None) or "ja", self._editing
        self.edit("Move translation", lambda: ed.move_translation(lid, focus, target, lang))
        self._article.set_focus_index(target)
        self._focus_moved()

    def _add_question(self, lesson: Lesson, focus: int) -> None:
        if not self._is_paragraph(lesson, focus):
            return
        got = teaching_dialogs.ask_fields(
            self._window, self.tr_("Question"), [(self.tr_("Question"), "", False), (self.tr_("Answer"), "", False)]
        )
        if got and got[0].strip():
            lid = _id(lesson)
            self.edit("Add question", lambda: self._editing.add_question(lid, focus, got[0], got[1]))

    def _remove_question(self, lesson: Lesson, _focus: int) -> None:
        if ref := self.panel.current_ref(self.panel.questions):
            lid = _id(lesson)
            self.edit("Remove question", lambda: self._editing.remove_question(lid, ref))

    def _edit_note(self, lesson: Lesson, _focus: int) -> None:
        ref = self.panel.current_ref(self.panel.notes)
        if not ref:
            return
        note = next(n for n in lesson.notes if n.ref == ref)
        got = teaching_dialogs.ask_fields(
            self._window,
            self.tr_("Note"),
            [
                (self.tr_("Label"), note.label, False),
                (self.tr_("Text"), note.text, True),
                (self.tr_("Source link"), note.source_url or "", False),
            ],
        )
        if got:
            lid, ed = _id(lesson), self._editing
            self.edit(
                "Edit note",
                lambda: ed.update_note(lid, ref, label=got[0], text=got[1], source_url=got[2].strip() or None),
            )

    def _remove_note(self, lesson: Lesson, _focus: int) -> None:
        if ref := self.panel.current_ref(self.panel.notes):
            lid = _id(lesson)
            self.edit("Remove note", lambda: self._editing.remove_note(lid, ref))

    def _remove_entry(self, lesson: Lesson, _focus: int) -> None:
        if ref := self.panel.current_ref(self.panel.entries):
            lid = _id(lesson)
            self.edit("Remove word", lambda: self._editing.remove_entry(lid, ref))

    def _move_entry(self, lesson: Lesson, step: int) -> None:
        p = self.panel
        if ref := p.current_ref(p.entries):
            lid = _id(lesson)
            self.edit("Move word", lambda: self._editing.move_entry(lid, ref, step))
            p.entries.setCurrentRow(max(0, min(p.entries.count() - 1, p.entries.currentRow() + step)))

    def _place_translation(self, lesson: Lesson, focus: int) -> None:
        if self._is_paragraph(lesson, focus) and (ref := self.panel.current_ref(self.panel.unplaced)):
            lid = _id(lesson)
            self.edit("Place as translation",
                      lambda: self._editing.place_unplaced(lid, ref, focus, "translation"))
            # Shown where it went, and said: placing it would otherwise change nothing on screen.
            self._article.set_shown(focus, True)
            self._say(self.tr_("Placed as the translation of paragraph {n}.").format(
                n=self._article.paragraphs().index(focus) + 1 if focus in self._article.paragraphs() else focus + 1))

    def _say(self, text: str) -> None:
        """A line in the window's status bar."""
        window = self._window.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10000)

    def _place_note(self, lesson: Lesson, focus: int) -> None:
        if self._is_paragraph(lesson, focus) and (ref := self.panel.current_ref(self.panel.unplaced)):
            anchor = selection_anchor(self._article.built, lesson, self._article.textCursor())
            block, lid = anchor.block if anchor else focus, _id(lesson)
            self.edit("Place as note", lambda: self._editing.place_unplaced(lid, ref, block, "note", anchor))

    def _discard(self, lesson: Lesson, _focus: int) -> None:
        if ref := self.panel.current_ref(self.panel.unplaced):
            lid = _id(lesson)
            self.edit("Discard", lambda: self._editing.discard_unplaced(lid, ref))

    def _neighbour(self, index: int, step: int) -> int | None:
        order = self._article.paragraphs()
        if index not in order:
            return None
        at = order.index(index) + step
        return order[at] if 0 <= at < len(order) else None

    def _note_from_selection(self, lesson: Lesson, new: bool) -> None:
        p, article, lid, ed = self.panel, self._article, _id(lesson), self._editing
        anchor = selection_anchor(article.built, lesson, article.textCursor())
        if anchor is None:
            dialogs.inform(self._window, self.tr_("Note"), self.tr_("Select some words of an English paragraph first."))
            return
        if new:
            got = teaching_dialogs.ask_fields(
                self._window,
                self.tr_("Note"),
                [
                    (self.tr_("Label"), lesson.blocks[anchor.block].text[anchor.start : anchor.end], False),
                    (self.tr_("Text"), "", True),
                    (self.tr_("Source link"), "", False),
                ],
            )
            if got and got[1].strip():
                self.edit("New note", lambda: ed.add_note(lid, got[1], anchor, got[0], got[2].strip() or None))
        elif ref := p.current_ref(p.notes):
            self.edit("Anchor note", lambda: ed.anchor_note(lid, ref, anchor))

    def _entry(self, lesson: Lesson, new: bool) -> None:
        p, lid, ed = self.panel, _id(lesson), self._editing
        ref = None if new else p.current_ref(p.entries)
        if not new and ref is None:
            return
        g = next((e for e in lesson.glossary if e.ref == ref), None)
        got = teaching_dialogs.ask_fields(
            self._window,
            self.tr_("Word-list entry"),
            [
                (self.tr_("Term"), g.term if g else "", False),
                (self.tr_("Part of speech"), g.pos if g else "", False),
                (self.tr_("Definition"), g.definition if g else "", True),
                (self.tr_("Translation"), g.translation if g else "", False),
            ],
        )
        if not got or not got[0].strip():
            return
        if ref is None:
            self.edit("Add word", lambda: ed.add_entry(lid, got[0], got[1], got[2], got[3]))
        else:
            self.edit(
                "Edit word",
                lambda: ed.update_entry(lid, ref, term=got[0], pos=got[1], definition=got[2], translation=got[3]),
            )
