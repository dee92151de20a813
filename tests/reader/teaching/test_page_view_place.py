"""Where the page view first opens on a screen the main window fills (1280×800, 800×600): clear of the
article's text column, which the reader watches change (on a small screen the view narrower and the
library out of the way while it is open); after that where the user left it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.teaching import page_table
from reader.teaching.page_model import ROLE
from reader.window.focus_mode import ARTICLE_MIN
from tests.reader.teaching.test_page_view import PAGE, open_page_view


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_the_first_place_leaves_the_text_column_in_sight(qtbot: QtBot, window: MainWindow, library: Library,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         size: tuple[int, int]) -> None:
    screen = QRect(0, 0, *size)
    monkeypatch.setattr(page_table, "screen_room", lambda _window: screen)
    window.move(0, 0)
    window.resize(*size)  # the window fills the screen: no room beside it
    window.open_lesson(library.lessons.import_file(PAGE).lesson_id)
    QApplication.processEvents()
    sizes = window.splitter.sizes()
    view = open_page_view(qtbot, window)
    QApplication.processEvents()
    placed, article = view.frameGeometry(), window.article
    left = article.viewport().mapToGlobal(QPoint(0, 0)).x()
    right = left + article.viewport().width() - round(article.document().rootFrame().frameFormat().rightMargin())
    assert screen.contains(placed) and placed.right() >= screen.right() - 8  # against the right edge
    assert right <= placed.left()  # every line of the article's text in sight, beside the view
    if size[0] >= 1280:
        assert placed.width() >= page_table.MIN_WIDTH
    else:  # a small screen: the view narrower, the library out of the way, the article as wide as a dock leaves it
        assert placed.width() >= view.minimumSizeHint().width()
        assert not window.panel.isVisible() and article.width() >= ARTICLE_MIN
        table, model = view.table, view.model
        names = [str(model.index(r, ROLE).data()) for r in range(model.rowCount())]
        assert table.columnWidth(ROLE) >= max(table.fontMetrics().horizontalAdvance(n) for n in names)
        for button in view.findChildren(QPushButton):  # and every button of the view whole
            if button.isVisible():
                assert button.width() >= button.sizeHint().width(), button.text()
                assert view.rect().contains(QRect(button.mapTo(view, QPoint(0, 0)), button.size())), button.text()
    view.close()
    assert window.splitter.sizes() == sizes  # the side panels back as they were
    assert window.panel.isVisible() and window.vocab.isVisible() == (size[0] >= 1280)


def test_the_users_place_is_kept(qtbot: QtBot, window: MainWindow, library: Library,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_table, "screen_room", lambda _window: QRect(0, 0, 1280, 800))
    window.move(0, 0)
    window.resize(1280, 800)
    window.open_lesson(library.lessons.import_file(PAGE).lesson_id)
    view = open_page_view(qtbot, window)
    view.setGeometry(QRect(100, 120, 600, 500))  # the user moves and resizes it
    view.close()
    window.page_fixing.view = None  # opened anew, as in the next session
    QApplication.processEvents()
    window.menus.actions["page_view"].trigger()  # Teach → Page view…
    again = window.page_fixing.view
    assert again is not None and again is not view and again.isVisible()
    assert again.geometry() == QRect(100, 120, 600, 500)


def test_a_resize_while_the_view_is_open_keeps_the_article_beside_it(qtbot: QtBot, window: MainWindow,
                                                                     library: Library,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_table, "screen_room", lambda _window: QRect(0, 0, 800, 600))
    window.move(0, 0)
    window.resize(800, 600)
    window.open_lesson(library.lessons.import_file(PAGE).lesson_id)
    QApplication.processEvents()
    sizes = window.splitter.sizes()
    view = open_page_view(qtbot, window)
    for width in (780, 800):  # the window made narrower and wide again: its side panels follow its width
        window.resize(width, 600)
        qtbot.waitUntil(lambda: not window.panel.isVisible())  # the library stays out of the view's way
        article = window.article
        assert article.mapToGlobal(QPoint(article.width(), 0)).x() <= view.frameGeometry().left()
        assert article.width() >= ARTICLE_MIN - 20  # 20 px less window
    view.close()
    assert window.splitter.sizes() == sizes and window.panel.isVisible()
