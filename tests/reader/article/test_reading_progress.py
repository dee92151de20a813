"""Reading progress counts what was read: not the first screen, not a jump to a word, all of it at the end."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from library.study.progress import LessonLevel
from reader.mainwindow import MainWindow
from reader.study.progress_view import LevelsModel
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


def test_almost_all_read_is_not_shown_as_all(qtbot: QtBot, window: MainWindow) -> None:
    assert window.lesson is not None and window.lesson.id is not None
    model = window.panel.lessons_model
    window.article.position_changed.emit(0, 0.995)  # what the article reports a few lines before the end
    assert str(model.index(model.row_of(window.lesson.id), 2).data()) == "99%"
    window.article.position_changed.emit(0, 1.0)
    assert str(model.index(model.row_of(window.lesson.id), 2).data()) == "✓"


def test_the_progress_table_never_rounds_up_to_all() -> None:
    rows = [LessonLevel(1, "A", 900, 204, 203, False, 0.996), LessonLevel(2, "B", 900, 204, 1, False, 0.001)]
    model = LevelsModel(rows, str)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.index(0, 2).data() == "99%  (203/204)" and model.index(0, 3).data() == "99%"
    assert model.index(1, 2).data() == "1%  (1/204)"  # one unknown word is not none
