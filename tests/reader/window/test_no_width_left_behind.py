"""No state leaves a least width behind: after My words and back, edit mode, a rename, a presentation
with T, N and Esc, and those keys in the article, the window still goes down to 640×480, at Qt's
offscreen font and at an 11 pt interface font as many desktops set it. My words, out of sight, had
held the window at its own least width (848 px at 11 pt), and the edit dock added its own to it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.conftest import DialogLog

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(params=[None, 11.0], ids=["offscreen font", "11 pt"])
def interface_font(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[None]:
    before = QApplication.font()
    if request.param is not None:
        font = QApplication.font()
        font.setPointSizeF(request.param)
        QApplication.setFont(font)
    yield
    QApplication.setFont(before)


def test_the_window_goes_down_to_640_by_480_after_each_state(
    interface_font: None, qtbot: QtBot, window: MainWindow, dialog_log: DialogLog
) -> None:
    dialog_log.text = "A renamed lesson whose new title is a great deal longer than the one it had before"
    stuck: list[str] = []

    def fits(after: str) -> None:
        window.resize(640, 480)
        qtbot.wait(60)
        if (window.width(), window.height()) != (640, 480):
            stuck.append(f"{after}: {window.width()}×{window.height()}")
        window.resize(1000, 700)
        qtbot.wait(30)

    def key(k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        window.activateWindow()
        window.article.setFocus()
        qtbot.keyClick(window.article, k, mods)

    key(Qt.Key.Key_W, CTRL | SHIFT)  # My words…
    page = window.study.my_words
    assert page is not None and page.isVisible()
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)  # …and back to reading
    assert window.article.isVisible()
    fits("My words and back")
    key(Qt.Key.Key_E, CTRL)
    assert window.teaching.panel.isVisible()
    fits("edit mode")
    key(Qt.Key.Key_F2)
    assert window.lesson is not None and window.lesson.title == dialog_log.text
    fits("a rename")
    key(Qt.Key.Key_E, CTRL)
    fits("edit mode closed")
    view = window.teaching.present(full_screen=False)
    assert view is not None
    for k in (Qt.Key.Key_T, Qt.Key.Key_N, Qt.Key.Key_Escape):
        qtbot.keyClick(view, k)
    fits("a presentation")
    for k in (Qt.Key.Key_T, Qt.Key.Key_N, Qt.Key.Key_Escape):
        key(k)
    fits("T, N and Esc")
    assert not stuck
