"""The page view across lessons: its status line and its current line belong to the lesson shown,
and Undo and Redo say which step they took."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.teaching.test_page_view import PAGE, click_line, open_page_view, press, undo

PAGES = Path(__file__).resolve().parents[2] / "data" / "pageview"


def test_another_lesson_starts_at_its_top_with_no_word_of_the_last_change(
        qtbot: QtBot, window: MainWindow, library: Library) -> None:
    bees = library.lessons.import_file(PAGE).lesson_id
    garden = library.lessons.import_file(PAGES / "garden.txt").lesson_id
    window.open_lesson(bees)
    view = open_page_view(qtbot, window)
    view.table.setFocus()
    for _ in range(15):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    deep = view.current_line()
    assert deep is not None and deep > 10
    press(qtbot, view, Qt.Key.Key_S)  # made site text: the status line says so
    assert "done" in view.status.text()
    window.open_lesson(garden)
    assert view.table.currentIndex().row() == 0
    assert view.current_line() == view.model.lines[0].n
    assert view.status.text() == ""
    window.open_lesson(bees)  # back: the line it was on
    assert view.current_line() == deep


def test_undo_and_redo_say_the_step_they_took(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    window.open_lesson(library.lessons.import_file(PAGE).lesson_id)
    view = open_page_view(qtbot, window)
    click_line(qtbot, view, "Morning Study Club")
    press(qtbot, view, Qt.Key.Key_S)
    undo(qtbot, view)
    assert view.status.text() == "Undone: Change role"
    assert window.statusBar().currentMessage() == "Undone: Change role"
    press(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.status.text() == "Redone: Change role"
