"""The window opens fitted to the screen it is on, whatever geometry was saved (or none)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.window.screen_fit import fitted
from tests.reader.conftest import DialogLog

LAPTOP = QRect(0, 0, 1024, 740)  # a 1024×768 screen less its panel


def test_a_geometry_from_a_bigger_screen_or_a_tiny_one_is_fitted() -> None:
    big = fitted(QRect(100, 50, 1800, 1000), LAPTOP)
    assert LAPTOP.contains(big) and big.width() >= 0.8 * 1024 and big.height() >= 0.8 * 740
    tiny = fitted(QRect(10, 10, 682, 318), LAPTOP)
    assert LAPTOP.contains(tiny) and tiny.width() >= 640 and tiny.height() >= 480
    assert fitted(None, LAPTOP).size() == big.size()
    usable = QRect(20, 30, 800, 600)
    assert fitted(usable, LAPTOP) == usable  # what the learner chose on this screen is kept
    moved = fitted(QRect(1500, 30, 800, 600), LAPTOP)  # saved on a second monitor
    assert LAPTOP.contains(moved) and moved.size() == usable.size()
    assert fitted(None, QRect(0, 0, 1920, 1040)).size().toTuple() == (1280, 800)


def open_window(qtbot: QtBot, library: Library, settings: QSettings) -> MainWindow:
    """A new window, as the app starts one, shown."""
    win = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_window_opens_fitted_to_its_screen(
    qtbot: QtBot, library: Library, settings: QSettings, dialog_log: DialogLog, reference_id: int
) -> None:
    first = open_window(qtbot, library, settings)
    room = first.screen().availableGeometry()
    first.setGeometry(QRect(room.x(), room.y(), 682, 318))  # left tiny by the last session
    first.close()
    again = open_window(qtbot, library, settings)
    assert again.width() >= min(640, room.width()) and again.height() >= min(480, room.height())
    assert room.contains(again.geometry())
    again.setGeometry(QRect(room.x(), room.y(), room.width() * 2, room.height() * 2))  # a bigger screen's
    again.close()
    last = open_window(qtbot, library, settings)
    assert room.contains(last.geometry()) and last.width() >= 0.8 * room.width()
    last.close()
