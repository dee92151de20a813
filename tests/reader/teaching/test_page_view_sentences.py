"""A word saved from a sentence with a typo keeps that sentence only until the English is fixed: the
sentence My words shows (and reviews with) follows the fixed text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.study.test_study_window import double_click, no_jmdict
from tests.reader.teaching.test_page_view import bees, click_line, open_page_view, undo

__all__ = ["bees", "no_jmdict"]  # the fixtures, used by name

TYPO = "Farmers in a small mountain village have started keeping bees to protcet their orchards."
FIXED = "Farmers in a small mountain village have started keeping bees to protect their orchards."


def test_a_saved_words_sentence_follows_the_fixed_english(qtbot: QtBot, bees: MainWindow, no_jmdict: None) -> None:
    words = bees.library.study.words
    double_click(qtbot, bees, "orchards.")
    card = bees.study.card
    assert card.content is not None and card.content.text == "orchards"
    qtbot.keyClick(card, Qt.Key.Key_1)
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    saved = words.get("orchard")
    assert saved is not None and saved.sentence == TYPO
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Farmers in a small")
    view.text.setPlainText(FIXED)
    qtbot.mouseClick(view.save_text, Qt.MouseButton.LeftButton)
    assert bees.lesson is not None and FIXED in [block.text for block in bees.lesson.blocks]
    qtbot.waitUntil(lambda: (words.get("orchard") or saved).sentence == FIXED, timeout=3000)
    undo(qtbot, view)  # the typo again, and its sentence
    assert TYPO in [block.text for block in bees.lesson.blocks]
    qtbot.waitUntil(lambda: (words.get("orchard") or saved).sentence == TYPO, timeout=3000)
