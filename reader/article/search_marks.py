"""A search hit in the article: its matches marked, and its paragraph put cleanly at the top of the view."""

from __future__ import annotations

import math

from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from reader.ui.themes import Theme

SEARCH_MARK = QTextFormat.Property.UserProperty + 41  # tells a search mark from a glossary highlight
TOP_MARGIN = 12  # pixels between the view's top edge and the paragraph's first line


def mark_selections(doc: QTextDocument, spans: list[tuple[int, int]], theme: Theme) -> list[QTextEdit.ExtraSelection]:
    """Extra selections marking each span: the theme's highlight behind its text colour (4.5:1 or more)."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(theme.highlight_bg))
    fmt.setForeground(QColor(theme.text))  # a translation's own colour is not checked against the highlight
    fmt.setProperty(SEARCH_MARK, True)
    marks = []
    for start, end in spans:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(doc)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor, sel.format = cursor, fmt
        marks.append(sel)
    return marks


def is_search_mark(selection: QTextEdit.ExtraSelection) -> bool:
    """Whether an extra selection marks a search match."""
    return selection.format.hasProperty(SEARCH_MARK)


def _previous_visible(block: QTextBlock) -> QTextBlock:
    previous = block.previous()
    while previous.isValid() and not (previous.isVisible() and previous.layout().lineCount()):
        previous = previous.previous()  # hidden translations are laid out nowhere
    return previous


def clean_top(doc: QTextDocument, block: QTextBlock, frame_top: float) -> int:
    """The scroll value that puts `block`'s first line TOP_MARGIN below the top edge (its focus frame,
    drawn from `frame_top`, in view), but never cuts through the lines of the block above."""
    layout = block.layout()
    if layout is None or not layout.lineCount():
        return max(0, int(doc.documentLayout().blockBoundingRect(block).top()) - TOP_MARGIN)
    text_top = layout.position().y() + layout.lineAt(0).y()
    wanted = min(text_top - TOP_MARGIN, frame_top - 2)
    previous = _previous_visible(block)
    if previous.isValid():
        lines = previous.layout()
        last = lines.lineAt(lines.lineCount() - 1)
        wanted = max(wanted, lines.position().y() + last.y() + last.height())  # below the last line above
    return max(0, math.ceil(wanted))
