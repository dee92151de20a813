"""A jump moves the reading position and never the share read: opening a word's sentence from My
words, a search hit or a word-list word near the end of a lesson leaves it unfinished, in the
library list, in `list --json`'s figures and in Read next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.article.test_reading_progress import percent, shown_progress
from tests.reader.study.test_my_words import click, open_page
from tests.reader.window.test_search_marks import open_first_hit
from tests.study_data import write_other_lesson


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Let the article show and lay itself out again, as it does once the window is back on screen."""
    QApplication.processEvents()
    qtbot.wait(600)  # past the position timer: the position is saved as the window saves it


def stored(window: MainWindow) -> tuple[float, bool]:
    """The lesson's saved progress and finished mark (what `list --json` and Read next read)."""
    lesson_id = window.current_id()
    row = next(r for r in window.library.study.progress.levels() if r.lesson_id == lesson_id)
    return row.progress, row.finished


def last_paragraph(window: MainWindow) -> int:
    return max(window.article.paragraphs())


def test_enter_on_a_word_of_the_last_paragraph_in_my_words_reads_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path
) -> None:
    lesson = window.lesson
    assert lesson is not None and lesson.id is not None
    last = last_paragraph(window)
    window.library.study.words.save("zenith", "new", gloss="頂点", sentence=lesson.blocks[last].text,
                                    lesson_id=lesson.id, block_pos=last)
    other = window.library.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    assert other is not None
    window.open_lesson(other)
    page = open_page(qtbot, window)
    click(qtbot, page, "zenith")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.current_id() == lesson.id and window.article.focus_index == last
    assert percent(shown_progress(window)) == 0
    assert stored(window) == (0.0, False)
    bar = window.article.verticalScrollBar()
    assert bar.value() == bar.maximum()  # the jump landed at the end
    # Scrolling on from there is reading: up a little and back down to the end reads the last screen.
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_PageUp)
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    assert 0 < percent(shown_progress(window)) < 100


def test_a_search_hit_in_the_last_paragraph_reads_nothing(qtbot: QtBot, window: MainWindow) -> None:
    assert window.lesson is not None
    words = window.lesson.blocks[last_paragraph(window)].text.split()[:4]
    open_first_hit(qtbot, window, " ".join(words))
    settle(qtbot, window)
    assert window.article.focus_index == last_paragraph(window)
    assert percent(shown_progress(window)) == 0
    assert stored(window) == (0.0, False)


def test_the_place_a_card_asks_for_reads_nothing(qtbot: QtBot, window: MainWindow) -> None:
    lesson_id = window.current_id()
    assert lesson_id is not None
    window.study.place_requested.emit(lesson_id, last_paragraph(window))  # "open the lesson at this sentence"
    settle(qtbot, window)
    assert percent(shown_progress(window)) == 0
    assert stored(window) == (0.0, False)
