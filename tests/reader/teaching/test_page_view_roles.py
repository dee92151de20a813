"""Every change the page view offers is one the library makes; what it did is said in the view
itself; the title's translation placed by hand; the paragraph chooser; the list keys."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.teaching.page_view import PLACE_EDITS, ROLE_EDITS, PageEdit, PageView
from tests.reader.teaching.test_page_view import (
    JA,
    article_text,
    bees,  # noqa: F401  (a fixture)
    click_line,
    open_page_view,
    press,
    role_shown,
    undo,
)

REFUSED = "This change cannot be made"


def key_of(view: PageView, edit: PageEdit) -> tuple[Qt.Key, Qt.KeyboardModifier] | None:
    """The key the view's menu shows for a change, as a key press."""
    sequence = view.actions_[edit].shortcut()
    if sequence.isEmpty():
        return None
    combo = sequence[0]
    return combo.key(), combo.keyboardModifiers()


# Per role change: a line to give it to, and the role the view shows after it.
ROLE_CASES = {
    PageEdit.TITLE: ("A Village Learns", "Title"),
    PageEdit.TITLE_TRANSLATION: (JA, "Title's translation"),
    PageEdit.HEADING: ("Officials hope", "Heading"),
    PageEdit.PARAGRAPH: ("Back to the top", "Paragraph ¶"),
    PageEdit.GLOSSARY: ("hive the box", "Glossary entry"),
    PageEdit.NOTE: ("Officials hope", "Note"),
    PageEdit.SITE: ("Officials hope", "Site text"),
    PageEdit.CAPTION: ("Officials hope", "Caption"),
    PageEdit.UNPLACED: (JA, "Unplaced"),
}


def test_every_role_the_view_offers_is_given_by_its_key(qtbot: QtBot, bees: MainWindow) -> None:  # noqa: F811
    view = open_page_view(qtbot, bees)
    assert {keyed.edit for keyed in ROLE_EDITS} == set(ROLE_CASES)
    for keyed in ROLE_EDITS:
        start, shown = ROLE_CASES[keyed.edit]
        click_line(qtbot, view, start)
        key = key_of(view, keyed.edit)
        assert key is not None, keyed.text
        press(qtbot, view, *key)
        assert REFUSED not in view.status.text(), (keyed.text, view.status.text())
        assert role_shown(view, start).startswith(shown), keyed.text
        undo(qtbot, view)


def test_a_caption_is_kept_with_the_lessons_captions(qtbot: QtBot, bees: MainWindow) -> None:  # noqa: F811
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Officials hope")
    press(qtbot, view, Qt.Key.Key_C)
    assert bees.lesson is not None
    assert bees.lesson.captions == ["Officials hope other villages will copy the idea before next spring."]
    assert not any(b.text.startswith("Officials") for b in bees.lesson.blocks)


def test_every_other_change_in_the_menu_is_made(qtbot: QtBot, bees: MainWindow,  # noqa: F811
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    view = open_page_view(qtbot, bees)
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, _c, _e: (items[1], True))
    cases = {
        PageEdit.TRANSLATES: JA,
        PageEdit.TRANSLATES_ABOVE: JA,
        PageEdit.TRANSLATES_BELOW: JA,
        PageEdit.JOIN: "The project began",
        PageEdit.MOVE_UP: "Officials hope",
        PageEdit.MOVE_DOWN: "Officials hope",
        PageEdit.DELETE: "Back to the top",
    }
    for keyed in PLACE_EDITS:
        if keyed.edit not in cases:
            continue  # the splits: tests of their own
        click_line(qtbot, view, cases[keyed.edit])
        menu = view.line_menu()
        action = next(a for a in menu.actions() if a.text() == keyed.text)
        view.status.clear()
        action.trigger()
        assert view.status.text() and REFUSED not in view.status.text(), (keyed.text, view.status.text())
        undo(qtbot, view)


def test_a_refusal_and_a_result_are_said_in_the_view(qtbot: QtBot, bees: MainWindow) -> None:  # noqa: F811
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "More stories from our club")
    press(qtbot, view, Qt.Key.Key_J)  # the page's last line: nothing after it to join
    assert view.status.isVisible()
    assert view.status.text().startswith(REFUSED) and "nothing after it to join" in view.status.text()
    assert bees.statusBar().currentMessage() == view.status.text()  # the window says it too
    click_line(qtbot, view, "A Village Learns")
    press(qtbot, view, Qt.Key.Key_T)
    assert view.status.text() == "Change role: done (Ctrl+Z takes it back)."


def test_the_titles_translation_by_key_is_kept_by_a_reimport(qtbot: QtBot, bees: MainWindow,  # noqa: F811
                                                             library: Library) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, JA)
    press(qtbot, view, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    assert bees.lesson is not None and bees.lesson.title_translation == JA
    assert role_shown(view, JA) == "Title's translation"
    assert all(JA not in b.translations.values() for b in bees.lesson.blocks)
    lesson_id = bees.lesson.id
    assert lesson_id is not None
    assert library.pages.reimport(lesson_id) == []
    assert library.lessons.get(lesson_id).title_translation == JA
    undo(qtbot, view)
    assert bees.lesson is not None and bees.lesson.title_translation == ""


def test_the_chooser_lists_the_title_first_and_starts_at_the_paragraph_above(
        qtbot: QtBot, bees: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    view = open_page_view(qtbot, bees)
    asked: list[tuple[list[str], int]] = []

    def choose(_parent: Any, _title: str, _label: str, items: list[str], current: int, _editable: bool
               ) -> tuple[str, bool]:
        asked.append((list(items), current))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    click_line(qtbot, view, JA)  # under "after a cold spring…", ¶3
    press(qtbot, view, Qt.Key.Key_R)
    items, current = asked[-1]
    assert items[0] == "Title  Morning Study Club"
    assert items[current].startswith("¶3  after a cold spring")
    assert bees.lesson is not None and bees.lesson.title_translation == JA  # "Title" chosen
    undo(qtbot, view)
    click_line(qtbot, view, "Local teachers")
    press(qtbot, view, Qt.Key.Key_R)
    assert asked[-1][0][asked[-1][1]].startswith("¶3  after a cold spring")  # the nearest one before


def test_home_end_and_page_keys_move_through_the_lines(qtbot: QtBot, bees: MainWindow) -> None:  # noqa: F811
    view = open_page_view(qtbot, bees)
    view.resize(700, 360)  # a few lines in view
    QApplication.processEvents()
    rows = view.model.rowCount()
    click_line(qtbot, view, "Farmers in a small")
    press(qtbot, view, Qt.Key.Key_End)
    assert view.table.currentIndex().row() == rows - 1
    assert view.table.verticalScrollBar().value() == view.table.verticalScrollBar().maximum()
    press(qtbot, view, Qt.Key.Key_Home)
    assert view.table.currentIndex().row() == 0
    assert view.table.verticalScrollBar().value() == 0
    press(qtbot, view, Qt.Key.Key_PageDown)
    down = view.table.currentIndex().row()
    assert down > 1
    assert view.table.selectedIndexes() and {i.row() for i in view.table.selectedIndexes()} == {down}
    press(qtbot, view, Qt.Key.Key_PageDown)
    assert view.table.currentIndex().row() > down and view.table.verticalScrollBar().value() > 0
    press(qtbot, view, Qt.Key.Key_PageUp)
    assert view.table.currentIndex().row() < rows - 1
    assert "Farmers" in article_text(bees)
