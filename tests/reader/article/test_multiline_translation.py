"""A translation of several lines (two paragraphs joined, two lines typed in edit mode) is one thing
under its paragraph: every line is hidden until it is revealed, and every line shows when it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow

FIRST, SECOND = "一行目の訳はここまで。", "二行目の訳もあります。"


def shown_text(window: MainWindow) -> str:
    """The article's text as drawn: the blocks that are visible and laid out, each line on its own."""
    doc = window.article.document()
    layout = doc.documentLayout()
    block, parts = doc.begin(), []
    while block.isValid():
        if block.isVisible() and layout.blockBoundingRect(block).height() > 0:
            parts.append(block.text().replace("\u2028", "\n"))
        block = block.next()
    return "\n".join(parts)


def two_lines(window: MainWindow, library: Library) -> int:
    """The user's own two-line translation of the reference lesson's first paragraph, shown in the window."""
    assert window.lesson is not None and window.lesson.id is not None
    index = next(i for i, b in enumerate(window.lesson.blocks) if b.kind != "heading")
    library.editing.set_translation(window.lesson.id, index, "ja", f"{FIRST}\n{SECOND}")
    window.reading.reload()
    return index


def para_point(window: MainWindow, index: int) -> QPoint:
    article = window.article
    rect = article.document().documentLayout().blockBoundingRect(article.block_for(index))
    return QPoint(int(rect.left()) + 60, int(rect.top()) + 8 - article.verticalScrollBar().value())


def test_no_line_shows_before_the_click_and_every_line_after(qtbot: QtBot, window: MainWindow,
                                                            library: Library) -> None:
    index = two_lines(window, library)
    assert FIRST not in shown_text(window) and SECOND not in shown_text(window)
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=para_point(window, index))
    assert window.article.is_shown(index)
    assert f"{FIRST}\n{SECOND}" in shown_text(window)
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=para_point(window, index))
    assert FIRST not in shown_text(window) and SECOND not in shown_text(window)


def test_show_all_and_hide_all_take_every_line(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    two_lines(window, library)
    window.article.setFocus()
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.article, Qt.Key.Key_T, shift_ctrl)
    assert f"{FIRST}\n{SECOND}" in shown_text(window)
    qtbot.keyClick(window.article, Qt.Key.Key_H, shift_ctrl)
    assert FIRST not in shown_text(window) and SECOND not in shown_text(window)


def test_copied_translation_keeps_its_lines(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    index = two_lines(window, library)
    window.article.set_shown(index, True)
    window.article.selectAll()
    window.article.copy()
    assert f"{FIRST}\n{SECOND}" in QApplication.clipboard().text()


def test_a_search_hit_on_the_second_line_is_marked(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    index = two_lines(window, library)
    assert window.lesson is not None and window.lesson.id is not None
    window.open_hit(window.lesson.id, index, "ja", "二行目")
    assert f"{FIRST}\n{SECOND}" in shown_text(window)
    marked = [s.cursor.selectedText() for s in window.article.extraSelections()]
    assert "二行目" in marked


def test_both_lines_are_drawn_light_and_dark(qtbot: QtBot, window: MainWindow, library: Library,
                                            tmp_path: Path) -> None:
    """The revealed translation's box is two text lines high, in either theme (the screenshots are kept)."""
    index = two_lines(window, library)
    article = window.article
    for theme in ("light", "dark"):
        window.set_theme(theme)
        article.set_shown(index, True)
        assert f"{FIRST}\n{SECOND}" in shown_text(window)
        block = article.block_for(index, extra=True)
        assert block.layout().lineCount() >= 2
        article.scroll_to(index)
        QApplication.processEvents()  # the new palette reaches the view through events
        article.grab().save(str(tmp_path / f"two_lines_{theme}.png"))


def test_the_text_on_screen_gives_each_line_of_the_translation(qtbot: QtBot, window: MainWindow,
                                                               library: Library) -> None:
    index = two_lines(window, library)
    window.article.set_shown(index, True)
    window.article.scroll_to(index)
    assert f"{FIRST}\n{SECOND}" in window.article.visible_text()
