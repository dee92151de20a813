"""`study-reader --help` shows the window's options beside the commands; `--version` is the installed one."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from reader import window_args
from reader.__main__ import main

REPO = Path(__file__).resolve().parents[1]


def test_help_shows_the_window_options_and_the_commands() -> None:
    done = subprocess.run([sys.executable, "-m", "reader", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for word in ("FILE", "--screenshot", "--lang", "--show-all", "--install-desktop", "--uninstall-desktop",
                 "--library", "--profile", "--lesson", "import", "lookup"):
        assert word in done.stdout, word
    # What the FILE help says is what happens: the last file imported is the one shown.
    assert "the last one imported" in " ".join(done.stdout.split()) and "the first opens" not in done.stdout


def test_help_does_not_load_qt() -> None:
    code = "import sys\nfrom reader.__main__ import main\nmain(['--help'])\nprint('PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines()[-1] == "False"


def test_version_is_the_installed_distributions(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "9.8.7" if name == "study-reader" else "")
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == "study-reader 9.8.7\n"

    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)  # a checkout, or a build without metadata
    assert main(["--version"]) == 0
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert capsys.readouterr().out == f"study-reader {project}\n" and project == window_args.PROJECT_VERSION
