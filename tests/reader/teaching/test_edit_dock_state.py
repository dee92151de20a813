"""The edit dock follows the open lesson and the article's focus, and keeps what the tutor typed:
a translation typed and not saved is saved as the edit Save would have made (undoable) when the
focus moves, the lesson or the learner changes, or edit mode closes; once no lesson is open the dock
closes, cleared, and cannot be typed in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.window.item_models import ID_ROLE
from tests.reader.conftest import DialogLog, index_of, point_of

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
DRAFT = "A draft the tutor typed"
CTRL = Qt.KeyboardModifier.ControlModifier


def _key(qtbot: QtBot, window: MainWindow, k: Qt.Key, mods: Qt.KeyboardModifier = CTRL) -> None:
    window.activateWindow()
    window.article.setFocus()
    qtbot.keyClick(window.article, k, mods)


def _click(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window.article, text))
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a click of its own, not half of a double-click


def _type_draft(qtbot: QtBot, window: MainWindow, start: str) -> int:
    """Enter edit mode, focus the paragraph beginning `start` and type a translation without saving it."""
    if not window.teaching.actions["edit_mode"].isChecked():
        _key(qtbot, window, Qt.Key.Key_E)
    panel = window.teaching.panel
    assert panel.isVisible()
    _click(qtbot, window, start)
    index = index_of(window, start)
    assert window.article.focus_index == index
    panel.translation_edit.setFocus()
    panel.translation_edit.selectAll()
    qtbot.keyClicks(panel.translation_edit, DRAFT)
    return index


def _user_translation(window: MainWindow, lesson_id: int, index: int) -> str | None:
    return window.library.lessons.get(lesson_id).blocks[index].user_translations.get("ja")


def test_a_draft_is_saved_when_the_focus_moves_and_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow, reference_id: int
) -> None:
    index = _type_draft(qtbot, window, "Austria’s national railway company")
    _click(qtbot, window, "Rail companies are ordering")
    assert _user_translation(window, reference_id, index) == DRAFT
    assert "was saved" in window.statusBar().currentMessage()
    panel = window.teaching.panel
    assert panel.para_label.text().startswith("Rail companies are ordering")  # the dock follows the focus
    assert panel.translation_edit.toPlainText() != DRAFT
    _key(qtbot, window, Qt.Key.Key_Z)
    assert _user_translation(window, reference_id, index) is None


def test_a_draft_is_saved_when_edit_mode_closes(qtbot: QtBot, window: MainWindow, reference_id: int) -> None:
    index = _type_draft(qtbot, window, "Rail companies are ordering")
    _key(qtbot, window, Qt.Key.Key_E)
    assert not window.teaching.panel.isVisible()
    assert _user_translation(window, reference_id, index) == DRAFT


def test_a_draft_is_saved_when_another_lesson_opens(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int
) -> None:
    other = library.lessons.import_file(SAMPLES / "01_coral_reefs.txt").lesson_id
    window.refresh_lessons()
    index = _type_draft(qtbot, window, "Rail companies are ordering")
    view = window.panel.lessons_view
    model = view.model()
    view.setCurrentIndex(next(model.index(r, 0) for r in range(model.rowCount())
                              if model.index(r, 0).data(ID_ROLE) == other))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.lesson is not None and window.lesson.id == other
    assert _user_translation(window, reference_id, index) == DRAFT
    assert DRAFT not in window.teaching.panel.translation_edit.toPlainText()  # not carried to the other lesson


def test_a_draft_is_saved_when_the_learner_changes(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int
) -> None:
    index = _type_draft(qtbot, window, "Rail companies are ordering")
    window.learners.switch_to(library.profiles.create("Ken").id)
    assert library.profiles.current().name == "Ken"
    assert _user_translation(window, reference_id, index) == DRAFT


def test_the_dock_follows_a_search_hit(qtbot: QtBot, window: MainWindow) -> None:
    _key(qtbot, window, Qt.Key.Key_E)
    panel = window.teaching.panel
    _key(qtbot, window, Qt.Key.Key_F)
    qtbot.keyClicks(window.panel.search, "the far north")
    qtbot.keyClick(window.panel.search, Qt.Key.Key_Return)
    assert window.article.focus_index == index_of(window, "Sweden has promised")
    assert panel.para_label.text().startswith("Sweden has promised")
    assert panel.translation_edit.toPlainText().startswith("スウェーデンは、北部へ向かう")


def test_with_no_lesson_open_the_dock_says_so_and_cannot_be_used(
    qtbot: QtBot, window: MainWindow, dialog_log: DialogLog
) -> None:
    _key(qtbot, window, Qt.Key.Key_E)
    panel = window.teaching.panel
    view = window.panel.lessons_view
    view.setCurrentIndex(view.model().index(0, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # the only lesson, open in edit mode
    assert dialog_log.names()[-1] == "confirm" and window.lesson is None
    assert not panel.isVisible() and panel.para_label.text() == "No lesson open."  # closed, and cleared
    assert not panel.buttons["save_translation"].isEnabled()
    assert not panel.translation_edit.isEnabled()
    assert not any(button.isEnabled() for button in panel.buttons.values())


def test_a_draft_is_saved_when_the_window_closes(qtbot: QtBot, window: MainWindow, reference_id: int) -> None:
    index = _type_draft(qtbot, window, "Rail companies are ordering")
    window.close()
    assert _user_translation(window, reference_id, index) == DRAFT
