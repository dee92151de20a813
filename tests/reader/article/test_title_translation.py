"""The title's translation under the title: hidden at first, a click on the title shows it, and
"Show all translations" shows it with the others."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from library import Library
from library.pagelines import Role
from reader.mainwindow import MainWindow

PAGE = Path(__file__).resolve().parents[2] / "data" / "pageview" / "harbour_orig.txt"
TITLE_JA = "港のフェリー、10年ぶりに復活"


def fixed(library: Library) -> int:
    """The page with its title and the title's translation given by hand (the importer took a menu line)."""
    lesson_id = library.lessons.import_file(PAGE).lesson_id
    library.pages.set_role(lesson_id, 2, Role.TITLE)
    library.pages.set_role(lesson_id, 3, Role.TITLE_TRANSLATION)
    assert library.lessons.get(lesson_id).title_translation == TITLE_JA
    return lesson_id


def shown_text(window: MainWindow) -> str:
    """The article's text as drawn: the blocks that are visible and laid out."""
    doc = window.article.document()
    layout = doc.documentLayout()
    block, parts = doc.begin(), []
    while block.isValid():
        if block.isVisible() and layout.blockBoundingRect(block).height() > 0:
            parts.append(block.text())
        block = block.next()
    return "\n".join(parts)


def title_point(window: MainWindow) -> QPoint:
    article = window.article
    rect = article.document().documentLayout().blockBoundingRect(article.document().begin())
    return QPoint(int(rect.left()) + 40, int(rect.center().y()) - article.verticalScrollBar().value())


def test_a_click_on_the_title_shows_its_translation(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    window.open_lesson(fixed(library))
    assert TITLE_JA not in shown_text(window)  # hidden, like a paragraph's
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=title_point(window))
    assert TITLE_JA in shown_text(window)
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=title_point(window))
    assert TITLE_JA not in shown_text(window)


def test_show_all_translations_shows_the_titles(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    window.open_lesson(fixed(library))
    window.article.setFocus()
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.article, Qt.Key.Key_T, shift_ctrl)
    text = shown_text(window)
    assert TITLE_JA in text and "月曜日、旧サービスが停止されて" in text
    qtbot.keyClick(window.article, Qt.Key.Key_H, shift_ctrl)
    assert TITLE_JA not in shown_text(window)


def test_a_click_on_the_title_in_presentation_shows_its_translation(qtbot: QtBot, window: MainWindow,
                                                                   library: Library) -> None:
    window.open_lesson(fixed(library))
    window.activateWindow()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_F5)
    pres = window.teaching.presentation
    assert pres is not None and pres.isVisible()
    try:
        assert TITLE_JA not in pres.title_label.text()
        qtbot.mouseClick(pres.title_label, Qt.MouseButton.LeftButton)
        assert TITLE_JA in pres.title_label.text() or TITLE_JA in pres.title_label.toolTip()
        qtbot.mouseClick(pres.title_label, Qt.MouseButton.LeftButton)
        assert TITLE_JA not in pres.title_label.text()
    finally:
        pres.close()
