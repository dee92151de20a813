"""A lesson whose whole text fits on one screen has nothing to scroll: it counts as read once the
reader has had it on screen a while, or at once when they press End or scroll on, and that is what the
library list shows, what is saved and what a restart shows. Opening it and leaving at once, or a resize
that makes a longer lesson fit, reads nothing by itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from library import Library
from reader.article.whole_screen import WHOLE_SCREEN_READ_MS
from reader.mainwindow import MainWindow
from tests.reader.study.test_my_words import open_page
from tests.study_data import write_other_lesson

# Eight short paragraphs (our own words): longer than a small window, whole in a tall one.
MEDIUM_LESSON = "Harbour Cats Keep the Fish Market Busy\n\n" + "\n\n".join(
    f"On morning number {n} the harbour cats walked along the quay, and the sellers gave them "
    "small fish while the boats came in with the tide and the gulls circled over the nets." for n in range(1, 9)
)


def listed(window: MainWindow, lesson_id: int) -> str:
    """What the library list's progress column shows for a lesson now (nothing is reported for the test)."""
    model = window.panel.lessons_model
    return str(model.index(model.row_of(lesson_id), 2).data())


def stored(library: Library, lesson_id: int) -> tuple[float, bool]:
    row = next(r for r in library.study.progress.levels() if r.lesson_id == lesson_id)
    return row.progress, row.finished


def open_window(qtbot: QtBot, library: Library, settings, lesson_id: int, size=(1280, 800)) -> MainWindow:
    win = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.open_lesson(lesson_id)
    QApplication.processEvents()
    return win


@pytest.fixture
def short_id(library: Library, tmp_path: Path) -> int:
    lesson_id = library.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    assert lesson_id is not None
    library.study.levels.level_pending()
    return lesson_id


@pytest.fixture
def short(qtbot: QtBot, library: Library, settings, dialog_log, short_id: int) -> Iterator[MainWindow]:
    win = open_window(qtbot, library, settings, short_id)
    bar = win.article.verticalScrollBar()
    assert bar.maximum() == 0  # the whole lesson is on screen
    yield win
    win.close()


def test_a_short_lesson_on_screen_a_while_is_read_saved_and_read_after_a_restart(
    qtbot: QtBot, short: MainWindow, library: Library, settings, short_id: int
) -> None:
    qtbot.wait(WHOLE_SCREEN_READ_MS // 2)
    assert listed(short, short_id) == "0%"  # not read at a glance
    qtbot.waitUntil(lambda: listed(short, short_id) == "✓", timeout=WHOLE_SCREEN_READ_MS)
    assert stored(library, short_id) == (1.0, True)
    short.close()
    again = open_window(qtbot, library, settings, short_id)
    assert listed(again, short_id) == "✓"
    again.close()


@pytest.mark.parametrize("key", [Qt.Key.Key_End, Qt.Key.Key_PageDown, Qt.Key.Key_Space])
def test_end_or_page_down_on_a_short_lesson_reads_it_at_once(
    qtbot: QtBot, short: MainWindow, library: Library, short_id: int, key: Qt.Key
) -> None:
    short.article.setFocus()
    qtbot.keyClick(short.article, key)
    assert listed(short, short_id) == "✓"
    assert stored(library, short_id) == (1.0, True)


def test_scrolling_the_wheel_on_a_short_lesson_reads_it_at_once(
    qtbot: QtBot, short: MainWindow, short_id: int
) -> None:
    viewport = short.article.viewport()
    at = QPointF(viewport.rect().center())
    up = QWheelEvent(at, QPointF(viewport.mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, 120),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, up)
    assert listed(short, short_id) == "0%"  # up, towards the start: not reading on
    down = QWheelEvent(at, QPointF(viewport.mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, -120),
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, down)
    assert listed(short, short_id) == "✓"


def test_leaving_a_short_lesson_at_once_reads_nothing(
    qtbot: QtBot, short: MainWindow, library: Library, short_id: int, reference_id: int
) -> None:
    qtbot.wait(WHOLE_SCREEN_READ_MS // 3)
    short.open_lesson(reference_id)
    qtbot.wait(WHOLE_SCREEN_READ_MS + 300)
    assert listed(short, short_id) == "0%" and stored(library, short_id) == (0.0, False)


def test_a_short_lesson_behind_another_page_is_not_read_until_it_is_shown_again(
    qtbot: QtBot, short: MainWindow, short_id: int
) -> None:
    open_page(qtbot, short)  # My words covers the article
    qtbot.wait(WHOLE_SCREEN_READ_MS + 300)
    assert listed(short, short_id) == "0%"
    qtbot.keyClick(short.study.my_words.table, Qt.Key.Key_Escape)  # back to the lesson
    qtbot.waitUntil(lambda: short.article.isVisible())
    qtbot.waitUntil(lambda: listed(short, short_id) == "✓", timeout=WHOLE_SCREEN_READ_MS + 1000)


def test_a_resize_that_shows_a_whole_lesson_reads_nothing_by_itself(
    qtbot: QtBot, library: Library, settings, dialog_log, tmp_path: Path
) -> None:
    path = tmp_path / "harbour_cats.txt"
    path.write_text(MEDIUM_LESSON, encoding="utf-8")
    lesson_id = library.lessons.import_file(path).lesson_id
    assert lesson_id is not None
    win = open_window(qtbot, library, settings, lesson_id, size=(640, 480))
    bar = win.article.verticalScrollBar()
    assert bar.maximum() > 0
    win.resize(1280, 1400)
    qtbot.waitUntil(lambda: bar.maximum() == 0)
    win.article.report_position()  # what is saved the moment after the resize
    assert listed(win, lesson_id) == "0%"
    qtbot.waitUntil(lambda: listed(win, lesson_id) == "✓", timeout=WHOLE_SCREEN_READ_MS + 1000)
    win.close()
