"""Radio buttons and check boxes that can be chosen show their circle or box at 3:1 or more against the
dialog in every theme: unticked, Fusion drew their outline a shade off the window (1.1:1 on the dark
theme, 2:1 on the others), so the choices of Export handout and Mark known words looked like plain text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QRadioButton, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.study.seed_dialog import SeedDialog
from reader.ui.themes import THEMES, contrast


def indicator_contrast(button: QRadioButton | QCheckBox) -> float:
    """The strongest contrast of the button's circle or box against the dialog behind it, as drawn."""
    image = button.grab().toImage()
    background = QColor(image.pixel(image.width() - 1, 0)).name()
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (QStyle.SubElement.SE_RadioButtonIndicator if isinstance(button, QRadioButton)
               else QStyle.SubElement.SE_CheckBoxIndicator)
    rect = button.style().subElementRect(element, option, button)
    return max(contrast(QColor(image.pixel(x, y)).name(), background)
               for x in range(rect.left(), min(rect.right() + 1, image.width())) for y in range(image.height()))


def faint(buttons: list[QRadioButton | QCheckBox]) -> dict[str, str]:
    return {f"{b.text()[:24]} ({'on' if b.isChecked() else 'off'})": f"{indicator_contrast(b):.2f}:1"
            for b in buttons if b.isEnabled() and indicator_contrast(b) < 3}


@pytest.mark.parametrize("name", sorted(THEMES))
def test_the_handout_dialogs_choices_show_at_3_to_1(qtbot: QtBot, window: MainWindow, name: str) -> None:
    window.set_theme(name)
    found: dict[str, dict[str, str]] = {}

    def use_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        buttons = [*dialog.findChildren(QRadioButton), *dialog.findChildren(QCheckBox)]
        boxes = dialog.findChildren(QCheckBox)
        boxes[0].click()  # one box unticked: an empty box must show too
        assert len(buttons) == 7 and not boxes[0].isChecked()
        found["faint"] = faint(buttons)
        dialog.reject()

    QTimer.singleShot(0, use_dialog)
    window.teaching.actions["handout"].trigger()
    assert found["faint"] == {}, name


@pytest.mark.parametrize("name", sorted(THEMES))
def test_the_mark_known_words_choices_show_at_3_to_1(qtbot: QtBot, window: MainWindow, name: str) -> None:
    window.set_theme(name)
    window.menus.actions["seed_words"].trigger()  # Study → Mark known words…
    dialog = window.findChild(SeedDialog, "SeedDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    radios = dialog.findChildren(QRadioButton)
    assert len(radios) == 4
    assert faint(radios) == {}, name
    dialog.close()
