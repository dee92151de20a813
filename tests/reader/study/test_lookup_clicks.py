"""Looking a word up with the mouse: a double-click near the screen's bottom, a phrase dragged over part of a word."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.conftest import point_of
from tests.reader.study.test_study_window import no_jmdict  # noqa: F401  (a fixture)


def double_click_at(qtbot: QtBot, window: MainWindow, pos: QPoint) -> None:
    """What a real double-click sends: press, release, double-click, release."""
    viewport = window.article.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    for kind in (QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonRelease):
        buttons = Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonDblClick else Qt.MouseButton.NoButton
        event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), Qt.MouseButton.LeftButton,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)


def last_whole_paragraph(window: MainWindow) -> int:
    """The last paragraph whose text is wholly on screen, a few lines above the bottom edge."""
    view = window.article
    layout, bottom = view.document().documentLayout(), view.verticalScrollBar().value() + view.viewport().height()
    whole = [i for i in view.reading.on_screen() if layout.blockBoundingRect(view.block_for(i)).bottom() < bottom - 4]
    return whole[-1]


def test_double_click_near_the_bottom_opens_the_card_and_does_not_scroll(
    qtbot: QtBot, window: MainWindow, no_jmdict: None  # noqa: F811
) -> None:
    view = window.article
    bar = view.verticalScrollBar()
    index = last_whole_paragraph(window)  # near the bottom: what is under it would not fit
    block = view.block_for(index)
    cursor = QTextCursor(view.document())
    cursor.setPosition(block.position() + block.length() - 5)
    pos = view.cursorRect(cursor).center()
    word = window.study.word_at(pos)
    assert word is not None
    top = bar.value()
    double_click_at(qtbot, window, pos)
    card = window.study.card
    assert card.isVisible() and card.content is not None and card.content.text == word[0]
    qtbot.wait(QApplication.doubleClickInterval() + 100)
    assert bar.value() == top, "the first click scrolled the word away"
    assert view.shown == set()


def test_a_single_click_still_shows_the_translation_and_brings_it_on_screen(qtbot: QtBot, window: MainWindow) -> None:
    view = window.article
    index = view.reading.on_screen()[-2]
    block = view.block_for(index)
    cursor = QTextCursor(view.document())
    cursor.setPosition(block.position() + 2)
    pos = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.is_shown(index)  # at once
    extra = view.block_for(index, extra=True)
    qtbot.waitUntil(lambda: extra.text() in view.visible_text(), timeout=2000)


def test_a_phrase_dragged_over_part_of_a_word_is_looked_up_whole(
    qtbot: QtBot, window: MainWindow, no_jmdict: None  # noqa: F811
) -> None:
    view = window.article
    point_of(view, "ordering new carriages")  # scrolled into view
    found = view.document().find("ordering new carriages")
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart())
    rect = view.cursorRect(cursor)
    start = QPoint(rect.left() + 1, rect.center().y())
    cursor.setPosition(found.selectionEnd() - 3)  # inside "carriages"
    rect = view.cursorRect(cursor)
    end = QPoint(rect.left(), rect.center().y())
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    selected = view.textCursor().selectedText()
    assert selected.startswith("ordering new carria") and not selected.endswith("carriages")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_L)
    card = window.study.card
    assert card.isVisible() and card.content is not None
    assert card.content.text.endswith("new carriages")
    shown = view.textCursor().selectedText()  # the selection on screen is what was looked up, whole words
    assert shown.endswith("new carriages") and " ".join(shown.split()) == card.content.text
    qtbot.mouseClick(card.buttons["new"], Qt.MouseButton.LeftButton)
    saved = [w for w, _ in window.study.marks.marked_words()]
    assert any(w.endswith("new carriages") for w in saved) and not any(w.endswith("carria") for w in saved)


def test_the_card_of_a_name_says_it_is_a_name(qtbot: QtBot, window: MainWindow, no_jmdict: None) -> None:  # noqa: F811
    double_click_at(qtbot, window, point_of(window.article, "Nightjet"))
    card = window.study.card
    assert card.isVisible() and card.content is not None and card.content.text == "Nightjet"
    assert "A name: not levelled" in card.body.text() and "unlisted" not in card.body.text()
    card.hide()
    qtbot.wait(QApplication.doubleClickInterval() + 100)
    after = window.article.document().find("reserve money").selectionStart()
    double_click_at(qtbot, window, point_of(window.article, "reserve", after))
    assert card.content is not None and card.content.text == "reserve"
    assert "Level " in card.body.text() and "A name" not in card.body.text()
