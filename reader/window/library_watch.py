"""What other connections commit to the library while the window is up (the command line's
`import`, another window): SQLite's `PRAGMA data_version` changes for this connection then. It is
read every POLL_MS while one of the app's windows is the active one (the main window, the page view,
any other the app opens) and whenever one becomes active again — one cheap query, no file watching —
and the window shows the library anew when it changed. Lessons
no one levelled yet (the samples of a first start, lessons the command line imported) are levelled
once the window is up, by `study-reader level` in a process of its own: the word lists it loads
(over a hundred megabytes while they are read) never take room in the window's memory."""

from __future__ import annotations

import logging
import sqlite3
import sys

from PySide6.QtCore import QEvent, QObject, QProcess, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from library import Library

log = logging.getLogger(__name__)
POLL_MS = 2000
LEVEL_AFTER_MS = 1000  # after the first paint (the word lists load then), not at start


class LibraryWatch(QObject):
    """Says `changed` when another connection committed to the library, and `levelled` when
    lessons without levels got them."""

    changed = Signal()
    levelled = Signal()

    def __init__(self, library: Library, window: QWidget) -> None:
        super().__init__(window)
        self._library, self._window = library, window
        self._seen = self._version()
        self._leveller: QProcess | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)
        # Another of the app's windows (the page view) active keeps the looks going: the main window's
        # activation alone stopped them while the page view, in front, showed a lesson changed elsewhere.
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._focus_moved)
        QTimer.singleShot(LEVEL_AFTER_MS, self, self.level_pending)

    def _version(self) -> int | None:
        try:
            return int(self._library.db.execute("PRAGMA data_version").fetchone()[0])
        except (sqlite3.Error, TypeError):
            return None

    def check(self) -> bool:
        """Whether another connection committed since the last look (and `changed` was said)."""
        version = self._version()
        if version is None or version == self._seen:
            return False
        self._seen = version
        self.level_pending()
        self.changed.emit()
        return True

    def level_pending(self) -> None:
        """Have the lessons with no levels yet levelled, then say so (the Difficulty column fills in)."""
        if self._leveller is not None:
            return  # one at a time: it levels every lesson pending when it looks
        try:
            if not self._library.study.levels.pending():
                return
        except sqlite3.Error:
            log.warning("could not look for lessons not levelled yet", exc_info=True)
            return
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.finished.connect(self._levelled)
        process.errorOccurred.connect(self._not_levelled)
        self._leveller = process
        program, first = leveller_command()
        process.start(program, [*first, "--library", str(self._library.path), "level"])

    def _levelled(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._leveller = None
        try:
            self._library.db.execute("SELECT 1")
        except sqlite3.Error:
            return  # the library was closed meanwhile (the window is gone): nothing to show
        if code != 0:
            log.warning("levelling the lessons not levelled yet ended with status %s", code)
            return
        self.changed.emit()  # the list reads the levels anew
        self.levelled.emit()

    def _not_levelled(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            log.warning("could not start levelling the lessons not levelled yet")
            self._leveller = None

    def wait_for_levels(self, ms: int = 30000) -> bool:
        """Wait for a levelling under way to end (for a window closing, and for tests)."""
        process = self._leveller
        return process is None or process.waitForFinished(ms)

    def _focus_moved(self, focused: QWindow | None) -> None:
        """One of the app's windows became active (a look now, then every POLL_MS), or none is."""
        if not isValid(self):
            return  # the window went
        if focused is None:
            self.timer.stop()
        elif not self.timer.isActive():
            self.check()
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.ActivationChange and self._window.isActiveWindow():
            self.check()
            self.timer.start()
        return False


def leveller_command() -> tuple[str, list[str]]:
    """This program, as the command line: the packaged app is its own command; from Python, -m reader."""
    if getattr(sys, "frozen", False):
        return sys.executable, []
    return sys.executable, ["-m", "reader"]
