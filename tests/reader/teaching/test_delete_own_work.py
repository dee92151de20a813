"""Del on a paragraph that holds the user's own work (their translation, a question) asks once, naming
that work, and the status line says what went with the paragraph; a paragraph without any is deleted
at once, as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.conftest import DialogLog, point_of
from tests.reader.teaching.test_page_view import article_text, bees, click_line, open_page_view, press

__all__ = ["bees"]  # the fixture, used by name

FARMERS = "Farmers in a small"
MINE = "農家の話を自分で訳した文。"


def with_own_work(window: MainWindow, library: Library) -> int:
    """The user's own translation and a question on the Farmers paragraph."""
    lesson = window.lesson
    assert lesson is not None and lesson.id is not None
    block = next(i for i, b in enumerate(lesson.blocks) if b.text.startswith(FARMERS))
    library.editing.set_translation(lesson.id, block, "ja", MINE)
    library.editing.add_question(lesson.id, block, "Why did the farmers keep bees?")
    window.reading.reload()
    return block


def test_del_on_own_work_asks_naming_it_and_no_keeps_it(qtbot: QtBot, bees: MainWindow, library: Library,
                                                        dialog_log: DialogLog) -> None:
    with_own_work(bees, library)
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, FARMERS)
    dialog_log.confirm = False
    press(qtbot, view, Qt.Key.Key_Delete)
    assert dialog_log.names()[-1] == "confirm"
    asked = str(dialog_log.calls[-1][1][2])
    assert "your own translation" in asked and "1 question" in asked
    assert FARMERS in article_text(bees) and bees.teaching.stack.count() == 0
    assert "Not deleted" in view.status.text()


def test_del_on_own_work_says_what_went_with_it(qtbot: QtBot, bees: MainWindow, library: Library,
                                                dialog_log: DialogLog) -> None:
    with_own_work(bees, library)
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, FARMERS)
    press(qtbot, view, Qt.Key.Key_Delete)
    assert FARMERS not in article_text(bees)
    said = view.status.text()
    assert "your own translation" in said and "1 question" in said and "Ctrl+Z" in said
    assert said == bees.statusBar().currentMessage()
    press(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert FARMERS in article_text(bees)
    assert bees.lesson is not None
    assert any(b.user_translations.get("ja") == MINE for b in bees.lesson.blocks)  # Undo brings it back


def test_del_on_a_paragraph_without_own_work_asks_nothing(qtbot: QtBot, bees: MainWindow,
                                                          dialog_log: DialogLog) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, FARMERS)
    press(qtbot, view, Qt.Key.Key_Delete)
    assert "confirm" not in dialog_log.names()
    assert FARMERS not in article_text(bees)


def test_delete_paragraph_in_the_article_asks_too(qtbot: QtBot, bees: MainWindow, library: Library,
                                                  dialog_log: DialogLog, monkeypatch: pytest.MonkeyPatch) -> None:
    with_own_work(bees, library)
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos, _at=None: shown.append(menu))
    article = bees.article
    bees.activateWindow()
    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # edit mode
    pos = point_of(article, "protcet")
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, article.viewport().mapToGlobal(pos))
    QApplication.sendEvent(article.viewport(), event)
    actions = {a.text(): a for a in shown[-1].actions() if a.text()}
    dialog_log.confirm = False
    actions["Delete paragraph"].trigger()
    assert dialog_log.names()[-1] == "confirm" and FARMERS in article_text(bees)
    dialog_log.confirm = True
    actions["Delete paragraph"].trigger()
    assert FARMERS not in article_text(bees)
    assert "your own translation" in bees.statusBar().currentMessage()


def test_a_word_saved_from_the_paragraph_is_named_and_stays(qtbot: QtBot, bees: MainWindow, library: Library,
                                                            dialog_log: DialogLog) -> None:
    lesson = bees.lesson
    assert lesson is not None and lesson.id is not None
    block = next(i for i, b in enumerate(lesson.blocks) if b.text.startswith(FARMERS))
    library.study.words.save("orchard", "learning", lesson_id=lesson.id, block_pos=block)
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, FARMERS)
    dialog_log.confirm = False
    press(qtbot, view, Qt.Key.Key_Delete)
    assert "1 word you saved from it" in str(dialog_log.calls[-1][1][2])
    assert FARMERS in article_text(bees)
    dialog_log.confirm = True
    press(qtbot, view, Qt.Key.Key_Delete)
    assert FARMERS not in article_text(bees)
    assert library.study.words.get("orchard") is not None
