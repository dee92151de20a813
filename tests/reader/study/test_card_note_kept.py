"""A note typed on the lookup card for a saved word is kept whatever closes the card: Esc, a click
elsewhere, another lesson, another theme (an unsaved word is saved only by choosing a status)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.study.test_study_window import double_click
from tests.study_data import install_tiny_dictionary, write_other_lesson

NOTE = "my note: 私生活"


def _esc(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.study.card, Qt.Key.Key_Escape)


def _click_elsewhere(qtbot: QtBot, window: MainWindow) -> None:
    # A popup closes on a press outside it; the press lands on the card, outside its rectangle.
    card = window.study.card
    qtbot.mousePress(card, Qt.MouseButton.LeftButton, pos=QPoint(card.width() + 40, card.height() + 40))


def _other_lesson(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    other = window.library.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    window.open_lesson(other)


def _dark_theme(qtbot: QtBot, window: MainWindow) -> None:
    window.menus.themes["dark"].trigger()


CLOSERS: dict[str, Callable[..., None]] = {
    "esc": lambda qtbot, window, _tmp: _esc(qtbot, window),
    "click elsewhere": lambda qtbot, window, _tmp: _click_elsewhere(qtbot, window),
    "lesson": _other_lesson,
    "theme": lambda qtbot, window, _tmp: _dark_theme(qtbot, window),
}


@pytest.mark.parametrize("how", list(CLOSERS))
def test_a_note_typed_for_a_saved_word_is_kept_when_the_card_closes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, how: str
) -> None:
    install_tiny_dictionary(with_reference_words=True)
    double_click(qtbot, window, "privacy")
    card = window.study.card
    assert card.isVisible()
    qtbot.keyClick(card, Qt.Key.Key_2)  # save it as "learning"
    words = window.library.study.words
    saved = words.get("privacy")
    assert saved is not None and saved.note == ""
    card.note.setFocus()
    qtbot.keyClicks(card.note, "my note: ")
    card.note.insertPlainText("私生活")  # as an input method commits it
    CLOSERS[how](qtbot, window, tmp_path)
    qtbot.waitUntil(lambda: not card.isVisible(), timeout=1000)
    saved = words.get("privacy")
    assert saved is not None and saved.note == NOTE and saved.status == "learning"


def test_an_unsaved_word_is_not_saved_by_closing_its_card(qtbot: QtBot, window: MainWindow) -> None:
    install_tiny_dictionary(with_reference_words=True)
    double_click(qtbot, window, "privacy")
    card = window.study.card
    qtbot.keyClicks(card.note, "a note")
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    assert not card.isVisible()
    assert window.library.study.words.get("privacy") is None
