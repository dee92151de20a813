"""What other connections commit to the library while the window is up (the command line's
`import`, another window): SQLite's `PRAGMA data_version` changes for this connection then. It is
read every POLL_MS while the window is the active one and whenever it becomes active again — one
cheap query, no file watching — and the window shows the library anew when it changed. Lessons
no one levelled yet (the samples of a first start) are levelled once the window is up."""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

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
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)
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
        """Level the lessons that have no levels yet, then say so (the Difficulty column fills in)."""
        levels = self._library.study.levels
        try:
            if not levels.pending():
                return
            levels.level_pending()
        except sqlite3.Error:
            log.warning("could not level the lessons not levelled yet", exc_info=True)
            return
        self._seen = self._version()  # our own commits are not another connection's
        self.levelled.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.ActivationChange:
            if self._window.isActiveWindow():
                self.check()
                self.timer.start()
            else:
                self.timer.stop()
        return False
