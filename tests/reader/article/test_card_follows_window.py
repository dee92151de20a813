"""A pinned entry card does not stay floating where the window was: moving, resizing or leaving the
window closes it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.conftest import point_of


def pinned_card(qtbot: QtBot, window: MainWindow) -> None:
    """Hover a word-list term and click it: its card stays up."""
    view = window.article
    pos = point_of(view, "carbon emissions")
    qtbot.mouseMove(view.viewport(), pos)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.card.isVisible() and view.card.pinned


def move(window: MainWindow) -> None:
    window.move(window.pos() + QPoint(40, 30))


def resize(window: MainWindow) -> None:
    window.resize(window.width() - 120, window.height() - 60)


def leave(window: MainWindow) -> None:
    other = QWidget()
    other.setWindowTitle("another program")
    other.show()
    other.activateWindow()
    window.setProperty("_other", other)  # kept alive until the test ends


@pytest.mark.parametrize("action", [move, resize, leave], ids=["move", "resize", "deactivate"])
def test_the_pinned_card_closes_when_the_window_moves_resizes_or_is_left(
    qtbot: QtBot, window: MainWindow, action: Callable[[MainWindow], None]
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    pinned_card(qtbot, window)
    action(window)
    qtbot.waitUntil(lambda: not window.article.card.isVisible(), timeout=1000)
