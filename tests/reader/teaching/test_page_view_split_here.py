""""Split at the cursor" always answers: on any line it splits, or the page view's status line says why not
(the cursor at an end of the line, or a line the split cannot take)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.teaching.page_view import PageView
from tests.reader.teaching.test_page_view import bees, click_line, open_page_view, press, role_shown  # noqa: F401


def click_in_text(qtbot: QtBot, view: PageView, word: str) -> None:
    """A click in the text box just before `word`, as the user places the cursor."""
    cursor = view.text.document().find(word)
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart())
    rect = view.text.cursorRect(cursor)
    qtbot.mouseClick(view.text.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_split_at_the_cursor_on_an_unplaced_line_says_what_it_did(qtbot: QtBot, bees: MainWindow) -> None:  # noqa: F811
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "More stories from our club")
    press(qtbot, view, Qt.Key.Key_U)
    assert role_shown(view, "More stories") == "Unplaced"
    said = view.status.text()  # what the role change did
    lines = [line.text for line in view.model.lines]

    qtbot.mouseClick(view.split_here, Qt.MouseButton.LeftButton)  # the cursor still at the line's start
    assert [line.text for line in view.model.lines] == lines
    assert view.status.text() not in ("", said) and view.status.property("refused")
    assert "cursor" in view.status.text()

    click_in_text(qtbot, view, "from our club")
    assert view.text.textCursor().position() == len("More stories ")
    view.show_status("")
    qtbot.mouseClick(view.split_here, Qt.MouseButton.LeftButton)
    split = [line.text for line in view.model.lines] != lines
    assert split or (view.status.text() and view.status.property("refused"))  # split, or why not
    if split:
        assert [line.text for line in view.model.lines][-2:] == ["More stories", "from our club"]


def test_ctrl_enter_with_the_cursor_at_the_end_says_so(qtbot: QtBot, bees: MainWindow) -> None:  # noqa: F811
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Officials hope")
    view.text.setFocus()
    view.text.moveCursor(QTextCursor.MoveOperation.End)
    lines = [line.text for line in view.model.lines]
    qtbot.keyClick(view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [line.text for line in view.model.lines] == lines
    assert "cursor" in view.status.text() and view.status.property("refused")
