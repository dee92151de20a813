"""Typing in the page view's text box that is not saved is never thrown away without a word: it is kept
for its line when the user moves to another line or lesson, and Esc asks whether to save it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.teaching.page_view import PageView
from tests.reader.conftest import DialogLog
from tests.reader.teaching.test_page_view import bees, click_line, open_page_view, press, row_of

__all__ = ["bees"]  # the fixture, used by name

ADDED = " in the spring"


def type_on(qtbot: QtBot, view: PageView, start: str) -> int:
    """F2 on the line starting `start`, and words typed at its end; the line's number."""
    click_line(qtbot, view, start)
    press(qtbot, view, Qt.Key.Key_F2)
    qtbot.keyClicks(view.text, ADDED)
    return view.model.lines[row_of(view, start)].n


def test_typing_is_kept_for_its_line_when_the_user_moves_to_another(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    n = type_on(qtbot, view, "Officials hope")
    typed = view.text.toPlainText()
    click_line(qtbot, view, "Local teachers")
    assert view.text.toPlainText().startswith("Local teachers")
    assert f"line {n} is kept" in view.status.text()
    press(qtbot, view, Qt.Key.Key_Up)  # arrow keys away and back
    click_line(qtbot, view, "Officials hope")
    assert view.text.toPlainText() == typed


def test_typing_is_kept_across_a_change_of_lesson(qtbot: QtBot, bees: MainWindow, reference_id: int) -> None:
    view = open_page_view(qtbot, bees)
    lesson = bees.reading.lesson_id
    n = type_on(qtbot, view, "Officials hope")
    typed = view.text.toPlainText()
    bees.open_lesson(reference_id)
    qtbot.wait(20)
    assert f"line {n} is kept" in view.status.text()
    bees.open_lesson(lesson)
    qtbot.wait(20)
    click_line(qtbot, view, "Officials hope")
    assert view.text.toPlainText() == typed


def test_esc_asks_to_save_the_typing_and_saves_it(qtbot: QtBot, bees: MainWindow, dialog_log: DialogLog) -> None:
    view = open_page_view(qtbot, bees)
    n = type_on(qtbot, view, "Officials hope")
    typed = view.text.toPlainText()
    click_line(qtbot, view, "Local teachers")
    dialog_log.choice = 0  # Save
    press(qtbot, view, Qt.Key.Key_Escape)
    asked = [args for name, args in dialog_log.calls if name == "choose"]
    assert len(asked) == 1 and asked[0][2] == f"Save your change to line {n}?"
    assert not view.isVisible()
    assert view.model.lines[row_of(view, "Officials hope")].text == typed


def test_esc_cancelled_keeps_the_view_and_the_typing(qtbot: QtBot, bees: MainWindow, dialog_log: DialogLog) -> None:
    view = open_page_view(qtbot, bees)
    n = type_on(qtbot, view, "Officials hope")
    typed = view.text.toPlainText()
    dialog_log.choice = None  # Cancel
    qtbot.keyClick(view.text, Qt.Key.Key_Escape)
    assert view.isVisible() and view.text.toPlainText() == typed
    assert f"line {n}" in view.status.text()
    dialog_log.choice = 1  # Discard
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert not view.isVisible()
    assert view.model.lines[row_of(view, "Officials hope")].text != typed
