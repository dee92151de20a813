"""Re-import from a wrongly chosen file: a page with little in common with the lesson is named as such
before anything is replaced (No the default), the source of another lesson is refused before the
question, and a line not kept is cut at a word, not inside one."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.conftest import DialogLog
from tests.reader.teaching.test_page_view import click_line, press
from tests.reader.window.test_reimport import PAGES, TITLE, body, imported_and_fixed, reword_council_line

UNRELATED = PAGES / "bakery_page.txt"


def question(dialog_log: DialogLog) -> str:
    return str(next(args[2] for name, args in reversed(dialog_log.calls) if name == "confirm"))


def test_an_unrelated_page_chosen_for_a_missing_source_is_named_and_nothing_changes(
        qtbot: QtBot, window: MainWindow, dialog_log: DialogLog, tmp_path: Path) -> None:
    page, lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    page.unlink()  # the source is gone; the user picks another page by mistake
    dialog_log.files = [str(UNRELATED)]
    dialog_log.confirm = False  # the question's default, No
    before = body(window)
    window.menus.actions["reimport"].trigger()
    asked = question(dialog_log)
    assert "almost nothing in common" in asked and "1 fixes would be lost" in asked
    assert window.lesson is not None and window.lesson.id == lesson_id
    assert body(window) == before and window.lesson.title == TITLE


def test_the_changed_page_itself_gets_the_usual_question(qtbot: QtBot, window: MainWindow,
                                                        dialog_log: DialogLog, tmp_path: Path) -> None:
    page, _lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    moved = tmp_path / "moved.txt"
    page.rename(moved)
    dialog_log.files = [str(moved)]
    window.menus.actions["reimport"].trigger()
    assert "almost nothing in common" not in question(dialog_log)
    assert "three dollars" in body(window)


def test_the_source_of_another_lesson_is_refused_before_the_question(
        qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path) -> None:
    page, lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    other = tmp_path / "bakery.txt"
    shutil.copy(UNRELATED, other)
    other_id = library.lessons.import_file(other).lesson_id
    assert other_id != lesson_id
    page.unlink()
    dialog_log.files = [str(other)]
    dialog_log.calls.clear()
    window.menus.actions["reimport"].trigger()
    assert dialog_log.names() == ["choose_files", "error"]  # no "Yes" asked for and then refused
    said = str(dialog_log.calls[-1][1][2])
    assert "source of another lesson" in said
    assert window.lesson is not None and window.lesson.title == TITLE


def test_a_line_not_kept_is_cut_at_a_word(qtbot: QtBot, window: MainWindow, dialog_log: DialogLog,
                                          tmp_path: Path) -> None:
    page, _lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    view = window.page_fixing.view
    assert view is not None
    click_line(qtbot, view, "The city council paid")
    press(qtbot, view, Qt.Key.Key_H)
    reword_council_line(page)
    window.menus.actions["reimport"].trigger()
    listed = str(dialog_log.calls[-1][1][2])
    line = next(x for x in listed.splitlines() if "The city council paid" in x)
    quoted = line[line.index("“") + 1 : line.index("”")]
    assert quoted.endswith("…")
    words = quoted[:-1].split()
    original = "The city council paid for the new boat with money from a tourism fund, and tickets cost two dollars."
    assert original.startswith(" ".join(words)) and original.split()[len(words) - 1].rstrip(",") == words[-1]
