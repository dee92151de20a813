"""The page view from the keyboard alone: Tab leaves the table, F2 or Enter edits the line's text, a key on
many lines is one step that says how many, and a refused "Save text" keeps what was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.conftest import DialogLog
from tests.reader.teaching.test_page_view import (
    WORDS,
    article_text,
    bees,
    click_line,
    open_page_view,
    press,
    role_shown,
)

__all__ = ["bees"]  # the fixture, used by name


def test_tab_leaves_the_table_for_the_text_box_and_shift_tab_comes_back(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Farmers in a small")
    row = view.table.currentIndex().row()
    press(qtbot, view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.text
    assert view.table.currentIndex().row() == row  # no move to another cell or line
    qtbot.keyClick(view.text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.save_text
    qtbot.keyClick(view.save_text, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.text, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is view.table


def test_f2_edits_the_line_and_save_text_is_reached_by_key(qtbot: QtBot, bees: MainWindow,
                                                            dialog_log: DialogLog) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Farmers in a small")
    press(qtbot, view, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is view.text
    assert "ask_text" not in dialog_log.names()  # F2 here is not the window's "Rename lesson"
    assert view.text.textCursor().position() == len(view.text.toPlainText())
    qtbot.keyClicks(view.text, " Then more came.")
    qtbot.keyClick(view.text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.save_text
    qtbot.keyClick(view.save_text, Qt.Key.Key_Space)
    assert "Then more came." in article_text(bees)


def test_enter_puts_the_cursor_in_the_box_to_split_there(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Farmers in a small")
    lines_before = len(view.model.lines)
    press(qtbot, view, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.text
    qtbot.keyClick(view.text, Qt.Key.Key_Home)
    for _ in range(8):  # past "Farmers "
        qtbot.keyClick(view.text, Qt.Key.Key_Right)
    qtbot.keyClick(view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(view.model.lines) == lines_before + 1


def test_a_key_on_many_lines_is_one_step_and_says_how_many(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    stack = bees.teaching.stack
    click_line(qtbot, view, WORDS[0])
    click_line(qtbot, view, WORDS[-1], Qt.KeyboardModifier.ShiftModifier)
    assert len(view.selected_lines()) == 4
    press(qtbot, view, Qt.Key.Key_S)
    assert stack.count() == 1
    assert [role_shown(view, w) for w in WORDS] == ["Site text"] * 4
    said = view.status.text()
    assert "4 lines" in said and "Ctrl+Z" in said
    assert "4 lines" in bees.statusBar().currentMessage()
    press(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Site text" not in [role_shown(view, w) for w in WORDS]


def test_a_refused_save_text_keeps_what_was_typed(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Farmers in a small")
    press(qtbot, view, Qt.Key.Key_F2)
    qtbot.keyClick(view.text, Qt.Key.Key_Return)  # a line break: the library refuses the text
    qtbot.keyClicks(view.text, "A second line typed with care")
    typed = view.text.toPlainText()
    qtbot.mouseClick(view.save_text, Qt.MouseButton.LeftButton)
    assert view.status.property("refused")
    assert view.text.toPlainText() == typed
    assert "A second line typed with care" not in article_text(bees)


def test_a_key_on_every_line_that_is_refused_changes_none_of_them(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    roles = [role_shown(view, line.text[:20]) for line in view.model.lines]
    click_line(qtbot, view, "Farmers in a small")
    press(qtbot, view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, view, Qt.Key.Key_S)  # site text everywhere would leave the lesson no English
    assert view.status.property("refused") and view.status.text().startswith("This change cannot be made:")
    assert [role_shown(view, line.text[:20]) for line in view.model.lines] == roles
    assert bees.teaching.stack.count() == 0 and "Farmers in a small" in article_text(bees)
