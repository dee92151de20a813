"""The window's dialogs follow the theme chosen in the View menu: their own colours (F1's list of keys)
and the edges of their frames. (The colour scheme the platform's own dialogs and title bars go by is set
with the theme too; the offscreen platform keeps none, so it is not seen here.)"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow

Role = QPalette.ColorRole


def lightness(image: QImage) -> float:
    """How light an image is on the whole (0–255)."""
    values = [QColor(image.pixel(x, y)).lightness()
              for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)]
    return sum(values) / max(1, len(values))


def keys_dialog_seen(qtbot: QtBot, window: MainWindow) -> dict[str, float]:
    """F1, as the user presses it: how light the dialog is, and its palette's frame edges."""
    seen: dict[str, float] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(50, look)
            return
        palette = dialog.palette()
        seen.update(shown=lightness(dialog.grab().toImage()), light=palette.color(Role.Light).lightness(),
                    midlight=palette.color(Role.Midlight).lightness(), window=palette.color(Role.Window).lightness())
        dialog.reject()

    QTimer.singleShot(100, look)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_F1)
    assert seen, "F1 showed no dialog"
    return seen


def test_dialogs_follow_the_dark_theme_and_back(qtbot: QtBot, window: MainWindow) -> None:
    window.menus.themes["dark"].trigger()
    dark = keys_dialog_seen(qtbot, window)
    assert dark["shown"] < 90 and dark["window"] < 60
    assert dark["light"] < 110 and dark["midlight"] < 110  # no white edges left from the light theme
    window.menus.themes["light"].trigger()
    light = keys_dialog_seen(qtbot, window)
    assert light["shown"] > 170 and light["light"] > 200
