"""A word saved before the dictionary existed gets its meaning once the dictionary can give one."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library.study import dictionary as dictionary_module
from reader.mainwindow import MainWindow
from reader.window import dialogs
from tests.reader.conftest import DialogLog
from tests.reader.study.test_my_words import open_page, shown
from tests.reader.study.test_study_window import double_click
from tests.study_data import REFERENCE_WORDS, TINY_DICTIONARY, install_tiny_dictionary


def test_review_card_and_export_get_the_meaning_once_the_dictionary_exists(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)  # no dictionary yet
    double_click(qtbot, window, "carriages")
    card = window.study.card
    assert card.isVisible() and card.content is not None and card.content.text == "carriages"
    qtbot.mouseClick(card.buttons["new"], Qt.MouseButton.LeftButton)
    saved = window.library.study.words.get("carriages")
    assert saved is not None and saved.gloss == ""

    install_tiny_dictionary(with_reference_words=True)  # the learner installs one later

    card.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.article, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    review = window.study.review_dialog
    assert review is not None and review.isVisible()
    qtbot.addWidget(review)
    qtbot.keyClick(review, Qt.Key.Key_Space)  # turn the card over
    assert "客車" in review.back.text()
    review.close()

    target = tmp_path / "my-words.csv"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *a: str(target))
    window.study.actions["export_csv"].trigger()
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    assert [r["gloss"] for r in rows if r["word"] == "carriage"] == ["客車"]


def test_my_words_page_gets_meanings_when_a_dictionary_arrives(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, dialog_log: DialogLog
) -> None:
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)  # no dictionary yet
    double_click(qtbot, window, "carriages")
    card = window.study.card
    assert card.isVisible() and card.content is not None
    qtbot.mouseClick(card.buttons["new"], Qt.MouseButton.LeftButton)
    card.close()
    page = open_page(qtbot, window)
    assert shown(page, "gloss")[shown(page).index("carriage")] == ""

    # With the page up, the learner imports a dictionary file (File → Import a dictionary…).
    source = tmp_path / "mine.tsv"
    source.write_text(TINY_DICTIONARY + REFERENCE_WORDS, encoding="utf-8")
    dialog_log.files = [str(source)]
    window.study.actions["import_dictionary"].trigger()
    assert page.isVisible()
    assert shown(page, "gloss")[shown(page).index("carriage")] == "客車"


def test_my_words_page_fills_meanings_from_a_dictionary_installed_since(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)
    window.library.study.words.save("carriage", "new", sentence="", lesson_id=window.current_id(), block_pos=1)
    install_tiny_dictionary(with_reference_words=True)  # built in an earlier session, say
    page = open_page(qtbot, window)
    assert shown(page, "gloss")[shown(page).index("carriage")] == "客車"
