"""In the window, a dictionary phrase ("prime minister") takes one gloss over its words; a double-click on
either word opens the word's card with the phrase and its sense (首相) on a line, and the phrase's own card,
to save it, a click away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from library import Library
from library.facade import data_dir
from library.study import dictionary as dictionary_module
from library.study.dictionary import Dictionary
from reader.mainwindow import MainWindow
from tests.library.study.test_phrase_glosses import SENSES
from tests.reader.article.test_glosses import shown, toggle
from tests.reader.conftest import point_of

LESSON = Path(__file__).parents[2] / "data" / "phrases.txt"


@pytest.fixture
def phrases_window(qtbot: QtBot, library: Library, settings: QSettings,
                   monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)
    Dictionary(data_dir() / "dictionary.db").import_text(SENSES, "phrases", tsv=True)
    lesson = library.lessons.import_file(LESSON).lesson_id
    library.study.levels.level_pending()
    win = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.open_lesson(lesson)
    yield win
    win.close()


def test_a_phrase_is_glossed_once_in_the_reading_view(qtbot: QtBot, phrases_window: MainWindow) -> None:
    toggle(qtbot, phrases_window)
    point_of(phrases_window.article, "prime minister called")
    glosses = shown(phrases_window)
    assert glosses.get("prime minister") == "首相" and glosses.get("former prime ministers") == "元首相"
    assert not {"prime", "minister", "ministers"} & set(glosses)
    rect = next(r for r, _t, g in phrases_window.glosses.layer.placed() if g.word == "prime minister")
    first, last = point_of(phrases_window.article, "prime minister"), point_of(phrases_window.article, "minister call")
    dx = phrases_window.article.horizontalScrollBar().value()
    assert first.x() < rect.center().x() - dx < last.x()  # over the whole phrase, not over one of its words


def test_a_double_click_on_a_word_of_a_phrase_opens_the_word_with_its_phrase_on_a_line(
        qtbot: QtBot, phrases_window: MainWindow) -> None:
    study = phrases_window.study
    for word, phrase, sense in (("minister", "prime minister", "首相"), ("rates", "interest rates", "金利")):
        qtbot.mouseDClick(phrases_window.article.viewport(), Qt.MouseButton.LeftButton,
                          pos=point_of(phrases_window.article, word))
        content = study.card.content
        assert content is not None and content.text == word  # the word's own card
        assert content.phrase == (phrase, sense)  # and its phrase, as one line of it
        assert phrase in study.card.text() and sense in study.card.text()
        button = study.card.phrase
        assert button.isVisible()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the phrase's own card, to save it
        content = study.card.content
        assert content is not None and content.text == phrase and content.found.senses[0].headword == sense
        qtbot.mouseClick(study.card.buttons["learning"], Qt.MouseButton.LeftButton)
        saved = phrases_window.library.study.words.get(phrase)
        assert saved is not None and saved.status == "learning"
        assert phrases_window.library.study.words.get(word) is None  # the word itself was not saved
        study.card.hide()
    qtbot.mouseDClick(phrases_window.article.viewport(), Qt.MouseButton.LeftButton,
                      pos=point_of(phrases_window.article, "issue"))
    content = study.card.content
    assert content is not None and content.text == "issue" and content.phrase is None  # "an issue" is no phrase
    assert not study.card.phrase.isVisible()
