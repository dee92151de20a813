"""Long messages stay on one line: the page view's status line keeps its height (the text box its
room), and the window's status bar elides a message before its permanent fields, whole in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSizeGrip, QStatusBar, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.teaching.test_page_view import PAGE, click_line, open_page_view, press

LONG = ("This change cannot be made: line 13 is the last paragraph: there is nothing after it to join, "
        "and the page has no other English line below it that could take its place in the lesson either")


def test_a_long_message_keeps_the_text_box_and_the_status_bar_whole(
        qtbot: QtBot, window: MainWindow, library: Library) -> None:
    window.resize(800, 600)
    window.open_lesson(library.lessons.import_file(PAGE).lesson_id)
    view = open_page_view(qtbot, window)
    view.resize(600, 500)
    QApplication.processEvents()
    box, line = view.text.height(), view.status.height()
    click_line(qtbot, view, "More stories from our club")
    press(qtbot, view, Qt.Key.Key_J)  # refused: the page's last line
    view.status.setText(LONG)  # as long as a refusal may be
    QApplication.processEvents()
    assert view.status.height() == line and view.text.height() == box
    assert view.status.text() == LONG and view.status.toolTip() == LONG
    assert view.status.fontMetrics().horizontalAdvance(view.status.shown_text()) <= view.status.width()

    bar = window.statusBar()
    bar.showMessage(LONG, 10000)
    QApplication.processEvents()
    shown = QStatusBar.currentMessage(bar)  # what the bar draws
    assert bar.currentMessage() == LONG and bar.toolTip() == LONG
    assert shown != LONG and shown.endswith("…")
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.room()
    fields = [w for w in bar.findChildren(QWidget) if w.parentWidget() is bar and w.isVisible()
              and not isinstance(w, QSizeGrip) and w.width() > 0]
    assert fields  # "Review: nothing due", the learner
    assert bar.fontMetrics().horizontalAdvance(shown) + 4 < min(w.x() for w in fields)  # stops short of them


def test_the_edit_docks_tabs_all_show_at_the_default_width(qtbot: QtBot, window: MainWindow,
                                                          library: Library) -> None:
    window.resize(1280, 800)
    window.open_lesson(library.lessons.import_file(PAGE).lesson_id)
    window.teaching.set_edit_mode(True)
    QApplication.processEvents()
    tabs = window.teaching.panel.tabs
    bar: QTabBar = tabs.tabBar()
    assert all(bar.tabRect(i).right() <= bar.width() for i in range(bar.count()))
    assert all(bar.tabText(i) and bar.tabToolTip(i) for i in range(bar.count()))  # the meaning in the tooltip
