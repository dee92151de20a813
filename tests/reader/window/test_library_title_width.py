"""The library list in a narrow window: the Difficulty column keeps a compact fixed width, the Date
column gives way, and the title column has most of the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QSplitter
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow


def test_titles_keep_most_of_the_list_at_800_px(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    view = window.panel.lessons_view
    header = view.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) > 0)
    shown = view.viewport().width()
    assert shown < view.NARROW  # the list is narrow in a window this size
    widths = {i: header.sectionSize(i) for i in range(header.count()) if not header.isSectionHidden(i)}
    assert header.sectionResizeMode(3) == QHeaderView.ResizeMode.Fixed
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert widths[0] > 0.5 * shown, widths  # most of the list
    assert sum(widths.values()) <= shown  # nothing pushed out of sight
    # The Difficulty column is as wide as its text and no wider; its header word whole in the tooltip.
    metrics = view.fontMetrics()
    assert widths[3] < metrics.horizontalAdvance("100% C2") + 20
    model = window.panel.lessons_model
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Difficulty"
    # The date given way is still in the title's tooltip.
    assert 1 not in widths
    tip = str(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    date = str(model.index(0, 1).data(Qt.ItemDataRole.DisplayRole))
    assert date and date in tip


def test_a_wide_list_shows_the_date_again(qtbot: QtBot, window: MainWindow) -> None:
    view = window.panel.lessons_view
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    assert view.isColumnHidden(1)
    window.resize(1600, 600)
    splitter = window.findChild(QSplitter, "MainSplitter")
    assert splitter is not None
    sizes = splitter.sizes()
    at = next(i for i in range(splitter.count()) if splitter.widget(i).isAncestorOf(view))
    sizes[at] = 600  # the library dragged wider
    splitter.setSizes(sizes)
    qtbot.waitUntil(lambda: view.width() >= view.NARROW)
    qtbot.waitUntil(lambda: not view.isColumnHidden(1))
    assert view.horizontalHeader().sectionSize(0) > 0.5 * view.viewport().width()
