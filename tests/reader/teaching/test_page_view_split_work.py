"""Splitting a page of two posts into lessons in the page view: the user's own translation and question on
a paragraph of the second post are shown with it in the new lesson, and Undo gives them back to the first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.teaching.test_page_view import article_text, click_line, open_page_view, press, undo

TWO_POSTS = Path(__file__).resolve().parents[2] / "data" / "pageview" / "two_posts.txt"
MINE = "学生は静かに勉強できる場所がほしかった。"


def test_own_work_goes_with_its_paragraph_to_the_new_lesson(qtbot: QtBot, window: MainWindow,
                                                             library: Library) -> None:
    lid = library.lessons.import_file(TWO_POSTS).lesson_id
    block = next(k for k, b in enumerate(library.lessons.get(lid).blocks) if b.text.startswith("Students asked"))
    library.editing.set_translation(lid, block, "ja", MINE)
    library.editing.add_question(lid, block, "What did the students want?", "a quiet place")
    window.open_lesson(lid)
    window.refresh_lessons()
    before = set(library.lessons.ids())
    view = open_page_view(qtbot, window)
    click_line(qtbot, view, "A Library Opens Its Doors")
    press(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    made = set(library.lessons.ids()) - before
    assert len(made) == 1 and MINE not in article_text(window)
    undo(qtbot, view)  # the first lesson has its paragraph, and the work on it, again
    assert MINE in article_text(window)
    assert window.lesson is not None and [q.text for q in window.lesson.questions] == ["What did the students want?"]
    window.open_lesson(made.pop())
    assert MINE in article_text(window)
    assert window.lesson is not None and [q.text for q in window.lesson.questions] == ["What did the students want?"]
