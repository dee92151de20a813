"""The window's shortcuts work as soon as the import review closes: the keys go back to the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.window.test_import_review import PAGE, _import


def test_ctrl_e_right_after_finish_opens_edit_mode(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "bridges.txt"
    path.write_text(PAGE, encoding="utf-8")
    dialog = _import(qtbot, window, path)
    dialog.items.setFocus()  # the user worked in the list of blocks to place
    finish = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # the window is active again with a widget taking the keys within moments (it stayed inactive, keys lost)
    qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is not None, timeout=2000)
    keys_go_to = QApplication.focusWidget()
    assert keys_go_to is not None and keys_go_to.window() is window
    qtbot.keyClick(keys_go_to, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.teaching.actions["edit_mode"].isChecked() and window.teaching.panel.isVisible()
