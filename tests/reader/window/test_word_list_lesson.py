"""A page that is only a word list (terms over their glosses, no article) opens as a lesson of its words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def test_a_word_list_page_opens_with_its_words_and_no_article(qtbot: QtBot, window: MainWindow) -> None:
    window.import_files([str(CORPUS / "ko_word_list_only_rules.txt")])
    qtbot.waitUntil(lambda: window.lesson is not None and window.lesson.title == "Words of the Week: Weather",
                    timeout=10000)
    assert window.lesson is not None and window.lesson.blocks == []
    model = window.vocab.view.model()
    shown = [model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert len(shown) == 8
    assert "drizzle" in shown[0] and "umbrella stand" in shown[5]
    # Choosing a word in the list does not fail on a lesson with no paragraph to mark it in.
    qtbot.mouseClick(window.vocab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.vocab.view.visualRect(model.index(0, 0)).center())
    assert window.lesson.glossary[0].translation == "이슬비"
