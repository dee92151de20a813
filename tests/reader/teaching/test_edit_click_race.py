"""In edit mode one click on a paragraph chooses it, whatever the click before it was."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.conftest import index_of, point_of
from tests.reader.study.test_study_window import no_jmdict  # noqa: F401  (a fixture)


def test_a_click_after_a_word_lookup_chooses_the_paragraph(
    qtbot: QtBot, window: MainWindow, no_jmdict: None  # noqa: F811
) -> None:
    window.activateWindow()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.teaching.panel.isVisible()
    view, viewport = window.article, window.article.viewport()
    # a double-click on a word of the first paragraph opens the lookup card; the card, a popup, takes the
    # mouse, so the release that ends the double-click reaches the card and not the article
    pos = point_of(view, "returning")
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    QApplication.sendEvent(viewport, QMouseEvent(
        QEvent.Type.MouseButtonDblClick, QPointF(pos), QPointF(viewport.mapToGlobal(pos)),
        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    card = window.study.card
    assert card.isVisible()
    card.close()
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    third = index_of(window, "In the 2000s")
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_of(view, "cheap flights"))
    assert view.focus_index == third, "the click on the third paragraph did not choose it"
    assert window.teaching.panel.para_label.text().startswith("In the 2000s")


def test_a_shaky_click_from_the_dock_does_not_choose_the_first_paragraph(qtbot: QtBot, window: MainWindow) -> None:
    window.teaching.actions["edit_mode"].trigger()  # from the menu: the keys are in the dock, not the article
    panel = window.teaching.panel
    panel.unplaced.setFocus()
    view, viewport = window.article, window.article.viewport()
    assert view.focus_index == -1
    start = point_of(view, "cheap flights")
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    end = start + QPoint(30, 0)  # the hand moved: a few letters selected, not a click
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert view.hasFocus()
    first = view.paragraphs()[0]
    assert view.focus_index != first, "the first paragraph was chosen by a click on the third"
