"""The page view's doors (the import review, the edit dock), what the command line then shows, a refused
change, a redone import, and splitting a page of two posts into lessons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.__main__ import main
from reader.mainwindow import MainWindow
from tests.reader.teaching.test_page_view import PAGE, WORDS, bees, click_line, open_page_view, press, undo, word_list

TWO_POSTS = Path(__file__).resolve().parents[2] / "data" / "pageview" / "two_posts.txt"
__all__ = ["bees"]  # the fixture, used by name


def test_the_import_review_opens_the_page_view_of_the_new_lesson(qtbot: QtBot, window: MainWindow) -> None:
    window.import_files([str(PAGE)])
    qtbot.waitUntil(lambda: window.import_review is not None and window.import_review.isVisible(), timeout=5000)
    review = window.import_review
    assert review is not None
    qtbot.mouseClick(review.page_view, Qt.MouseButton.LeftButton)
    view = window.page_fixing.view
    assert view is not None and view.isVisible() and not review.isVisible()  # the modal review gave way
    assert window.lesson is not None and window.lesson.id == review.lesson_id
    assert [line.text for line in view.model.lines][:2] == ["Morning Study Club", "A Village Learns to Keep Bees"]


def test_the_edit_dock_opens_the_page_view(qtbot: QtBot, bees: MainWindow) -> None:
    bees.activateWindow()
    bees.article.setFocus()
    qtbot.keyClick(bees.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(bees.teaching.panel.buttons["page_view"], Qt.MouseButton.LeftButton)
    view = bees.page_fixing.view
    assert view is not None and view.isVisible()
    assert "Farmers in a small mountain village" in [line.text[:35] for line in view.model.lines]


def test_what_the_command_line_shows_after_fixes_in_the_window(qtbot: QtBot, bees: MainWindow, library: Library,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, WORDS[0])
    click_line(qtbot, view, WORDS[-1], Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, view, Qt.Key.Key_G)
    click_line(qtbot, view, "Back to the top")
    press(qtbot, view, Qt.Key.Key_S)
    assert bees.lesson is not None and bees.lesson.id is not None
    capsys.readouterr()
    assert main(["show", str(bees.lesson.id), "--lines", "--json", "--library", str(library.path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    roles = {r["text"]: r["role"] for r in rows}
    assert [roles[w] for w in WORDS] == ["glossary"] * 4
    assert roles["Back to the top"] == "site" and roles["More stories from our club"] == "paragraph"


def test_a_refused_change_says_why_and_leaves_no_undo_step(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    stack = bees.teaching.stack
    click_line(qtbot, view, "More stories from our club")  # the page's last line: nothing to join it with
    press(qtbot, view, Qt.Key.Key_J)
    assert bees.statusBar().currentMessage().startswith("This change cannot be made:")
    assert stack.count() == 0 and not bees.menus.actions["undo"].isEnabled()


def test_a_redone_import_keeps_the_fixes(qtbot: QtBot, bees: MainWindow, library: Library) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, WORDS[0])
    click_line(qtbot, view, WORDS[-1], Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, view, Qt.Key.Key_G)
    assert bees.lesson is not None and bees.lesson.id is not None
    assert library.pages.reimport(bees.lesson.id) == []  # every decision kept
    bees.reading.reload()
    assert [w.split()[0] for w in word_list(bees)] == ["hive", "orchard", "harvest", "income"]
    undo(qtbot, view)  # and the change is still the one undo takes back
    assert word_list(bees) == []


def test_split_a_page_of_two_posts_into_lessons(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    window.open_lesson(library.lessons.import_file(TWO_POSTS).lesson_id)
    window.refresh_lessons()
    before = library.lessons.count()
    listed = window.panel.lessons_model.rowCount()
    view = open_page_view(qtbot, window)
    click_line(qtbot, view, "A Library Opens Its Doors")
    qtbot.mouseClick(view.split_lesson, Qt.MouseButton.LeftButton)
    assert library.lessons.count() == before + 1
    assert window.panel.lessons_model.rowCount() == listed + 1  # the library's list shows the new lesson
    assert window.lesson is not None
    assert not any(b.text.startswith("The city library") for b in window.lesson.blocks)
    assert "The city library" not in window.article.document().toPlainText()


def test_a_change_leaves_the_lesson_levelled_and_searchable(qtbot: QtBot, bees: MainWindow, library: Library) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Farmers in a small")
    view.text.setTextCursor(view.text.document().find("protcet"))
    view.text.insertPlainText("protect")
    qtbot.mouseClick(view.save_text, Qt.MouseButton.LeftButton)
    qtbot.wait(50)  # the index and the levels are brought up to date once the change is shown
    assert library.study.levels.level_pending() == 0  # nothing was left for it to do
    assert library.search.index_pending() == 0
    assert bees.lesson is not None
    assert bees.lesson.id in [hit.lesson_id for hit in library.search.query("protect")]


def test_notes_are_named_and_a_note_stays_on_its_term_through_a_split(qtbot: QtBot, window: MainWindow) -> None:
    view = open_page_view(qtbot, window)  # the reference lesson: four notes, the third three lines long
    named = [str(view.model.index(r, 1).data()) for r, line in enumerate(view.model.lines) if line.role == "note"]
    assert named == ["Note 1", "Note 2", "Note 3", "Note 3", "Note 3", "Note 4"]
    click_line(qtbot, view, "Rail companies are ordering")
    cursor = view.text.textCursor()
    cursor.setPosition(view.text.toPlainText().index("and adding"))
    view.text.setTextCursor(cursor)
    view.text.setFocus()
    qtbot.keyClick(view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    lesson = window.lesson
    assert lesson is not None
    assert "Rail companies are ordering new carriages" in [b.text for b in lesson.blocks]
    anchor = lesson.notes[0].anchor
    assert anchor is not None and lesson.blocks[anchor.block].text.startswith("and adding")
    assert lesson.blocks[anchor.block].text[anchor.start:anchor.end] == "sleepers"
    assert "sleepers※1" in window.article.document().toPlainText()  # the marker still follows its term


def test_the_page_view_speaks_the_interface_language(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    bees.set_language("ja")
    assert view.windowTitle() == "ページ表示"
    assert view.model.index(0, 1).data() == "タイトル" and view.split_lesson.text() == "ここで別のレッスンに分ける"
    menu = view.line_menu()
    assert "これをタイトルにする(&T)" in [a.text() for a in menu.actions()]
    bees.set_language("en")
    assert view.windowTitle() == "Page view"


def test_delete_and_move_lines_by_key_in_the_page_view(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Back to the top")
    click_line(qtbot, view, "More stories from our club", Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, view, Qt.Key.Key_Delete)
    text = bees.article.document().toPlainText()
    assert "Back to the top" not in text and "More stories from our club" not in text
    click_line(qtbot, view, "Officials hope")
    press(qtbot, view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert bees.lesson is not None
    texts = [b.text for b in bees.lesson.blocks]
    assert texts.index("Officials hope other villages will copy the idea before next spring.") < next(
        i for i, t in enumerate(texts) if t.startswith("Local teachers"))
    undo(qtbot, view)
    undo(qtbot, view)
    assert "More stories from our club" in bees.article.document().toPlainText()


def test_join_in_the_article_takes_the_paragraph_past_its_translation(qtbot: QtBot, bees: MainWindow,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    from tests.reader.conftest import point_of

    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos, _at=None: shown.append(menu))
    bees.activateWindow()
    bees.article.setFocus()
    qtbot.keyClick(bees.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    pos = point_of(bees.article, "few flowers")  # "after a cold spring…", its translation after it on the page
    QApplication.sendEvent(bees.article.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, bees.article.viewport().mapToGlobal(pos)))
    next(a for a in shown[-1].actions() if a.text() == "Join with the next paragraph").trigger()
    assert bees.lesson is not None
    joined = next(b for b in bees.lesson.blocks if b.text.startswith("after a cold spring"))
    assert joined.text.endswith("second source of income.")
    assert joined.translation("ja") == "村の農家は果樹園を守るためにミツバチを飼い始めた。"
