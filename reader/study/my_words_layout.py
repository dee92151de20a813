"""My words' layout at any window size: the filter bar and the table fit the window they are in (no
minimum width above it), and the Sentence column is the widest, the others giving way in proportion."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QTableView

from reader.study.my_words_model import KEYS

# Each column's width where the window has room; the Sentence column takes what is left.
WIDTHS = {"text": 140, "status": 90, "level": 56, "gloss": 180, "note": 120, "lesson": 130, "created": 96, "due": 96}
NARROWEST = 36  # a column never goes below this (its text elides; the tooltip has it whole)
SENTENCE_SHARE = 0.36  # at least this share of the table for the sentence, where it is not wider anyway
FILTER_CHARS = 12  # the filter box keeps room for a word or two ("Fi…" helps nobody)


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
