"""The teaching features' modal dialogs, in one place so tests can replace them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.teaching.handout import HandoutOptions
from reader.ui.indicators import clear_indicators


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class HandoutDialog(QDialog):
    """What to print: a handout with chosen parts, a worksheet, or its answer key."""

    def __init__(self, parent: QWidget | None, title: str, labels: dict[str, str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.kinds = {k: QRadioButton(labels[k]) for k in ("handout", "worksheet", "answers")}
        self.kinds["handout"].setChecked(True)
        self.parts = {k: QCheckBox(labels[k]) for k in ("translations", "glossary", "notes", "questions")}
        for box in self.parts.values():
            box.setChecked(True)
        self.chosen = {k: True for k in self.parts}  # the handout's ticks, kept while a worksheet is chosen
        # why the parts are off: a worksheet prints the gap-fill and its word bank, nothing to choose
        self.why = QLabel(labels.get("parts_off", ""))
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.why.setWordWrap(True)
        self.why.setVisible(False)
        for w in (*self.kinds.values(), *self.parts.values(), self.why):
            layout.addWidget(w)
        clear_indicators(*self.kinds.values(), *self.parts.values())  # greyed for a worksheet: still plainly there
        self.kinds["handout"].toggled.connect(self._enable_parts)
        layout.addWidget(_buttons(self))

    def _enable_parts(self, on: bool) -> None:
        """A handout's parts are offered only for a handout: greyed, they are unticked too (never greyed but ticked)."""
        for key, box in self.parts.items():
            if not on:
                self.chosen[key] = box.isChecked()
            box.setEnabled(on)
            box.setChecked(self.chosen[key] if on else False)
        self.why.setVisible(not on)
        self.adjustSize()  # room for the explanation: the dialog was sized without it

    def options(self) -> HandoutOptions:
        """The options chosen."""
        if not self.kinds["handout"].isChecked():
            return HandoutOptions(worksheet=True, answers=self.kinds["answers"].isChecked(), questions=True)
        return HandoutOptions(**{k: b.isChecked() for k, b in self.parts.items()})


def ask_handout_options(parent: QWidget | None, title: str, labels: dict[str, str]) -> HandoutOptions | None:
    """What to print: a handout with chosen parts, a worksheet, or its answer key."""
    dialog = HandoutDialog(parent, title, labels)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.options()


def save_file(parent: QWidget | None, title: str, suggested: str, filter_text: str) -> str | None:
    """A file to write, or None if cancelled (opening in the folder last written to, or the documents folder)."""
    from reader.window.dialogs import choose_save_file

    return choose_save_file(parent, title, suggested, filter_text)


def choose_screen(parent: QWidget | None, title: str, screens: list[QScreen]) -> QScreen | None:
    """The screen (projector) to present on, or None if cancelled."""
    names = [f"{s.name()} — {s.geometry().width()}×{s.geometry().height()}" for s in screens]
    choice, ok = QInputDialog.getItem(parent, title, title, names, len(names) - 1, False)
    return screens[names.index(choice)] if ok else None


def ask_fields(parent: QWidget | None, title: str, fields: list[tuple[str, str, bool]]) -> list[str] | None:
    """Several labelled texts (label, current value, multi-line?), or None if cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    edits: list[QLineEdit | QPlainTextEdit] = []
    for label, value, multi in fields:
        edit: QLineEdit | QPlainTextEdit = QPlainTextEdit(value) if multi else QLineEdit(value)
        if isinstance(edit, QPlainTextEdit):
            edit.setTabChangesFocus(True)
        form.addRow(label, edit)
        edits.append(edit)
    form.addRow(_buttons(dialog))
    dialog.resize(520, 300)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return [e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text() for e in edits]
