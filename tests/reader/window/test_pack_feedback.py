"""Opening a lesson pack says what it brought, in the status bar; a pack opened again says its lesson was there."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.ui.i18n import JA
from tests.reader.conftest import DialogLog


def test_a_pack_whose_lesson_is_in_the_library_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, dialog_log: DialogLog
) -> None:
    assert window.lesson is not None and window.lesson.id is not None
    pack = tmp_path / "lesson.studypack"
    window.library.packs.export([window.lesson.id], pack)
    dialog_log.files = [str(pack)]
    window.import_flow.open_packs()  # File → Open lesson pack…
    assert window.statusBar().currentMessage() == "lesson.studypack is already in the library; opened it."

    window.library.lessons.delete(window.lesson.id)  # gone from the library: the pack brings it back
    window.import_flow.open_packs()
    assert window.statusBar().currentMessage() == "Imported one lesson from lesson.studypack."
    for text in ("Imported one lesson from {name}.", "Imported {n} lessons from {name}.",
                 "Imported {n} of {total} lessons from {name}; the others were already in the library."):
        assert text in JA


def test_new_wordings_have_japanese() -> None:
    for text in ("One word put back.", "One word set to {status}.", "Worksheet saved to {path}",
                 "Answer key saved to {path}", "Handout saved to {path}"):
        assert JA.get(text), text
