"""Lesson and user text as text: documents that load nothing they were not given, plain labels and tips."""

from __future__ import annotations

from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QLabel


class SafeDocument(QTextDocument):
    """A text document that shows only the resources the program added to it (addResource).

    QTextDocument.loadResource reads any local path or data: URL an <img> or style sheet names;
    a lesson's <img src="/dev/zero"> would then exhaust memory, and a FIFO would hang the window.
    Registered resources are found before loadResource is asked, so answering here answers the
    rest. An image must be answered with a real (blank) image: given none, Qt's image handler
    opens the named file itself.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Nothing from files, the network or data: URLs: a blank pixel for an image, nothing else."""
        if kind == QTextDocument.ResourceType.ImageResource.value:
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(Qt.GlobalColor.transparent)
            self.addResource(kind, QUrl(name), blank)  # asked once per name, not at every paint
            return blank
        return ""


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as it is: escaped rich text, since Qt guesses a tip's format."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def plain_label(label: QLabel, text: str = "") -> QLabel:
    """Make `label` show its text as plain text whatever it holds (Qt guesses HTML from a leading tag)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    if text:
        label.setText(text)
    return label
