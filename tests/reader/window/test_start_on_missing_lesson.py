"""Started on a lesson id the library does not have, the window says so once and shows its empty state:
the article's "No lesson open" hint and the word panel's "No lesson open.", not a blank page, a second
message in the status bar and a word panel speaking of a lesson."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from library import Library
from reader.app import open_window, parse_args
from reader.article.state import EMPTY_STATE
from reader.mainwindow import MainWindow
from tests.reader.conftest import DialogLog


def _shown(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)


def test_a_missing_lesson_id_gives_one_message_and_the_empty_state(
    qtbot: QtBot, library: Library, settings: QSettings, dialog_log: DialogLog, reference_id: int, tmp_path: Path
) -> None:
    ns = parse_args(["--library", str(tmp_path / "reader-test.db"), "--lesson", "0", "--lang", "en"])
    window = open_window(ns, library, settings, interactive=True, show=lambda w: _shown(qtbot, w))
    qtbot.wait(50)
    try:
        assert window.lesson is None
        assert [(name, args[-1]) for name, args in dialog_log.calls] == [("error", "No lesson with id 0.")]
        assert window.statusBar().currentMessage() == ""  # no second way of saying it
        assert EMPTY_STATE in window.article.visible_text()
        assert window.vocab.empty.isVisible() and window.vocab.empty.text() == "No lesson open."
        assert not window.vocab.view.isVisible()
    finally:
        window.close()
