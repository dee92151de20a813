"""Exports remember their own folder: an export dialog opens where the last file was written (at first
the user's documents folder, or home), never in the folder of the last import, which keeps its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.teaching import dialogs as teaching_dialogs
from reader.teaching.handout import HandoutOptions
from reader.window import dialogs
from reader.window.dialog_places import EXPORT_FOLDER_KEY, FOLDER_KEY
from tests.reader.window.test_import_review import PAGE

REAL_CHOOSE_FILES = dialogs.choose_files  # before the window's fixture replaces it


@pytest.fixture(autouse=True)
def no_folders_remembered() -> None:
    """The folders live in the application's own settings, which are the test's own: none before."""
    assert QSettings().value(FOLDER_KEY) is None and QSettings().value(EXPORT_FOLDER_KEY) is None


def _default() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def test_an_export_opens_in_its_own_folder_not_the_last_imports(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    imports, exports = tmp_path / "imports", tmp_path / "exports"
    imports.mkdir()
    exports.mkdir()
    page = imports / "bridges.txt"
    page.write_text(PAGE, encoding="utf-8")
    opened_in: list[str] = []
    saved_in: list[str] = []
    answer = {"save": ""}
    monkeypatch.setattr(dialogs, "choose_files", REAL_CHOOSE_FILES)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda _p, _t, folder, _f: (opened_in.append(folder), ([str(page)], ""))[1])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _p, _t, where, _f: (saved_in.append(str(Path(where).parent)), (answer["save"], ""))[1])
    monkeypatch.setattr(teaching_dialogs, "ask_handout_options", lambda *_a: HandoutOptions())

    def ctrl(key: Qt.Key) -> None:
        window.article.setFocus()
        qtbot.keyClick(window.article, key, Qt.KeyboardModifier.ControlModifier)

    ctrl(Qt.Key.Key_O)  # import from imports/
    qtbot.waitUntil(lambda: window.lesson is not None and window.lesson.title == "Bridges Get Smarter", timeout=10000)
    if window.import_review is not None:
        window.import_review.close()  # what the import could not place: looked at later
    handout = window.teaching.actions["handout"].trigger  # Teach → Export handout…
    handout()  # the first export: cancelled

    assert saved_in == [_default()] and saved_in[0] != str(imports)
    answer["save"] = str(exports / "bridges.pdf")
    handout()  # written to exports/
    qtbot.waitUntil(lambda: (exports / "bridges.pdf").is_file(), timeout=10000)
    answer["save"] = ""
    handout()
    assert saved_in[-1] == str(exports)
    window.import_flow.ask_import()  # the next import: where the last one was, not where the export went
    assert opened_in[-1] == str(imports)
