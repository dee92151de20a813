"""The vocabulary sidebar: choosing an entry highlights its inflected forms in the article."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library.wordforms import find_forms, word_forms
from reader.mainwindow import MainWindow
from tests.reader.conftest import point_of


def click_entry(qtbot: QtBot, window: MainWindow, term: str) -> None:
    view, model = window.vocab.view, window.vocab.model
    row = next(r for r in range(model.rowCount()) if model.entry(r) and model.entry(r).term == term)  # type: ignore[union-attr]
    rect = view.visualRect(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_sidebar_lists_the_word_list(window: MainWindow) -> None:
    model = window.vocab.model
    rows = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert [r.split()[0] for r in rows] == ["sleeper", "reserve", "berth", "privacy"]
    assert rows[1].startswith("reserve  v.") and "to arrange for something, such as a seat" in rows[1]


def test_clicking_reserve_highlights_three_occurrences(qtbot: QtBot, window: MainWindow) -> None:
    click_entry(qtbot, window, "reserve")
    assert window.article.highlighted_words() == ["reserved", "reserve", "Reserve"]
    assert window.vocab.status.text().startswith("3 ×")
    # scrolled so the first one is on screen
    assert "reserved almost every seat" in window.article.visible_text()


def test_inflected_forms_are_matched() -> None:
    assert {"address", "addresses"} <= word_forms("address", "n.")
    assert {"chatbot", "chatbots"} <= word_forms("chatbot", "n.")
    assert {"access", "accessed", "accesses"} <= word_forms("access", "v.")
    text = "Their network addresses; an address. Addressing it. Chatbots and a chatbot."
    spans = find_forms(text, word_forms("address", "n."))
    assert [text[s:e] for s, e in spans] == ["addresses", "address", "Addressing"]
    assert find_forms("the chatbots' chatbotic", word_forms("chatbot", "n.")) == [(4, 12)]


def test_hovering_a_highlighted_word_shows_its_entry(qtbot: QtBot, window: MainWindow) -> None:
    click_entry(qtbot, window, "berth")
    assert window.article.highlighted_words() == ["berths"]
    qtbot.mouseMove(window.article.viewport(), point_of(window.article, "berths"))
    qtbot.waitUntil(window.article.card.isVisible, timeout=2000)
    assert "a bed on a train or a ship" in window.article.card.text()


def test_clear_removes_the_highlight(qtbot: QtBot, window: MainWindow) -> None:
    click_entry(qtbot, window, "reserve")
    qtbot.mouseClick(window.vocab.clear_button, Qt.MouseButton.LeftButton)
    assert window.article.highlighted_words() == []
