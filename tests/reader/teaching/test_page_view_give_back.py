"""The page view opened from edit mode: the article keeps its readable width beside it (and the edit dock,
under it), and when it closes the window is given back as it was (side panels shown or hidden at their
widths, the edit dock, the article's place, and the keyboard focus where it was)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.teaching import page_table
from reader.window.focus_mode import ARTICLE_MIN


def layout(window: MainWindow) -> dict[str, Any]:
    dock = window.teaching.panel
    return {"sizes": window.splitter.sizes(), "shown": (window.panel.isVisible(), window.vocab.isVisible()),
            "widths": list(window.focus_mode.widths), "dock": (dock.isVisible(), dock.width()),
            "dock paragraph": dock.para_label.text(), "scroll": window.article.verticalScrollBar().value(),
            "top": window.article.first_visible_index()}


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
@pytest.mark.parametrize("close", ["Esc", "Close"])
def test_closing_the_page_view_gives_the_window_back(qtbot: QtBot, window: MainWindow,
                                                     monkeypatch: pytest.MonkeyPatch, size: tuple[int, int],
                                                     close: str) -> None:
    monkeypatch.setattr(page_table, "screen_room", lambda _window: QRect(0, 0, *size))
    window.move(0, 0)
    window.resize(*size)  # the window fills the screen: the view opens over it
    QApplication.processEvents()
    window.activateWindow()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # edit mode
    for _ in range(8):
        qtbot.keyClick(window.article, Qt.Key.Key_Down)  # down the lesson, the dock on a paragraph
    qtbot.wait(50)  # the scrolling that follows the keys done
    before = layout(window)
    assert before["dock"][0]
    button = window.teaching.panel.buttons["page_view"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the dock's Page view…
    assert window.focusWidget() is button
    view = window.page_fixing.view
    assert view is not None and view.isVisible()
    qtbot.waitExposed(view)
    article = window.article  # beside the view, beside the edit dock too, at the window's readable width
    assert article.mapToGlobal(QPoint(article.width(), 0)).x() <= view.frameGeometry().left()
    assert article.width() >= ARTICLE_MIN
    if close == "Esc":
        qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    else:
        qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert not view.isVisible()
    assert layout(window) == before
    assert window.isActiveWindow() and QApplication.focusWidget() is button  # the keys work where they did
