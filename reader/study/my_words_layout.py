"""My words' layout at any window size: the filter bar and the table fit the window they are in (no
minimum width above it), and the Sentence column is the widest, the others giving way in proportion."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QSizePolicy, QStackedWidget, QTableView, QWidget

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
