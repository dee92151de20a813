"""My words, on screen, lets the window go down to 640 px: its filter row wraps onto more lines instead of
holding the window at its own least width (721 px at Qt's offscreen font, 848 px at an 11 pt interface
font); every filter stays whole, on the page, usable, and the row is one line again in a wide window."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.study.my_words import MyWordsPage
from reader.study.my_words_layout import FILTER_CHARS
from tests.reader.study.test_my_words import open_page, saved, shown  # noqa: F401  (the fixture)
from tests.reader.window.test_no_width_left_behind import interface_font  # noqa: F401  (the fixture)


def row_parts(page: MyWordsPage) -> list:
    return [page.title, page.search, page.status_box, page.lesson_box, page.level_box, page.count, page.back]


def lines(page: MyWordsPage) -> int:
    """How many lines the row takes: a part below the one before it starts a new line."""
    parts = row_parts(page)
    return 1 + sum(after.geometry().top() > before.geometry().bottom() for before, after in itertools.pairwise(parts))


def test_my_words_on_screen_lets_the_window_go_down_to_640(
    interface_font: None, qtbot: QtBot, window: MainWindow, saved: dict[str, int]  # noqa: F811
) -> None:
    window.resize(1280, 800)
    page = open_page(qtbot, window)
    QApplication.processEvents()
    assert lines(page) == 1  # room for the whole row on one line
    window.resize(640, 480)
    qtbot.waitUntil(lambda: window.width() == 640, timeout=2000)
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= 640
    assert page.isVisible() and page.width() <= 640 and lines(page) > 1
    inside = QRect(0, 0, page.width(), page.height())
    for part in row_parts(page):
        assert part.isVisible() and inside.contains(part.geometry()), (part.objectName(), part.geometry())
        assert part.width() >= min(part.minimumSizeHint().width(), part.sizeHint().width())
    for one in row_parts(page):  # no two parts on top of each other
        for other in row_parts(page):
            assert one is other or not one.geometry().intersects(other.geometry()), one.objectName()
    assert page.search.width() >= page.search.fontMetrics().horizontalAdvance("x" * FILTER_CHARS)
    assert page.table.geometry().top() >= max(w.geometry().bottom() for w in row_parts(page))  # the table below
    qtbot.mouseClick(page.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.search, "priv")
    assert shown(page) == ["privacy"]  # the filter still filters
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280, timeout=2000)
    QApplication.processEvents()
    assert lines(page) == 1
