"""The edit dock beside English edits in the article: after a split it stays on the paragraph split;
its Notes tab says what each note says and what it is anchored on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.conftest import point_of
from tests.reader.teaching.test_page_view import bees  # noqa: F401  (a fixture)

FIRST = "Local teachers now bring students to the hives every week."


def edit_mode(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.teaching.panel.isVisible()


def split_at(window: MainWindow, word: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Right-click `word` in the article and choose "Split the paragraph here"."""
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos, _at=None: shown.append(menu))
    article = window.article
    pos = point_of(article, word)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, article.viewport().mapToGlobal(pos))
    QApplication.sendEvent(article.viewport(), event)
    {a.text(): a for a in shown[-1].actions() if a.text()}["Split the paragraph here"].trigger()


@pytest.mark.parametrize("clicked_first", [True, False])
def test_after_a_split_the_dock_stays_on_the_paragraph_split(qtbot: QtBot, bees: MainWindow,  # noqa: F811
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             clicked_first: bool) -> None:
    edit_mode(qtbot, bees)
    article, panel = bees.article, bees.teaching.panel
    if clicked_first:
        qtbot.mouseClick(article.viewport(), Qt.MouseButton.LeftButton, pos=point_of(article, "Local teachers"))
    split_at(bees, "Many", monkeypatch)
    assert bees.lesson is not None
    first = next(i for i, b in enumerate(bees.lesson.blocks) if b.text == FIRST)
    assert article.focus_index == first
    assert panel.para_label.text().replace("\u200b", "") == FIRST


def test_the_notes_tab_says_what_each_note_says_and_where_it_is(qtbot: QtBot, window: MainWindow) -> None:
    edit_mode(qtbot, window)
    notes = window.teaching.panel.notes
    first = notes.item(0).text()
    assert first.startswith("※1  「寝台列車(sleeper)」とは")  # the marker, then the start of the note's text
    assert first.endswith("…  → “sleepers”")  # cut short, then the term it is anchored on


def test_a_note_made_in_the_page_view_is_listed_as_not_anchored(qtbot: QtBot, bees: MainWindow) -> None:  # noqa: F811
    from tests.reader.teaching.test_page_view import click_line, open_page_view, press

    edit_mode(qtbot, bees)
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Officials hope")
    press(qtbot, view, Qt.Key.Key_N)
    assert [bees.teaching.panel.notes.item(i).text() for i in range(bees.teaching.panel.notes.count())] == [
        "※1  Officials hope other villages will copy…  (not anchored)"]
