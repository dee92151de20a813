"""Every test has settings of its own: what one test leaves in QSettings() (the window's remembered
folders, a chosen theme) is not there for the next, wherever the application's name says they live."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.mark.parametrize("turn", [1, 2, 3])
def test_each_test_starts_with_no_settings_and_keeps_them_in_its_own_folder(tmp_path: Path, turn: int) -> None:
    if turn == 3:  # as after a test that ran the window's start, which names the application
        QCoreApplication.setOrganizationName("study-reader")
        QCoreApplication.setApplicationName("Study Reader")
    settings = QSettings()
    own = tmp_path.parent / f"{tmp_path.name}-qsettings"  # beside the test's folder (tests count its files)
    assert Path(settings.fileName()).is_relative_to(own), settings.fileName()
    assert settings.allKeys() == []
    settings.setValue("probe/turn", turn)
    settings.sync()
    assert settings.status() == QSettings.Status.NoError
    assert Path(settings.fileName()).is_file()
