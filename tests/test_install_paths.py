"""The data folder is the platform's own application-data folder, the one Qt's standard paths name."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QStandardPaths

from library.facade import data_dir


def _qt_base() -> Path:
    """The folder Qt puts a user's application data under on this platform."""
    if sys.platform == "win32":  # AppDataLocation is Roaming\<organisation>\<application>: its base is Roaming
        QCoreApplication.setOrganizationName("study-reader")  # as reader/app.py names them
        QCoreApplication.setApplicationName("Study Reader")
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)).parents[1]
    # ~/.local/share ($XDG_DATA_HOME) on Linux, ~/Library/Application Support on macOS
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation))


def test_data_folder_is_where_qt_puts_application_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))  # read by both, as a desktop session sets it
    assert data_dir() == _qt_base() / "study-reader"
