"""Greyed check boxes stay visible: in Export handout with a worksheet chosen, each disabled box's outline
and its words read at 3:1 or more on the dialog in every theme (Fusion's own outline of a disabled box
was 1.1:1 on the dark theme), and the palette's disabled text, which draws them, does too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QRadioButton, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.ui.themes import THEMES, contrast


def _strongest(image: QImage, left: int, right: int, background: str) -> float:
    return max(contrast(QColor(image.pixel(x, y)).name(), background)
               for x in range(left, min(right, image.width())) for y in range(image.height()))


@pytest.mark.parametrize("name", sorted(THEMES))
def test_disabled_handout_options_read_at_3_to_1(qtbot: QtBot, window: MainWindow, name: str) -> None:
    window.set_theme(name)
    pal = QApplication.palette()
    disabled = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    assert contrast(disabled, pal.color(QPalette.ColorRole.Window).name()) >= 3
    seen: dict[str, tuple[float, float]] = {}

    def use_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        radios = {r.text(): r for r in dialog.findChildren(QRadioButton)}
        worksheet = radios["Worksheet (gap-fill with a word bank)"]
        qtbot.mouseClick(worksheet, Qt.MouseButton.LeftButton, pos=QPoint(8, worksheet.height() // 2))
        for box in dialog.findChildren(QCheckBox):
            assert not box.isEnabled()
            image = box.grab().toImage()
            background = QColor(image.pixel(image.width() - 1, 0)).name()
            option = QStyleOptionButton()
            box.initStyleOption(option)
            indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
            words = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, box)
            seen[box.text()] = (_strongest(image, indicator.left(), indicator.right() + 1, background),
                                _strongest(image, words.left(), words.right() + 1, background))
        dialog.reject()

    QTimer.singleShot(0, use_dialog)
    window.teaching.actions["handout"].trigger()
    assert len(seen) == 4
    faint = {text: f"box {box:.1f}:1, words {words:.1f}:1" for text, (box, words) in seen.items()
             if box < 3 or words < 3}
    assert not faint, f"{name}: {faint}"
