"""The page view while another program (`study-reader fix` in a terminal) changes the open lesson: the view
follows while it is the active window, and a change asked for a line that reads otherwise now is not made
on whatever line took its number — the view is shown anew and says to try again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.teaching.page_part import CHANGED_ELSEWHERE
from reader.window.library_watch import LEVEL_AFTER_MS
from tests.reader.teaching.test_page_view import (
    article_text,
    bees,
    click_line,
    open_page_view,
    press,
    role_shown,
    row_of,
)

__all__ = ["bees"]  # the fixture, used by name


def change_elsewhere(library: Library, lesson_id: int, change: str) -> None:
    """Another program on the same library splits a line, or makes one site text, as the command line does."""
    elsewhere = Library(library.path)
    try:
        lines = elsewhere.pages.lines(lesson_id)
        if change == "split":  # a line above is cut in two: every line below takes the next number
            line = next(ln for ln in lines if ln.text.startswith("The project began"))
            elsewhere.pages.split(lesson_id, line.n, len("The project"))
        else:
            line = next(ln for ln in lines if ln.text.startswith(change))
            elsewhere.pages.set_role(lesson_id, line.n, "site")
    finally:
        elsewhere.close()


def lesson_id(window: MainWindow) -> int:
    assert window.lesson is not None and window.lesson.id is not None
    return window.lesson.id


def test_the_page_view_in_front_follows_a_change_made_elsewhere(qtbot: QtBot, bees: MainWindow,
                                                                library: Library) -> None:
    library.study.levels.level_pending()  # nothing left for the window to level in a process of its own,
    qtbot.wait(LEVEL_AFTER_MS + 200)  # whose end would show the library anew whichever window is active
    assert bees.watch.wait_for_levels()
    view = open_page_view(qtbot, bees)
    assert view.isActiveWindow() and not bees.isActiveWindow()
    change_elsewhere(library, lesson_id(bees), "Back to the top")
    qtbot.waitUntil(lambda: role_shown(view, "Back to the top") == "Site text", timeout=6000)
    assert "Back to the top" not in article_text(bees)


def test_save_text_on_a_line_that_moved_changes_nothing_and_says_so(qtbot: QtBot, bees: MainWindow,
                                                                   library: Library) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "after a cold spring")
    view.text.setFocus()
    view.text.selectAll()
    qtbot.keyClicks(view.text, "after a very cold spring left few flowers open.")
    change_elsewhere(library, lesson_id(bees), "split")
    qtbot.mouseClick(view.save_text, Qt.MouseButton.LeftButton)
    text = article_text(bees)
    assert "began three years ago" in text  # not overwritten by what was typed for another line
    assert "after a cold spring left few flowers open." in text and "very cold" not in text
    assert view.status.text() == CHANGED_ELSEWHERE
    assert [ln.text for ln in view.model.lines] == [ln.text for ln in library.pages.lines(lesson_id(bees))]


def test_delete_on_a_line_that_moved_deletes_nothing(qtbot: QtBot, bees: MainWindow, library: Library) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Officials hope")
    change_elsewhere(library, lesson_id(bees), "split")
    press(qtbot, view, Qt.Key.Key_Delete)
    text = article_text(bees)
    assert "Local teachers now bring" in text and "Officials hope" in text
    assert view.status.text() == CHANGED_ELSEWHERE
    assert row_of(view, "The project") >= 0 and row_of(view, "began three") >= 0  # the view shows the split


def test_a_role_key_on_a_line_that_moved_changes_no_role(qtbot: QtBot, bees: MainWindow, library: Library) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Back to the top")
    before = {ln.text: ln.role for ln in library.pages.lines(lesson_id(bees))}
    change_elsewhere(library, lesson_id(bees), "split")
    press(qtbot, view, Qt.Key.Key_S)
    after = {ln.text: ln.role for ln in library.pages.lines(lesson_id(bees))}
    assert after["income money that people earn"] == before["income money that people earn"] == "paragraph"
    assert after["Back to the top"] == "heading"
    assert view.status.text() == CHANGED_ELSEWHERE
