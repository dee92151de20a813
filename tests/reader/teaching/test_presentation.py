"""Presentation mode as a class sees it: what is revealed is on screen, whole lines only, where am I, how to leave."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.teaching.presentation import PresentationView
from tests.reader.conftest import index_of

LAST_JA = "ただ、最も長い路線の多くは"  # the translation of a paragraph two thirds into the lesson


def present(qtbot: QtBot, window: MainWindow) -> PresentationView:
    window.activateWindow()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_F5)
    pres = window.teaching.presentation
    assert pres is not None and pres.isVisible()
    return pres


def cut_lines(pres: PresentationView) -> list[str]:
    """Lines of the text that the screen's top or bottom edge cuts through, and lines off screen."""
    doc, view = pres.view.document(), pres.view
    top, height = view.verticalScrollBar().value(), view.viewport().height()
    layout = doc.documentLayout()
    bad: list[str] = []
    block = doc.begin()
    while block.isValid():
        y = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for n in range(lines.lineCount()):
            line = lines.lineAt(n)
            line_top, line_bottom = y + line.y(), y + line.y() + line.height()
            if line_top < top - 0.5 or line_bottom > top + height + 0.5:
                bad.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return bad


@pytest.fixture
def window_at(window: MainWindow) -> Iterator[MainWindow]:
    yield window
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "Presentation":
            w.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768), (1600, 1000)])
def test_revealed_translation_is_on_screen_and_no_line_is_cut(
    qtbot: QtBot, window_at: MainWindow, size: tuple[int, int]
) -> None:
    pres = present(qtbot, window_at)
    pres.showNormal()
    pres.resize(*size)
    pres.fit_type(*size)
    qtbot.waitUntil(lambda: pres.view.viewport().height() > size[1] * 0.7, timeout=1000)
    target = index_of(window_at, "However, many of the longest routes")
    while pres.focus_index != target:
        qtbot.keyClick(pres, Qt.Key.Key_Right)
        assert not cut_lines(pres)
    qtbot.keyClick(pres, Qt.Key.Key_T)
    assert LAST_JA in pres.visible_text()
    assert not cut_lines(pres), "the revealed translation (or the text around it) is cut by the screen's edge"
    qtbot.keyClick(pres, Qt.Key.Key_N)  # the paragraph's note under the translation: still whole
    assert "北極や南極" in pres.visible_text() and not cut_lines(pres)


def test_a_paragraph_without_translation_says_so(qtbot: QtBot, window_at: MainWindow) -> None:
    pres = present(qtbot, window_at)
    while pres.lesson.blocks[pres.focus_index].translation():
        qtbot.keyClick(pres, Qt.Key.Key_Right)
    qtbot.keyClick(pres, Qt.Key.Key_T)
    assert "No translation for this paragraph." in pres.visible_text()
    assert "—" not in pres.visible_text().split(pres.focused_text())[-1]


def test_notes_on_a_paragraph_without_notes_says_so(qtbot: QtBot, window_at: MainWindow) -> None:
    pres = present(qtbot, window_at)
    noted = {n.anchor.block for n in pres.lesson.notes if n.anchor is not None}
    while pres.focus_index in noted:
        qtbot.keyClick(pres, Qt.Key.Key_Right)
    before = pres.visible_text()
    qtbot.keyClick(pres, Qt.Key.Key_N)
    assert "No notes for this paragraph." in pres.visible_text() and pres.visible_text() != before
    qtbot.keyClick(pres, Qt.Key.Key_N)  # N again hides what it said
    assert "No notes for this paragraph." not in pres.visible_text()


def test_title_position_and_how_to_leave_are_shown(qtbot: QtBot, window_at: MainWindow) -> None:
    pres = present(qtbot, window_at)
    count = len(pres.order)
    assert pres.title_label.isVisible()
    assert pres.title_label.text() == "Night Trains Make a Comeback Across Europe"
    assert pres.where_label.text() == f"Paragraph 1 of {count}"
    qtbot.keyClick(pres, Qt.Key.Key_Right)
    qtbot.keyClick(pres, Qt.Key.Key_Right)
    assert pres.where_label.text() == f"Paragraph 3 of {count}"
    qtbot.keyClick(pres, Qt.Key.Key_End)
    assert pres.where_label.text() == f"Paragraph {count} of {count}"
    assert pres.hint_label.isVisible() and "Esc" in pres.hint_label.text()


def test_leaving_gives_the_article_the_focus(qtbot: QtBot, window_at: MainWindow) -> None:
    pres = present(qtbot, window_at)
    qtbot.keyClick(pres, Qt.Key.Key_Right)
    window_at.panel.search.setFocus()  # the window's focus as a real X server left it: in the search box
    qtbot.keyClick(pres, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window_at.isActiveWindow(), timeout=2000)
    assert window_at.article.hasFocus() and window_at.article.focus_index == pres.order[1]


def test_starts_at_the_paragraph_the_reader_is_on(qtbot: QtBot, window_at: MainWindow) -> None:
    article = window_at.article
    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_Down)  # the focus on the first paragraph…
    target = index_of(window_at, "The Swedish Transport Administration")
    article.scroll_to(target)  # …then the reader scrolls on with the wheel
    qtbot.wait(10)
    pres = present(qtbot, window_at)
    assert pres.focus_index == target
    assert pres.focused_text().startswith("The Swedish Transport Administration")


def test_the_next_heading_is_not_greyed_like_a_paragraph_out_of_focus(qtbot: QtBot, window_at: MainWindow) -> None:
    from PySide6.QtGui import QColor

    pres = present(qtbot, window_at)
    blocks = pres.lesson.blocks
    kinds = [b.kind for b in blocks]
    heading = next(i for i in range(1, len(kinds)) if kinds[i] == "heading" and kinds[i - 1] == "paragraph")
    while pres.focus_index != heading - 1:
        qtbot.keyClick(pres, Qt.Key.Key_Right)
    doc = pres.view.document()
    found = doc.find(blocks[heading].text)
    assert not found.isNull(), "the next section's heading is not on the screen"
    shown = found.charFormat().foreground().color()
    assert shown == QColor(pres.theme.text), f"the heading is drawn in {shown.name()}, greyed like the other paragraphs"
