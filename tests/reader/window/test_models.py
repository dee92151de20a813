"""Every item model passes QAbstractItemModelTester."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from library.lessons import LessonSummary
from library.model import GlossaryEntry
from library.search import SearchHit
from reader.window.item_models import ID_ROLE, GlossaryModel, LessonListModel, SearchResultsModel


def summaries(n: int) -> list[LessonSummary]:
    return [LessonSummary(i, f"Lesson {i}", "2024-05-01T10:00:00Z", 100 * i, i / 10, i == 9, "ja", 5)
            for i in range(n)]


def test_lesson_list_model(qtmodeltester: Any) -> None:
    model = LessonListModel()
    model.set_rows(summaries(10))
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(3, 0)) == "Lesson 3"
    assert model.data(model.index(3, 1)) == "2024-05-01"
    assert model.data(model.index(3, 2)) == "30%"
    assert model.data(model.index(9, 2)) == "✓"
    assert model.data(model.index(3, 0), ID_ROLE) == 3
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    model.set_progress(3, 0.5)
    assert model.data(model.index(3, 2)) == "50%"
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_search_results_model(qtmodeltester: Any) -> None:
    model = SearchResultsModel()
    model.set_hits([SearchHit(1, "A lesson", 5, "ja", "…中国[本土]では…"), SearchHit(2, "B", 0, "en", "x")])
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 0)).splitlines() == ["A lesson", "…中国[本土]では…"]
    assert model.hit(1) is not None and model.hit(5) is None


def test_glossary_model(qtmodeltester: Any) -> None:
    model = GlossaryModel()
    model.set_entries([GlossaryEntry("access", "v.", "to be able to use something"), GlossaryEntry("rice")])
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, 0)) == "rice"
    assert "to be able" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)


def test_lesson_list_model_fetches_lazily(qtmodeltester: Any) -> None:
    rows = summaries(1000)
    calls: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list[LessonSummary]:
        calls.append((offset, limit))
        return rows[offset : offset + limit]

    def locate(lesson_id: int) -> int:
        return next((i for i, r in enumerate(rows) if r.id == lesson_id), -1)

    page = LessonListModel.PAGE
    model = LessonListModel()
    model.set_source(fetch, len(rows), locate)
    assert model.rowCount() == len(rows)  # every lesson has its row at once
    assert calls == [(0, page)]  # and only the first page is fetched
    assert model.row_of(950, fetch=True) == 950
    assert calls == [(0, page), (950 // page * page, page)]  # its page, not every page before it
    assert model.data(model.index(950, 0)) == "Lesson 950"
    assert model.row_of(123456, fetch=True) == -1
    qtmodeltester.check(model, force_py=True)
    without = LessonListModel()  # no locate: pages are fetched in order until the lesson turns up
    without.set_source(fetch, len(rows))
    assert without.row_of(450, fetch=True) == 450
    assert without.data(without.index(450, 0)) == "Lesson 450"
