"""The vocabulary sidebar: the lesson's word list; choosing an entry highlights it in the text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from library.model import GlossaryEntry
from reader.ui.i18n import Translator
from reader.ui.safe_text import SafeDocument, plain_label
from reader.window.item_models import GlossaryModel

# What html.escape does; the html module's import (with its entity table) is left for later.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def _escape(text: str) -> str:
    return text.translate(_ESCAPES)


class EntryDelegate(QStyledItemDelegate):
    """Draws an entry as a bold term, its part of speech in italics, and the definition below."""

    # Nothing here asks Python for QStyle or for the view's viewport: the first such question
    # builds QStyle's enums, or searches every QWidget subclass, each ~10–30 ms of start-up.
    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        entry = index.model().entry(index.row())  # type: ignore[attr-defined]
        doc = SafeDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(5)
        view = option.widget
        selection = view.selectionModel() if isinstance(view, QListView) else None
        selected = selection is not None and selection.isSelected(index)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = option.palette.color(role).name()
        pos = f" <i style='opacity:0.7'>{_escape(entry.pos)}</i>" if entry.pos else ""
        rest = "<br>".join(_escape(t) for t in (entry.definition, entry.translation) if t)
        meaning = index.model().meaning(index.row())  # type: ignore[attr-defined]
        if not rest and meaning:  # the dictionary's, and marked so
            rest = f"{_escape(meaning)} <i style='opacity:0.7'>({_escape(index.model().from_dictionary)})</i>"  # type: ignore[attr-defined]
        doc.setHtml(f"<div style='color:{color}'><b>{_escape(entry.term)}</b>{pos}"
                    + (f"<br>{rest}" if rest else "") + "</div>")
        doc.setTextWidth(max(80, option.rect.width()))
        return doc

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the style draws the item without its text; paint() draws the entry

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)  # the item's background and selection; no text (below)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        painter.save()
        painter.translate(opt.rect.topLeft())
        doc.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        if isinstance(view, QListView):
            width = view.maximumViewportSize().width()
            bar = view.verticalScrollBar()
            if bar.isVisible():
                width -= bar.width()
            opt.rect.setWidth(width - 2 * view.spacing())
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class VocabPanel(QWidget):
    """Glossary entries; it reports which one the user chose."""

    entry_activated = Signal(int)
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VocabPanel")
        self.title = QLabel(self)
        self.title.setObjectName("VocabTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model = GlossaryModel()
        self.view = QListView(self)
        self.view.setObjectName("GlossaryList")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(3)
        self.view.setAlternatingRowColors(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setItemDelegate(EntryDelegate(self.view))
        self.status = plain_label(QLabel(self))  # it quotes a term from the lesson
        self.status.setObjectName("VocabStatus")
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self._clear)
        self.clear_button.setEnabled(False)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)  # the list's room when there is no list: its words stand at the top
        layout.addLayout(row)
        self.view.clicked.connect(self._choose)
        self.view.activated.connect(self._choose)
        self._tr = Translator("en")
        self._lesson_open = True
        # The dictionary's senses for entries with no meaning of their own (the window gives it the dictionary).
        self.meanings: Callable[[Sequence[str]], dict[str, str]] | None = None
        self.retranslate(self._tr)

    def retranslate(self, tr: Translator) -> None:
        """Words in the interface language."""
        self._tr = tr
        self.title.setText(tr("Words in this lesson"))
        self.clear_button.setText(tr("Clear"))
        self.model.from_dictionary = tr("from the dictionary")
        self.empty.setText(tr("This lesson has no word list.") if self._lesson_open else tr("No lesson open."))

    def set_entries(self, entries: list[GlossaryEntry], lesson_open: bool = True) -> None:
        """Show a lesson's word list (none, and saying so, when no lesson is open)."""
        self._lesson_open = lesson_open
        self.empty.setText(self._tr("This lesson has no word list.") if lesson_open else self._tr("No lesson open."))
        bare = [e.term for e in entries if not (e.definition or e.translation)]
        found = self.meanings(bare) if bare and self.meanings is not None else {}
        self.model.set_entries(entries, {
            row: found[e.term] for row, e in enumerate(entries)
            if e.term in found and not (e.definition or e.translation)})
        self.empty.setVisible(not entries)
        self.view.setVisible(bool(entries))
        self.show_count(-1)

    def show_count(self, count: int, term: str = "") -> None:
        """Say how many times the chosen entry occurs (or nothing, with -1)."""
        if count < 0:
            self.status.setText("")
            self.clear_button.setEnabled(False)
            return
        self.status.setText(self._tr("{n} × “{term}” in the text").format(n=count, term=term))
        self.clear_button.setEnabled(True)

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.entry_activated.emit(index.row())

    def _clear(self) -> None:
        self.view.clearSelection()
        self.show_count(-1)
        self.cleared.emit()
