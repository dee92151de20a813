"""Edit mode: placing unplaced material as a translation shows it under its paragraph and says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.conftest import point_of
from tests.reader.window.test_import_review import PAGE


def test_place_as_translation_shows_it_and_says_so(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "bridges.txt"
    path.write_text(PAGE, encoding="utf-8")
    lid = window.library.lessons.import_file(path).lesson_id
    window.open_lesson(lid)
    assert window.lesson is not None and len(window.lesson.unplaced) == 2
    second = window.lesson.blocks[2].text if window.lesson.blocks[1].kind == "heading" else window.lesson.blocks[1].text
    view = window.article
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, second[:12]))
    qtbot.wait(400)  # past a double-click
    focus = view.focus_index
    for index in list(view.shown):
        view.set_shown(index, False)
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # edit mode
    panel = window.teaching.panel
    assert panel is not None and panel.isVisible()
    panel.tabs.setCurrentIndex(3)  # Unplaced
    panel.unplaced.setCurrentRow(0)
    wanted = panel.unplaced.currentItem().text()
    qtbot.mouseClick(panel.buttons["place_translation"], Qt.MouseButton.LeftButton)
    placed = window.lesson.blocks[focus].translation("ja")
    assert placed and placed in wanted
    assert placed.split("。")[0] in view.visible_text()  # under its paragraph, on screen
    assert window.statusBar().currentMessage().startswith("Placed as the translation of paragraph")
