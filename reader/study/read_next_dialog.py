"""Read next: the learner's unfinished lessons, those nearest a target share of unknown words first.
The band is a setting (2–5% by default); Enter or a double-click opens the lesson."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from library.study.read_next import DEFAULT_BAND, ReadNext

LOW_SETTING, HIGH_SETTING = "study/read_next_low", "study/read_next_high"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def band_setting(settings: QSettings) -> tuple[int, int]:
    """The target band in whole percent, as last set (2–5 at first)."""
    def read(key: str, default: float) -> int:
        value = settings.value(key, round(default * 100))
        try:
            return max(0, min(100, int(str(value))))
        except ValueError:  # a settings file edited by hand
            return round(default * 100)

    low, high = read(LOW_SETTING, DEFAULT_BAND[0]), read(HIGH_SETTING, DEFAULT_BAND[1])
    return min(low, high), max(low, high)


class ReadNextDialog(QDialog):
    """The lessons to read next; `lesson_requested` asks for one to be opened."""

    lesson_requested = Signal(int)

    def __init__(self, read_next: ReadNext, settings: QSettings, parent: QWidget, tr: Callable[[str], str]) -> None:
        super().__init__(parent)
        self.setObjectName("ReadNextDialog")
        self._read_next, self._settings, self.tr_ = read_next, settings, tr
        self.setWindowTitle(tr("Read next"))
        low, high = band_setting(settings)
        self.low, self.high = QSpinBox(self), QSpinBox(self)
        for box, value in ((self.low, low), (self.high, high)):
            box.setRange(0, 100)
            box.setSuffix("%")
            box.setValue(value)
            box.valueChanged.connect(self._band_changed)
        band = QHBoxLayout()
        band.addWidget(QLabel(tr("Aim for lessons with this share of words you do not know:"), self))
        band.addWidget(self.low)
        band.addWidget(QLabel("–", self))
        band.addWidget(self.high)
        band.addStretch(1)
        self.list = QListWidget(self)
        self.list.setObjectName("ReadNextList")
        self.list.itemActivated.connect(self._open)
        self.empty = QLabel(tr("No unfinished lesson to suggest."), self)
        # A new learner knows no words yet: every lesson would read 100% unknown, so say what to do first.
        self.hint = QLabel(tr("Mark the words you know first (Study → Mark known words…)."), self)
        self.hint.setObjectName("ReadNextHint")
        self.hint.setWordWrap(True)
        open_button = QPushButton(tr("Open"), self)
        open_button.clicked.connect(lambda: self._open(self.list.currentItem()))
        close = QPushButton(tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(open_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(band)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.resize(560, 420)
        self.refresh()

    def band(self) -> tuple[float, float]:
        """The target band as shares."""
        low, high = sorted((self.low.value(), self.high.value()))
        return low / 100, high / 100

    def _band_changed(self) -> None:
        low, high = sorted((self.low.value(), self.high.value()))
        self._settings.setValue(LOW_SETTING, low)
        self._settings.setValue(HIGH_SETTING, high)
        self.refresh()

    def refresh(self) -> None:
        """List the lessons again (the band, the learner or their words changed)."""
        band = self.band()
        found = self._read_next.lessons(band, 50)
        self.list.clear()
        for n in found:
            inside = not n.distance(*band)
            share = self.tr_("{share} unknown").format(share=f"{n.unknown_share:.1%}")
            # Lesson titles are the user's text: a list item shows its text as plain text.
            item = QListWidgetItem(f"{'★' if inside else '  '} {share} · {n.title}")
            item.setData(ID_ROLE, n.lesson_id)
            item.setToolTip(self.tr_("{n} running words").format(n=f"{n.words:,}"))
            self.list.addItem(item)
        self.empty.setVisible(not found)
        self.hint.setVisible(bool(found) and self._read_next.knows_no_words())
        if found:
            self.list.setCurrentRow(0)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.lesson_requested.emit(int(item.data(ID_ROLE)))
