"""Undo in the window takes back only what that window did: a change made to the lesson since by
another window (another Library on the file) or by `fix` on the command line is never taken away
(Undo refuses and says so); and each lesson keeps its own undo history across lesson switches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.__main__ import main
from reader.mainwindow import MainWindow
from reader.window.item_models import ID_ROLE
from tests.reader.conftest import index_of
from tests.reader.teaching.test_edit_dock_state import DRAFT, SAMPLES, _key, _type_draft

STALE = "The lesson was changed elsewhere since; Undo cannot take this back."


def _save_draft(qtbot: QtBot, window: MainWindow, start: str) -> int:
    """Type a translation for the paragraph beginning `start` in the dock and press Save."""
    index = _type_draft(qtbot, window, start)
    qtbot.mouseClick(window.teaching.panel.buttons["save_translation"], Qt.MouseButton.LeftButton)
    return index


def _ja(library: Library, lesson_id: int, index: int) -> str | None:
    return library.lessons.get(lesson_id).blocks[index].user_translations.get("ja")


def _open(qtbot: QtBot, window: MainWindow, lesson_id: int) -> None:
    """Open a lesson from the library list as a user does (select it, press Return)."""
    view = window.panel.lessons_view
    model = view.model()
    view.setCurrentIndex(next(model.index(r, 0) for r in range(model.rowCount())
                              if model.index(r, 0).data(ID_ROLE) == lesson_id))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.lesson is not None and window.lesson.id == lesson_id


def test_undo_keeps_a_translation_another_window_added_meanwhile(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int, tmp_path: Path
) -> None:
    mine = _save_draft(qtbot, window, "Austria’s national railway company")
    other = index_of(window, "Rail companies are ordering")
    second = Library(tmp_path / "reader-test.db")  # another window's library on the same file
    try:
        second.editing.set_translation(reference_id, other, "ja", "別の窓の訳")
    finally:
        second.close()
    _key(qtbot, window, Qt.Key.Key_Z)
    assert _ja(library, reference_id, other) == "別の窓の訳"  # the other window's edit is kept
    assert _ja(library, reference_id, mine) == DRAFT  # and this one cannot be taken back over it
    assert window.statusBar().currentMessage() == STALE
    assert not window.teaching.actions["undo"].isEnabled()  # the stale history is dropped


def test_undo_keeps_a_fix_made_on_the_command_line_meanwhile(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    mine = _save_draft(qtbot, window, "Austria’s national railway company")
    path = str(tmp_path / "reader-test.db")
    capsys.readouterr()
    assert main(["show", str(reference_id), "--lines", "--json", "--library", path]) == 0
    rows = json.loads(capsys.readouterr().out)
    n = next(r["n"] for r in rows if r["role"] == "paragraph" and r["text"].startswith("Rail companies"))
    assert main(["fix", str(reference_id), str(n), "heading", "--library", path]) == 0
    _key(qtbot, window, Qt.Key.Key_Z)
    assert window.statusBar().currentMessage() == STALE
    lesson = library.lessons.get(reference_id)
    assert any(b.kind == "heading" and b.text.startswith("Rail companies") for b in lesson.blocks)
    assert _ja(library, reference_id, mine) == DRAFT
    capsys.readouterr()
    assert main(["fix", str(reference_id), "--undo", "--library", path]) == 0  # the fix is still there to undo


def test_undo_still_takes_back_this_windows_edit_when_nothing_else_changed(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int
) -> None:
    mine = _save_draft(qtbot, window, "Austria’s national railway company")
    _key(qtbot, window, Qt.Key.Key_Z)
    assert _ja(library, reference_id, mine) is None
    assert window.statusBar().currentMessage() != STALE


def test_a_draft_saved_on_a_lesson_switch_is_undone_after_switching_back(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int
) -> None:
    other = library.lessons.import_file(SAMPLES / "01_coral_reefs.txt").lesson_id
    window.refresh_lessons()
    index = _type_draft(qtbot, window, "Rail companies are ordering")
    _open(qtbot, window, other)
    assert "Undo takes it back" in window.statusBar().currentMessage()
    assert _ja(library, reference_id, index) == DRAFT
    _open(qtbot, window, reference_id)
    assert window.teaching.actions["undo"].isEnabled()  # the lesson's history came back with it
    _key(qtbot, window, Qt.Key.Key_Z)
    assert _ja(library, reference_id, index) is None


def test_each_lesson_keeps_its_own_undo_history(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int
) -> None:
    other = library.lessons.import_file(SAMPLES / "01_coral_reefs.txt").lesson_id
    window.refresh_lessons()
    first = _save_draft(qtbot, window, "Rail companies are ordering")
    _open(qtbot, window, other)
    assert window.lesson is not None
    start = next(b.text[:20] for b in window.lesson.blocks if b.kind != "heading" and len(b.text) > 40)
    second = _save_draft(qtbot, window, start)
    _open(qtbot, window, reference_id)
    _key(qtbot, window, Qt.Key.Key_Z)  # takes back this lesson's edit, not the other lesson's
    assert _ja(library, reference_id, first) is None
    assert _ja(library, other, second) == DRAFT
    assert not window.teaching.actions["undo"].isEnabled()
    _open(qtbot, window, other)
    _key(qtbot, window, Qt.Key.Key_Z)
    assert _ja(library, other, second) is None
