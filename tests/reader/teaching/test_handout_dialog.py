"""The handout dialog: options that do not apply to a worksheet are greyed and unticked, and it says why."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QLabel, QRadioButton
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow


def test_worksheet_greys_and_unticks_the_handout_parts(qtbot: QtBot, window: MainWindow) -> None:
    seen: dict[str, object] = {}

    def use_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        boxes = dialog.findChildren(QCheckBox)
        radios = {r.text(): r for r in dialog.findChildren(QRadioButton)}
        seen["handout"] = [(b.isEnabled(), b.isChecked()) for b in boxes]
        boxes[0].click()  # the tutor unticks translations for the handout…
        worksheet = radios["Worksheet (gap-fill with a word bank)"]
        qtbot.mouseClick(worksheet, Qt.MouseButton.LeftButton, pos=QPoint(8, worksheet.height() // 2))
        seen["worksheet"] = [(b.isEnabled(), b.isChecked()) for b in boxes]
        seen["why"] = [lab.text() for lab in dialog.findChildren(QLabel) if lab.isVisible() and lab.text()]
        handout = radios["Handout"]
        qtbot.mouseClick(handout, Qt.MouseButton.LeftButton, pos=QPoint(8, handout.height() // 2))  # on its circle
        seen["back"] = [(b.isEnabled(), b.isChecked()) for b in boxes]  # …and finds the ticks as they were
        dialog.reject()

    QTimer.singleShot(0, use_dialog)
    window.teaching.actions["handout"].trigger()
    assert seen["handout"] == [(True, True)] * 4
    assert seen["worksheet"] == [(False, False)] * 4, "greyed options are still shown ticked"
    assert any("worksheet" in text.lower() for text in seen["why"])  # type: ignore[attr-defined]
    assert seen["back"] == [(True, False)] + [(True, True)] * 3
