"""`--library` and `--profile` before the command name, as after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.__main__ import main

REPO = Path(__file__).resolve().parents[3]
PAGE = REPO / "tests" / "data" / "reference" / "night_trains.txt"


@pytest.fixture
def lib(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "mine.db"
    assert main(["import", str(PAGE), "--library", str(path)]) == 0
    capsys.readouterr()
    return path


@pytest.mark.parametrize("where", ["before", "after"])
def test_library_before_or_after_the_command(lib: Path, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--library", str(lib), "list"] if where == "before" else ["list", "--library", str(lib)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "Night Trains Make a Comeback Across Europe" in out, err


def test_the_option_after_the_command_wins(lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.db"
    assert main(["--library", str(other), "list", "--library", str(lib)]) == 0
    assert "Night Trains" in capsys.readouterr().out
    assert not other.exists()


def test_options_before_a_command_with_an_action(lib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `profiles list` is a command inside a command: neither level's default may hide the value given first.
    assert main(["--library", str(lib), "--profile", "Ken", "profiles", "list"]) == 0
    assert "* Ken" in capsys.readouterr().out
    assert main(["profiles", "--library", str(lib), "list"]) == 0
    assert "Ken" in capsys.readouterr().out
