"""The window's library check: in the background once the window shows, and a damaged file is
reported with the way to restore it instead of being used."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from library import Library
from library.store.sessions import needs_check
from reader.window.maintenance import Maintenance
from tests.helpers import damage as _damage

PAGE = b"Rivers Rise\n\nThe river rose after a week of rain in the valley.\n\n" + "川が増水した。".encode()


def _library(tmp_path: Path) -> Path:
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        for i in range(30):
            lib.lessons.import_bytes(PAGE + f"\n{i}\n".encode(), f"p{i}.txt")
    return path


def test_a_sound_library_passes_and_is_backed_up(qtbot: QtBot, tmp_path: Path) -> None:
    path = _library(tmp_path)
    upkeep = Maintenance(path)
    damaged: list[str] = []
    upkeep.damaged.connect(damaged.append)
    with qtbot.waitSignal(upkeep.finished, timeout=30_000):
        upkeep.start()
    assert damaged == []
    assert list((tmp_path / "lib.db.backups").glob("*.db"))


def test_a_damaged_library_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    path = _library(tmp_path)
    _damage(path)
    upkeep = Maintenance(path)
    with qtbot.waitSignal(upkeep.damaged, timeout=30_000) as blocker:
        upkeep.start()
    # The problem alone: the dialog adds the path and the restore command, once.
    assert "quick_check" in blocker.args[0] and "restore" not in blocker.args[0]


def test_the_window_checks_at_once_only_after_a_crash(tmp_path: Path) -> None:
    path = _library(tmp_path)
    assert not needs_check(path, "crash")
    lib = Library(path, check="crash")
    marker = path.with_name(f"{path.name}.session-{os.getpid()}")
    assert marker.exists()
    # A session of a process that died without closing the library:
    dead = path.with_name(f"{path.name}.session-999999999")
    dead.touch()
    assert needs_check(path, "crash")
    assert not dead.exists()
    lib.close()
    assert not marker.exists()
    assert needs_check(path, "always") and not needs_check(path, "never")
