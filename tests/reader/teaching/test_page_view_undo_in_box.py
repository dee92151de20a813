"""Ctrl+Z and Ctrl+Shift+Z with the focus in the page view's text box (where F2 and Ctrl+Enter leave it):
the last page change is taken back and made again where the box holds no typing of its own; typing not
saved yet is undone first, by the box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.teaching.page_view import PageView
from tests.reader.teaching.test_page_view import bees, click_line, open_page_view, press, role_shown, row_of

__all__ = ["bees"]  # the fixture, used by name

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def in_the_box(qtbot: QtBot, view: PageView, key: Qt.Key, mods: Qt.KeyboardModifier) -> None:
    assert view.text.hasFocus()
    qtbot.keyClick(view.text, key, mods)


def test_ctrl_z_in_the_box_after_f2_undoes_the_last_page_change_and_ctrl_shift_z_redoes_it(
        qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Back to the top")
    press(qtbot, view, Qt.Key.Key_S)
    assert role_shown(view, "Back to the top") == "Site text"
    press(qtbot, view, Qt.Key.Key_F2)
    in_the_box(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert role_shown(view, "Back to the top") == "Heading"
    in_the_box(qtbot, view, Qt.Key.Key_Z, CTRL_SHIFT)
    assert role_shown(view, "Back to the top") == "Site text"


def test_ctrl_z_in_the_box_takes_back_a_split_at_the_cursor(qtbot: QtBot, bees: MainWindow,
                                                            library: Library) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Officials hope")
    press(qtbot, view, Qt.Key.Key_F2)
    cursor = view.text.textCursor()
    cursor.setPosition(len("Officials hope"))
    view.text.setTextCursor(cursor)
    count = len(view.model.lines)
    in_the_box(qtbot, view, Qt.Key.Key_Return, CTRL)
    assert len(view.model.lines) == count + 1 and "Ctrl+Z" in view.status.text()
    view.text.setFocus()  # where the split left it
    in_the_box(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert len(view.model.lines) == count
    assert view.model.lines[row_of(view, "Officials hope")].text.startswith("Officials hope other")


def test_ctrl_z_with_typing_in_the_box_undoes_the_typing_first(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Back to the top")
    press(qtbot, view, Qt.Key.Key_S)
    click_line(qtbot, view, "Local teachers")
    press(qtbot, view, Qt.Key.Key_F2)
    shown = view.text.toPlainText()
    qtbot.keyClicks(view.text, " Really")
    in_the_box(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert view.text.toPlainText() == shown  # the typing undone, by the box
    assert role_shown(view, "Back to the top") == "Site text"  # the page change still made
    in_the_box(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert role_shown(view, "Back to the top") == "Heading"
