"""Reading progress counts what was read: not the first screen, not a jump to a word, all of it at the end."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.window.test_vocab import click_entry


def shown_progress(window: MainWindow) -> str:
    """What the library list's progress column shows for the open lesson, once the position is saved."""
    window.article.report_position()
    model = window.panel.lessons_model
    assert window.lesson is not None and window.lesson.id is not None
    return str(model.index(model.row_of(window.lesson.id), 2).data())


def percent(text: str) -> int:
    return 100 if text == "✓" else int(text.rstrip("%"))


def test_opening_a_lesson_reads_nothing_yet(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.wait(50)
    assert percent(shown_progress(window)) == 0


def test_clicking_a_word_in_the_sidebar_does_not_count_the_jump_as_read(qtbot: QtBot, window: MainWindow) -> None:
    click_entry(qtbot, window, "privacy")  # its only occurrence is two thirds in
    assert "privacy" in window.article.visible_text()
    assert percent(shown_progress(window)) < 10


def test_reading_to_the_end_with_page_down_is_finished(qtbot: QtBot, window: MainWindow) -> None:
    window.article.setFocus()
    bar = window.article.verticalScrollBar()
    seen = []
    while bar.value() < bar.maximum():
        qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
        seen.append(percent(shown_progress(window)))
    assert seen == sorted(seen) and 0 < seen[0] < 60
    assert shown_progress(window) == "✓"
    assert window.library.lessons.get(window.current_id()) is not None  # type: ignore[arg-type]


def test_half_way_shows_about_half(qtbot: QtBot, window: MainWindow) -> None:
    window.article.setFocus()
    bar = window.article.verticalScrollBar()
    while bar.value() < bar.maximum() / 2:
        qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    assert 20 <= percent(shown_progress(window)) <= 70
