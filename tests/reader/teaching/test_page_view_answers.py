"""Each key of the page view answers on the line it is pressed on: a moved line keeps the selection, a key
that cannot cut a one-line line says why, "Save text" is offered only where the text is kept, and the
view stays where the lesson was split (tests/data/pageview/pond_fixes.txt, a page of our own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.teaching.page_model import LINE, TEXT
from reader.teaching.page_view import PageView
from tests.reader.teaching.test_page_view import click_line, open_page_view, press, role_shown

POND = Path(__file__).resolve().parents[2] / "data" / "pageview" / "pond_fixes.txt"
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def pond(window: MainWindow, library: Library) -> Iterator[MainWindow]:
    """The window on a short page with a heading of one word, a word list and two lines of site text."""
    window.open_lesson(library.lessons.import_file(POND).lesson_id)
    yield window


def selected_texts(view: PageView) -> list[str]:
    """The text of each row the table shows selected, and the current row's."""
    rows = sorted({i.row() for i in view.table.selectionModel().selectedRows()})
    return [str(view.model.index(r, TEXT).data()) for r in rows]


def current_text(view: PageView) -> str:
    return str(view.model.index(view.table.currentIndex().row(), TEXT).data())


def texts(view: PageView) -> list[str]:
    return [line.text for line in view.model.lines]


def test_a_moved_paragraph_keeps_the_selection(qtbot: QtBot, pond: MainWindow) -> None:
    view = open_page_view(qtbot, pond)
    click_line(qtbot, view, "Children counted")
    before = texts(view).index(next(t for t in texts(view) if t.startswith("Children counted")))
    press(qtbot, view, Qt.Key.Key_Down, ALT)
    after = texts(view).index(next(t for t in texts(view) if t.startswith("Children counted")))
    assert after > before  # it moved
    assert current_text(view).startswith("Children counted")
    assert [t[:16] for t in selected_texts(view)] == ["Children counted"]
    assert view.text.toPlainText().startswith("Children counted")
    press(qtbot, view, Qt.Key.Key_Up, ALT)  # and back: the selection still with it
    assert texts(view).index(next(t for t in texts(view) if t.startswith("Children counted"))) == before
    assert [t[:16] for t in selected_texts(view)] == ["Children counted"]


@pytest.mark.parametrize("mods", [Qt.KeyboardModifier.NoModifier, SHIFT])
def test_split_into_lines_on_a_one_word_line_says_why_not(qtbot: QtBot, pond: MainWindow,
                                                          mods: Qt.KeyboardModifier) -> None:
    view = open_page_view(qtbot, pond)
    click_line(qtbot, view, "Spring")
    lines = texts(view)
    view.show_status("")
    press(qtbot, view, Qt.Key.Key_L if mods == Qt.KeyboardModifier.NoModifier else Qt.Key.Key_G, mods)
    assert texts(view) == lines and role_shown(view, "Spring") == "Heading"
    assert "nothing to split" in view.status.text() and view.status.property("refused")
    assert "Split into lines" not in [a.text() for a in view.line_menu().actions()]  # not offered there
    click_line(qtbot, view, "tadpole")  # a line that holds three lines of the page: offered, and done
    assert "Split into lines" in [a.text() for a in view.line_menu().actions()]
    press(qtbot, view, Qt.Key.Key_L)
    assert [t for t in texts(view) if t.startswith(("tadpole", "reed", "lily"))] == [
        "tadpole a young frog", "reed a tall grass that grows in water", "lily a flower that floats"]


def test_save_text_is_not_offered_on_site_text_and_says_why(qtbot: QtBot, pond: MainWindow) -> None:
    view = open_page_view(qtbot, pond)
    click_line(qtbot, view, "Share this story")
    assert role_shown(view, "Share this story") == "Site text"
    assert not view.save_text.isEnabled() and view.save_text.toolTip()
    view.text.setFocus()
    qtbot.keyClicks(view.text, "Tell a friend")  # the box takes no typing, and says why
    assert view.text.toPlainText() == "Share this story"
    assert "give this line" in view.status.text() and view.status.property("refused")
    click_line(qtbot, view, "Teachers plan")  # a paragraph: fixed and kept
    assert view.save_text.isEnabled() and not view.text.isReadOnly()
    view.text.setPlainText("Teachers plan a short walk around the pond each month.")
    qtbot.mouseClick(view.save_text, Qt.MouseButton.LeftButton)
    assert "Teachers plan a short walk around the pond each month." in texts(view)


def test_split_into_lessons_keeps_the_view_at_the_split(qtbot: QtBot, pond: MainWindow) -> None:
    view = open_page_view(qtbot, pond)
    click_line(qtbot, view, "Teachers plan")
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | SHIFT
    press(qtbot, view, Qt.Key.Key_S, ctrl_shift)
    assert not any(t.startswith("Teachers plan") for t in texts(view))  # it starts the new lesson
    assert view.table.currentIndex().row() == len(view.model.lines) - 1  # the last line before the split
    assert len(selected_texts(view)) == 1 and selected_texts(view)[0] == current_text(view)


def test_a_translation_left_unplaced_by_a_deletion_says_so(qtbot: QtBot, pond: MainWindow) -> None:
    view = open_page_view(qtbot, pond)
    click_line(qtbot, view, "Children counted")
    press(qtbot, view, Qt.Key.Key_Delete)  # its translation has no paragraph now
    text = pond.article.document().toPlainText()
    assert "Left unplaced by your changes (1)" in text and "(its paragraph was deleted)" in text
    assert "Not placed by the importer" not in text  # the importer placed it


def test_lines_made_glossary_entries_keep_the_pages_numbers(qtbot: QtBot, pond: MainWindow,
                                                            library: Library) -> None:
    view = open_page_view(qtbot, pond)
    last = view.model.rowCount() - 1
    assert view.model.index(last, LINE).data() == "11"  # the page has 12 lines
    click_line(qtbot, view, "tadpole")  # a line that holds three lines of the page
    press(qtbot, view, Qt.Key.Key_G, SHIFT)
    assert [role_shown(view, w) for w in ("tadpole", "reed", "lily")] == ["Glossary entry"] * 3
    shown = [view.model.index(r, LINE).data() for r in range(view.model.rowCount())]
    assert shown[-4:] == ["8", "9", "10", "11"]  # each entry the page's line it was on, the last line still 11
    assert pond.lesson is not None and pond.lesson.id is not None
    assert shown == [str(ln.n) for ln in library.pages.lines(pond.lesson.id)]  # as `show --lines` numbers them


def test_a_line_made_unplaced_is_listed_as_the_users_doing(qtbot: QtBot, pond: MainWindow) -> None:
    view = open_page_view(qtbot, pond)
    click_line(qtbot, view, "Spring")  # a heading with no translation on it
    press(qtbot, view, Qt.Key.Key_U)
    assert role_shown(view, "Spring") == "Unplaced"
    text = pond.article.document().toPlainText()
    assert "Left unplaced by your changes (1)" in text and "(made unplaced by you)" in text
    assert "Not placed by the importer" not in text


def test_split_into_lines_on_a_glossary_line_keeps_its_pieces_in_the_word_list(qtbot: QtBot, pond: MainWindow) -> None:
    view = open_page_view(qtbot, pond)
    click_line(qtbot, view, "tadpole")
    press(qtbot, view, Qt.Key.Key_G)  # the three entries on one line made the word list's
    glossary = role_shown(view, "tadpole a young frog")
    assert pond.lesson is not None and "tadpole" in [g.term for g in pond.lesson.glossary]
    click_line(qtbot, view, "tadpole")
    press(qtbot, view, Qt.Key.Key_L)  # …and cut into its lines: each stays an entry, none becomes a paragraph
    assert [role_shown(view, t) for t in ("tadpole a young frog", "reed a tall grass that grows in water",
                                          "lily a flower that floats")] == [glossary] * 3
    assert pond.lesson is not None
    assert not any(b.text.startswith(("tadpole", "reed", "lily")) for b in pond.lesson.blocks)
    assert {"tadpole", "reed", "lily"} <= {g.term for g in pond.lesson.glossary}
