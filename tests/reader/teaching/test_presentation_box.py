"""Presentation mode: a revealed translation stands in a padded box, its Japanese lines spaced for reading."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.teaching.presentation import PresentationView
from tests.reader.teaching.test_presentation import present

SHOTS = os.environ.get("STUDY_READER_SHOTS")  # a folder: the tests leave the screen as they saw it there


@pytest.fixture
def presenting(window: MainWindow) -> Iterator[MainWindow]:
    yield window
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "Presentation":
            w.close()


def box_around(image: QImage, x: int, y: int, colour: str) -> QRect:
    """The rectangle of `colour` that holds the point (x, y), a point clear of the text in it."""
    bg = QColor(colour).rgb()

    def edge(x: int, y: int, dx: int, dy: int) -> int:
        """Walk from (x, y) while the box's colour goes on; the last x (or y) in it."""
        while image.valid(x + dx, y + dy) and image.pixel(x + dx, y + dy) == bg:
            x, y = x + dx, y + dy
        return x if dx else y

    assert image.pixel(x, y) == bg, "the point is not in the box"
    left = edge(x, y, -1, 0)
    column = left + 1  # the box's own edge, clear of the text
    top, bottom = edge(column, y, 0, -1), edge(column, y, 0, 1)
    right = edge(left, top + 1, 1, 0)
    return QRect(left, top, right - left + 1, bottom - top + 1)


def ink_in(image: QImage, box: QRect, colour: str) -> QRect:
    """The bounding rectangle of what is drawn in the box (its text)."""
    bg = QColor(colour).rgb()
    xs, ys = [], []
    for y in range(box.top() + 2, box.bottom() - 1):  # inside the box's edges, which may be blended
        row = [x for x in range(box.left() + 2, box.right() - 1) if image.pixel(x, y) != bg]
        if row:
            ys.append(y)
            xs += [row[0], row[-1]]
    assert ys, "the box is empty"
    return QRect(min(xs), ys[0], max(xs) - min(xs) + 1, ys[-1] - ys[0] + 1)


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_the_translation_box_is_padded_and_its_lines_spaced_for_japanese(
    qtbot: QtBot, presenting: MainWindow, size: tuple[int, int]
) -> None:
    pres = present(qtbot, presenting)
    pres.showNormal()
    pres.resize(*size)
    pres.fit_type(*size)
    qtbot.waitUntil(lambda: pres.view.viewport().height() > size[1] * 0.7, timeout=1000)
    translated = [i for i in pres.order if pres.lesson.blocks[i].translation()]
    assert len(translated) >= 3
    for target in translated:
        while pres.focus_index != target:
            qtbot.keyClick(pres, Qt.Key.Key_Right)
        qtbot.keyClick(pres, Qt.Key.Key_T)
        if SHOTS:
            pres.grab().save(str(Path(SHOTS) / f"presentation_{size[0]}x{size[1]}_{target}.png"))
        translation = pres.lesson.blocks[target].translation() or ""
        check_box(pres, translation[:8])


def check_box(pres: PresentationView, start: str) -> None:
    """The translation beginning `start`: its lines 1.5 to 1.7 font sizes apart, its box padded and on screen."""
    found = pres.view.document().find(start)
    assert not found.isNull(), f"the translation {start!r} is not shown"
    lines = found.block().layout()
    em = found.charFormat().font().pixelSize()
    assert em > 0
    if lines.lineCount() >= 2:
        pitch = lines.lineAt(1).y() - lines.lineAt(0).y()
        assert 1.5 * em <= pitch <= 1.7 * em, f"lines {pitch / em:.2f} font sizes apart"

    first = pres.view.cursorRect(QTextCursor(found.block()))
    image = pres.view.viewport().grab().toImage()
    bg = pres.theme.translation_bg
    box = box_around(image, first.left(), first.top() + 2, bg)  # above the first line's letters
    ink = ink_in(image, box, bg)
    room = {"left": ink.left() - box.left(), "top": ink.top() - box.top(), "bottom": box.bottom() - ink.bottom()}
    assert all(gap >= 0.4 * em for gap in room.values()), f"padding {room} px for type of {em} px"
    assert image.rect().contains(box) and box.bottom() < image.height() - 1, "the box is not wholly on screen"
