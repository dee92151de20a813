"""Only the reader's own scrolling counts as reading: resizing the window (narrower, taller, back, to a
size that shows the end) and zooming read nothing, after the reader has read part of the lesson by
paging down and before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.article.test_reading_progress import percent, shown_progress

SIZES = [(683, 740), (1000, 700), (683, 740), (800, 600), (1280, 800), (1280, 1000), (640, 480)]


def _resized_through(qtbot: QtBot, window: MainWindow) -> list[str]:
    seen = []
    for size in SIZES:
        window.resize(*size)
        qtbot.wait(200)
        seen.append(f"{size[0]}×{size[1]}: {shown_progress(window)}")
    return seen


@pytest.mark.parametrize("at", [0, 2, 3])  # the start; a saved place a third and half-way in
def test_resizes_read_nothing_before_any_scrolling(qtbot: QtBot, window: MainWindow, at: int) -> None:
    window.resize(1000, 700)
    qtbot.wait(60)
    paragraphs = window.article.paragraphs()
    if at:
        window.article.scroll_to(paragraphs[len(paragraphs) * at // 6])  # as a restored reading position
        qtbot.wait(60)
    before = shown_progress(window)
    assert _resized_through(qtbot, window) == [f"{w}×{h}: {before}" for w, h in SIZES]


def test_resizes_and_zoom_keep_the_share_the_reader_read(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1000, 700)
    qtbot.wait(60)
    window.article.setFocus()
    for _ in range(3):
        qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    qtbot.wait(60)
    read = shown_progress(window)
    assert 0 < percent(read) < 100
    assert _resized_through(qtbot, window) == [f"{w}×{h}: {read}" for w, h in SIZES]
    for step in (1, 1, -1, -1, -1):
        window.step_zoom(step)
        qtbot.wait(30)
    assert shown_progress(window) == read
