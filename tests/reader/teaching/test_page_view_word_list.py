"""A word list the import read as paragraphs with their glosses as translations
(tests/data/pageview/lantern_words.txt, a page of our own) repaired in one step: its lines selected and
made glossary entries, each term takes the gloss under it; Ctrl+Z restores the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.teaching.test_page_view import article_text, click_line, open_page_view, press, role_shown, undo

PAGE = Path(__file__).resolve().parents[2] / "data" / "pageview" / "lantern_words.txt"
TERMS = {
    "a paper lantern": "紙の灯籠",
    "to float something down a river": "川に流す",
    "to fold paper by hand": "手で紙を折る",
}


@pytest.fixture
def lanterns(window: MainWindow, library: Library) -> Iterator[MainWindow]:
    window.open_lesson(library.lessons.import_file(PAGE).lesson_id)
    yield window


def entries(window: MainWindow) -> list[tuple[str, str]]:
    assert window.lesson is not None
    return [(g.term, g.translation) for g in window.lesson.glossary]


def test_selected_terms_and_glosses_become_the_word_list_in_one_step(qtbot: QtBot, lanterns: MainWindow) -> None:
    view = open_page_view(qtbot, lanterns)
    assert [role_shown(view, g) for g in TERMS.values()] == ["Translation of ¶4", "Translation of ¶5",
                                                               "Translation of ¶6"]
    click_line(qtbot, view, "a paper lantern")
    click_line(qtbot, view, "手で紙を折る", Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, view, Qt.Key.Key_G)
    assert entries(lanterns) == list(TERMS.items())
    assert [role_shown(view, t) for t in [*TERMS, *TERMS.values()]] == ["Glossary entry"] * 6
    text = article_text(lanterns)
    assert not any(t in text for t in TERMS)
    assert "Not placed by the importer" not in text and "Left unplaced" not in text
    undo(qtbot, view)
    assert entries(lanterns) == []
    assert role_shown(view, "a paper lantern").startswith("Paragraph")
    assert role_shown(view, "紙の灯籠").startswith("Translation")


def test_a_gloss_left_unplaced_is_taken_with_its_term_too(qtbot: QtBot, lanterns: MainWindow) -> None:
    view = open_page_view(qtbot, lanterns)
    click_line(qtbot, view, "川に流す")
    press(qtbot, view, Qt.Key.Key_U)  # a gloss the import left unplaced
    assert role_shown(view, "川に流す") == "Unplaced"
    click_line(qtbot, view, "a paper lantern")
    click_line(qtbot, view, "手で紙を折る", Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, view, Qt.Key.Key_G)
    assert entries(lanterns) == list(TERMS.items())
    assert lanterns.lesson is not None and lanterns.lesson.unplaced == []
