"""The dictionary in the window: the shared JMdict table prepared off the GUI thread on the first start
(a progress bar in the status bar; another window's build is waited for, not repeated), and the
learner's own dictionary imported from a file."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStatusBar, QWidget

from reader.window import dialogs

if TYPE_CHECKING:
    from library.study.dictionary import Dictionary

POLL_MS = 400  # how often a build in another window is checked on


# Builds still running when their window closed, kept (not destroyed) until their thread ends.
_STILL_BUILDING: list[tuple[QThread, QObject | None]] = []


class DictionaryBuilder(QObject):
    """Builds the JMdict table off the GUI thread; stops soon after cancel()."""

    progressed = Signal(float)
    done = Signal(str)  # "" when built, "busy" (another window builds it), "cancelled", else the reason

    def __init__(self, dictionary: Dictionary) -> None:
        super().__init__()
        self.dictionary = dictionary
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the build to stop; it leaves nothing behind."""
        self._stop.set()

    def run(self) -> None:
        """Build, reporting progress; say how it ended."""
        from library.study.dictionary import BuildCancelled, DictionaryBusy, DictionaryError

        try:
            self.dictionary.build_jmdict(share=self.progressed.emit, cancelled=self._stop.is_set)
        except DictionaryBusy:
            self.done.emit("busy")
        except BuildCancelled:
            self.done.emit("cancelled")
        except (DictionaryError, OSError) as exc:
            self.done.emit(str(exc) or "failed")
        else:
            self.done.emit("")


class DictionaryProgress(QWidget):
    """The status bar's "Preparing the dictionary" label and bar, shown while a build runs."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("DictionaryProgress")
        self.label = QLabel(self)
        self.label.setObjectName("DictionaryProgressText")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("DictionaryProgressBar")
        self.bar.setRange(0, 100)
        self.bar.setFixedWidth(140)
        self.bar.setTextVisible(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 6, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        self.hide()


class DictionaryUi(QObject):
    """Prepares the JMdict table in the background (on the first start, or when a lookup needs it), shows
    its progress, and imports a learner's dictionary."""

    ready = Signal()  # a build has ended (built, or the status bar says why not) or a file was imported
    progressed = Signal(float)  # the share of the build done, from this window's build or another's

    def __init__(self, dictionary: Callable[[], Dictionary], status: QStatusBar, parent: QWidget,
                 tr: Callable[[str], str]) -> None:
        super().__init__(parent)
        self._dictionary, self._status, self._parent, self.tr_ = dictionary, status, parent, tr
        # The dictionary's module loads at the first lookup or after start-up, not during it.
        self._thread: QThread | None = None
        self._builder: DictionaryBuilder | None = None
        self._share: float | None = None
        self._closed = False  # after shutdown nothing starts again (a start-up timer may still fire)
        self._failed = False  # a build that failed is not tried again at every lookup of this session
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check_other_build)
        self.panel = DictionaryProgress(parent)
        status.addPermanentWidget(self.panel)
        self.retranslate()

    @property
    def building(self) -> bool:
        """Whether the JMdict table is being prepared now (here or in another window)."""
        return self._thread is not None or self._poll.isActive()

    @property
    def share(self) -> float:
        """How much of the build is done, 0.0–1.0."""
        return self._share or 0.0

    def retranslate(self) -> None:
        """Words in the interface language."""
        self.panel.label.setText(self.tr_("Preparing the dictionary…"))
        self.panel.bar.setToolTip(self.tr_("The offline dictionary is prepared once; lookups work meanwhile."))

    def prepare(self) -> None:
        """On start-up: build the table in the background if there is none, or it is out of date."""
        if not self._closed and self._dictionary().jmdict_state() in ("unbuilt", "stale"):
            self.build()

    def build(self) -> None:
        """Build the JMdict table once, off the GUI thread (or wait for the window that builds it)."""
        if self.building or self._closed or self._failed:
            return
        self._thread = QThread(self)
        self._builder = DictionaryBuilder(self._dictionary())
        self._builder.moveToThread(self._thread)
        self._thread.started.connect(self._builder.run)
        self._builder.progressed.connect(self._progressed)
        self._builder.done.connect(self._built)
        self._progressed(0.0)
        self._thread.start()

    def _progressed(self, share: float) -> None:
        self._share = share
        self.panel.bar.setValue(int(share * 100))
        self.panel.show()
        self.progressed.emit(share)

    def _stop_thread(self, wait_ms: int) -> None:
        if self._thread is not None:
            self._thread.quit()
            if not self._thread.wait(wait_ms):
                # Still building (a slow machine): a QThread destroyed with its parent while it runs
                # aborts the process, so it is let go of and kept until it ends.
                thread, builder = self._thread, self._builder
                thread.setParent(None)
                _STILL_BUILDING.append((thread, builder))
                thread.finished.connect(lambda: _STILL_BUILDING.remove((thread, builder)))
        self._thread, self._builder = None, None

    def _built(self, outcome: str) -> None:
        self._stop_thread(30_000)
        if outcome == "busy":  # another window builds it: show its progress, and use its table
            self._poll.start()
            self._check_other_build()
            return
        self._finish(outcome)

    def _check_other_build(self) -> None:
        from library.study.dictionary import build_progress

        share = build_progress()
        if share is not None:
            self._progressed(share)
            return
        self._poll.stop()
        if self._dictionary().jmdict_state() in ("unbuilt", "stale"):
            self.build()  # the other window stopped before the end: build it here
        else:
            self._finish("")

    def _finish(self, outcome: str) -> None:
        self.panel.hide()
        self._share = None
        self._failed = outcome not in ("", "cancelled")
        tr = self.tr_
        if outcome != "cancelled":
            self._status.showMessage(
                tr("The offline dictionary is ready.") if not outcome
                else tr("The dictionary could not be built: ") + outcome,
                5000,
            )
        self.ready.emit()

    def import_file(self) -> None:
        """Import the learner's own dictionary from a CSV or TSV file."""
        tr = self.tr_
        paths = dialogs.choose_files(
            self._parent, tr("Import a dictionary"), tr("Dictionaries (*.csv *.tsv *.txt);;All files (*)")
        )
        from library.study.dictionary import DictionaryError

        for path in paths:
            try:
                n = self._dictionary().import_file(path)
            except DictionaryError as exc:
                dialogs.error(self._parent, tr("Import failed"), f"{Path(path).name}: {exc}")
                continue
            dialogs.inform(
                self._parent,
                tr("Dictionary imported"),
                tr("{n} entries imported from {name}.").format(n=n, name=Path(path).name),
            )
            self.ready.emit()  # its words can fill saved words' meanings now

    def shutdown(self) -> None:
        """Stop a build (it leaves the old table, or none, as it was) before the window closes."""
        self._closed = True
        self._poll.stop()
        if self._builder is not None:
            self._builder.cancel()
        self._stop_thread(10_000)
