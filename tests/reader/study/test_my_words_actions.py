"""Actions on a selection of My words resolve the chosen words when they are taken, whatever the
table did meanwhile (a filter, a sort, the words read anew); a deletion is undone from anywhere."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.study.my_words_model import KEYS
from tests.reader.study.test_my_words import click, open_page, saved, shown

__all__ = ["saved"]  # the fixture, used by name


def test_delete_after_filter_sort_and_a_refresh_deletes_the_selected_word(
    qtbot: QtBot, window: MainWindow, saved: dict[str, int]
) -> None:
    page = open_page(qtbot, window)
    words = window.library.study.words
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.search, "es")  # privacy, reserve, carriage
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(KEYS.index("text")) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert shown(page) == ["carriage", "privacy", "reserve"]
    click(qtbot, page, "reserve")
    page.reload()  # the words read anew (the dictionary came, a meaning was filled in)
    assert shown(page) == ["carriage", "privacy", "reserve"]
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage() == "Deleted “reserve”."
    assert words.get("reserve") is None and words.get("carriage") is not None
    click(qtbot, page, "privacy")
    page.reload()
    qtbot.keyClick(page.table, Qt.Key.Key_2)
    assert words.get("privacy").status == "learning" and words.get("carriage").status == "known"
