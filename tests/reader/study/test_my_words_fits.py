"""My words fits the window it is in: at 800×600 the window keeps its width, the filter box its room,
and the Sentence column is the widest; My note and Lesson elide, with the whole text in a tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.study.my_words_layout import FILTER_CHARS
from reader.study.my_words_model import KEYS
from tests.reader.study.test_my_words import open_page, saved  # noqa: F401  (the fixture)


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_the_page_fits_and_the_sentence_is_the_widest_column(
    qtbot: QtBot, window: MainWindow, saved: dict[str, int], size: tuple[int, int]  # noqa: F811
) -> None:
    window.resize(*size)
    qtbot.wait(50)
    width = window.width()
    assert width == size[0]
    page = open_page(qtbot, window)
    QApplication.processEvents()
    qtbot.wait(50)
    assert window.width() == width and page.width() <= width
    header = page.table.horizontalHeader()
    widths = {key: header.sectionSize(i) for i, key in enumerate(KEYS)}
    assert max(widths, key=lambda k: widths[k]) == "sentence"
    assert widths["sentence"] >= 0.3 * page.table.viewport().width()
    assert widths["note"] < widths["sentence"] / 2 and widths["lesson"] < widths["sentence"] / 2
    # All columns on screen: no sideways scrolling.
    assert sum(widths.values()) <= page.table.viewport().width() + 1
    search = page.search
    assert search.width() >= search.fontMetrics().horizontalAdvance("x" * FILTER_CHARS)  # not squeezed to "Fi…"
    row = [page.proxy.index(r, KEYS.index("text")).data() for r in range(page.proxy.rowCount())].index("privacy")
    tip = page.proxy.index(row, KEYS.index("lesson")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Night Trains Make a Comeback Across Europe" in tip  # the whole title, elided in the cell
