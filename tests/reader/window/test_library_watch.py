"""The library list follows the library: a lesson imported by the command line while the window is
up appears in it, the samples of a first start have their Difficulty at once, and the list's
selection follows the lesson open however it was opened."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.study_data import write_other_lesson

ROOT = Path(__file__).resolve().parents[3]


def titles(window: MainWindow) -> list[str]:
    model = window.panel.lessons_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def difficulty(window: MainWindow) -> list[str]:
    model = window.panel.lessons_model
    return [model.index(r, 3).data() or "" for r in range(model.rowCount())]


def test_a_lesson_imported_by_the_command_line_appears_in_the_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    before = titles(window)
    page = write_other_lesson(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "reader", "import", str(page), "--library", str(window.library.path)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    window.activateWindow()
    qtbot.waitUntil(lambda: len(titles(window)) == len(before) + 1, timeout=10000)
    assert "Schools Give Students More Autonomy" in titles(window)
    assert all(difficulty(window)), "the new lesson's Difficulty is shown"
    assert window.panel.current_lesson_id() == window.current_id()  # the open lesson stays selected


def test_the_samples_of_a_first_start_show_their_difficulty(qtbot: QtBot, tmp_path: Path) -> None:
    from reader.app import open_window, parse_args

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ns = parse_args(["--library", str(tmp_path / "first.db")])
    with Library(tmp_path / "first.db") as library:
        window = open_window(ns, library, settings, interactive=False, show=lambda w: w.show())
        qtbot.addWidget(window)
        assert library.lessons.count() >= 2
        qtbot.waitUntil(lambda: all(difficulty(window)), timeout=20000)
        window.close()


def test_the_list_selection_follows_the_lesson_opened(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    reference = window.current_id()
    other = window.library.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    window.refresh_lessons()
    assert window.panel.current_lesson_id() == reference
    window.panel.search.setFocus()
    qtbot.keyClicks(window.panel.search, "autonomy")
    qtbot.waitUntil(lambda: window.panel.results_model.rowCount() > 0, timeout=5000)
    qtbot.keyClick(window.panel.search, Qt.Key.Key_Return)
    assert window.current_id() == other
    window.panel.search.clear()
    QApplication.processEvents()
    assert window.panel.current_lesson_id() == other
    window.study.place_requested.emit(reference, 1)  # My words: open the lesson at a word's sentence
    assert window.current_id() == reference and window.panel.current_lesson_id() == reference
    # The arrow keys move the list's selection without opening; opening the open lesson selects it back.
    view = window.panel.lessons_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up if window.panel.lessons_model.row_of(other) == 0 else Qt.Key.Key_Down)
    assert window.panel.current_lesson_id() == other and window.current_id() == reference
    window.study.place_requested.emit(reference, 1)
    assert window.panel.current_lesson_id() == reference


def test_a_levelling_that_ends_after_the_library_closed_shows_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    """The window's start can close its library while `study-reader level` still runs: its end says nothing."""
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QWidget

    from reader.window.library_watch import LibraryWatch

    parent = QWidget()
    qtbot.addWidget(parent)
    library = Library(tmp_path / "closed.db")
    watch = LibraryWatch(library, parent)
    said: list[str] = []
    watch.changed.connect(lambda: said.append("changed"))
    watch.levelled.connect(lambda: said.append("levelled"))
    library.close()
    watch._levelled(0, QProcess.ExitStatus.NormalExit)
    assert said == []
