"""The window on a library it cannot write: it says "read-only" and changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from library import Library
from reader.app import run_app
from tests.helpers import pretend_read_only_mount

PAGE = Path(__file__).resolve().parents[2] / "data" / "pages" / "interleaved_zh.txt"


def test_a_read_only_library_is_refused_in_one_line_and_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read-only as on a read-only mount: statvfs reports ST_RDONLY (root ignores chmod)."""
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.lessons.import_file(PAGE)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    names = sorted(p.name for p in tmp_path.iterdir())
    pretend_read_only_mount(monkeypatch)
    shot = tmp_path / "shot.png"
    assert run_app(["--library", str(path), "--screenshot", str(shot)]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and "damaged" not in err and err.count("\n") == 1
    assert not shot.exists()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names


def test_the_damaged_library_dialog_names_the_path_and_the_restore_command_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from library.errors import LibraryDamaged
    from reader import app

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        app.dialogs, "failure", lambda parent, title, text, hint, details="": shown.append((text, hint))
    )
    path = tmp_path / "lib.db"
    app.library_failure_dialog(path, LibraryDamaged(path, "quick_check: page 4", "Restore it with: study-reader …"))
    [(text, hint)] = shown
    assert f"{text} {hint}".count(str(path)) == 2  # in the message, and in the command's --library
    assert f"{text} {hint}".count("study-reader restore") == 1 and "--library" in hint
