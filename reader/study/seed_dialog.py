"""Mark known words at once: a dialog offering CEFR levels, the most common words, an Anki deck or a
word list; it says how many words it marked, and takes them back on Undo."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from library.errors import ImportRefused
from library.study.levels import LEVELS
from library.study.seeding import MAX_SEED, Seeded, Seeding
from reader.ui.indicators import clear_indicators
from reader.ui.safe_text import plain_label
from reader.window import dialogs


class SeedDialog(QDialog):
    """Where a new learner says what they know already; `seeded` is emitted after each change."""

    seeded = Signal()  # words were marked known, or a marking was undone
    _prepared = Signal(int, object)  # from the worker thread: its run, and (Prepared, source name) or an error's text

    SOURCES = ("level", "top", "apkg", "list")
    PROGRESS_AFTER_MS = 300  # a marking that takes longer shows its progress, with Cancel

    def __init__(self, seeding: Seeding, parent: QWidget, tr: Callable[[str], str]) -> None:
        super().__init__(parent)
        self.setObjectName("SeedDialog")
        self._seeding, self.tr_ = seeding, tr
        # Each marking that marked words, last on top: Undo takes back the last, then the one before.
        self._steps: list[Seeded] = []
        self._run = 0  # the marking under way (a cancelled one's words, when they come, are not saved)
        self.progress: QProgressDialog | None = None
        self._progress_timer = QTimer(self)  # (the dialog's own: it stops with the dialog)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(self.PROGRESS_AFTER_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self.setWindowTitle(tr("Mark known words"))
        intro = QLabel(tr("Mark the words you know already, so lessons show how hard they are for you."), self)
        intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        texts = {
            "level": tr("Every word of the CEFR levels A1 up to"),
            "top": tr("The most common English words:"),
            "apkg": tr("The words of an Anki deck (.apkg)…"),
            "list": tr("A word list (one a line, or CSV)…"),
        }
        grid = QGridLayout()
        for row, key in enumerate(self.SOURCES):
            button = QRadioButton(texts[key], self)
            button.setObjectName(f"Seed_{key}")
            self.group.addButton(button, row)
            self.choices[key] = button
            grid.addWidget(button, row, 0)
        clear_indicators(*self.choices.values())  # an unchosen source's circle shows in every theme
        self.level = QComboBox(self)
        self.level.addItems(list(LEVELS))
        self.level.setCurrentText("A2")
        self.top = QSpinBox(self)
        self.top.setRange(100, MAX_SEED)
        self.top.setSingleStep(500)
        self.top.setValue(2000)
        grid.addWidget(self.level, 0, 1)
        grid.addWidget(self.top, 1, 1)
        self.choices["level"].setChecked(True)
        self.result_label = plain_label(QLabel(self))  # a file's name may be shown in it
        self.result_label.setObjectName("SeedResult")
        self.result_label.setWordWrap(True)
        self.mark_button = QPushButton(tr("Mark known"), self)
        self.mark_button.setObjectName("SeedMark")
        self.mark_button.setDefault(True)
        self.undo_button = QPushButton(tr("Undo"), self)
        self.undo_button.setObjectName("SeedUndo")
        # The last marking is in the library: after a restart it can still be taken back.
        last = seeding.last()
        if last is not None:
            self._steps.append(last)
        self.undo_button.setEnabled(bool(self._steps))
        close = QPushButton(tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.undo_button, self.mark_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        self.mark_button.clicked.connect(self.mark)
        self._prepared.connect(self._store)  # queued: emitted on the worker thread
        self.undo_button.clicked.connect(self.undo)
        close.clicked.connect(self.close)

    def _file(self, key: str) -> Path | None:
        """The deck or list to read, asked for on the window's thread; None when none was chosen."""
        tr = self.tr_
        filters = tr("Anki decks (*.apkg)") if key == "apkg" else tr("Word lists (*.txt *.csv *.tsv)")
        chosen = dialogs.choose_files(self, tr("Mark known words"), filters)
        return Path(chosen[0]) if chosen else None

    def _work(self, run: int, key: str, level: str, n: int, path: Path | None) -> None:
        """Off the window's thread: read the source, find each word's lemma and forms (loading the
        lists takes a second or two), and hand the result back through `_prepared`."""
        from library.study import seeding

        tr = self.tr_
        try:
            if key == "level":
                listed = seeding.WordList(seeding.level_words(level))
                source = tr("CEFR A1") if level == "A1" else tr("CEFR A1–{level}").format(level=level)
            elif key == "top":
                listed = seeding.WordList(seeding.top_words(n))
                source = tr("the {n} most common words").format(n=f"{n:,}")
            elif key == "apkg" and path is not None:
                listed, source = seeding.deck_list(path), path.name
            else:
                assert path is not None  # mark() asked for the list's file
                listed, source = seeding.read_list(path), path.name
            self._prepared.emit(run, (seeding.prepare(listed.words, listed.meanings), source, listed.skipped_text(tr)))
        except (ImportRefused, OSError, ValueError) as exc:
            self._prepared.emit(run, str(exc))

    def mark(self) -> None:
        """Mark the words of the chosen source known (worked out off the window's thread)."""
        key = self.SOURCES[max(0, self.group.checkedId())]
        path = self._file(key) if key in ("apkg", "list") else None
        if key in ("apkg", "list") and path is None:
            return
        self.mark_button.setEnabled(False)
        self.undo_button.setEnabled(False)
        self.result_label.setText(self.tr_("Finding the words…"))
        self._run += 1
        run = self._run
        args = (run, key, self.level.currentText(), self.top.value(), path)
        threading.Thread(target=self._work, args=args, name="seed-words", daemon=True).start()
        self._progress_timer.start()

    def _show_progress(self) -> None:
        """A marking still under way shows it is working (finding the words takes a second or more), with Cancel."""
        if self.mark_button.isEnabled() or self.progress is not None:
            return  # done already, or cancelled
        tr = self.tr_
        progress = QProgressDialog(tr("Finding the words…"), tr("Cancel"), 0, 0, self)
        progress.setObjectName("SeedProgress")
        progress.setWindowTitle(tr("Mark known words"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.canceled.connect(self.cancel)
        progress.show()
        self.progress = progress

    def _end_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def cancel(self) -> None:
        """Cancel the marking under way: nothing is marked (the words being found are dropped when they come)."""
        self._run += 1
        self._progress_timer.stop()
        self._end_progress()
        self.mark_button.setEnabled(True)
        self.undo_button.setEnabled(bool(self._steps))
        self.result_label.setText(self.tr_("Cancelled: no words marked."))

    def _store(self, run: int, result: object) -> None:
        """Back on the window's thread: save the prepared words and say how many."""
        if run != self._run:
            return  # a cancelled marking's words
        self._progress_timer.stop()
        if self.progress is not None:
            self.progress.setLabelText(self.tr_("Saving the words…"))
            self.progress.setCancelButton(None)  # saving is one transaction: it is not taken halfway
            self.progress.repaint()
        try:
            self._finish(result)
        finally:
            self._end_progress()

    def _finish(self, result: object) -> None:
        self.mark_button.setEnabled(True)
        self.undo_button.setEnabled(bool(self._steps))
        if not isinstance(result, tuple):
            self.result_label.setText(str(result))
            return
        prepared, source, skipped = result
        done = self._seeding.store(prepared)
        tr = self.tr_
        if done.marked or not done.already:
            marked = (
                "1 word marked known from {source}." if done.marked == 1 else "{n} words marked known from {source}."
            )
            text = tr(marked).format(n=f"{done.marked:,}", source=source)
            if done.already:
                kept = (
                    "1 word saved before kept its status."
                    if done.already == 1
                    else "{n} words saved before kept their status."
                )
                text += " " + tr(kept).format(n=f"{done.already:,}")
        else:  # nothing new: the marking before stays the one Undo takes back
            text = tr("0 words marked ({why}).").format(why=tr(done.nothing_text()))
        if skipped:
            text += f" {skipped}."
        self.result_label.setText(text)
        if done.marked:
            self._steps.append(done)
            self.undo_button.setEnabled(True)
            self.seeded.emit()

    def undo(self) -> None:
        """Take back the words the last marking added (and the one before it on the next Undo)."""
        if not self._steps or not self.undo_button.isEnabled():
            return
        step = self._steps.pop()
        # Disabled while it works, and kept so until the clicks made meanwhile have been delivered
        # (to a disabled button, which drops them): one click takes back one marking.
        self.undo_button.setEnabled(False)
        self.mark_button.setEnabled(False)
        self.result_label.setText(self.tr_("Taking back {n} words…").format(n=f"{step.marked:,}"))
        self.result_label.repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            n = self._seeding.undo(step)
            if not self._steps and (before := self._seeding.last()) is not None:
                self._steps.append(before)  # a marking of an earlier session, next in line
            self.seeded.emit()
        finally:
            QApplication.restoreOverrideCursor()
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers)
            self.mark_button.setEnabled(True)
            self.undo_button.setEnabled(bool(self._steps))
        gone = "1 word is no longer marked known." if n == 1 else "{n} words are no longer marked known."
        self.result_label.setText(self.tr_(gone).format(n=f"{n:,}"))
