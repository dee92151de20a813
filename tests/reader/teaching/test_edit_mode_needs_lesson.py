"""Edit mode edits the open lesson: with none open it does not open (the status bar says why), deleting
the open lesson closes it with nothing left of that lesson in it, and My words takes the window's room
from it instead of sharing it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.ui.i18n import JA
from reader.window.actions import NO_LESSON
from tests.reader.conftest import DialogLog
from tests.reader.window.test_import_review import PAGE

CTRL = Qt.KeyboardModifier.ControlModifier


def _ctrl_e(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_E, CTRL)


def _delete_open_lesson(qtbot: QtBot, window: MainWindow) -> None:
    view = window.panel.lessons_view
    window.panel.select(window.current_id())
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # Delete, then Yes
    assert window.lesson is None


def test_deleting_the_open_lesson_closes_edit_mode_and_ctrl_e_then_says_why_it_does_not_open(
    qtbot: QtBot, window: MainWindow, dialog_log: DialogLog, tmp_path: Path
) -> None:
    path = tmp_path / "bridges.txt"
    path.write_text(PAGE, encoding="utf-8")
    lid = window.library.lessons.import_file(path).lesson_id
    window.refresh_lessons()
    window.open_lesson(lid)
    assert window.lesson is not None and len(window.lesson.unplaced) == 2
    _ctrl_e(qtbot, window)
    panel = window.teaching.panel
    assert panel.isVisible() and panel.tabs.tabText(3) == "Unplaced (2)"
    _delete_open_lesson(qtbot, window)
    assert not panel.isVisible() and not window.teaching.actions["edit_mode"].isChecked()
    assert panel.tabs.tabText(3) == "Unplaced"  # no count of the deleted lesson's blocks
    _ctrl_e(qtbot, window)
    assert not panel.isVisible() and not window.teaching.actions["edit_mode"].isChecked()
    assert window.statusBar().currentMessage() == NO_LESSON
    assert JA.get(NO_LESSON)


def test_my_words_closes_edit_mode_and_keeps_the_window_for_its_table(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1000, 700)
    _ctrl_e(qtbot, window)
    assert window.teaching.panel.isVisible()
    qtbot.keyClick(window.article, Qt.Key.Key_W, CTRL | Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    page = window.study.my_words
    assert page is not None and page.isVisible()
    assert not window.teaching.panel.isVisible() and not window.teaching.actions["edit_mode"].isChecked()
    assert page.width() >= window.width() - 20  # the whole width, none of it left to the dock
