"""A disabled button looks disabled in every theme, and an enabled one looks usable: the lookup card's speaker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.ui.themes import THEMES, contrast
from tests.reader.conftest import point_of
from tests.reader.study.test_lookup_clicks import double_click_at
from tests.reader.study.test_study_window import no_jmdict  # noqa: F401  (a fixture)


def ink(image: QImage) -> float:
    """The strongest contrast between the button's middle (its icon) and its own face beside it."""
    w, h = image.width(), image.height()
    face = QColor(image.pixel(6, h // 2)).name()
    return max(
        contrast(QColor(image.pixel(x, y)).name(), face)
        for x in range(w // 2 - 8, w // 2 + 8)
        for y in range(h // 2 - 8, h // 2 + 8)
    )


@pytest.mark.parametrize("name", sorted(THEMES))
def test_the_speaker_button_looks_off_when_it_is_off(
    qtbot: QtBot, window: MainWindow, no_jmdict: None, name: str  # noqa: F811
) -> None:
    window.set_theme(name)
    view = window.article
    at = point_of(view, "ordering new carriages")
    double_click_at(qtbot, window, QPoint(at.x() + 4, at.y()))
    card = window.study.card
    assert card.isVisible()
    speak = card.speak
    speak.setEnabled(True)
    on = ink(speak.grab().toImage())
    speak.setEnabled(False)  # what the card shows where reading aloud is not installed
    off = ink(speak.grab().toImage())
    assert on >= 4.5, f"{name}: the working speaker is faint ({on:.1f}:1), it looks disabled"
    assert off <= 2.5, f"{name}: the disabled speaker stands out ({off:.1f}:1), it looks usable"
