"""The library panel shows the lesson that opened: an import that opens its lesson while a search shows
hits of other lessons clears the search, the new lesson selected in the list; a lesson among the hits has
its hit chosen, and a refresh of the same search keeps the hit chosen."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from tests.reader.window.test_import_review import PAGE


def _search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.panel.search.setFocus()
    qtbot.keyClicks(window.panel.search, text)
    qtbot.waitUntil(lambda: window.panel.results_model.rowCount() > 0, timeout=3000)
    assert window.panel.stack.currentWidget() is window.panel.results_view


def _chosen_hit_lesson(window: MainWindow) -> int | None:
    panel = window.panel
    hit = panel.results_model.hit(panel.results_view.currentIndex().row())
    return hit.lesson_id if hit is not None else None


def test_an_import_opening_its_lesson_clears_a_search_of_other_lessons(
    qtbot: QtBot, window: MainWindow, reference_id: int, tmp_path: Path
) -> None:
    _search(qtbot, window, "night trains")
    assert _chosen_hit_lesson(window) == reference_id
    path = tmp_path / "bridges.txt"
    path.write_text(PAGE, encoding="utf-8")
    window.import_files([str(path)])
    qtbot.waitUntil(lambda: window.lesson is not None and window.lesson.title == "Bridges Get Smarter", timeout=10000)
    qtbot.wait(300)  # past the list's refresh
    panel = window.panel
    assert panel.stack.currentWidget() is panel.lessons_view and panel.search.text() == ""
    assert panel.current_lesson_id() == window.current_id()


def test_a_lesson_opened_among_the_hits_has_its_hit_chosen_through_a_refresh(
    qtbot: QtBot, window: MainWindow, reference_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "bridges.txt"
    path.write_text(PAGE.replace("sensors", "trains and sensors"), encoding="utf-8")
    other = window.library.lessons.import_file(path).lesson_id
    window.refresh_lessons()
    _search(qtbot, window, "trains")
    panel = window.panel
    hits = [panel.results_model.hit(r) for r in range(panel.results_model.rowCount())]
    assert {h.lesson_id for h in hits if h is not None} == {reference_id, other}
    first = _chosen_hit_lesson(window)
    if first != window.current_id():
        window.open_lesson(first)  # type: ignore[arg-type]
    target = other if first == reference_id else reference_id  # a lesson whose hit is not the one chosen
    window.open_lesson(target)  # as Read next or My words open it
    assert panel.stack.currentWidget() is panel.results_view and _chosen_hit_lesson(window) == target
    window.refresh_lessons()  # a rename elsewhere, a levelling finished
    assert _chosen_hit_lesson(window) == target
    assert panel.current_lesson_id() == target
