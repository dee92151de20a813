"""After the open lesson is deleted the window says so: an empty state, not a blank page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.ui.i18n import JA
from tests.reader.conftest import DialogLog


def test_deleting_the_open_lesson_leaves_an_empty_state(
    qtbot: QtBot, window: MainWindow, dialog_log: DialogLog
) -> None:
    assert window.lesson is not None
    title = window.lesson.title
    window.panel.lessons_view.setFocus()
    qtbot.keyClick(window.panel.lessons_view, Qt.Key.Key_Delete)  # Delete, then Yes
    assert dialog_log.names() == ["confirm"] and window.lesson is None
    qtbot.wait(20)
    assert "No lesson open — choose one in the library, or import a page (Ctrl+O)." in window.article.visible_text()
    vocab = window.vocab
    assert vocab.empty.isVisible() and vocab.empty.text() == "No lesson open."
    assert vocab.empty.geometry().top() < vocab.height() // 3  # at the top of the panel, not floating mid-way
    assert window.statusBar().currentMessage() == f"Deleted “{title}”."
    for text in ("No lesson open — choose one in the library, or import a page (Ctrl+O).", "Deleted “{title}”."):
        assert JA.get(text)
