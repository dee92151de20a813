"""A mistyped command with the window open is not handed to the window as files: an unknown command
word is said on stderr with status 2, and only files that are there are handed over."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from library import Library
from reader.__main__ import main
from reader.mainwindow import MainWindow
from reader.window.trust import InstanceServer
from tests.reader.window.test_trust_window import REPO, win

__all__ = ["win"]  # the fixture, used by name


def test_an_unknown_command_word_is_said_and_no_window_is_started(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import reader.app

    started: list[list[str]] = []
    monkeypatch.setattr(reader.app, "run_app", lambda args: started.append(args) or 0)
    monkeypatch.chdir(tmp_path)
    assert main(["decisions", "1", "--library", str(tmp_path / "lib.db")]) == 2
    assert "unknown command 'decisions'" in capsys.readouterr().err
    assert main(["lsit"]) == 2
    assert "did you mean 'list'?" in capsys.readouterr().err
    assert not started
    (tmp_path / "notes").write_text("A file with a bare name is still a file to import.\n", encoding="utf-8")
    assert main(["notes"]) == 0 and started == [["notes"]]


def test_only_files_that_are_there_are_handed_to_the_open_window(
        qtbot: QtBot, win: MainWindow, library: Library, tmp_path: Path) -> None:
    path = Path(str(library.path))
    server = InstanceServer(path, win)
    assert server.listen()
    page = REPO / "tests" / "data" / "pages" / "interleaved_zh.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    second = subprocess.Popen(
        [sys.executable, "-m", "reader", str(page), "no-such-page.txt", "--library", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    try:
        with qtbot.waitSignal(server.files_received, timeout=30000) as signal:
            pass
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
        _out, err = second.communicate(timeout=5)
    finally:
        if second.poll() is None:
            second.kill()
        server.close()
    assert signal.args == [[str(page)]]
    assert second.returncode == 2 and "no such file: no-such-page.txt" in err
