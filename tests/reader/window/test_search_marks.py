"""Opening a search hit marks what matched in the article and puts its paragraph cleanly at the top."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from reader.article.view import ArticleView
from reader.mainwindow import MainWindow
from reader.ui.themes import THEMES, contrast

SHOTS = os.environ.get("STUDY_READER_SHOTS")  # a folder: the tests leave the window as they saw it there


def open_first_hit(qtbot: QtBot, window: MainWindow, query: str) -> None:
    """Type a query in the search box (Ctrl+F) and open its first hit with Enter."""
    window.activateWindow()
    qtbot.keyClick(window.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.panel.search.selectAll()
    window.panel.search.insert(query)  # as an input method commits it (QTest types only Latin keys)
    qtbot.keyClick(window.panel.search, Qt.Key.Key_Return)


def seen(window: MainWindow, name: str) -> QImage:
    """The article's text area as it is on screen (the window kept in STUDY_READER_SHOTS when that is set)."""
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / f"{name}.png"))
    return window.article.viewport().grab().toImage()


def text_rect(view: ArticleView, text: str) -> QRect:
    """Where the first `text` of the article stands in the viewport (one line of it)."""
    found = view.document().find(text, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull(), f"{text!r} is not in the article"
    ends = []
    for at in (found.selectionStart(), found.selectionEnd()):
        cursor = QTextCursor(view.document())
        cursor.setPosition(at)
        ends.append(view.cursorRect(cursor))
    assert ends[0].top() == ends[1].top(), f"{text!r} is on two lines"
    return QRect(ends[0].left() + 2, ends[0].top() + 1, ends[1].left() - ends[0].left() - 4, ends[0].height() - 2)


def share_in(image: QImage, rect: QRect, colour: str) -> float:
    """How much of `rect` is painted in `colour` (0 to 1)."""
    assert image.rect().contains(rect), f"{rect} is not on screen"
    want = QColor(colour).rgb()
    points = [(x, y) for x in range(rect.left(), rect.right(), 2) for y in range(rect.top(), rect.bottom(), 2)]
    return sum(image.pixel(x, y) == want for x, y in points) / len(points)


def ink_rows(image: QImage, background: str, left: int, right: int) -> list[int]:
    """The rows of the image that hold anything but the background (text, frames) between two columns."""
    bg = QColor(background).rgb()
    return [y for y in range(image.height()) if any(image.pixel(x, y) != bg for x in range(left, right))]


def light_bg() -> str:
    return THEMES["light"].base


def marked_text(view: ArticleView) -> list[str]:
    """The text under each search mark of the article, in the document's order."""
    marks = sorted((sel.cursor.selectionStart(), sel.cursor.selectedText()) for sel in view.extraSelections()
                   if sel.format.background().color().name() == THEMES["light"].highlight_bg)
    return [text for _, text in marks]


def test_an_english_hit_marks_exactly_what_matched(qtbot: QtBot, window: MainWindow) -> None:
    open_first_hit(qtbot, window, "climate plans")  # the paragraph under the heading "Old lines, new money"
    view = window.article
    image = seen(window, "search_hit_en")
    mark = THEMES["light"].highlight_bg
    assert share_in(image, text_rect(view, "climate plans"), mark) > 0.5  # the match, behind its letters
    assert share_in(image, text_rect(view, "call for rail"), mark) == 0  # and nothing else of the paragraph
    # the marks cover the matched characters, no more and no fewer (one mark a word or one for both)
    assert " ".join(marked_text(view)) == "climate plans", marked_text(view)


def test_an_english_hits_paragraph_starts_the_view_cleanly(qtbot: QtBot, window: MainWindow) -> None:
    open_first_hit(qtbot, window, "climate plans")
    view = window.article
    image = seen(window, "search_hit_en_top")
    line = text_rect(view, "The European Union")  # the hit paragraph's first line
    ink = ink_rows(image, light_bg(), line.left(), line.right())  # in the text's column, not the frame's sides
    # under the top edge, which cuts through nothing, the paragraph's focus frame, then its first line
    assert ink[0] >= 2, f"something is cut at the top edge: ink in rows {ink[:6]}"
    frame = [y for y in ink if y < line.top() - 1]
    assert frame == list(range(ink[0], ink[0] + len(frame))) and len(frame) <= 3, f"not only the frame: {frame}"
    assert line.top() <= 24, f"the paragraph starts {line.top()} px below the top"


def test_the_marks_go_at_the_next_key_click_or_search(qtbot: QtBot, window: MainWindow) -> None:
    view, mark = window.article, THEMES["light"].highlight_bg

    def marked() -> float:
        return share_in(seen(window, "marks"), text_rect(view, "climate plans"), mark)

    open_first_hit(qtbot, window, "climate plans")
    assert marked() > 0.5
    qtbot.keyClick(view, Qt.Key.Key_Control)  # a modifier alone (the start of Ctrl+C) keeps them
    assert marked() > 0.5
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert marked() == 0

    open_first_hit(qtbot, window, "climate plans")
    assert marked() > 0.5
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=text_rect(view, "However").center())
    assert marked() == 0

    open_first_hit(qtbot, window, "climate plans")
    assert marked() > 0.5
    qtbot.keyClicks(window.panel.search, " call")  # a new search, typed
    qtbot.waitUntil(lambda: marked() == 0, timeout=2000)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_a_translation_hit_is_marked_in_the_translation_readably(
        qtbot: QtBot, window: MainWindow, theme: str) -> None:
    window.set_theme(theme)
    view = window.article
    colours = THEMES[theme]
    # the new palette reaches the widgets through the event loop
    qtbot.waitUntil(lambda: view.viewport().palette().base().color().name() == colours.base, timeout=2000)
    open_first_hit(qtbot, window, "国営鉄道")
    image = seen(window, f"search_hit_ja_{theme}")
    assert share_in(image, text_rect(view, "国営鉄道"), colours.highlight_bg) > 0.3
    marks = [sel for sel in view.extraSelections() if sel.cursor.selectedText() == "国営鉄道"]
    assert len(marks) == 1
    fg, bg = marks[0].format.foreground().color().name(), marks[0].format.background().color().name()
    assert bg == colours.highlight_bg and contrast(fg, bg) >= 4.5, f"{theme}: {contrast(fg, bg):.2f}:1"
