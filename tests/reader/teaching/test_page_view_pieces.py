"""A word list that came in as one paragraph is cut into its lines in one step (each made a glossary
entry if asked), and the page view opens beside the main window where it was last left."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.teaching.page_table import MIN_WIDTH
from reader.teaching.page_view import PageView
from reader.ui.i18n import KEYS_HELP
from tests.reader.teaching.test_page_view import click_line, open_page_view, press, role_shown, undo, word_list

LISTS = Path(__file__).resolve().parents[2] / "data" / "pageview" / "word_lists.txt"
FRUIT = ["apple", "banana", "cherry", "grape", "melon", "peach"]


@pytest.fixture
def lists(window: MainWindow, library: Library) -> Iterator[MainWindow]:
    """The window on a page whose two word lists were read as a paragraph each."""
    window.open_lesson(library.lessons.import_file(LISTS).lesson_id)
    yield window


def menu_item(view: PageView, text: str) -> None:
    """Choose an item of the lines' context menu."""
    action = next((a for a in view.line_menu().actions() if a.text() == text), None)
    assert action is not None, f"the menu offers no {text!r}"
    action.trigger()


def entries_shown(window: MainWindow) -> dict[str, str]:
    """term → what "Words in this lesson" shows for it."""
    model = window.vocab.model
    rows = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    return {row.split("\n")[0]: row for row in rows}


def texts(view: PageView) -> list[str]:
    return [line.text for line in view.model.lines]


def test_a_paragraph_of_word_gloss_lines_becomes_glossary_entries_in_one_step(qtbot: QtBot,
                                                                                lists: MainWindow) -> None:
    view = open_page_view(qtbot, lists)
    assert word_list(lists) == []
    click_line(qtbot, view, "hive the box")
    menu_item(view, "Make each line a glossary entry")
    assert [w.split()[0] for w in word_list(lists)] == ["hive", "orchard", "harvest"]
    for start in ("hive the box where bees live", "orchard a field of fruit trees", "harvest the gathering"):
        assert start in texts(view) or any(t.startswith(start) for t in texts(view))
        assert role_shown(view, start) == "Glossary entry"
    assert lists.lesson is not None and not any("orchard" in b.text for b in lists.lesson.blocks)
    undo(qtbot, view)  # one step takes it all back
    assert word_list(lists) == []
    assert "hive the box where bees live orchard a field of fruit trees harvest the gathering of crops" in texts(view)


def test_a_line_of_bare_words_is_split_into_lines(qtbot: QtBot, lists: MainWindow) -> None:
    view = open_page_view(qtbot, lists)
    click_line(qtbot, view, "City parks")  # a sentence: nothing to cut
    assert not any(a.text() == "Split into lines" for a in view.line_menu().actions())
    click_line(qtbot, view, "apple banana")
    menu_item(view, "Split into lines")
    at = texts(view).index(FRUIT[0])
    assert texts(view)[at : at + len(FRUIT)] == FRUIT
    assert [role_shown(view, w).startswith("Paragraph") for w in FRUIT] == [True] * len(FRUIT)
    undo(qtbot, view)
    assert "apple banana cherry grape melon peach" in texts(view)


def test_the_view_opens_beside_the_window_and_where_it_was_left(qtbot: QtBot, lists: MainWindow) -> None:
    screen = lists.screen().availableGeometry()
    view = open_page_view(qtbot, lists)
    wanted = max(view.minimumSizeHint().width(), round(screen.width() * 0.45), MIN_WIDTH)
    # (the test screen is smaller than the window: the view gives up width for the article, not below its least)
    assert view.minimumSizeHint().width() <= view.width() <= min(wanted, screen.width())
    assert view.width() < screen.width()  # the reading view keeps room beside it
    assert screen.contains(view.geometry())
    view.setGeometry(QRect(screen.left() + 20, screen.top() + 30, 520, 400))
    QApplication.processEvents()
    left = view.geometry()
    view.close()
    lists.page_fixing.view = None  # as at the next start: a new view
    again = lists.page_fixing.open_page()
    assert again is not None and again is not view
    qtbot.waitExposed(again)
    assert again.geometry() == left


def test_an_entry_without_a_meaning_shows_the_dictionarys(qtbot: QtBot, lists: MainWindow) -> None:
    from library.facade import data_dir
    from library.study.dictionary import Dictionary

    Dictionary(data_dir() / "dictionary.db").import_text(
        "english\tjapanese\treading\tnote\napple\t林檎\tりんご\t\nhive\t巣箱\tすばこ\t\n", "mine", tsv=True)
    view = open_page_view(qtbot, lists)
    click_line(qtbot, view, "apple banana")
    menu_item(view, "Make each line a glossary entry")
    shown = entries_shown(lists)
    assert shown["apple"] == "apple\n林檎 (りんご) (from the dictionary)"
    assert shown["banana"] == "banana"  # the dictionary has no banana: nothing is made up
    click_line(qtbot, view, "hive the box")
    menu_item(view, "Make each line a glossary entry")
    shown = entries_shown(lists)
    assert shown["hive"] == "hive\nthe box where bees live"  # an entry's own meaning comes first


def test_a_list_that_is_the_whole_lesson_is_refused_whole(qtbot: QtBot, window: MainWindow, library: Library,
                                                          tmp_path: Path) -> None:
    page = tmp_path / "only_a_list.txt"
    page.write_text("Bees\n\nhive the box where bees live\norchard a field of fruit trees\n", encoding="utf-8")
    window.open_lesson(library.lessons.import_file(page).lesson_id)
    view = open_page_view(qtbot, window)
    before = texts(view)
    click_line(qtbot, view, "hive the box")
    menu_item(view, "Make each line a glossary entry")  # no English paragraph would be left
    assert view.status.text().startswith("This change cannot be made")
    assert texts(view) == before  # not split half way
    assert window.lesson is not None and not window.lesson.glossary


HARBOUR = Path(__file__).resolve().parents[2] / "data" / "pageview" / "harbour_orig.txt"
PAIRS = [("harbour", "港"), ("ferry", "フェリー"), ("passenger", "乗客"), ("council", "議会"), ("resident", "住民")]


def test_g_on_a_line_of_word_pairs_makes_one_entry_a_pair(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    window.open_lesson(library.lessons.import_file(HARBOUR).lesson_id)
    view = open_page_view(qtbot, window)
    click_line(qtbot, view, "harbour 港 ferry")
    press(qtbot, view, Qt.Key.Key_G)
    assert window.lesson is not None
    entries = [(e.term, e.translation or e.definition) for e in window.lesson.glossary]
    assert entries[-5:] == PAIRS
    undo(qtbot, view)  # one step
    assert window.lesson is not None and not any(e.term == "ferry" for e in window.lesson.glossary)


def test_the_keys_of_split_into_lines_and_each_line_an_entry(qtbot: QtBot, window: MainWindow,
                                                             library: Library) -> None:
    window.open_lesson(library.lessons.import_file(HARBOUR).lesson_id)
    view = open_page_view(qtbot, window)
    click_line(qtbot, view, "harbour 港 ferry")
    menu = view.line_menu()
    keys = {a.text(): a.shortcut().toString() for a in menu.actions()}
    assert keys["Split into lines"] == "L" and keys["Make each line a glossary entry"] == "Shift+G"
    assert "L split into lines, Shift+G each line a glossary entry" in KEYS_HELP  # F1's list
    press(qtbot, view, Qt.Key.Key_L)
    assert [line.text for line in view.model.lines if line.text.split()[0] in dict(PAIRS)] == [
        f"{term} {gloss}" for term, gloss in PAIRS]
    undo(qtbot, view)
    click_line(qtbot, view, "harbour 港 ferry")
    press(qtbot, view, Qt.Key.Key_G, Qt.KeyboardModifier.ShiftModifier)
    assert window.lesson is not None
    assert [(e.term, e.translation or e.definition) for e in window.lesson.glossary][-5:] == PAIRS
