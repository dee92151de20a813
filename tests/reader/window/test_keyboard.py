"""The whole reading flow from the keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.conftest import index_of

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def key(qtbot: QtBot, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = focused()
    assert widget is not None, "nothing has keyboard focus"
    qtbot.keyClick(widget, k, mods)


def test_reading_flow_by_keyboard_alone(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.article

    # search, then jump to the paragraph found
    key(qtbot, Qt.Key.Key_F, CTRL)
    assert focused() is window.panel.search
    qtbot.keyClicks(window.panel.search, "the far north")
    key(qtbot, Qt.Key.Key_Return)  # one Enter opens the hit
    assert window.panel.results_model.rowCount() == 1
    shut = index_of(window, "Sweden has promised")
    assert focused() is view and view.focus_index == shut

    # T shows and hides the translation of the focused paragraph
    key(qtbot, Qt.Key.Key_T)
    assert "スウェーデンは、北部へ向かう" in view.visible_text()
    key(qtbot, Qt.Key.Key_T)
    assert "スウェーデンは、北部へ向かう" not in view.visible_text()

    # arrows move the focus; Enter toggles
    key(qtbot, Qt.Key.Key_Up)
    key(qtbot, Qt.Key.Key_Up)
    key(qtbot, Qt.Key.Key_Up)
    assert view.focus_index == index_of(window, "Austria’s national railway company")
    key(qtbot, Qt.Key.Key_Return)
    assert "オーストリアの国営鉄道会社" in view.visible_text()

    # N shows the focused paragraph's note; Esc closes it
    key(qtbot, Qt.Key.Key_Home)
    key(qtbot, Qt.Key.Key_Down)
    assert view.focus_index == index_of(window, "Rail companies are ordering")
    key(qtbot, Qt.Key.Key_N)
    assert view.card.isVisible() and "寝台列車" in view.card.text()
    key(qtbot, Qt.Key.Key_Escape)
    assert not view.card.isVisible()

    # A paragraph without translation: Enter shows the prompt, A adds one
    key(qtbot, Qt.Key.Key_Return)
    assert "No translation yet." in view.visible_text()

    # the word list: Ctrl+3, arrows, Enter
    key(qtbot, Qt.Key.Key_3, CTRL)
    assert focused() is window.vocab.view
    key(qtbot, Qt.Key.Key_Down)
    if window.vocab.view.currentIndex().row() != 1:
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    assert view.highlighted_words() == ["reserved", "reserve", "Reserve"]

    # back to the article; show all, hide all, zoom
    key(qtbot, Qt.Key.Key_2, CTRL)
    assert focused() is view
    key(qtbot, Qt.Key.Key_Escape)
    assert view.highlighted_words() == []
    key(qtbot, Qt.Key.Key_T, CTRL_SHIFT)
    assert len(view.shown) == 3
    key(qtbot, Qt.Key.Key_H, CTRL_SHIFT)
    assert not view.shown
    size = window.doc_style().size
    key(qtbot, Qt.Key.Key_Equal, CTRL)
    assert window.doc_style().size > size
    key(qtbot, Qt.Key.Key_0, CTRL)
    assert window.doc_style().size == size

    # the library: search results while a search is on, else the lesson list
    key(qtbot, Qt.Key.Key_1, CTRL)
    assert focused() is window.panel.results_view
    key(qtbot, Qt.Key.Key_F, CTRL)
    key(qtbot, Qt.Key.Key_Backspace)
    key(qtbot, Qt.Key.Key_1, CTRL)
    assert focused() is window.panel.lessons_view


def test_tab_reaches_every_pane(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.panel.search.setFocus()
    seen = []
    for _ in range(8):
        seen.append(focused())
        key(qtbot, Qt.Key.Key_Tab)
    for widget in (window.panel.search, window.panel.lessons_view, window.article, window.vocab.view):
        assert widget in seen
