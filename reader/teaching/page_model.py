"""The page view's item model: one row per line of the imported page, its role shown as a coloured chip.

Rows in, `data()` out. A line is any object with the fields of the library's page lines
(`n`, `role`, `target`, `confidence`, `text`, `lang`), so the model needs nothing of the library.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.safe_text import plain_tip
from reader.ui.themes import Theme, contrast, text_on

ROLES = ("title", "title_translation", "caption", "heading", "paragraph", "translation", "note", "glossary",
         "exercise", "site", "unplaced")
# What each role is called in the view (translation and note name the paragraph or number they go with).
ROLE_LABELS = {
    "title": "Title",
    "title_translation": "Title's translation",
    "caption": "Caption",
    "heading": "Heading",
    "paragraph": "Paragraph",
    "translation": "Translation",
    "note": "Note",
    "glossary": "Glossary entry",
    "exercise": "Exercise",
    "site": "Site text",
    "unplaced": "Unplaced",
}
# A chip's colour per role: light tints on light themes, deep ones on dark, each far from the others.
CHIPS_LIGHT = {
    "title": "#f2c94c", "caption": "#d9d2c3", "heading": "#a7c7f2", "paragraph": "#ffffff",
    "translation": "#b8e6c1", "note": "#e9c2f0", "glossary": "#ffc99a", "exercise": "#c6d8a0",
    "site": "#c9cdd3", "unplaced": "#f4a6a6", "title_translation": "#f7e3a1",
}
CHIPS_DARK = {
    "title": "#7a5d00", "caption": "#4f4a40", "heading": "#1f4d86", "paragraph": "#17181b",
    "translation": "#1f5f33", "note": "#5e2a6b", "glossary": "#7a3f0c", "exercise": "#43561b",
    "site": "#3d4148", "unplaced": "#842626", "title_translation": "#5c4a12",
}
# Below this the importer is taken to have been unsure of the line, and the view says so (the
# import report calls a placement low confidence under the same figure: library.model.LOW_SURE).
UNSURE = 0.75
COLUMNS = ("Line", "Role", "", "Text")
LINE, ROLE, SURE, TEXT = range(4)
_PREVIEW = 300  # a row shows the start of a long line; the text box under the table shows it whole


class PageLineLike(Protocol):
    """What the model reads of a page line."""

    @property
    def n(self) -> int: ...
    @property
    def role(self) -> str: ...
    @property
    def target(self) -> int | None: ...
    @property
    def confidence(self) -> float | None: ...
    @property
    def text(self) -> str: ...
    @property
    def lang(self) -> str: ...
    @property
    def block(self) -> int | None: ...
    @property
    def note(self) -> int | None: ...


def chip_colour(role: str, theme: Theme) -> str:
    """The background of a role's chip in `theme`."""
    chips = CHIPS_DARK if theme.dark else CHIPS_LIGHT
    return theme.base if role == "paragraph" else chips.get(role, chips["unplaced"])


def chip_text(role: str, theme: Theme) -> str:
    """The chip's text colour: the theme's own text where it reads well enough, else white or black."""
    bg = chip_colour(role, theme)
    return theme.text if contrast(theme.text, bg) >= 4.5 else text_on(bg)


def paragraph_numbers(lines: Sequence[PageLineLike]) -> dict[int, int]:
    """Each paragraph block's number as the reader counts paragraphs (1, 2, …; headings are not counted)."""
    numbers: dict[int, int] = {}
    for line in lines:
        if line.role == "paragraph" and line.block is not None and line.block not in numbers:
            numbers[line.block] = len(numbers) + 1
    return numbers


def role_label(line: PageLineLike, tr: Callable[[str], str], numbers: dict[int, int]) -> str:
    """How the view names a line's role: 'Translation of ¶3', 'Paragraph ¶2', 'Note 1', 'Glossary entry'…"""
    split_over = [numbers[b] for b in getattr(line, "targets", ()) if b in numbers]
    if line.role == "translation" and line.target is None and split_over:
        # One line the importer split over several paragraphs: all of them are named.
        return tr("Translation of ¶{n}").format(n=", ¶".join(str(k) for k in split_over))
    if line.role == "translation" and line.target is not None:
        if line.target in numbers:
            return tr("Translation of ¶{n}").format(n=numbers[line.target])
        return tr("Translation of a heading")
    if line.role == "note" and line.note is not None:
        return tr("Note {n}").format(n=line.note + 1)
    if line.role == "paragraph" and line.block in numbers:
        return tr("Paragraph ¶{n}").format(n=numbers[line.block])
    return tr(ROLE_LABELS.get(line.role, line.role))


def unsure(line: PageLineLike) -> bool:
    """Whether the importer was unsure of this line's role."""
    return line.confidence is not None and line.confidence < UNSURE


class PageModel(QAbstractTableModel):
    """The lines of one page: number, role chip, an unsure mark, text."""

    def __init__(self, theme: Theme, tr: Callable[[str], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[PageLineLike] = []
        self.numbers: dict[int, int] = {}  # paragraph block → its number as the reader counts
        self._brush_cache: dict[tuple[str, str], tuple[QBrush, QBrush]] = {}
        self._theme, self.tr_ = theme, tr

    @property
    def lines(self) -> list[PageLineLike]:
        """The lines shown, in page order."""
        return self._lines

    def set_lines(self, lines: Sequence[PageLineLike]) -> None:
        """Show these lines instead."""
        self.beginResetModel()
        self._lines = list(lines)
        self.numbers = paragraph_numbers(self._lines)
        self.endResetModel()

    def set_theme(self, theme: Theme) -> None:
        """Draw the chips in another theme's colours."""
        self._theme = theme
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(COLUMNS) - 1))

    def retranslate(self, tr: Callable[[str], str]) -> None:
        """Role names and headers in the interface language."""
        self.tr_ = tr
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.set_theme(self._theme)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return self.tr_(COLUMNS[section]) if COLUMNS[section] else ""
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(line, column)
        if column == ROLE and role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes(line.role)[0]
        if column == ROLE and role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes(line.role)[1]
        if column == SURE and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return line.n
        return None

    def _brushes(self, role: str) -> tuple[QBrush, QBrush]:
        """A role's chip and text brushes in the theme (made once per theme: asked at every paint)."""
        key = (self._theme.name, role)
        if key not in self._brush_cache:
            self._brush_cache[key] = (QBrush(QColor(chip_colour(role, self._theme))),
                                      QBrush(QColor(chip_text(role, self._theme))))
        return self._brush_cache[key]

    def _display(self, line: PageLineLike, column: int) -> str:
        if column == LINE:
            return str(line.n)
        if column == ROLE:
            return role_label(line, self.tr_, self.numbers)
        if column == SURE:
            return "?" if unsure(line) else ""
        text = " ".join(line.text.split())  # one row a line: the page's own line breaks and runs of spaces fold
        return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"

    def _tip(self, line: PageLineLike, column: int) -> str:
        if column == SURE and unsure(line):
            assert line.confidence is not None
            return plain_tip(self.tr_("The importer was unsure of this line ({sure} sure).").format(
                sure=f"{line.confidence:.0%}"))
        if column == TEXT:
            return plain_tip(line.text)
        return ""


class ChipDelegate(QStyledItemDelegate):
    """Draws a role as a rounded chip in its colour, selected or not (a selection must not hide the role)."""

    PAD = 6

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        style = option.widget.style() if option.widget is not None else None
        if style is not None and option.state & QStyle.StateFlag.State_Selected:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        bg, fg = index.data(Qt.ItemDataRole.BackgroundRole), index.data(Qt.ItemDataRole.ForegroundRole)
        rect = option.rect.adjusted(3, 3, -3, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if isinstance(bg, QBrush):
            painter.setBrush(bg)
            painter.setPen(QPen(fg.color() if isinstance(fg, QBrush) else Qt.GlobalColor.gray, 0.6))
            painter.drawRoundedRect(rect, 6, 6)
        if isinstance(fg, QBrush):
            painter.setPen(fg.color())
        painter.drawText(rect.adjusted(self.PAD, 0, -self.PAD, 0),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), str(index.data() or ""))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * self.PAD + 6, size.height() + 6)
