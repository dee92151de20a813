"""Edit mode: a dock to fix a lesson (translations, notes, words, unplaced material, questions), with undo.

Every change is one `EditCommand` on a QUndoStack. A command keeps the lesson's overlay of
edits (library.editing) as it was before and after, so undo and redo restore exactly.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent, QTextCursor, QUndoCommand
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from library import Anchor
from library.editing import Editing, Snapshot
from library.model import Lesson, Note
from reader.article.document import BuiltDoc
from reader.ui.safe_text import plain_label, plain_tip


class Edit(enum.Enum):
    """What a button of the edit dock asks for; the value names the button."""

    SAVE_TRANSLATION = "save_translation"
    REMOVE_TRANSLATION = "remove_translation"
    MOVE_UP = "move_up"
    MOVE_DOWN = "move_down"
    ADD_QUESTION = "add_question"
    REMOVE_QUESTION = "remove_question"
    ANCHOR_NOTE = "anchor_note"
    ADD_NOTE = "add_note"
    EDIT_NOTE = "edit_note"
    REMOVE_NOTE = "remove_note"
    ADD_ENTRY = "add_entry"
    EDIT_ENTRY = "edit_entry"
    REMOVE_ENTRY = "remove_entry"
    ENTRY_UP = "entry_up"
    ENTRY_DOWN = "entry_down"
    PLACE_TRANSLATION = "place_translation"
    PLACE_NOTE = "place_note"
    DISCARD = "discard"
    PAGE_VIEW = "page_view"  # the page's lines and their roles, to fix the import by hand


class EditCommand(QUndoCommand):
    """One edit of a lesson's overlay: runs `change` once, then undo/redo restore snapshots.

    A step is taken back (or made again) only while the overlay is still as the step left it
    (or found it): another window or the command line may have changed the lesson since, and
    restoring the whole snapshot would silently take their change away too."""

    def __init__(
        self, editing: Editing, lesson_id: int, text: str, change: Callable[[], object], after: Callable[[], None]
    ) -> None:
        super().__init__(text)
        self._editing, self._id, self._change, self._after = editing, lesson_id, change, after
        self._before: Snapshot = editing.snapshot(lesson_id)
        self._done: Snapshot | None = None

    def _exists(self) -> bool:
        """Whether the lesson is still in the library (it may have been deleted since)."""
        return self._editing.exists(self._id)

    def can_undo(self) -> bool:
        """Whether the lesson's overlay is still as this step left it (so undo takes back only this step)."""
        return not self._exists() or self._done is None or self._editing.snapshot(self._id) == self._done

    def can_redo(self) -> bool:
        """Whether the lesson's overlay is still as this step found it (so redo makes only this step again)."""
        return not self._exists() or self._editing.snapshot(self._id) == self._before

    def redo(self) -> None:
        if not self._exists():
            return
        if self._done is None:
            self._change()
            self._done = self._editing.snapshot(self._id)
            if self._done == self._before:
                self.setObsolete(True)  # nothing changed (a change refused): no undo step for it
        elif self.can_redo():
            self._editing.restore(self._id, self._done)
        self._after()

    def undo(self) -> None:
        if not self._exists() or self._done is None or not self.can_undo():
            return
        self._editing.restore(self._id, self._before)
        self._after()


def text_span(built: BuiltDoc, lesson: Lesson, start: int, end: int) -> Anchor | None:
    """The span of one block's English text that document positions start..end cover (markers skipped)."""
    if end <= start:
        return None
    block = built.doc.findBlock(start)
    index = built.owner.get(block.blockNumber(), -1)
    if index < 0 or built.para_block.get(index) != block.blockNumber():
        return None  # not in English text (a translation, a title…)
    end = min(end, block.position() + block.length() - 1)

    def offset(pos: int) -> int:
        at, lens = built.inserts.get(index, []), built.insert_len.get(index, [])
        rel, shift = pos - built.starts[index], 0
        for k in range(len(at)):
            marker_start = at[k] + shift
            if rel >= marker_start + lens[k]:
                shift += lens[k]
            elif rel > marker_start:
                return at[k]  # inside a marker: the end of the noted span
        return rel - shift

    s, e = offset(start), offset(end)
    text = lesson.blocks[index].text
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Anchor(index, s, e) if 0 <= s < e <= len(text) else None


def _scrolled(page: QWidget) -> QScrollArea:
    """A tab's page that scrolls up and down where the window is too low for it, instead of holding the
    window taller or squashing its buttons."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class ButtonRows(QWidget):
    """Buttons two a line where both fit whole, else one a line: a narrow dock (a 640 px window, longer
    Japanese words) never cuts a button's words. Four side by side had held the window over 640 px wide."""

    def __init__(self, buttons: list[QPushButton]) -> None:
        super().__init__()
        self._buttons, self._columns = buttons, 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._place(2)

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for button in self._buttons:
            self._grid.removeWidget(button)
        for i, button in enumerate(self._buttons):
            self._grid.addWidget(button, i // columns, i % columns)
        self.updateGeometry()  # one a line needs more height

    def _pairs_fit(self, width: int) -> bool:
        spacing = max(0, self._grid.horizontalSpacing())
        return all(sum(b.sizeHint().width() for b in self._buttons[i:i + 2]) + spacing <= width
                   for i in range(0, len(self._buttons), 2))

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest button: the buttons go one a line before any is cut."""
        hint = super().minimumSizeHint()
        return QSize(max(b.sizeHint().width() for b in self._buttons), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(2 if self._pairs_fit(event.size().width()) else 1)


class EditorPanel(QDockWidget):
    """The edit dock: a tab per kind of material; buttons ask the controller to change the lesson."""

    request = Signal(Edit)

    def __init__(self, parent: QWidget, tr: Callable[[str], str]) -> None:
        super().__init__(tr("Edit lesson"), parent)
        self.setObjectName("EditorPanel")
        self.tr_ = tr
        self._texts: list[tuple[QLabel | QPushButton, str]] = []  # widgets and their English words
        self._tab_names = ("Text", "Notes", "Words", "Unplaced")
        self._tab_tips = ("The paragraph in focus: its English, translation and questions", "The lesson's notes",
                          "The lesson's word list", "What the importer could not place")
        self._unplaced_count: int | None = None
        # Whose translation the text box holds, and the text it was filled with: what differs is a draft.
        self._filled_for: tuple[int, int] | None = None
        self._filled_text = ""
        self.tabs = QTabWidget(self)
        # Short names, their meaning in the tooltips; every tab shows whole, none behind scroll arrows
        # (the dock is as wide as its tabs at the least).
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.setUsesScrollButtons(False)
        self._measure = QTabBar()  # never shown: how wide the tabs are in a line, whatever side they stand on
        self.setWidget(self.tabs)
        self.buttons: dict[str, QPushButton] = {}

        para = QWidget()
        lay = QVBoxLayout(para)
        self.para_label = plain_label(QLabel())  # a paragraph of the lesson, never markup
        self.para_label.setWordWrap(True)
        # the label wraps to the dock's width instead of widening the dock to its longest word
        self.para_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.translation_edit = QPlainTextEdit()
        self.translation_edit.setObjectName("TranslationEdit")
        self.translation_edit.setTabChangesFocus(True)
        self.questions = QListWidget()
        self.questions.setObjectName("QuestionList")
        lay.addWidget(self.para_label)
        lay.addWidget(self._label("Translation"))
        lay.addWidget(self.translation_edit)
        lay.addWidget(
            self._row(
                "save_translation",
                "Save translation",
                "remove_translation",
                "Remove",
                "move_up",
                "◂ Move up",
                "move_down",
                "Move down ▸",
            )
        )
        lay.addWidget(self._label("Questions"))
        lay.addWidget(self.questions)
        lay.addWidget(self._row("add_question", "Add question…", "remove_question", "Remove question"))
        lay.addWidget(self._row("page_view", "Page view…"))
        self.tabs.addTab(_scrolled(para), tr("Text"))

        notes = QWidget()
        lay = QVBoxLayout(notes)
        self.notes = QListWidget()
        self.notes.setObjectName("NoteList")
        lay.addWidget(self.notes)
        lay.addWidget(self._label("Select words in the article, then anchor the chosen note to them."))
        lay.addWidget(self._row("anchor_note", "Anchor to selection", "edit_note", "Edit…"))
        lay.addWidget(self._row("add_note", "New note on selection…", "remove_note", "Remove"))
        self.tabs.addTab(_scrolled(notes), tr("Notes"))

        words = QWidget()
        lay = QVBoxLayout(words)
        self.entries = QListWidget()
        self.entries.setObjectName("EntryList")
        lay.addWidget(self.entries)
        lay.addWidget(self._row("add_entry", "Add…", "edit_entry", "Edit…", "remove_entry", "Remove"))
        lay.addWidget(self._row("entry_up", "Up", "entry_down", "Down"))
        self.tabs.addTab(_scrolled(words), tr("Words"))

        unplaced = QWidget()
        lay = QVBoxLayout(unplaced)
        self.unplaced = QListWidget()
        self.unplaced.setObjectName("UnplacedList")
        self.unplaced.setWordWrap(True)
        lay.addWidget(self.unplaced)
        lay.addWidget(self._row("place_translation", "Place as translation", "place_note", "Place as note"))
        lay.addWidget(self._row("discard", "Discard"))
        self.tabs.addTab(_scrolled(unplaced), tr("Unplaced"))
        for i, tip in enumerate(self._tab_tips):
            self.tabs.setTabToolTip(i, tr(tip))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_tabs()

    def _place_tabs(self) -> None:
        """The tabs above the lists where they fit in a line, else down the side, each whole either way
        (a dock held narrow by a small window would hide some behind scroll arrows)."""
        bar = self._measure
        while bar.count() > self.tabs.count():
            bar.removeTab(bar.count() - 1)
        for i in range(self.tabs.count()):
            if i < bar.count():
                bar.setTabText(i, self.tabs.tabText(i))
            else:
                bar.addTab(self.tabs.tabText(i))
        fits = bar.sizeHint().width() <= self.tabs.width()
        side = QTabWidget.TabPosition.North if fits else QTabWidget.TabPosition.West
        if self.tabs.tabPosition() != side:
            self.tabs.setTabPosition(side)

    def _label(self, text: str) -> QLabel:
        label = QLabel(self.tr_(text))
        label.setWordWrap(True)
        self._texts.append((label, text))
        return label

    def retranslate(self, tr: Callable[[str], str]) -> None:
        """Words in the interface language."""
        self.tr_ = tr
        self.setWindowTitle(tr("Edit lesson"))
        for widget, text in self._texts:
            widget.setText(tr(text))
        for i, name in enumerate(self._tab_names):
            self.tabs.setTabText(i, tr(name))
            self.tabs.setTabToolTip(i, tr(self._tab_tips[i]))
        self._unplaced_tab()

    def _unplaced_tab(self) -> None:
        """"Unplaced (3)": the count where there is something to place (no "(0)" to widen the tabs)."""
        count = self._unplaced_count
        self.tabs.setTabText(3, self.tr_("Unplaced") + (f" ({count})" if count else ""))
        self._place_tabs()

    def _row(self, *pairs: str) -> ButtonRows:
        buttons = []
        for name, text in zip(pairs[::2], pairs[1::2], strict=True):
            button = QPushButton(self.tr_(text))
            self._texts.append((button, text))
            button.setObjectName(f"edit_{name}")
            button.clicked.connect(lambda _c=False, n=name: self.request.emit(Edit(n)))
            self.buttons[name] = button
            buttons.append(button)
        return ButtonRows(buttons)

    def draft(self) -> tuple[int, int, str] | None:
        """(lesson id, block, text) of a translation typed in the box and not saved, or None."""
        text = self.translation_edit.toPlainText()
        if self._filled_for is None or text == self._filled_text:
            return None
        return (*self._filled_for, text)

    def _fill_translation(self, key: tuple[int, int] | None, text: str) -> None:
        """Put a paragraph's translation in the box; what the tutor is typing for that paragraph stays."""
        if key is not None and key == self._filled_for and self.draft() is not None:
            self._filled_text = text  # the saved text changed under the draft: the draft still differs
            return
        self._filled_for, self._filled_text = key, text
        self.translation_edit.setPlainText(text)

    def _set_usable(self, lesson_open: bool, paragraph: bool) -> None:
        """Nothing to edit without a lesson; no translation to save without a paragraph."""
        for name, button in self.buttons.items():
            on_paragraph = name in ("save_translation", "remove_translation", "move_up", "move_down",
                                    "add_question", "remove_question")
            button.setEnabled(lesson_open and (paragraph or not on_paragraph))
        self.translation_edit.setEnabled(lesson_open and paragraph)
        for widget in (self.notes, self.entries, self.unplaced, self.questions):
            widget.setEnabled(lesson_open)

    def show_lesson(self, lesson: Lesson | None, focus: int) -> None:
        """Fill the lists from the lesson, and the paragraph tab from the focused paragraph."""
        keep = {w: w.currentRow() for w in (self.notes, self.entries, self.unplaced, self.questions)}
        for w in keep:
            w.clear()
        self._unplaced_count = len(lesson.unplaced) if lesson is not None else None
        self._unplaced_tab()  # no count left from the lesson shown before
        if lesson is None:
            self.para_label.setText(self.tr_("No lesson open."))
            self._fill_translation(None, "")
            self._set_usable(False, False)
            return
        for note in lesson.notes:
            item = QListWidgetItem(note_line(note, lesson, self.tr_))
            item.setData(Qt.ItemDataRole.UserRole, note.ref)
            item.setToolTip(plain_tip(note.text))
            self.notes.addItem(item)
        for g in lesson.glossary:
            item = QListWidgetItem(" ".join(x for x in (g.term, g.pos, g.definition) if x))
            item.setData(Qt.ItemDataRole.UserRole, g.ref)
            self.entries.addItem(item)
        for u in lesson.unplaced:
            item = QListWidgetItem(u.text)
            item.setData(Qt.ItemDataRole.UserRole, u.ref)
            self.unplaced.addItem(item)
        for w, row in keep.items():
            if w is not self.questions and 0 <= row < w.count():
                w.setCurrentRow(row)
        self.show_paragraph(lesson, focus)

    def show_paragraph(self, lesson: Lesson, focus: int) -> None:
        """The focused paragraph's translation and questions."""
        self.questions.clear()
        if not 0 <= focus < len(lesson.blocks) or lesson.id is None:
            self.para_label.setText(self.tr_("Choose a paragraph in the article."))
            self._fill_translation(None, "")
            self._set_usable(True, False)
            return
        block = lesson.blocks[focus]
        shown = block.text if len(block.text) < 160 else block.text[:157] + "…"
        self.para_label.setText(_breakable(shown))
        self._fill_translation((lesson.id, focus), block.translation() or "")
        self._set_usable(True, True)
        for q in lesson.questions:
            if q.block == focus:
                item = QListWidgetItem(q.text + (f" — {q.answer}" if q.answer else ""))
                item.setData(Qt.ItemDataRole.UserRole, q.ref)
                self.questions.addItem(item)

    @staticmethod
    def current_ref(widget: QListWidget) -> str | None:
        """The reference of a list's chosen item."""
        item = widget.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


NOTE_START = 40  # characters of a note's text its line in the Notes tab shows


def note_line(note: Note, lesson: Lesson, tr: Callable[[str], str]) -> str:
    """A note as the Notes tab lists it: its marker, the start of its text, and the words it is
    anchored on (or that it is anchored nowhere, so that a note with no marker in the article is found)."""
    text = " ".join(note.text.split()) or note.label
    start = text if len(text) <= NOTE_START else text[: NOTE_START - 1].rstrip() + "…"
    a = note.anchor
    if a is not None and 0 <= a.block < len(lesson.blocks):
        where = f"→ “{lesson.blocks[a.block].text[a.start : a.end]}”"
    else:
        where = tr("(not anchored)")
    return "  ".join(part for part in (note.marker, start, where) if part)


def _breakable(text: str, longest: int = 24) -> str:
    """Text with a zero-width space in each word longer than `longest` letters, so that a label can wrap it."""
    return re.sub(rf"\S{{{longest}}}(?=\S)", lambda m: m.group() + "\u200b", text)


def selection_anchor(built: BuiltDoc | None, lesson: Lesson | None, cursor: QTextCursor) -> Anchor | None:
    """The article's selected text as an anchor (None if nothing, or not within one English paragraph)."""
    if built is None or lesson is None or not cursor.hasSelection():
        return None
    return text_span(built, lesson, cursor.selectionStart(), cursor.selectionEnd())
