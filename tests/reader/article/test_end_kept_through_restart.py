"""A lesson read to its end opens, after Ctrl+Q and a new start, at its end again: its last paragraph
whole on screen, not the top of the paragraph that had been first on screen (the last one cut off),
also in a window of another size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow


def _start(qtbot: QtBot, library: Library, settings: QSettings, size: tuple[int, int], lesson: int) -> MainWindow:
    win = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.open_lesson(lesson)  # at its saved reading position
    qtbot.wait(100)
    return win


def _last_paragraph_whole(win: MainWindow) -> bool:
    view = win.article
    last = view.paragraphs()[-1]
    rect = view.document().documentLayout().blockBoundingRect(view.block_for(last))
    top = view.verticalScrollBar().value()
    return rect.top() >= top and rect.bottom() <= top + view.viewport().height()


@pytest.mark.parametrize("again", [(1000, 700), (1000, 800), (800, 700)])
def test_a_lesson_left_at_its_end_opens_at_its_end(
    qtbot: QtBot, library: Library, settings: QSettings, reference_id: int, again: tuple[int, int]
) -> None:
    library.study.levels.level_pending()
    first = _start(qtbot, library, settings, (1000, 700), reference_id)
    assert first.current_id() == reference_id
    first.article.setFocus()
    bar = first.article.verticalScrollBar()
    while bar.value() < bar.maximum():
        qtbot.keyClick(first.article, Qt.Key.Key_PageDown)
    assert _last_paragraph_whole(first)
    qtbot.keyClick(first.article, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not first.isVisible()
    second = _start(qtbot, library, settings, again, reference_id)
    try:
        assert second.current_id() == reference_id
        bar = second.article.verticalScrollBar()
        assert bar.value() == bar.maximum() > 0
        assert _last_paragraph_whole(second)
    finally:
        second.close()
