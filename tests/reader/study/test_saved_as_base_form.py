"""A word saved from its card is saved in its base form (a name as written), the sentence keeps the
form it has, and words saved as written before are found by any of their forms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library.study.words import form_in
from reader.mainwindow import MainWindow
from reader.study.flashcards import _bold_word
from tests.reader.study.test_my_words import open_page, shown
from tests.reader.study.test_study_window import double_click, no_jmdict

__all__ = ["no_jmdict"]  # the fixture, used by name


def test_an_inflected_word_is_saved_in_its_base_form(qtbot: QtBot, window: MainWindow, no_jmdict: None) -> None:
    words = window.library.study.words
    double_click(qtbot, window, "new routes")  # "routes"
    card = window.study.card
    assert card.content is not None and card.content.text == "routes"
    qtbot.keyClick(card, Qt.Key.Key_1)
    saved = words.get("routes")
    assert saved is not None and saved.text == "route" and saved.lemma == "route"
    assert "new routes" in saved.sentence  # the sentence as written
    assert window.statusBar().currentMessage() == "Saved “route” as new."
    assert ("routes", "new") in window.study.marks.marked_words()  # still marked as the lesson writes it
    assert "<b>routes</b>" in _bold_word(saved.sentence, saved)  # the review card's sentence
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    double_click(qtbot, window, "Nightjet")
    qtbot.keyClick(card, Qt.Key.Key_1)
    name = words.get("Nightjet")
    assert name is not None and name.text == "Nightjet"  # a name keeps its capital
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    page = open_page(qtbot, window)
    assert shown(page) == ["Nightjet", "route"]


def test_words_saved_as_written_before_are_still_found(qtbot: QtBot, window: MainWindow, no_jmdict: None) -> None:
    words = window.library.study.words
    old = words.save("Critics", "learning", sentence="Critics say the plan is too slow.")
    assert words.get("critic") == old and words.get("critics") == old
    assert form_in(old.sentence, old) == (0, 7)
    double_click(qtbot, window, "new routes")
    qtbot.keyClick(window.study.card, Qt.Key.Key_1)
    qtbot.keyClick(window.study.card, Qt.Key.Key_Escape)
    words.save("persuaded", "new")  # as the command line saves it: as given
    assert words.get("persuade") is not None and words.get("persuading") is not None
