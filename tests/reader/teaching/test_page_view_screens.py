"""The page view at 1280×800 and 800×600 in the light and dark themes: nothing cut off, roles readable.

Set PAGE_VIEW_SHOTS to a folder to keep the screenshots (page_view_<theme>_<w>x<h>.png) and look at them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.teaching.page_model import ROLE, TEXT, chip_colour, chip_text
from reader.ui.themes import contrast
from tests.reader.teaching.test_page_view import JA, PAGE, open_page_view


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_the_page_view_fits_and_reads(qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path,
                                      theme: str, size: tuple[int, int]) -> None:
    window.set_theme(theme)
    lesson_id = library.lessons.import_file(PAGE).lesson_id
    for n, role in ((8, "glossary"), (9, "glossary"), (12, "site"), (13, "unplaced"), (1, "title")):
        library.pages.set_role(lesson_id, n, role)  # several roles in view at once
    window.open_lesson(lesson_id)
    view = open_page_view(qtbot, window)
    view.resize(*size)
    QApplication.processEvents()
    folder = Path(os.environ.get("PAGE_VIEW_SHOTS", tmp_path))
    assert view.grab().save(str(folder / f"page_view_{theme}_{size[0]}x{size[1]}.png"))

    assert view.width() == size[0] and view.height() == size[1]  # the view asks no more than the window has
    for button in view.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()  # no squeezed words
            assert view.rect().contains(QRect(button.mapTo(view, QPoint(0, 0)), button.size())), button.text()
    table, model = view.table, view.model
    metrics = table.fontMetrics()
    widest = max(metrics.horizontalAdvance(str(model.index(r, ROLE).data())) for r in range(model.rowCount()))
    assert table.columnWidth(ROLE) >= widest  # every role's name whole
    assert table.columnWidth(TEXT) >= 300  # the text keeps most of the room
    assert table.rowAt(table.viewport().height() - 1) != 0  # more than one row in view
    for r in range(model.rowCount()):
        role = model.lines[r].role
        assert contrast(chip_text(role, window.theme), chip_colour(role, window.theme)) >= 4.5
    if window.ja_family:  # the translation's line in the English interface: Japanese, not empty boxes
        assert any(line.text == JA for line in model.lines)
        for widget in (table, view.text):
            assert widget.font().families()[-1] == window.ja_family
            assert QFontInfo(widget.font()).family() == QFontInfo(window.font()).family()  # English as it was
