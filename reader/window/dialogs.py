"""Every modal dialog the window uses, in one place, so tests can replace them."""

from __future__ import annotations

from typing import TYPE_CHECKING

# The dialog classes load when a dialog is first shown: each brings its enums, which Python
# builds one by one, and none is needed to show a lesson.
from PySide6 import QtWidgets

from reader.ui.i18n import Translator

if TYPE_CHECKING:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QWidget


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True for yes."""
    button = QtWidgets.QMessageBox.StandardButton
    answer = QtWidgets.QMessageBox.question(parent, title, text, button.Yes | button.No, button.No)
    return answer == button.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something."""
    QtWidgets.QMessageBox.information(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong, in one clear line."""
    QtWidgets.QMessageBox.warning(parent, title, text)


def failure(parent: QWidget | None, title: str, text: str, what_to_do: str, details: str = "") -> None:
    """Something went wrong: what happened, what to do, and (on request) the technical details."""
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Critical, title, text, QtWidgets.QMessageBox.StandardButton.Ok, parent
    )
    box.setInformativeText(what_to_do)
    if details:
        box.setDetailedText(details)
    box.exec()


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None if cancelled."""
    value, ok = QtWidgets.QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def ask_translation(parent: QWidget | None, tr: Translator, english: str, current: str) -> str | None:
    """The user's own translation of a paragraph, or None if cancelled."""
    dialog = QtWidgets.QDialog(parent)
    dialog.setWindowTitle(tr("Add a translation"))
    layout = QtWidgets.QVBoxLayout(dialog)
    source = QtWidgets.QLabel(english)
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


def about_levels_html(tr: Translator) -> str:
    """The word-level list's and the hyphenation patterns' licences, for the About box."""
    import html  # here, not at start-up: it brings html.entities

    from library.study.levels import LEVELS_ATTRIBUTION  # a constant: the list itself is not loaded

    return "<p><b>" + tr("Word levels") + "</b>: " + html.escape(LEVELS_ATTRIBUTION) + "</p>"


def about(parent: QWidget | None, tr: Translator) -> None:
    """The About box."""
    QtWidgets.QMessageBox.about(
        parent,
        tr("About Study Reader"),
        "<h3>Study Reader</h3><p>" + tr("An offline reader for learning English from bilingual news articles.")
        + "</p><p>MIT License</p>" + about_dictionary_html(tr) + about_levels_html(tr),
    )
