"""A row of the lesson list can outlive its lesson (another window deleted it, a restore replaced
the library): opening, renaming or deleting it refreshes the list and says the lesson is gone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.window.item_models import ID_ROLE
from tests.reader.conftest import DialogLog

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
GONE = "That lesson is no longer in the library."


def _row_of(window: MainWindow, lesson_id: int) -> QModelIndex:
    """The list row of a lesson."""
    model = window.panel.lessons_view.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ID_ROLE) == lesson_id:
            return model.index(row, 0)
    raise AssertionError(f"no row for lesson {lesson_id}")


def _delete_elsewhere(library: Library, lesson_id: int) -> None:
    """Delete a lesson through a second connection, as another window on the library would."""
    assert library.path is not None
    other = Library(library.path)
    try:
        other.lessons.delete(lesson_id)
    finally:
        other.close()


def test_deleting_a_row_whose_lesson_is_gone_says_so(
    qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog
) -> None:
    stale = library.lessons.import_file(SAMPLES / "01_coral_reefs.txt").lesson_id
    window.refresh_lessons()
    view = window.panel.lessons_view
    view.setCurrentIndex(_row_of(window, stale))
    _delete_elsewhere(library, stale)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "confirm" not in dialog_log.names()  # nothing to confirm: it is gone
    assert window.statusBar().currentMessage() == GONE
    assert view.model().rowCount() == 1  # the list shows the library as it is now
    assert window.lesson is not None  # the open lesson (another one) stays open


def test_renaming_the_open_lesson_when_it_is_gone_says_so(
    qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, reference_id: int
) -> None:
    _delete_elsewhere(library, reference_id)
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_F2)
    assert "ask_text" not in dialog_log.names()
    assert window.statusBar().currentMessage() == GONE
    assert window.lesson is None  # the open lesson was the one gone: nothing is shown
    assert window.panel.lessons_view.model().rowCount() == 0


def test_opening_a_row_whose_lesson_is_gone_says_so(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    stale = library.lessons.import_file(SAMPLES / "01_coral_reefs.txt").lesson_id
    window.refresh_lessons()
    view = window.panel.lessons_view
    index = _row_of(window, stale)
    _delete_elsewhere(library, stale)
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == GONE
    assert view.model().rowCount() == 1
