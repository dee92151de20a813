"""The window says what it did: a page imported again, a handout or pack written (and where); dialogs
open in the folder last chosen and give the focus back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.teaching import dialogs as teaching_dialogs
from reader.teaching.handout import HandoutOptions
from reader.window import dialogs
from tests.reader import conftest
from tests.reader.conftest import DialogLog

REAL_CHOOSE_FILES = dialogs.choose_files  # before the fixtures replace it


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, mods: Qt.KeyboardModifier) -> None:
    window.activateWindow()
    qtbot.keyClick(window.article, key, mods)


def test_importing_the_same_page_again_says_so(qtbot: QtBot, window: MainWindow, dialog_log: DialogLog) -> None:
    dialog_log.files = [str(conftest.REFERENCE)]
    press(qtbot, window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "already in the library" in window.statusBar().currentMessage(), timeout=10000)
    assert conftest.REFERENCE.name in window.statusBar().currentMessage()
    assert window.library.lessons.count() == 1


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The save dialog as a user answers it: a file in tmp_path/out; records the folder it opened in."""
    opened_in: list[str] = []
    out = tmp_path / "out"
    out.mkdir()

    def fake(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        opened_in.append(start)
        return str(out / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    monkeypatch.setattr(teaching_dialogs, "ask_handout_options", lambda *a: HandoutOptions(worksheet=True))
    return opened_in


def test_a_handout_says_where_it_was_saved_and_the_next_opens_there(
    qtbot: QtBot, window: MainWindow, save_dialog: list[str], tmp_path: Path
) -> None:
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    documents.mkdir(parents=True, exist_ok=True)
    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert Path(save_dialog[0]).parent == documents  # not the program's folder
    message = window.statusBar().currentMessage()
    written = tmp_path / "out" / Path(save_dialog[0]).name
    assert written.exists() and message == f"Worksheet saved to {written}"  # what was saved, by name
    window.teaching.actions["pack_export"].trigger()
    assert Path(save_dialog[1]).parent == tmp_path / "out"  # where the last file went
    assert window.statusBar().currentMessage().startswith("Lesson pack saved to ")
    assert str(tmp_path / "out") in window.statusBar().currentMessage()


def test_the_focus_comes_back_to_the_article_after_a_file_dialog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "choose_files", REAL_CHOOSE_FILES)

    def cancelled(*_args: object) -> tuple[list[str], str]:
        window.panel.search.setFocus()  # where Qt put the focus when the dialog closed
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", cancelled)
    window.article.setFocus()
    press(qtbot, window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.article.hasFocus()
    press(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.teaching.panel.isVisible()  # Ctrl+E reached the window, not the search box
