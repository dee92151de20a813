"""One line of text that never runs into what stands beside it: elided, the whole text in its tooltip.

`ElidedLabel` is a label one line high (the page view's status line: a long message does not
take the text box's room); `ElidingStatusBar` elides a temporary message before the bar's
permanent widgets (a long refusal ran on under "Review: nothing due")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

# Room left between the message and the first permanent widget, for the bar's own margins.
GAP = 16
SPACING = 6  # between the permanent widgets


class ElidedLabel(QLabel):
    """A plain-text label of one line: elided at the right where it is too long, whole in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() + 6)
        self._full = ""

    def text(self) -> str:
        """The whole text, as set (`shown_text` is what the line shows)."""
        return self._full

    def shown_text(self) -> str:
        """The text as shown: elided where it is too long."""
        return super().text()

    def setText(self, text: str) -> None:
        """Show `text` on one line, elided to the label's width."""
        self._full = text
        self._elide()

    def _elide(self) -> None:
        one_line = " ".join(self._full.split())
        shown = self.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight, max(0, self.width() - 4))
        super().setText(shown)
        self.setToolTip(self._full if shown != one_line else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()


class ElidingStatusBar(QStatusBar):
    """A status bar whose temporary messages are elided before its permanent widgets, whole in the tooltip;
    `currentMessage()` gives the whole message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self._full = self._shown = ""
        self.messageChanged.connect(self._changed)

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = None) -> None:
        self._permanent.append(widget)
        super().addPermanentWidget(widget, stretch or 0)

    def insertPermanentWidget(self, index: int, widget: QWidget, stretch: int | None = None) -> int:
        self._permanent.append(widget)
        return super().insertPermanentWidget(index, widget, stretch or 0)

    def room(self) -> int:
        """The width a message has: up to the first permanent widget shown."""
        # From their size hints, not their places: a field shown with the message is not laid out yet.
        taken = sum(w.sizeHint().width() + SPACING for w in self._permanent
                    if not w.isHidden() and w.parentWidget() is self)
        return max(self.width() // 3, self.width() - taken - GAP - (20 if self.isSizeGripEnabled() else 0))

    def showMessage(self, text: str, timeout: int | None = None) -> None:
        self._full = text
        self._shown = self.fontMetrics().elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, self.room())
        super().showMessage(self._shown, timeout or 0)
        self.setToolTip(text if self._shown != text else "")

    def currentMessage(self) -> str:
        shown = super().currentMessage()
        return self._full if shown and shown == self._shown else shown

    def _changed(self, text: str) -> None:
        if not text:  # the message went (its time was up, or cleared)
            self._full = self._shown = ""
            self.setToolTip("")
