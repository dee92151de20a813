"""Headings are words too: a double-click on one looks the word up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.conftest import point_of
from tests.reader.study.test_study_window import no_jmdict  # noqa: F401  (a fixture)


def test_double_click_on_a_heading_word_opens_its_card(
    qtbot: QtBot, window: MainWindow, no_jmdict: None  # noqa: F811  (a lookup would build JMdict in a thread)
) -> None:
    view = window.article
    heading = view.document().find("Old lines, new money").selectionStart()
    assert heading >= 0
    pos = point_of(view, "money", after=heading)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    card = window.study.card
    qtbot.waitUntil(card.isVisible, timeout=2000)
    assert card.content is not None and card.content.text == "money"


def test_double_click_on_a_title_word_opens_its_card_and_saves_it(
    qtbot: QtBot, window: MainWindow, no_jmdict: None  # noqa: F811
) -> None:
    view = window.article
    assert view.lesson is not None
    word = view.lesson.title.split()[1]
    pos = point_of(view, word)  # the title is the first text of the article
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    card = window.study.card
    qtbot.waitUntil(card.isVisible, timeout=2000)
    assert card.content is not None and card.content.text == word
    qtbot.mouseClick(card.buttons["learning"], Qt.MouseButton.LeftButton)
    saved = window.library.study.words.get(word)
    assert saved is not None and saved.status == "learning" and saved.sentence == view.lesson.title
