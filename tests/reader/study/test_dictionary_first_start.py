"""The first start: the window prepares the dictionary in the background with a progress bar, a lookup
meanwhile says so, and the open card fills in when the dictionary is ready (built from a small JMdict)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from library import Library
from library.study import dictionary as dictionary_module
from library.study import dictionary_table
from library.study.jmdict import jmdict_rows
from reader.mainwindow import MainWindow
from tests.conftest import SEED
from tests.jmdict_fixture import write_mini_jmdict
from tests.reader.conftest import DialogLog
from tests.reader.study.test_study_window import double_click
from tests.study_data import write_other_lesson

HOLD_AT = 0.45  # the build waits here until the test lets it go on, so its progress can be seen


@pytest.fixture
def held_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The small JMdict as the installed data, and a build that pauses once past HOLD_AT until released."""
    source = write_mini_jmdict(tmp_path / "jamdict" / "jamdict.db")
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: source)
    release = threading.Event()

    def rows(jm: Any, progress: Callable[[float], None] | None = None, cancelled: Any = None) -> Any:
        def report(share: float) -> None:
            if progress is not None:
                progress(share)
            if share >= HOLD_AT:
                release.wait(20)

        return jmdict_rows(jm, report, cancelled)

    monkeypatch.setattr(dictionary_table, "jmdict_rows", rows)
    yield release  # type: ignore[misc]
    release.set()


@pytest.fixture
def first_start(qtbot: QtBot, library: Library, settings: QSettings, dialog_log: DialogLog,
                tmp_path: Path, held_build: threading.Event) -> Iterator[MainWindow]:
    """A window started for the first time on this machine (no dictionary table yet)."""
    settings.setValue("dictionary/prepare_at_start", True)
    lesson = library.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    win = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.open_lesson(lesson)
    yield win
    win.close()


def test_first_start_shows_progress_and_the_card_fills_in(
    qtbot: QtBot, first_start: MainWindow, held_build: threading.Event
) -> None:
    window, study = first_start, first_start.study
    panel = study.dictionary.panel
    qtbot.waitUntil(lambda: panel.isVisible() and panel.bar.value() >= HOLD_AT * 100, timeout=30_000)
    assert panel.label.text() == "Preparing the dictionary…"
    shown = panel.bar.value()

    double_click(qtbot, window, "models")  # saved while the dictionary is not ready: no meaning yet
    qtbot.keyClick(study.card, "1")
    saved = study.study.words.get("models")
    assert saved is not None and saved.gloss == ""

    double_click(qtbot, window, "autonomy")
    card = study.card
    assert card.isVisible()
    text = card.text()
    assert f"The dictionary is being prepared ({shown}%)…" in text
    assert "自治" not in text and "the power to make your own choices" in text  # the lesson's entry already

    held_build.set()
    qtbot.waitUntil(lambda: "自治" in card.text(), timeout=30_000)  # the open card fills in
    assert card.isVisible() and "being prepared" not in card.text()
    assert card.text().index("自治") < card.text().index("自主性")
    assert not panel.isVisible()
    assert window.statusBar().currentMessage() == "The offline dictionary is ready."
    saved = study.study.words.get("models")
    assert saved is not None and "模型" in saved.gloss  # filled in once the dictionary could give it
    assert not dictionary_table.lock_path().exists()


def test_japanese_headwords_are_larger_than_the_text(
    qtbot: QtBot, first_start: MainWindow, held_build: threading.Event
) -> None:
    held_build.set()
    study = first_start.study
    qtbot.waitUntil(lambda: study.study.dictionary.jmdict_state() == "ready", timeout=30_000)
    double_click(qtbot, first_start, "autonomy")
    html = study.card.text()
    size = re.search(r"font-size:([\d.]+)pt; font-weight:600'>自治<", html)
    assert size is not None, html
    assert float(size.group(1)) >= 1.3 * study.card.body.font().pointSizeF()


def test_a_second_window_waits_for_the_first_ones_build(
    qtbot: QtBot, first_start: MainWindow, held_build: threading.Event, tmp_path: Path, dialog_log: DialogLog
) -> None:
    first = first_start.study.dictionary
    qtbot.waitUntil(lambda: first.panel.bar.value() >= HOLD_AT * 100, timeout=30_000)
    settings = QSettings(str(tmp_path / "second.ini"), QSettings.Format.IniFormat)
    settings.setValue("dictionary/prepare_at_start", False)  # it is asked below, at once
    with Library(tmp_path / "second.db") as other:
        second = MainWindow(other, settings, lang="en", theme="light")
        qtbot.addWidget(second)
        second.show()
        qtbot.waitExposed(second)
        second.study.dictionary.build()  # as the start-up or a lookup would
        waiting = second.study.dictionary
        qtbot.waitUntil(lambda: waiting.panel.isVisible() and waiting.panel.bar.value() >= HOLD_AT * 100)
        assert waiting.building
        held_build.set()
        qtbot.waitUntil(lambda: not waiting.building and not first.building, timeout=30_000)
        assert second.statusBar().currentMessage() == "The offline dictionary is ready."
        assert other.study.dictionary.jmdict_state() == "ready"
        second.close()


def test_closing_during_the_build_leaves_no_table(
    qtbot: QtBot, first_start: MainWindow, held_build: threading.Event
) -> None:
    dictionary = first_start.study.dictionary
    qtbot.waitUntil(lambda: dictionary.building and dictionary.panel.bar.value() >= HOLD_AT * 100, timeout=30_000)
    held_build.set()  # the build goes on and sees it was cancelled at its next step
    dictionary.shutdown()
    folder = dictionary_table.table_dir()
    assert not dictionary.building
    assert not dictionary_table.lock_path().exists()
    assert first_start.study.study.dictionary.jmdict_state() in ("unbuilt", "ready")  # whole, or nothing
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.skipif(not SEED.exists(), reason="the seed page is not beside the repository")
def test_autonomy_in_the_seed_lesson(
    qtbot: QtBot, first_start: MainWindow, held_build: threading.Event
) -> None:
    seed = first_start.library.lessons.import_file(SEED).lesson_id
    first_start.open_lesson(seed)
    held_build.set()
    study = first_start.study
    qtbot.waitUntil(lambda: study.study.dictionary.jmdict_state() == "ready" and not study.dictionary.building,
                    timeout=30_000)
    double_click(qtbot, first_start, "autonomy")
    assert "自治" in study.card.text()


def test_a_window_closed_before_the_build_begins_starts_none(
    qtbot: QtBot, first_start: MainWindow, held_build: threading.Event
) -> None:
    held_build.set()
    first_start.close()  # before the start-up build is due
    qtbot.wait(1200)
    assert not first_start.study.dictionary.building
    assert first_start.study.study.dictionary.jmdict_state() == "unbuilt"


def test_a_failed_build_says_why_and_is_not_retried_at_every_lookup(
    qtbot: QtBot, first_start: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []

    def fail(source: Path, *args: Any, **kwargs: Any) -> dict[str, Any]:
        calls.append(source)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dictionary_module, "build_table", fail)
    status = first_start.statusBar()
    qtbot.waitUntil(lambda: status.currentMessage().startswith("The dictionary could not be built"), timeout=30_000)
    assert "No space left on device" in status.currentMessage()
    double_click(qtbot, first_start, "autonomy")
    qtbot.wait(300)
    assert len(calls) == 1 and not first_start.study.dictionary.building
    assert "being prepared" not in first_start.study.card.text()


def test_word_colours_stay_through_the_first_start_build(
    qtbot: QtBot, first_start: MainWindow, held_build: threading.Event
) -> None:
    """#14: in a fresh data folder, the first lookups (while the dictionary was being built) once left
    every saved word's colour gone until a restart."""
    from tests.reader.window.test_reading import marked_texts

    window, study = first_start, first_start.study
    qtbot.waitUntil(lambda: study.dictionary.panel.isVisible(), timeout=30_000)
    for word in ("models", "autonomy"):  # looked up and saved while the build runs
        double_click(qtbot, window, word)
        qtbot.keyClick(study.card, "1")
        qtbot.keyClick(study.card, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: {"models", "autonomy"} <= marked_texts(window), timeout=5_000)
    held_build.set()
    qtbot.waitUntil(lambda: study.study.dictionary.jmdict_state() == "ready", timeout=30_000)
    qtbot.waitUntil(lambda: not study.dictionary.panel.isVisible(), timeout=30_000)
    assert {"models", "autonomy"} <= marked_texts(window)  # and after it, without a restart
