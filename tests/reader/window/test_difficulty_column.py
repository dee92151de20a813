"""The library list's Unknown column: each lesson's share of words this learner does not know."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.conftest import point_of
from tests.reader.study.test_study_window import no_jmdict  # noqa: F401  (a fixture)


def shown_unknown(window: MainWindow, lesson_id: int) -> str:
    """The Unknown column's text in the lesson's row, as the list shows it."""
    model = window.panel.lessons_model
    row = model.row_of(lesson_id, fetch=True)
    return str(model.index(row, 3).data(Qt.ItemDataRole.DisplayRole))


def test_the_unknown_column_follows_the_words_marked_known(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int,
    no_jmdict: None,  # noqa: F811  (a lookup would build JMdict in a thread that outlives the test)
) -> None:
    QAbstractItemModelTester(window.panel.lessons_model)
    library.study.levels.level_pending()  # as the import worker does after an import
    window.refresh_lessons()
    model = window.panel.lessons_model
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Unknown"
    found = library.study.levels.of(reference_id)
    assert found is not None and found.known == 0
    assert shown_unknown(window, reference_id) == "100%"
    # A learner double-clicks "the" and marks it known from the card.
    view = window.article
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, " the "))
    card = window.study.card
    qtbot.waitUntil(card.isVisible)
    qtbot.mouseClick(card.buttons["known"], Qt.MouseButton.LeftButton)
    after = library.study.levels.of(reference_id)
    assert after is not None and after.known > 0
    assert shown_unknown(window, reference_id) == f"{round(after.unknown_share * 100)}%" != "100%"
