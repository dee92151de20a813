"""The library list's Difficulty column: each lesson's share of words this learner does not know, its
level, and (in its tooltip) its level profile and readability."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.conftest import point_of
from tests.reader.study.test_study_window import no_jmdict  # noqa: F401  (a fixture)


def shown_unknown(window: MainWindow, lesson_id: int) -> str:
    """The Difficulty column's text in the lesson's row, as the list shows it."""
    model = window.panel.lessons_model
    row = model.row_of(lesson_id, fetch=True)
    return str(model.index(row, 3).data(Qt.ItemDataRole.DisplayRole))


def expected_level(library: Library, lesson_id: int) -> str:
    """The easiest level whose words, with the easier ones, are 95% of the lesson's, from its counts."""
    found = library.study.levels.of(lesson_id)
    assert found is not None
    reached = 0
    for level in ("A1", "A2", "B1", "B2", "C1", "C2"):
        reached += found.counts[level]
        if reached >= 0.95 * found.words:
            return level
    return "C2"


def test_the_unknown_column_follows_the_words_marked_known(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int,
    no_jmdict: None,  # noqa: F811  (a lookup would build JMdict in a thread that outlives the test)
) -> None:
    QAbstractItemModelTester(window.panel.lessons_model)
    library.study.levels.level_pending()  # as the import worker does after an import
    window.refresh_lessons()
    model = window.panel.lessons_model
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Difficulty"
    found = library.study.levels.of(reference_id)
    assert found is not None and found.known == 0
    level = expected_level(library, reference_id)
    assert shown_unknown(window, reference_id) == f"100% {level}"
    # A learner double-clicks "the" and marks it known from the card.
    view = window.article
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, " the "))
    card = window.study.card
    qtbot.waitUntil(card.isVisible)
    qtbot.mouseClick(card.buttons["known"], Qt.MouseButton.LeftButton)
    after = library.study.levels.of(reference_id)
    assert after is not None and after.known > 0
    assert shown_unknown(window, reference_id) == f"{round(after.unknown_share * 100)}% {level}" != f"100% {level}"


def test_the_difficulty_tooltip_shows_the_level_profile_and_readability(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int
) -> None:
    library.study.levels.level_pending()
    window.refresh_lessons()
    model = window.panel.lessons_model
    index = model.index(model.row_of(reference_id, fetch=True), 3)
    found = library.study.levels.of(reference_id)
    assert found is not None
    tip = str(index.data(Qt.ItemDataRole.ToolTipRole))
    assert f"Level {expected_level(library, reference_id)}: 95% of its words" in tip
    assert f"grade {found.grade:.1f} (Flesch" in tip
    assert f"(0 of {found.words:,} words)" not in tip and f"({found.words:,} of {found.words:,} words)" in tip
    a1 = found.counts["A1"] / found.words
    assert f"A1  {'█' * round(a1 * 30)} {a1:.0%}" in tip
    # The title's tooltip is still the lesson's own
    assert "words" in str(model.index(index.row(), 0).data(Qt.ItemDataRole.ToolTipRole))


def test_the_column_reads_the_difficulty_of_the_rows_it_shows_a_page_at_a_time() -> None:
    from library.lessons import LessonSummary
    from reader.window.item_models import LessonListModel

    asked: list[list[int]] = []

    def shares(ids: list[int]) -> dict[int, tuple[float, str]]:
        asked.append(ids)
        return {i: (i / 1000, "B1") for i in ids}

    model = LessonListModel()
    when = "2026-01-01T00:00:00Z"
    rows = [LessonSummary(i, f"Lesson {i}", when, 100, 0.0, False, None, 3) for i in range(250, 0, -1)]
    model.set_rows(rows)
    model.set_difficulty(shares)
    QAbstractItemModelTester(model)
    asked.clear()  # the tester reads every row's data: what the list does is read below
    model.set_difficulty(shares)
    assert model.index(0, 3).data() == "25% B1" and model.index(99, 3).data() == "15% B1"
    assert asked == [list(range(250, 150, -1))]  # the first page's lessons, once
    assert model.index(150, 3).data() == "10% B1"  # a row further down: its page only
    assert asked[1:] == [list(range(150, 50, -1))]
    model.index(5, 3).data()
    assert len(asked) == 2  # read once a refresh, not at each paint
