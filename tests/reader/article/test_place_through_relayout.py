"""The reading place (the title, or the paragraph at the top) stays put when the article is laid out anew."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.conftest import index_of


def first_line(window: MainWindow) -> str:
    """The first line of text on screen."""
    return window.article.visible_text().split("\n")[0]


def relayouts(qtbot: QtBot, window: MainWindow) -> list[str]:
    """Edit mode on and off with Ctrl+E and a theme switched each way, with the first line on screen after each."""
    seen = []
    for step in ("edit", "edit", "dark", "light"):
        if step == "edit":
            window.activateWindow()
            window.article.setFocus()
            qtbot.keyClick(window.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        else:
            window.menus.themes[step].trigger()
        qtbot.wait(20)  # the layout's second pass, once the scroll range follows it
        seen.append(first_line(window))
    return seen


def test_the_title_and_caption_stay_on_screen(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.wait(20)
    assert window.lesson is not None
    top = first_line(window)
    assert top == window.lesson.title
    caption = window.lesson.captions[0] if window.lesson.captions else None
    for seen in relayouts(qtbot, window):
        assert seen == top, "the title was scrolled off the top"
        if caption:
            assert caption in window.article.visible_text()


def test_the_paragraph_at_the_top_stays_at_the_top(qtbot: QtBot, window: MainWindow) -> None:
    target = index_of(window, "The Swedish Transport Administration")
    window.article.scroll_to(target)
    qtbot.wait(20)
    top = first_line(window)
    assert top.startswith("The Swedish Transport Administration")
    assert relayouts(qtbot, window) == [top] * 4
