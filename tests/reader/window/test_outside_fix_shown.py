"""A change made with `study-reader fix` while the window is open shows in the window at its next look
at the library, without a change made in the window first."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from library import Library
from reader.__main__ import main
from reader.mainwindow import MainWindow
from tests.reader.teaching.test_page_view import article_text, bees, open_page_view, role_shown, row_of

__all__ = ["bees"]  # the fixture, used by name

MENU_LINE = "Back to the top"


def test_a_fix_on_the_command_line_shows_in_the_open_window(qtbot: QtBot, bees: MainWindow, library: Library,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    view = open_page_view(qtbot, bees)
    assert bees.lesson is not None and bees.lesson.id is not None
    assert MENU_LINE in article_text(bees)
    shown = bees.article.focus_index
    n = view.model.lines[row_of(view, MENU_LINE)].n
    assert main(["fix", str(bees.lesson.id), str(n), "site", "--library", str(library.path)]) == 0
    capsys.readouterr()
    assert bees.watch.check()  # what the window does every two seconds while it is active
    assert MENU_LINE not in article_text(bees)
    assert role_shown(view, MENU_LINE) == "Site text"
    assert bees.article.focus_index == shown


def test_a_look_that_finds_the_open_lesson_unchanged_leaves_the_view_as_it_is(
        qtbot: QtBot, bees: MainWindow, library: Library) -> None:
    assert bees.lesson is not None and bees.lesson.id is not None
    other = next(i for i in library.lessons.ids() if i != bees.lesson.id)
    assert other != bees.lesson.id
    document = bees.article.document()
    elsewhere = Library(library.path)  # another program on the same library
    try:
        elsewhere.lessons.set_position(other, 1, 0.5)
    finally:
        elsewhere.close()
    assert bees.watch.check()
    assert bees.article.document() is document  # not built again: this lesson did not change
