"""Actions on a selection of My words resolve the chosen words when they are taken, whatever the
table did meanwhile (a filter, a sort, the words read anew); a deletion is undone from anywhere."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.study.my_words_model import KEYS
from tests.reader.conftest import point_of
from tests.reader.study.test_my_words import click, open_page, saved, shown
from tests.reader.teaching.test_teaching import click as tclick
from tests.reader.teaching.test_teaching import edit_mode, key

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


def test_a_deletion_is_undone_after_leaving_the_page(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    page = open_page(qtbot, window)
    words = window.library.study.words
    click(qtbot, page, "reserve")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert words.get("reserve") is None
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert window.article.isVisible()
    undo = window.teaching.actions["undo"]
    assert undo.isEnabled()
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert words.get("reserve") is not None
    assert window.statusBar().currentMessage() == "One word put back."
    assert not undo.isEnabled()
    open_page(qtbot, window)
    assert "reserve" in shown(page)
    click(qtbot, page, "carriage")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert page.undo_button.isVisible()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert words.get("carriage") is not None
    open_page(qtbot, window)
    assert "carriage" in shown(page)


def test_a_lesson_edit_after_a_deletion_is_the_step_undo_takes_back(
    qtbot: QtBot, window: MainWindow, saved: dict[str, int]
) -> None:
    page = open_page(qtbot, window)
    words = window.library.study.words
    click(qtbot, page, "reserve")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert window.teaching.actions["undo"].text() == "&Undo Delete words"
    edit_mode(qtbot, window)
    panel = window.teaching.panel
    tclick(qtbot, window, point_of(window.article, "its first new routes"))
    qtbot.waitUntil(lambda: panel.translation_edit.toPlainText() != "", timeout=1000)
    panel.translation_edit.setFocus()
    panel.translation_edit.selectAll()
    panel.translation_edit.insertPlainText("先生が直した訳です。")
    qtbot.mouseClick(panel.buttons["save_translation"], Qt.MouseButton.LeftButton)
    assert "先生が直した訳です。" in window.article.visible_text()
    assert not page.undo_button.isVisible()  # the deletion can no longer be the next step undone
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "先生が直した訳です。" not in window.article.visible_text()
    assert words.get("reserve") is None
