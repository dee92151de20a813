"""Every modal dialog the window uses, in one place, so tests can replace them."""

from __future__ import annotations

from typing import TYPE_CHECKING

# The dialog classes load when a dialog is first shown: each brings its enums, which Python
# builds one by one, and none is needed to show a lesson.
from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from reader.ui.i18n import Translator

if TYPE_CHECKING:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QWidget


def plain_labels(widget: QWidget) -> QWidget:
    """Make every label in a dialog show plain text: its words may quote a lesson, a file or a name."""
    for label in widget.findChildren(QtWidgets.QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def message_box(parent: QWidget | None, icon: QtWidgets.QMessageBox.Icon, title: str, text: str,
                buttons: QtWidgets.QMessageBox.StandardButton) -> QtWidgets.QMessageBox:
    """A message box whose text is shown as plain text (the static helpers guess HTML from a leading tag)."""
    box = QtWidgets.QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True for yes."""
    button = QtWidgets.QMessageBox.StandardButton
    box = message_box(parent, QtWidgets.QMessageBox.Icon.Question, title, text, button.Yes | button.No)
    box.setDefaultButton(button.No)
    return box.exec() == button.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something."""
    message_box(parent, QtWidgets.QMessageBox.Icon.Information, title, text,
                QtWidgets.QMessageBox.StandardButton.Ok).exec()


def error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong, in one clear line."""
    message_box(parent, QtWidgets.QMessageBox.Icon.Warning, title, text,
                QtWidgets.QMessageBox.StandardButton.Ok).exec()


def failure(parent: QWidget | None, title: str, text: str, what_to_do: str, details: str = "") -> None:
    """Something went wrong: what happened, what to do, and (on request) the technical details."""
    box = message_box(parent, QtWidgets.QMessageBox.Icon.Critical, title, text,
                      QtWidgets.QMessageBox.StandardButton.Ok)
    box.setInformativeText(what_to_do)
    if details:
        box.setDetailedText(details)
    plain_labels(box)  # the informative text's label guesses its format too
    box.exec()


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None if cancelled."""
    dialog = QtWidgets.QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    plain_labels(dialog)  # the label may name a lesson or a learner
    return dialog.textValue() if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None


def ask_translation(parent: QWidget | None, tr: Translator, english: str, current: str) -> str | None:
    """The user's own translation of a paragraph, or None if cancelled."""
    dialog = QtWidgets.QDialog(parent)
    dialog.setWindowTitle(tr("Add a translation"))
    layout = QtWidgets.QVBoxLayout(dialog)
    source = QtWidgets.QLabel(english)
    source.setTextFormat(Qt.TextFormat.PlainText)  # the lesson's paragraph, never markup
    source.setWordWrap(True)
    layout.addWidget(source)
    edit = QtWidgets.QPlainTextEdit(current)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(tr("Your translation of this paragraph"))
    layout.addWidget(edit)
    button = QtWidgets.QDialogButtonBox.StandardButton
    buttons = QtWidgets.QDialogButtonBox(button.Save | button.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(560, 320)
    edit.setFocus()
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    return edit.toPlainText()


def choose_files(parent: QWidget | None, title: str, filter_text: str) -> list[str]:
    """Files to import."""
    paths, _ = QtWidgets.QFileDialog.getOpenFileNames(parent, title, "", filter_text)
    return list(paths)


def choose_font(parent: QWidget | None, font: QFont, title: str) -> QFont | None:
    """A reading font, or None if cancelled."""
    ok, chosen = QtWidgets.QFontDialog.getFont(font, parent, title)
    return chosen if ok else None


def choose_save_file(parent: QWidget | None, title: str, suggested: str, filter_text: str) -> str | None:
    """Where to write a file, or None if cancelled."""
    path, _ = QtWidgets.QFileDialog.getSaveFileName(parent, title, suggested, filter_text)
    return path or None


def about_dictionary_html(tr: Translator) -> str:
    """The offline dictionary's licence and attribution, for the About box."""
    from library.study.dictionary import JMDICT_ATTRIBUTION

    return (
        "<p><b>" + tr("Dictionary") + "</b>: JMdict — " + JMDICT_ATTRIBUTION.replace(
            "https://www.edrdg.org/edrdg/licence.html",
            "<a href='https://www.edrdg.org/edrdg/licence.html'>www.edrdg.org/edrdg/licence.html</a>",
        ) + "</p>"
    )


def about(parent: QWidget | None, tr: Translator) -> None:
    """The About box."""
    QtWidgets.QMessageBox.about(
        parent,
        tr("About Study Reader"),
        "<h3>Study Reader</h3><p>" + tr("An offline reader for learning English from bilingual news articles.")
        + "</p><p>MIT License</p>" + about_dictionary_html(tr),
    )
