"""Cutting a list the import took for a translation into its lines (each made a glossary entry, if
asked) takes no other translation off its paragraph."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.teaching.test_page_view import click_line, open_page_view, word_list
from tests.reader.teaching.test_page_view_pieces import menu_item

GROUPED = Path(__file__).resolve().parents[2] / "data" / "pages_to_fix" / "harbour_grouped.txt"


def translations(window: MainWindow) -> dict[str, str]:
    """Each paragraph's start → its translation, as the reading view has them."""
    assert window.lesson is not None
    return {b.text[:20]: b.translation() or "" for b in window.lesson.blocks}


def test_each_line_of_a_list_made_an_entry_leaves_the_other_translations_placed(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    window.open_lesson(library.lessons.import_file(GROUPED).lesson_id)
    before = translations(window)
    placed = {start: text for start, text in before.items() if text and not text.startswith("harbour")}
    assert len(placed) == 4  # the four Japanese lines, one on each of the first four paragraphs
    view = open_page_view(qtbot, window)
    click_line(qtbot, view, "harbour 港 ferry")
    menu_item(view, "Make each line a glossary entry")
    assert [w.split()[0] for w in word_list(window)] == ["harbour", "ferry", "passenger", "council", "resident"]
    after = translations(window)
    assert {start: after.get(start) for start in placed} == placed
    assert window.lesson is not None and not window.lesson.unplaced
