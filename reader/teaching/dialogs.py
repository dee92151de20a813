"""The teaching features' modal dialogs, in one place so tests can replace them."""

from __future__ import annotations

from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.teaching.handout import HandoutOptions


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ask_handout_options(parent: QWidget | None, title: str, labels: dict[str, str]) -> HandoutOptions | None:
    """What to print: a handout with chosen parts, a worksheet, or its answer key."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    kinds = {k: QRadioButton(labels[k]) for k in ("handout", "worksheet", "answers")}
    kinds["handout"].setChecked(True)
    parts = {k: QCheckBox(labels[k]) for k in ("translations", "glossary", "notes", "questions")}
    for box in parts.values():
        box.setChecked(True)
    for w in (*kinds.values(), *parts.values()):
        layout.addWidget(w)

    def enable_parts(on: bool) -> None:
        for box in parts.values():
            box.setEnabled(on)

    kinds["handout"].toggled.connect(enable_parts)
    layout.addWidget(_buttons(dialog))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if not kinds["handout"].isChecked():
        return HandoutOptions(worksheet=True, answers=kinds["answers"].isChecked(), questions=True)
    return HandoutOptions(**{k: b.isChecked() for k, b in parts.items()})


def save_file(parent: QWidget | None, title: str, suggested: str, filter_text: str) -> str | None:
    """A file to write, or None if cancelled (opening in the folder last chosen, or the documents folder)."""
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
