"""What a dialog leaves behind: the focus back where it was, and the folder the user last chose."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication

P = ParamSpec("P")
R = TypeVar("R")
FOLDER_KEY = "paths/last_folder"  # where files were last opened (imports, packs, dictionaries)
EXPORT_FOLDER_KEY = "paths/last_export_folder"  # where a file was last written: exports keep their own


def keeps_focus(show: Callable[P, R]) -> Callable[P, R]:
    """Put the keyboard focus back on the widget that had it before the dialog.

    Without a window manager (and with some) nothing re-activates the window when a dialog
    closes, or Qt gives the focus to the first widget that takes it (the search box), where
    the next key (Ctrl+E, an arrow) does something else than the reader meant."""

    @functools.wraps(show)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        before = QApplication.focusWidget()
        try:
            return show(*args, **kwargs)
        finally:
            if before is not None:
                try:
                    before.window().activateWindow()
                    before.setFocus(Qt.FocusReason.OtherFocusReason)
                except RuntimeError:  # the widget went with the dialog's answer (a lesson deleted)
                    pass

    return wrapper


def start_folder(key: str = FOLDER_KEY) -> str:
    """Where a file dialog opens: the folder last chosen for its kind (`key`), else the user's documents folder."""
    saved = str(QSettings().value(key, "") or "")
    if saved and Path(saved).is_dir():
        return saved
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember_folder(path: str, key: str = FOLDER_KEY) -> None:
    """The folder of a file the user chose: the next dialog of its kind (`key`) opens there."""
    if path:
        QSettings().setValue(key, str(Path(path).parent))
