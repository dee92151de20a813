"""Presentation mode: every key answers, dimmed context keeps its distance, a tutor can resume or start over."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QTextBlock
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.teaching.presentation import PresentationView
from tests.reader.conftest import index_of


def present(qtbot: QtBot, window: MainWindow) -> PresentationView:
    window.activateWindow()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_F5)
    pres = window.teaching.presentation
    assert pres is not None and pres.isVisible()
    pres.showNormal()
    pres.resize(1600, 1000)
    pres.fit_type(1600, 1000)
    qtbot.waitUntil(lambda: pres.view.viewport().height() > 700, timeout=1000)
    return pres


@pytest.fixture
def window_at(window: MainWindow) -> Iterator[MainWindow]:
    yield window
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "Presentation":
            w.close()


def shown_block(pres: PresentationView, start: str) -> QTextBlock:
    """The block of the presented text that begins with `start`."""
    block = pres.view.document().begin()
    while block.isValid():
        if block.text().startswith(start):
            return block
        block = block.next()
    raise AssertionError(f"{start!r} is not on the screen")


def gap_between(upper: QTextBlock, lower: QTextBlock) -> float:
    """Blank pixels between the last line of `upper` and the first line of `lower`, as laid out."""
    up, low = upper.layout(), lower.layout()
    last = up.lineAt(up.lineCount() - 1)
    bottom = up.position().y() + last.y() + last.height()
    return low.position().y() + low.lineAt(0).y() - bottom


def test_quiz_on_a_lesson_without_questions_says_so(qtbot: QtBot, window_at: MainWindow) -> None:
    assert window_at.lesson is not None
    window_at.lesson.glossary.clear()  # a lesson whose page had no word list: nothing to blank
    pres = present(qtbot, window_at)
    before = pres.visible_text()
    qtbot.keyClick(pres, Qt.Key.Key_Q)
    assert "No questions for this lesson." in pres.visible_text() and pres.visible_text() != before
    qtbot.keyClick(pres, Qt.Key.Key_Q)  # Q again takes the answer away
    assert "No questions for this lesson." not in pres.visible_text()


def test_dimmed_title_and_paragraphs_keep_a_line_of_space(qtbot: QtBot, window_at: MainWindow) -> None:
    pres = present(qtbot, window_at)
    line = QFontMetricsF(pres._font()).height()
    paragraphs = {pres.lesson.blocks[i].text for i in pres.order}
    checked = 0
    for _ in pres.order:
        focused = shown_block(pres, pres.focused_text())
        before, after = focused.previous(), focused.next()
        if before.isValid() and (before.text() in paragraphs or before.text() == pres.lesson.title):
            assert gap_between(before, focused) >= line, f"{before.text()[:30]!r} greyed touches the text in focus"
            checked += 1
        if after.isValid() and after.text() in paragraphs:
            assert gap_between(focused, after) >= line, f"{after.text()[:30]!r} greyed touches the text in focus"
            checked += 1
        qtbot.keyClick(pres, Qt.Key.Key_Right)
    assert checked >= 3  # greyed context was on screen (where whole blocks fit around the focus)


def test_resumes_where_the_reader_is_and_home_goes_to_the_start(qtbot: QtBot, window_at: MainWindow) -> None:
    article = window_at.article
    target = index_of(window_at, "The Swedish Transport Administration")
    article.setFocus()
    article.scroll_to(target)
    qtbot.wait(10)
    pres = present(qtbot, window_at)
    count = len(pres.order)
    assert pres.focus_index == target
    assert pres.where_label.text() == f"Paragraph {pres.order.index(target) + 1} of {count}"
    assert "Home" in pres.hint_label.text(), "the key-hint line does not say how to go to the start"
    qtbot.keyClick(pres, Qt.Key.Key_Home)
    assert pres.focus_index == pres.order[0] and pres.where_label.text() == f"Paragraph 1 of {count}"
