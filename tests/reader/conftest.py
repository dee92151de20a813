"""Reader test setup: a library in tmp_path with the reference lesson, settings in tmp_path, no modal dialogs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from library import Library
from reader.article.view import ArticleView
from reader.mainwindow import MainWindow
from reader.window import dialogs
from tests.conftest import REFERENCE


@dataclass
class DialogLog:
    """Calls made to reader.window.dialogs, and the answers the patched dialogs give."""

    calls: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    confirm: bool = True
    text: str | None = "Renamed lesson"
    translation: str | None = "私の訳です。"
    files: list[str] = field(default_factory=list)
    choice: int | None = 0  # the button dialogs.choose answers with (None: Cancel)

    def names(self) -> list[str]:
        """Which dialogs were opened, in order."""
        return [name for name, _ in self.calls]


@pytest.fixture
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> DialogLog:
    """Replace every modal dialog so nothing blocks; record what was asked."""
    log = DialogLog()

    def record(name: str, answer: Any) -> Any:
        def fake(*args: Any) -> Any:
            log.calls.append((name, args))
            return answer() if callable(answer) else answer
        return fake

    monkeypatch.setattr(dialogs, "confirm", record("confirm", lambda: log.confirm))
    monkeypatch.setattr(dialogs, "inform", record("inform", None))
    monkeypatch.setattr(dialogs, "choose", record("choose", lambda: log.choice))
    monkeypatch.setattr(dialogs, "error", record("error", None))
    monkeypatch.setattr(dialogs, "failure", record("failure", None))
    monkeypatch.setattr(dialogs, "ask_text", record("ask_text", lambda: log.text))
    monkeypatch.setattr(dialogs, "ask_translation", record("ask_translation", lambda: log.translation))
    monkeypatch.setattr(dialogs, "choose_files", record("choose_files", lambda: list(log.files)))
    monkeypatch.setattr(dialogs, "choose_font", record("choose_font", None))
    monkeypatch.setattr(dialogs, "about", record("about", None))
    return log


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a file under tmp_path (the dictionary is not prepared at start-up unless a test asks).
    QSettings() of the application's own is under tmp_path too (tests/conftest.py)."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("dictionary/prepare_at_start", False)
    return settings


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """An empty library in tmp_path."""
    lib = Library(tmp_path / "reader-test.db")
    yield lib
    lib.close()


@pytest.fixture
def reference_id(library: Library) -> int:
    """The reference lesson (tests/data/reference/night_trains.txt) imported into the library."""
    return library.lessons.import_file(REFERENCE).lesson_id


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings: QSettings, dialog_log: DialogLog,
           reference_id: int) -> Iterator[MainWindow]:
    """The main window, shown offscreen at 1280×800, on the reference lesson (levelled, as the window's
    own import levels it: nothing is left for the window to have levelled in a process of its own)."""
    library.study.levels.level_pending()
    win = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.open_lesson(reference_id)
    yield win
    win.close()  # before the library closes: closing saves the reading position


def index_of(window: MainWindow, start: str) -> int:
    """The lesson block index of the paragraph beginning with `start`."""
    assert window.lesson is not None
    norm = start.replace("'", "’")
    return next(i for i, b in enumerate(window.lesson.blocks) if b.text.startswith((start, norm)))


def point_of(view: ArticleView, text: str, after: int = 0) -> QPoint:
    """The on-screen (viewport) centre of the first `text` at or after document position `after`,
    scrolling it into view first as a reader would."""
    cursor = view.document().find(text, after, QTextDocument.FindFlag.FindCaseSensitively)
    assert not cursor.isNull(), f"{text!r} is not in the article"
    start = QTextCursor(view.document())
    start.setPosition(cursor.selectionStart())
    rect = view.cursorRect(start)
    if not view.viewport().rect().adjusted(0, 20, 0, -40).contains(rect.topLeft()):
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - view.viewport().height() // 3)
        rect = view.cursorRect(start)
    end = QTextCursor(view.document())
    end.setPosition(cursor.selectionEnd())
    end_rect = view.cursorRect(end)
    right = end_rect.left() if end_rect.top() == rect.top() else rect.left() + 8
    return QPoint((rect.left() + right) // 2, rect.center().y())


@pytest.fixture(scope="session", autouse=True)
def _one_application(qapp: QApplication) -> QApplication:
    """One QApplication for the whole run, made before the first test: a command-line test that runs
    the window's start (which makes an application and lets it go) would otherwise leave the next
    window test a second application object to make, which aborts the process in a subset run."""
    return qapp
