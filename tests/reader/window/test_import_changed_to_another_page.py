"""File → Import of a lesson's source file that now holds another page: the box says so plainly and Enter
takes nothing, where a changed copy of the same page is offered the update as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.window import dialogs
from reader.window.dialogs import choose as real_choose
from tests.reader.conftest import DialogLog
from tests.reader.window.test_reimport import PAGES, TITLE, body, imported_and_fixed

UNRELATED = PAGES / "bakery_page.txt"


def enter_on_the_box(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, seen: list[tuple[str, str]]) -> None:
    """The box is shown and the user presses Enter: its default button is taken."""
    monkeypatch.setattr(dialogs, "choose", real_choose)

    def shown(box: QMessageBox) -> int:
        box.show()
        qtbot.waitExposed(box)
        default = box.defaultButton()
        seen.append((box.text(), default.text() if default is not None else ""))
        qtbot.keyClick(box, Qt.Key.Key_Return)
        box.hide()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)


def test_importing_the_source_file_holding_another_page_warns_and_enter_changes_nothing(
        qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page, lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    shutil.copy(UNRELATED, page)  # another page saved over the lesson's source by mistake
    count = len(library.lessons.list())
    before = body(window)
    seen: list[tuple[str, str]] = []
    enter_on_the_box(qtbot, monkeypatch, seen)
    window.import_files([str(page)])
    assert len(seen) == 1
    text, default = seen[0]
    assert "almost nothing in common" in text and "1 fixes would be lost" in text
    assert default == "Cancel"
    assert window.lesson is not None and window.lesson.id == lesson_id and window.lesson.title == TITLE
    assert body(window) == before and len(library.lessons.list()) == count


def test_the_changed_copy_of_the_page_is_still_offered_the_update_first(
        qtbot: QtBot, window: MainWindow, dialog_log: DialogLog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page, lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    seen: list[tuple[str, str]] = []
    enter_on_the_box(qtbot, monkeypatch, seen)
    window.import_files([str(page)])
    assert seen and seen[0][1] == "Update the lesson (your fixes are kept)"
    assert "almost nothing in common" not in seen[0][0]
    assert window.lesson is not None and window.lesson.id == lesson_id and "three dollars" in body(window)
