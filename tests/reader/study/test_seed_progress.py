"""Marking known words that takes a while shows its progress, and Cancel marks nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from library import Library
from library.study import seeding
from reader.mainwindow import MainWindow
from tests.reader.study.test_levels_window import _click, _seed_dialog


@pytest.fixture
def slow_words(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Finding the words waits until the test lets it go on (as a slow machine makes a reader wait)."""
    go_on = threading.Event()
    real = seeding.prepare

    def prepare(terms: Iterable[str], meanings: dict[str, str] | None = None) -> seeding.Prepared:
        go_on.wait(30)
        return real(terms, meanings)

    monkeypatch.setattr(seeding, "prepare", prepare)
    return go_on


def progress_of(window: MainWindow) -> QProgressDialog | None:
    found = window.findChild(QProgressDialog, "SeedProgress")
    return found if found is not None and found.isVisible() else None


def test_a_slow_marking_shows_progress_and_ends_it(
    qtbot: QtBot, window: MainWindow, library: Library, slow_words: threading.Event
) -> None:
    dialog = _seed_dialog(qtbot, window)
    _click(qtbot, dialog, "SeedMark")
    qtbot.waitUntil(lambda: progress_of(window) is not None, timeout=5000)
    progress = progress_of(window)
    assert progress is not None and progress.labelText() == "Finding the words…"
    slow_words.set()
    qtbot.waitUntil(dialog.mark_button.isEnabled, timeout=30_000)
    assert progress_of(window) is None
    assert dialog.result_label.text().endswith("words marked known from CEFR A1–A2.")
    assert library.study.words.counts()["known"] > 500


def test_cancel_marks_nothing(qtbot: QtBot, window: MainWindow, library: Library, slow_words: threading.Event) -> None:
    dialog = _seed_dialog(qtbot, window)
    _click(qtbot, dialog, "SeedMark")
    qtbot.waitUntil(lambda: progress_of(window) is not None, timeout=5000)
    progress = progress_of(window)
    assert progress is not None
    button = progress.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == "Cancelled: no words marked." and dialog.mark_button.isEnabled()
    slow_words.set()  # the words found after all are dropped
    qtbot.wait(1500)
    assert library.study.words.counts()["known"] == 0 and not dialog.undo_button.isEnabled()
