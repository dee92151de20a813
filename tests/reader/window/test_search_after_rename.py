"""Search hits name their lesson: after a rename they show the new title."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.conftest import DialogLog


def test_hits_show_the_new_title_after_a_rename(qtbot: QtBot, window: MainWindow, dialog_log: DialogLog) -> None:
    panel = window.panel
    qtbot.keyClick(window.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.search, "the far north")
    qtbot.waitUntil(lambda: panel.results_model.rowCount() == 1, timeout=2000)
    shown = panel.results_view.isVisible
    assert shown()
    dialog_log.text = "Trains at night"
    window.menus.actions["rename"].trigger()  # File → Rename lesson… (F2)
    assert window.lesson is not None and window.lesson.title == "Trains at night"
    hit = panel.results_model.index(0, 0)
    assert shown() and "Trains at night" in "\n".join(
        str(hit.data(role)) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    )
