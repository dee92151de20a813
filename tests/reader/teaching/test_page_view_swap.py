"""Swapping a page's languages in the page view: the page (tests/data/pages_to_fix/tea_swapped.txt) is
read the wrong way round by the importer, its Japanese lines (full of names in Latin letters) taken as
the English and the English lines (full of kanji) as their translations. Ctrl+Shift+X or the line
menu's "Swap languages" puts each pair the right way round; Ctrl+Z takes it back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.teaching.test_page_view import click_line, open_page_view, press, role_shown, undo

PAGE = Path(__file__).resolve().parents[2] / "data" / "pages_to_fix" / "tea_swapped.txt"
ENGLISH = "Sannenzaka Tea House near 京都駅"
JAPANESE = "Kyoto Station の近くの"


@pytest.fixture
def tea(window: MainWindow, library: Library) -> Iterator[MainWindow]:
    lesson_id = library.lessons.import_file(PAGE).lesson_id
    window.open_lesson(lesson_id)
    yield window


def test_swap_languages_by_its_key_then_undo(qtbot: QtBot, tea: MainWindow) -> None:
    view = open_page_view(qtbot, tea)
    assert view.swap.isVisible()
    assert role_shown(view, JAPANESE) == "Paragraph ¶1" and role_shown(view, ENGLISH) == "Translation of ¶1"
    click_line(qtbot, view, JAPANESE)
    press(qtbot, view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    lesson = tea.lesson
    assert lesson is not None
    assert [b.text.split(" ")[0] for b in lesson.blocks] == ["Sannenzaka", "Yoko", "Uji"]
    assert (lesson.blocks[0].translation("ja") or "").startswith(JAPANESE)
    assert role_shown(view, ENGLISH) == "Paragraph ¶1" and role_shown(view, JAPANESE) == "Translation of ¶1"
    assert ENGLISH in tea.article.document().toPlainText()
    undo(qtbot, view)
    lesson = tea.lesson
    assert lesson is not None and lesson.blocks[0].text.startswith(JAPANESE)
    assert role_shown(view, JAPANESE) == "Paragraph ¶1"


def test_swap_languages_from_the_line_menu_and_a_second_swap_is_refused(qtbot: QtBot, tea: MainWindow) -> None:
    view = open_page_view(qtbot, tea)
    click_line(qtbot, view, ENGLISH)
    menu = view.line_menu()
    swap = next(a for a in menu.actions() if a.text().replace("&", "") == "Swap languages")
    swap.trigger()
    assert tea.lesson is not None and tea.lesson.blocks[0].text.startswith(ENGLISH)
    view.swap.click()  # the English is the body now: swapping again would leave none
    assert tea.lesson is not None and tea.lesson.blocks[0].text.startswith(ENGLISH)
    assert "no English body" in tea.statusBar().currentMessage()
