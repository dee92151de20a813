"""Library upkeep that must not delay the window: the integrity check on open, and the
daily backup.

Both read the whole file (a 10,000-lesson library takes about half a second each), so they
run on their own connection in a background thread as soon as the window is on screen. A
failed check is reported at once, and the window then stops using the library."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from library.errors import LibraryDamaged
from library.store.backup import rolling_backup
from library.store.connection import check_integrity, connect

log = logging.getLogger(__name__)


class Maintenance(QObject):
    """Runs the check and the backup in a thread; `damaged` reports a failed check."""

    damaged = Signal(str)
    finished = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin in the background (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="library-upkeep", daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the work to end (tests; closing the window)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            conn = connect(self.path)
        except Exception:
            log.exception("library upkeep could not open %s", self.path)
            self.finished.emit()
            return
        try:
            check_integrity(conn, self.path)
            made = rolling_backup(conn, self.path)
            if made is not None:
                log.info("backed up the library to %s", made)
        except LibraryDamaged as exc:
            log.error("library check failed: %s", exc)
            self.damaged.emit(" ".join(exc.problem.split()))  # the dialog adds the path and the restore hint
        except Exception:
            log.exception("library upkeep failed")  # the library itself is fine: go on
        finally:
            conn.close()
            self.finished.emit()
