"""A session that dies leaves a report that the next start shows: what happened, and where it and the log are."""

from __future__ import annotations

import json
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

# The window started as `study-reader --library PATH` is; each dialog it opens is printed, not shown.
START = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import reader.app as app_module
from reader.window import dialogs

def close_all():
    for w in QApplication.topLevelWidgets():
        w.close()

def failure(_parent, title, text, what_to_do, details):
    print(json.dumps([title, text, what_to_do, details]), flush=True)
    QTimer.singleShot(0, close_all)

dialogs.failure = failure
original = app_module._application
def patched(shooting):
    app = original(shooting)
    QTimer.singleShot(8000, close_all)  # a start that says nothing ends too
    return app
app_module._application = patched
sys.exit(app_module.run_app(sys.argv[1:]))
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


def test_the_next_start_of_the_window_shows_the_report(tmp_path: Path) -> None:
    assert run_child(SEGFAULT) != 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    res = subprocess.run([sys.executable, "-c", START, "--library", str(tmp_path / "lib.db")],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert res.returncode == 0, res.stderr
    shown = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("[")]
    assert len(shown) == 1, f"the start showed {shown}"
    _title, text, what_to_do, _details = shown[0]
    assert text.startswith("Study Reader stopped unexpectedly last time") and "Segmentation fault" in text
    assert str(log_path()) in what_to_do


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


def test_a_terminate_request_closes_the_window_cleanly(tmp_path: Path) -> None:
    """A logout sends SIGTERM: the window closes as its Quit does, and the next start reports nothing."""
    import signal
    import time

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    start = [sys.executable, "-c", START.replace("8000", "60000"), "--library", str(tmp_path / "lib.db")]
    child = subprocess.Popen(start, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    running = crash_dir() / f"running-{child.pid}.txt"
    try:
        deadline = time.monotonic() + 60
        while not running.exists() and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.1)
        assert running.exists(), child.stderr.read() if child.poll() is not None and child.stderr else "not started"
        time.sleep(1.0)  # the window up and settled
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err
    assert not running.exists()
    assert [r.pid for r in CrashReports().pending()] == []
    assert not (tmp_path / f"lib.db.session-{child.pid}").exists()  # the library closed as on Quit
