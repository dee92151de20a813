"""Shared test setup: an offscreen Qt platform, a library and data folder in tmp_path, and the reference lesson.

The reference lesson (tests/data/reference/night_trains.txt) is our own page in the seed page's layout, so
the whole suite runs in a clone. Only the tests of the seed page's exact import read ../shared/seeds.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
SEED = SEEDS / "000_e3543465f285a1b2.txt"
NO_SEED = f"the seed page is not at {SEED} (../shared/seeds beside the repository); only its exact import is skipped"
REFERENCE = REPO / "tests" / "data" / "reference" / "night_trains.txt"
PAGES = REPO / "tests" / "data" / "pages"


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the default library, data and settings folders at tmp_path for every test."""
    monkeypatch.setenv("STUDY_READER_LIBRARY", str(tmp_path / "library.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("STUDY_READER_DICTIONARY_DIR", str(tmp_path / "dictionary-cache"))
    # Beside tmp_path, not in it: tests count the files a command leaves in their folder.
    _isolated_settings(tmp_path.parent / f"{tmp_path.name}-qsettings")


def _isolated_settings(folder: Path) -> None:
    """QSettings() of this test in a folder of its own, under the application's own names.

    Qt reads XDG_CONFIG_HOME once, at a process's first QSettings, so the variable alone left every
    later test reading and writing the first one's file; the window's start names the application,
    which moved them again. Every scope and format is pointed here, the system's too (its fallbacks
    would be read otherwise)."""
    folder.mkdir(parents=True, exist_ok=True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder / scope.name))
    QCoreApplication.setOrganizationName("study-reader")
    QCoreApplication.setApplicationName("Study Reader")


@pytest.fixture
def reference_bytes() -> bytes:
    """The reference lesson's page, as bytes."""
    return REFERENCE.read_bytes()


@pytest.fixture
def reference_path() -> Path:
    """The reference lesson's page."""
    return REFERENCE


@pytest.fixture
def seed_bytes() -> bytes:
    """The seed page's bytes (skipped, saying why, where ../shared/seeds is absent)."""
    if not SEED.exists():
        pytest.skip(NO_SEED)
    return SEED.read_bytes()
