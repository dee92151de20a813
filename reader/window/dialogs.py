"""Every modal dialog the window uses, in one place, so tests can replace them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

# The dialog classes load when a dialog is first shown: each brings its enums, which Python
# builds one by one, and none is needed to show a lesson.
from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from reader.ui.i18n import Translator
from reader.window.dialog_places import EXPORT_FOLDER_KEY, keeps_focus, remember_folder, start_folder

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


@keeps_focus
def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True for yes."""
    button = QtWidgets.QMessageBox.StandardButton
    box = message_box(parent, QtWidgets.QMessageBox.Icon.Question, title, text, button.Yes | button.No)
    box.setDefaultButton(button.No)
    return box.exec() == button.Yes


@keeps_focus
def choose(parent: QWidget | None, title: str, text: str, choices: list[str], warn: bool = False) -> int | None:
    """Ask which of `choices` (buttons, the first the default) to take, or Cancel; the index chosen, None for Cancel.
    A `warn`ing: Cancel is the default (Enter takes nothing), under a warning sign."""
    icon = QtWidgets.QMessageBox.Icon.Warning if warn else QtWidgets.QMessageBox.Icon.Question
    box = message_box(parent, icon, title, text, QtWidgets.QMessageBox.StandardButton.Cancel)
    buttons = [box.addButton(choice, QtWidgets.QMessageBox.ButtonRole.AcceptRole) for choice in choices]
    if warn:
        box.setDefaultButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    elif buttons:
        box.setDefaultButton(buttons[0])
    box.exec()
    clicked = box.clickedButton()
    return next((i for i, b in enumerate(buttons) if b is clicked), None)


@keeps_focus
def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something."""
    message_box(parent, QtWidgets.QMessageBox.Icon.Information, title, text,
                QtWidgets.QMessageBox.StandardButton.Ok).exec()


@keeps_focus
def error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong, in one clear line."""
    message_box(parent, QtWidgets.QMessageBox.Icon.Warning, title, text,
                QtWidgets.QMessageBox.StandardButton.Ok).exec()


@keeps_focus
def failure(parent: QWidget | None, title: str, text: str, what_to_do: str, details: str = "") -> None:
    """Something went wrong: what happened, what to do, and (on request) the technical details."""
    box = message_box(parent, QtWidgets.QMessageBox.Icon.Critical, title, text,
                      QtWidgets.QMessageBox.StandardButton.Ok)
    box.setInformativeText(what_to_do)
    if details:
        box.setDetailedText(details)
    plain_labels(box)  # the informative text's label guesses its format too
    box.exec()


def shortcut_rows(text: str) -> list[tuple[str, str]]:
    """Lines of "keys  what they do" as (keys, what) pairs: the first run of two spaces divides them."""
    rows = []
    for line in text.splitlines():
        keys, _sep, what = line.partition("  ")
        rows.append((keys.strip(), what.strip()))
    return rows


SHORTCUT_LETTERS = 60  # what a key does is wrapped at about this many letters a line


@keeps_focus
def shortcuts(parent: QWidget | None, title: str, text: str) -> None:
    """The keyboard shortcuts in two aligned columns (a message box's proportional text cannot align them)."""
    dialog = QtWidgets.QDialog(parent)
    dialog.setObjectName("ShortcutsDialog")
    dialog.setWindowTitle(title)
    grid = QtWidgets.QGridLayout()
    grid.setHorizontalSpacing(18)
    for row, (keys, what) in enumerate(shortcut_rows(text)):
        for column, words in enumerate((keys, what)):
            label = QtWidgets.QLabel(words)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setObjectName("ShortcutKeys" if column == 0 else "ShortcutWhat")
            if column == 0:
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            else:  # a long line wraps: on one line the page view's held the list wider than a 1280 px screen
                label.setWordWrap(True)
                width = label.fontMetrics().averageCharWidth() * SHORTCUT_LETTERS
                label.setMinimumWidth(width)
                label.setMaximumWidth(width)
                label.setMinimumHeight(label.heightForWidth(width))  # the grid gives a row one line's height else
            grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QtWidgets.QVBoxLayout(dialog)
    # The list scrolls where the screen is lower than it (800×600): the Close button stays in sight.
    rows = QtWidgets.QWidget()
    rows.setLayout(grid)
    area = QtWidgets.QScrollArea(dialog)
    area.setObjectName("ShortcutsList")
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(rows)
    screen = (parent.screen() if parent is not None else dialog.screen()).availableGeometry()
    wanted = rows.sizeHint()
    area.setMinimumWidth(wanted.width() + area.verticalScrollBar().sizeHint().width())
    area.setMinimumHeight(min(wanted.height(), screen.height() - buttons.sizeHint().height() - 120))
    layout.addWidget(area, 1)
    layout.addWidget(buttons)
    dialog.exec()


@keeps_focus
def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None if cancelled (the box wide enough for the text and its window title)."""
    dialog = QtWidgets.QInputDialog(parent)
    dialog.setInputMode(QtWidgets.QInputDialog.InputMode.TextInput)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    metrics = dialog.fontMetrics()
    wanted = max(metrics.horizontalAdvance(text), metrics.horizontalAdvance(title) + 120, 320) + 60
    screen = dialog.screen().availableGeometry().width() if dialog.screen() is not None else 1200
    dialog.resize(min(wanted, int(screen * 0.8)), dialog.sizeHint().height())
    plain_labels(dialog)  # the label may name a lesson or a learner
    ok = dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
    return dialog.textValue() if ok else None


@keeps_focus
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


@keeps_focus
def choose_files(parent: QWidget | None, title: str, filter_text: str) -> list[str]:
    """Files to import."""
    paths, _ = QtWidgets.QFileDialog.getOpenFileNames(parent, title, start_folder(), filter_text)
    if paths:
        remember_folder(paths[0])
    return list(paths)


@keeps_focus
def choose_font(parent: QWidget | None, font: QFont, title: str) -> QFont | None:
    """A reading font, or None if cancelled (the dialog opens on the face's upright regular style)."""
    ok, chosen = QtWidgets.QFontDialog.getFont(upright(font), parent, title)
    return chosen if ok else None


REGULAR_STYLES = ("Regular", "Book", "Roman", "Normal", "Medium")


def upright(font: QFont) -> QFont:
    """The font in its family's regular style: a bare family name lets the dialog pick the first
    style the system lists (DejaVu Serif opens on "Condensed Italic")."""
    from PySide6.QtGui import QFont as Font
    from PySide6.QtGui import QFontDatabase

    plain = Font(font)
    plain.setItalic(False)
    plain.setBold(False)
    plain.setStretch(Font.Stretch.Unstretched)
    styles = QFontDatabase.styles(font.family())
    regular = next((s for name in REGULAR_STYLES for s in styles if s == name), None)
    regular = regular or next((s for s in styles if not any(w in s for w in ("Italic", "Oblique", "Bold",
                                                                             "Condensed", "Light"))), None)
    if regular:
        plain.setStyleName(regular)
    return plain


@keeps_focus
def choose_save_file(parent: QWidget | None, title: str, suggested: str, filter_text: str) -> str | None:
    """Where to write a file, or None if cancelled."""
    start = Path(start_folder(EXPORT_FOLDER_KEY)) / suggested  # exports' own folder, not the last import's
    path, _ = QtWidgets.QFileDialog.getSaveFileName(parent, title, str(start), filter_text)
    remember_folder(path, EXPORT_FOLDER_KEY)
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

    from library.study.levels import FREQUENCY_ATTRIBUTION, LEVELS_ATTRIBUTION  # constants: no list loads

    return (
        "<p><b>" + tr("Word levels") + "</b>: " + html.escape(LEVELS_ATTRIBUTION) + "</p>"
        + "<p><b>" + tr("Word frequencies") + "</b>: " + html.escape(FREQUENCY_ATTRIBUTION) + "</p>"
    )


@keeps_focus
def about(parent: QWidget | None, tr: Translator) -> None:
    """The About box."""
    QtWidgets.QMessageBox.about(
        parent,
        tr("About Study Reader"),
        "<h3>Study Reader</h3><p>" + tr("An offline reader for learning English from bilingual news articles.")
        + "</p><p>MIT License</p>" + about_dictionary_html(tr) + about_levels_html(tr),
    )
