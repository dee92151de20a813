"""Zoom goes in steps of 10% (150% is one of them) and the status bar says the zoom reached."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow


def zoom_key(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> str:
    qtbot.keyClick(window.article, key, Qt.KeyboardModifier.ControlModifier)
    return window.statusBar().currentMessage()


def test_ctrl_plus_reaches_150_percent_and_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    said = [zoom_key(qtbot, window, Qt.Key.Key_Equal) for _ in range(5)]
    assert said == ["Zoom 110%", "Zoom 120%", "Zoom 130%", "Zoom 140%", "Zoom 150%"]
    assert window.zoom == 1.5 and window.settings.value("view/zoom", type=float) == 1.5
    assert zoom_key(qtbot, window, Qt.Key.Key_Minus) == "Zoom 140%"
    assert zoom_key(qtbot, window, Qt.Key.Key_0) == "Zoom 100%"
