"""The dictionary in the window: JMdict built once off the GUI thread (the status bar says when it
is ready), and the learner's own dictionary imported from a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from reader.window import dialogs

if TYPE_CHECKING:
    from library.study.dictionary import Dictionary


# Builds still running when their window closed, kept (not destroyed) until their thread ends.
_STILL_BUILDING: list[tuple[QThread, QObject | None]] = []


class DictionaryBuilder(QObject):
    """Builds the JMdict table off the GUI thread."""

    done = Signal(str)  # empty on success, else the reason

    def __init__(self, dictionary: Dictionary) -> None:
        super().__init__()
        self.dictionary = dictionary

    def run(self) -> None:
        from library.study.dictionary import DictionaryError

        try:
            self.dictionary.build_jmdict()
        except (DictionaryError, OSError) as exc:
            self.done.emit(str(exc))
            return
        self.done.emit("")


class DictionaryUi(QObject):
    """Builds JMdict in the background when a lookup first needs it; imports a learner's dictionary."""

    ready = Signal()  # a build has ended (built, or the status bar says why not) or a file was imported

    def __init__(self, dictionary: Callable[[], Dictionary], status: QStatusBar, parent: QWidget,
                 tr: Callable[[str], str]) -> None:
        super().__init__(parent)
        self._dictionary, self._status, self._parent, self.tr_ = dictionary, status, parent, tr
        # The dictionary's module loads at the first lookup, not at start-up.
        self._thread: QThread | None = None
        self._builder: DictionaryBuilder | None = None

    @property
    def building(self) -> bool:
        """Whether the JMdict table is being built now."""
        return self._thread is not None

    def build(self) -> None:
        """Build the JMdict table once, off the GUI thread."""
        if self._thread is not None:
            return
        self._status.showMessage(self.tr_("Building the offline dictionary (once)…"))
        self._thread = QThread(self)
        self._builder = DictionaryBuilder(self._dictionary())
        self._builder.moveToThread(self._thread)
        self._thread.started.connect(self._builder.run)
        self._builder.done.connect(self._built)
        self._thread.start()

    def _built(self, error: str) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread, self._builder = None, None
        tr = self.tr_
        self._status.showMessage(
            tr("The offline dictionary is ready.") if not error else tr("The dictionary could not be built: ") + error,
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
        """Wait for a build to end (it writes the dictionary file in one transaction)."""
        if self._thread is not None:
            self._thread.quit()
            if not self._thread.wait(30_000):
                # Still building (a slow machine): a QThread destroyed with its parent while it runs
                # aborts the process, so it is let go of and kept until it ends.
                thread, builder = self._thread, self._builder
                thread.setParent(None)
                _STILL_BUILDING.append((thread, builder))
                thread.finished.connect(lambda: _STILL_BUILDING.remove((thread, builder)))
