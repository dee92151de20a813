"""The Difficulty column follows the word levels of the program that shows it: lessons a program
with other word levels levelled (an older release) are levelled again once the window is up, by
`study-reader level` in a process of its own; a library levelled as this program levels is left as it is."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.window.library_watch import LEVEL_AFTER_MS
from tests.reader.window.test_difficulty_column import expected_level, shown_unknown

# What an older levelling might have left: every running word unlisted but one, at A1.
OLD_COUNTS = "a1 = 1, a2 = 0, b1 = 0, b2 = 0, c1 = 0, c2 = 0, unlisted = 99"


def _open(qtbot: QtBot, library: Library, settings: QSettings, lesson_id: int) -> MainWindow:
    window = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_lesson(lesson_id)
    return window


def test_lessons_levelled_by_other_word_levels_are_levelled_again_in_the_window(
    qtbot: QtBot, library: Library, settings: QSettings, reference_id: int
) -> None:
    library.study.levels.level_pending()
    right = f"100% {expected_level(library, reference_id)}"
    library.db.execute(f"UPDATE lesson_levels SET {OLD_COUNTS}, levels_version = 'levels|0'")
    library.db.conn.commit()
    window = _open(qtbot, library, settings, reference_id)
    assert shown_unknown(window, reference_id) == "100% C2"  # the old numbers, until the levelling ends
    qtbot.waitUntil(lambda: shown_unknown(window, reference_id) == right, timeout=30000)
    assert library.study.levels.pending() == 0
    window.close()


def test_a_library_levelled_as_this_program_levels_is_left_as_it_is(
    qtbot: QtBot, library: Library, settings: QSettings, reference_id: int
) -> None:
    library.study.levels.level_pending()
    library.db.execute(f"UPDATE lesson_levels SET {OLD_COUNTS}")  # the stamp kept: taken for this program's
    library.db.conn.commit()
    window = _open(qtbot, library, settings, reference_id)
    qtbot.wait(LEVEL_AFTER_MS + 500)
    assert window.watch.wait_for_levels()
    assert shown_unknown(window, reference_id) == "100% C2"
    found = library.study.levels.of(reference_id)
    assert found is not None and found.counts["unlisted"] == 99
    window.close()
