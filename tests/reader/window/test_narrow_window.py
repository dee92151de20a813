"""The window on a small screen: the side panels give way, focus mode hides them, the reading place is kept."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.window.focus_mode import ARTICLE_MIN
from tests.reader.conftest import DialogLog, index_of


def article_width(window: MainWindow) -> int:
    """The width the text has: the article less its margins."""
    view = window.article
    root = view.document().rootFrame().frameFormat()
    return int(view.viewport().width() - root.leftMargin() - root.rightMargin())


def resize(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height, timeout=2000)
    qtbot.wait(20)


def test_at_683_by_740_the_word_list_gives_way_and_the_article_reads(qtbot: QtBot, window: MainWindow) -> None:
    resize(qtbot, window, 683, 740)
    assert window.article.width() >= ARTICLE_MIN
    assert article_width(window) >= ARTICLE_MIN - 60
    assert window.panel.isVisible() and not window.vocab.isVisible()
    resize(qtbot, window, 1280, 800)
    assert window.panel.isVisible() and window.vocab.isVisible()  # wide again: both come back


def test_at_640_by_480_only_the_article_is_left(qtbot: QtBot, window: MainWindow) -> None:
    resize(qtbot, window, 640, 480)
    assert not window.panel.isVisible() and not window.vocab.isVisible()
    assert window.article.width() >= 600


def test_focus_mode_is_a_key_and_is_remembered(
    qtbot: QtBot, window: MainWindow, library: Library, settings: QSettings, dialog_log: DialogLog
) -> None:
    window.activateWindow()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_F11)
    assert not window.panel.isVisible() and not window.vocab.isVisible()
    assert window.article.hasFocus()
    window.close()
    again = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    resize(qtbot, again, 1280, 800)
    assert not again.panel.isVisible() and not again.vocab.isVisible()
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow, timeout=2000)
    qtbot.keyClick(again.article, Qt.Key.Key_F11)
    assert again.panel.isVisible() and again.vocab.isVisible()
    again.close()


def test_resizing_keeps_the_paragraph_at_the_top(qtbot: QtBot, window: MainWindow) -> None:
    window.article.scroll_to(index_of(window, "The Swedish Transport Administration"))
    qtbot.wait(20)
    target = window.article.first_visible_index()
    assert target > 0
    for size in ((683, 740), (640, 480), (1280, 800)):
        resize(qtbot, window, *size)
        assert window.article.first_visible_index() == target, f"lost the place at {size}"


def test_zooming_keeps_the_paragraph_at_the_top(qtbot: QtBot, window: MainWindow) -> None:
    window.article.scroll_to(index_of(window, "The Swedish Transport Administration"))
    qtbot.wait(20)
    target = window.article.first_visible_index()
    window.activateWindow()
    for key in (Qt.Key.Key_Equal, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_0):
        qtbot.keyClick(window.article, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(20)
        assert window.article.first_visible_index() == target


def test_a_window_that_starts_small_starts_fitted(
    qtbot: QtBot, library: Library, settings: QSettings, dialog_log: DialogLog, reference_id: int
) -> None:
    win = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(win)
    win.resize(683, 740)  # as a remembered geometry is restored: before the window is shown
    win.show()
    qtbot.waitExposed(win)
    assert win.article.width() >= ARTICLE_MIN and not win.vocab.isVisible()
    win.close()


def test_nothing_holds_the_window_wider_than_640_by_480(qtbot: QtBot, window: MainWindow) -> None:
    def fits() -> None:
        for part in (window, window.statusBar(), window.centralWidget()):
            hint = part.minimumSizeHint()
            assert hint.width() <= 640 and hint.height() <= 480, (type(part).__name__, hint)

    fits()  # reading, both panels up at 1280×800
    window.set_language("ja")
    fits()
    window.set_language("en")
    qtbot.keyClick(window.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # edit mode and its dock
    fits()
    resize(qtbot, window, 640, 480)
    assert window.width() == 640 and not window.panel.isVisible() and not window.vocab.isVisible()
    qtbot.keyClick(window.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # back to reading
    resize(qtbot, window, 683, 740)
    assert window.article.width() >= ARTICLE_MIN and window.panel.isVisible() and not window.vocab.isVisible()
