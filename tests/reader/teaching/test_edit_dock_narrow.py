"""The edit dock in a 640×480 window, in English and in Japanese: every tab shows whole (none behind
scroll arrows; down the dock's side where a line of them is too wide) and every button keeps its words,
the pairs that do not fit side by side going one a line; the window stays 640×480, the tab's page scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.window.test_import_review import PAGE


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_at_640_by_480_the_dock_cuts_no_tab_and_no_button(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "bridges.txt"
    path.write_text(PAGE, encoding="utf-8")
    window.refresh_lessons()
    window.open_lesson(window.library.lessons.import_file(path).lesson_id)  # "Unplaced (2)": the widest tabs
    window.set_language(lang)
    window.resize(640, 480)
    qtbot.wait(50)
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    panel = window.teaching.panel
    assert panel.isVisible()
    cut: list[str] = []
    for tab in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        qtbot.wait(20)
        for name, button in panel.buttons.items():
            if button.isVisible() and button.width() < button.sizeHint().width():
                cut.append(f"{name}: {button.width()} px for {button.sizeHint().width()}")
    assert not cut
    bar = panel.tabs.tabBar()
    assert bar.tabText(3).endswith("(2)")
    last = bar.tabRect(bar.count() - 1)  # whole, above the lists or down their side
    assert last.right() < bar.width() and last.bottom() < bar.height() and bar.rect().contains(last)
    for tab in range(bar.count()):
        along = max(bar.tabRect(tab).width(), bar.tabRect(tab).height())  # its text runs down a side tab
        assert along >= bar.fontMetrics().horizontalAdvance(bar.tabText(tab))
    assert not any(b.isVisible() for b in bar.findChildren(QToolButton))  # no scroll arrows
    assert (window.width(), window.height()) == (640, 480) and window.article.width() >= 300
