"""Leaving My words while it has a message in the status bar: the message and the article's hint are
never drawn over each other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.study.test_my_words import open_page


def test_the_hint_waits_for_the_message_after_leaving_my_words(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)  # says "Nothing to undo." for a while
    bar, hint = window.statusBar(), window.study.hint
    assert bar.currentMessage() == "Nothing to undo."
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert window.article.isVisible()
    qtbot.wait(200)  # what the page switch sets off has run
    assert bar.currentMessage() and not hint.isVisible(), "the hint is drawn under the message"
    bar.clearMessage()  # the message's time is up
    assert hint.isVisible() and hint.text()
