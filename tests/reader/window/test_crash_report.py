"""A session that dies leaves a report that the next start shows: what happened, and where it and the log are."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader.mainwindow import MainWindow
from reader.window.crash_report import CrashReports, crash_dir, show_crash_reports
from reader.window.trust import log_path
from tests.reader.conftest import DialogLog
from tests.reader.window.test_trust_window import win  # noqa: F401  (a fixture)

REPO = Path(__file__).resolve().parents[3]

SEGFAULT = """
import ctypes
from reader.window.crash_report import CrashReports
CrashReports().begin()
ctypes.string_at(0)  # what a fault in Qt's C++ does to the process
"""

ERROR_THEN_KILLED = """
import os, signal, sys
from reader.window import dialogs
from reader.window.crash_report import CrashReports
from reader.window.trust import ErrorReporter
dialogs.failure = lambda *a: None  # no screen here; the window would show it
reports = CrashReports()
reports.begin()
reporter = ErrorReporter(lambda: None, on_error=reports.record_error)
try:
    raise ValueError("the note could not be saved")
except ValueError as exc:
    reporter(type(exc), exc, exc.__traceback__)
os.kill(os.getpid(), signal.SIGKILL)
"""

CLEAN = """
from reader.window.crash_report import CrashReports
reports = CrashReports()
reports.begin()
reports.end()
"""


def run_child(code: str) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60).returncode


def test_a_fatal_fault_is_shown_on_the_next_start(win: MainWindow, dialog_log: DialogLog) -> None:  # noqa: F811
    assert run_child(SEGFAULT) != 0
    assert show_crash_reports(win, CrashReports(), log_path()) == 1
    assert dialog_log.names() == ["failure"]
    _parent, _title, text, what_to_do, details = dialog_log.calls[0][1]
    assert text.startswith("Study Reader stopped unexpectedly last time") and "Segmentation fault" in text
    assert str(log_path()) in what_to_do
    kept = next((crash_dir() / "reported").glob("crash-*.txt"))
    assert str(kept) in what_to_do and "Segmentation fault" in kept.read_text(encoding="utf-8")
    assert "Fatal Python error" in details and "string_at" in details  # where it happened
    dialog_log.calls.clear()
    assert show_crash_reports(win, CrashReports(), log_path()) == 0  # said once
    assert dialog_log.names() == []


def test_an_error_before_the_process_was_killed_is_shown_on_the_next_start(
    win: MainWindow, dialog_log: DialogLog  # noqa: F811
) -> None:
    assert run_child(ERROR_THEN_KILLED) != 0
    assert show_crash_reports(win, CrashReports(), log_path()) == 1
    _parent, _title, text, _what_to_do, details = dialog_log.calls[0][1]
    assert "ValueError: the note could not be saved" in text
    assert "Traceback" in details


def test_a_clean_exit_leaves_nothing_to_report(win: MainWindow, dialog_log: DialogLog) -> None:  # noqa: F811
    assert run_child(CLEAN) == 0
    assert show_crash_reports(win, CrashReports(), log_path()) == 0
    assert dialog_log.names() == []


def test_a_session_still_running_is_not_reported(win: MainWindow, dialog_log: DialogLog) -> None:  # noqa: F811
    folder = crash_dir()
    folder.mkdir(parents=True)
    (folder / f"running-{os.getpid()}.txt").write_text("2026-01-01 10:00:00", encoding="utf-8")
    assert show_crash_reports(win, CrashReports(), log_path()) == 0
