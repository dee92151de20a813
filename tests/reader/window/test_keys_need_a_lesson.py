"""Keys that work on the open lesson say, with none open, that a lesson is needed, in the interface's
language, instead of doing nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.ui.i18n import JA
from reader.window.actions import NO_LESSON
from tests.reader.conftest import DialogLog

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
KEYS = [  # each key the keyboard list gives for the open lesson
    ("F5 present", Qt.Key.Key_F5, NONE),
    ("Ctrl+P handout", Qt.Key.Key_P, CTRL),
    ("F2 rename", Qt.Key.Key_F2, NONE),
    ("Ctrl+Del delete", Qt.Key.Key_Delete, CTRL),
    ("Ctrl+Shift+L page view", Qt.Key.Key_L, CTRL | SHIFT),
    ("Ctrl+E edit mode", Qt.Key.Key_E, CTRL),
    ("Ctrl+Shift+T all translations", Qt.Key.Key_T, CTRL | SHIFT),
    ("Ctrl+Shift+H no translations", Qt.Key.Key_H, CTRL | SHIFT),
]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_lesson_key_says_a_lesson_is_needed_when_none_is_open(
    qtbot: QtBot, window: MainWindow, dialog_log: DialogLog, lang: str
) -> None:
    view = window.panel.lessons_view
    view.setCurrentIndex(view.model().index(0, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # the only lesson: none is left to open
    assert window.lesson is None and view.model().rowCount() == 0
    window.set_language(lang)
    wanted = NO_LESSON if lang == "en" else JA[NO_LESSON]
    asked = len(dialog_log.calls)
    silent = []
    for name, key, mods in KEYS:
        window.statusBar().clearMessage()
        window.activateWindow()
        window.article.setFocus()
        qtbot.keyClick(window.article, key, mods)
        if window.statusBar().currentMessage() != wanted:
            silent.append(name)
    assert not silent
    assert len(dialog_log.calls) == asked  # no dialog opened on nothing
    assert window.page_fixing.view is None or not window.page_fixing.view.isVisible()
    assert window.teaching.presentation is None
