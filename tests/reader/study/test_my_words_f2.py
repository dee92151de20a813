"""F2 on My words edits where it can: on a cell that cannot be edited (the Word, the Sentence, the Lesson)
it edits that row's meaning, as the README says; with no cell chosen, the first row's meaning."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.study.my_words_model import KEYS
from tests.reader.study.test_my_words import click, open_page, saved, shown  # noqa: F401  (the fixture)


@pytest.mark.parametrize("column", ["text", "sentence", "lesson"])
def test_f2_on_a_cell_that_cannot_be_edited_edits_the_rows_meaning(
    qtbot: QtBot, window: MainWindow, saved: dict[str, int], column: str  # noqa: F811
) -> None:
    page = open_page(qtbot, window)
    click(qtbot, page, "carriage", column)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert page.table.state() == QAbstractItemView.State.EditingState
    current = page.table.currentIndex()
    assert KEYS[current.column()] == "gloss" and shown(page)[current.row()] == "carriage"
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.insert("客車")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)  # the commit is queued
    assert window.library.study.words.by_id(saved["carriage"]).gloss == "客車"  # type: ignore[union-attr]


def test_f2_with_no_cell_chosen_edits_the_first_rows_meaning(
    qtbot: QtBot, window: MainWindow, saved: dict[str, int]  # noqa: F811
) -> None:
    page = open_page(qtbot, window)
    page.table.setCurrentIndex(page.proxy.index(-1, -1))
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_F2)
    assert page.table.state() == QAbstractItemView.State.EditingState
    assert page.table.currentIndex().row() == 0 and KEYS[page.table.currentIndex().column()] == "gloss"
