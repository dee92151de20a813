"""My progress counts saved words by their status: a new word is New, not Learning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.study.progress_view import ProgressDialog


def test_each_status_is_counted_on_its_own(qtbot: QtBot, window: MainWindow) -> None:
    words = window.library.study.words
    for text, status in (("reserve", "learning"), ("carriage", "learning"), ("sleeper", "learning"),
                         ("privacy", "new"), ("comeback", "known")):
        words.save(text, status)
    window.article.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.article, Qt.Key.Key_P, ctrl_shift)  # My progress
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProgressDialog) and w.isVisible())
    try:
        shown = {name: label.text() for name, label in dialog.figures.items()}
        assert (shown["Learning"], shown["New"], shown["Known words"]) == ("3", "1", "1")
    finally:
        dialog.close()
