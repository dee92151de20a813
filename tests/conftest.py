"""Shared test setup: an offscreen Qt platform, and a library and data folder in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
REFERENCE = SEEDS / "000_e3543465f285a1b2.txt"
PAGES = REPO / "tests" / "data" / "pages"


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the default library, data and settings folders at tmp_path for every test."""
    monkeypatch.setenv("STUDY_READER_LIBRARY", str(tmp_path / "library.store.connection"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def reference_bytes() -> bytes:
    """The reference page's bytes (skipped where ../shared/seeds is absent)."""
    if not REFERENCE.exists():
        pytest.skip(f"reference page not found at {REFERENCE} (../shared/seeds is absent)")
    return REFERENCE.read_bytes()


@pytest.fixture
def reference_path() -> Path:
    """The reference page's path (skipped where ../shared/seeds is absent)."""
    if not REFERENCE.exists():
        pytest.skip(f"reference page not found at {REFERENCE} (../shared/seeds is absent)")
    return REFERENCE
