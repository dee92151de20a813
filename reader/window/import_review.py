"""The import review: what an import found, and placing or discarding what it could not place.

(This module was first written as reader/review_dialog.py; that name belongs to the flashcard review.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from library import Library
from library.importer import report_for
from library.model import ImportWarning, Lesson
from reader.ui.safe_text import plain_tip

_PREVIEW = 70
_WARNING_PREVIEW = 120  # a guessed title is up to 80 characters: shown whole


def summary_lines(lesson: Lesson, tr: Callable[[str], str]) -> list[str]:
    """What the import found, one fact a line (the same counts the command line prints)."""
    r = report_for(lesson)
    return [
        tr("{n} paragraphs, {h} headings").format(n=r.paragraphs, h=r.headings),
        tr("{n} translations placed").format(n=r.translations),
        tr("{a} of {n} notes anchored").format(a=r.notes_anchored, n=r.notes),
        tr("{n} glossary entries").format(n=r.glossary),
        *([tr("{n} exercises").format(n=r.exercises)] if r.exercises else []),
        tr("{n} blocks not placed").format(n=r.unplaced),
    ]


def warning_line(warning: ImportWarning, tr: Callable[[str], str]) -> str:
    """One guess the import made, as the review lists it."""
    text = warning.text if len(warning.text) <= _WARNING_PREVIEW else warning.text[: _WARNING_PREVIEW - 1] + "…"
    return tr("{kind} ({sure} sure): {text}").format(kind=tr(warning.kind), sure=f"{warning.confidence:.0%}", text=text)


class ImportReviewDialog(QDialog):
    """Shows an imported lesson's report and lets the user place or discard each unplaced block."""

    changed = Signal(int)  # the lesson id, after something was placed or discarded
    page_view_requested = Signal(int)  # the lesson id: show its page's lines to change their roles

    def __init__(
        self, library: Library, lesson_id: int, tr: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library, self.lesson_id, self.tr_ = library, lesson_id, tr
        self._return_to = QApplication.focusWidget()  # where the keys go back to when the review closes
        self.setObjectName("ImportReview")
        self.setWindowTitle(tr("Import review"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("ReviewTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("ReviewSummary")
        layout.addWidget(self.title)
        layout.addWidget(self.summary)

        self.box = QGroupBox(tr("Not placed"), self)
        box_layout = QVBoxLayout(self.box)
        self.hint = QLabel(tr("Place each block on the paragraph it belongs to, or discard it."), self.box)
        self.hint.setWordWrap(True)
        self.items = QListWidget(self.box)
        self.items.setObjectName("UnplacedList")
        self.items.setWordWrap(True)
        self.target = QComboBox(self.box)
        self.target.setObjectName("TargetParagraph")
        row = QHBoxLayout()
        self.place_translation = QPushButton(tr("Place as translation"), self.box)
        self.place_note = QPushButton(tr("Place as note"), self.box)
        self.discard = QPushButton(tr("Discard"), self.box)
        for button in (self.place_translation, self.place_note, self.discard):
            row.addWidget(button)
        box_layout.addWidget(self.hint)
        box_layout.addWidget(self.items, 1)
        box_layout.addWidget(QLabel(tr("Paragraph:"), self.box))
        box_layout.addWidget(self.target)
        box_layout.addLayout(row)
        layout.addWidget(self.box, 1)

        # What the import guessed: each item is lesson text, so a list item (plain text) shows it.
        self.guessed = QGroupBox(tr("Guessed ({n})").format(n=0), self)
        guessed_layout = QVBoxLayout(self.guessed)
        guessed_hint = QLabel(tr("The importer was unsure of these; check them in the lesson."), self.guessed)
        guessed_hint.setWordWrap(True)
        self.warnings = QListWidget(self.guessed)
        self.warnings.setObjectName("ImportWarnings")
        self.warnings.setWordWrap(True)
        guessed_layout.addWidget(guessed_hint)
        guessed_layout.addWidget(self.warnings)
        layout.addWidget(self.guessed)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Finish"))
        self.page_view = self.buttons.addButton(tr("Page view…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.page_view.setObjectName("ReviewPageView")
        self.page_view.clicked.connect(self._to_page_view)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)

        self.place_translation.clicked.connect(lambda: self._place("translation"))
        self.place_note.clicked.connect(lambda: self._place("note"))
        self.discard.clicked.connect(self._discard)
        self.items.currentRowChanged.connect(self._enable)
        self.reload()

    def done(self, result: int) -> None:
        """Close, and give the keys back to the window at once (they went nowhere, so Ctrl+E did nothing)."""
        super().done(result)
        owner = self.parentWidget()
        if owner is None:
            return
        window = owner.window()
        window.activateWindow()
        back = self._return_to
        if back is not None and isValid(back) and back.isVisible() and back.window() is window:
            back.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        else:
            window.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def reload(self) -> None:
        """Read the lesson again and show what is still to place."""
        lesson = self.library.lessons.get(self.lesson_id)
        self.lesson = lesson
        self.title.setText(f"<b>{_escape(lesson.title)}</b>")
        self.summary.setText("\n".join(summary_lines(lesson, self.tr_)))
        current = self.target.currentIndex()
        self.target.clear()
        for i, block in enumerate(lesson.blocks):
            text = block.text if len(block.text) <= _PREVIEW else block.text[: _PREVIEW - 1] + "…"
            self.target.addItem(f"{i + 1}. {text}", i)
        if 0 <= current < self.target.count():
            self.target.setCurrentIndex(current)
        self.items.clear()
        for item in lesson.unplaced:
            row = QListWidgetItem(f"[{item.lang or '?'}] {item.text}")
            row.setData(Qt.ItemDataRole.UserRole, item.ref)
            row.setToolTip(plain_tip(item.reason))
            self.items.addItem(row)
        self.box.setVisible(bool(lesson.unplaced) or self.items.count() > 0)
        self.box.setTitle(self.tr_("Not placed ({n})").format(n=len(lesson.unplaced)))
        if lesson.unplaced:
            self.items.setCurrentRow(0)
        self._enable(self.items.currentRow())
        self.warnings.clear()
        for w in lesson.warnings:
            self.warnings.addItem(warning_line(w, self.tr_))
        self.guessed.setVisible(bool(lesson.warnings))
        self.guessed.setTitle(self.tr_("Guessed ({n})").format(n=len(lesson.warnings)))

    def _to_page_view(self) -> None:
        """Close the review (it is window-modal and would hold the page view) and ask for the page view."""
        self.accept()
        self.page_view_requested.emit(self.lesson_id)

    def _enable(self, row: int) -> None:
        on = row >= 0 and self.target.count() > 0
        for button in (self.place_translation, self.place_note):
            button.setEnabled(on)
        self.discard.setEnabled(row >= 0)

    def _current_ref(self) -> str | None:
        item = self.items.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _place(self, as_: str) -> None:
        ref = self._current_ref()
        block = self.target.currentData()
        if ref is None or block is None:
            return
        self.library.editing.place_unplaced(self.lesson_id, ref, int(block), as_)
        self.changed.emit(self.lesson_id)
        self.reload()

    def _discard(self) -> None:
        ref = self._current_ref()
        if ref is None:
            return
        self.library.editing.discard_unplaced(self.lesson_id, ref)
        self.changed.emit(self.lesson_id)
        self.reload()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
