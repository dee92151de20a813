"""My words' layout at any window size: the filter bar (wrapped onto more lines where the window is
narrow) and the table fit the window they are in (no minimum width above it), and the Sentence column
is the widest, the others giving way in proportion."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTableView,
    QWidget,
)

from reader.study.my_words_model import KEYS

# Each column's width where the window has room; the Sentence column takes what is left.
WIDTHS = {"text": 140, "status": 90, "level": 56, "gloss": 180, "note": 120, "lesson": 130, "created": 96, "due": 96}
NARROWEST = 36  # a column never goes below this (its text elides; the tooltip has it whole)
SENTENCE_SHARE = 0.36  # at least this share of the table for the sentence, where it is not wider anyway
FILTER_CHARS = 12  # the filter box keeps room for a word or two ("Fi…" helps nobody)
_policies: dict[QWidget, QSizePolicy] = {}  # a page's own size policy while it is out of sight


def fit_columns(table: QTableView) -> None:
    """Share the table's width: the Sentence column at least SENTENCE_SHARE of it and wider than any
    other, the others at their widths or narrower in proportion."""
    header = table.horizontalHeader()
    available = table.viewport().width()
    if available <= 0:
        return
    sentence_min = int(available * SENTENCE_SHARE)
    others = sum(WIDTHS.values())
    scale = min(1.0, max(0.0, available - sentence_min) / others)
    for key, width in WIDTHS.items():
        header.resizeSection(KEYS.index(key), max(NARROWEST, int(width * scale)))
    header.setSectionResizeMode(KEYS.index("sentence"), QHeaderView.ResizeMode.Stretch)


def narrow_filters(search: QLineEdit, boxes: list[tuple[QComboBox, int]], titled: QComboBox) -> None:
    """Filter boxes as narrow as a few characters at the least (a lesson's long title elides in the
    box, whole in its list and in the tooltip of `titled`); the search box keeps room for a word or two."""
    search.setMinimumWidth(search.fontMetrics().horizontalAdvance("x" * FILTER_CHARS))
    for box, chars in boxes:
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(chars)
    titled.currentTextChanged.connect(titled.setToolTip)


def size_by_current(stack: QStackedWidget) -> None:
    """Only the page in view asks for room: a stack sizes itself by every page it holds, so My words,
    out of sight after going back to reading, held the window at its own least width (848 px at an
    11 pt font) and the edit dock added its own to that."""
    current = stack.currentWidget()
    for i in range(stack.count()):
        page = stack.widget(i)
        if page is None:
            continue
        if page is current:
            if page in _policies:
                page.setSizePolicy(_policies.pop(page))
        elif page not in _policies:
            _policies[page] = page.sizePolicy()
            page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    stack.updateGeometry()


class FilterRow(QLayout):
    """The title, filters, count and Back of My words on one line where the window has room, wrapped
    onto more lines where it has not: the row asks for no more width than its widest part, so the page
    never holds the window wider (one line needed 721 px, 848 px at an 11 pt interface font).

    On each line the parts that grow (the search box) take the room left over; a part's least width is
    what it says it needs (the search box keeps room for FILTER_CHARS characters)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    # --- QLayout's items ------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # --- sizes ----------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._gap() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        shown = self._shown()
        width = max((self._least(item) for item in shown), default=0)
        height = max((item.minimumSize().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    # --- laying out -----------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        return max(0, style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent))

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return QSize(size.width() + margins.left() + margins.right(), size.height() + margins.top() + margins.bottom())

    @staticmethod
    def _grows(item: QLayoutItem) -> bool:
        widget = item.widget()
        return widget is not None and bool(widget.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal)

    @classmethod
    def _least(cls, item: QLayoutItem) -> int:
        return item.minimumSize().width() if cls._grows(item) else item.sizeHint().width()

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the parts out in `rect` (or only measure): the height the lines take."""
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap, used = self._gap(), 0
        lines: list[list[QLayoutItem]] = []
        line: list[QLayoutItem] = []
        for item in self._shown():
            least = self._least(item)
            if line and used + gap + least > inner.width():
                lines.append(line)
                line, used = [], 0
            used += (gap if line else 0) + least
            line.append(item)
        if line:
            lines.append(line)
        y = inner.y()
        for parts in lines:
            height = max(item.sizeHint().height() for item in parts)
            widths = [self._least(item) for item in parts]
            spare = max(0, inner.width() - sum(widths) - gap * (len(parts) - 1))
            growing = [i for i, item in enumerate(parts) if self._grows(item)]
            for i in growing:
                widths[i] += spare // len(growing)
            x = inner.x()
            for item, width in zip(parts, widths, strict=True):
                if move:
                    top = y + (height - item.sizeHint().height()) // 2
                    item.setGeometry(QRect(x, top, min(width, max(inner.width(), 0)), item.sizeHint().height()))
                x += width + gap
            y += height + gap
        return y - gap - rect.y() + margins.bottom() if lines else margins.top() + margins.bottom()
