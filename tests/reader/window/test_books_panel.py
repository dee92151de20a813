"""Books in the library panel: an EPUB's chapters list as "Book › Chapter", with the book and the
chapter's number in the tooltip, from the one library query the lazy list already makes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from library import Library
from library.importer.epub import write_epub
from reader.mainwindow import MainWindow
from reader.ui.i18n import Translator
from reader.window.item_models import ID_ROLE, LessonListModel

CHAPTER = (
    '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Book</title>'
    "</head><body><h1>{title}</h1><p>The boat left the harbour at dawn on day {n} of the long trip.</p>"
    "<p>Everyone on board watched the grey water and said very little.</p></body></html>"
)


def import_book(library: Library, folder: Path) -> list[int]:
    """A three-chapter book and a page after it; the chapters' lesson ids in reading order."""
    chapters = [(f"c{n}.xhtml", CHAPTER.format(n=n, title=t)) for n, t in enumerate(("Leaving", "Storm", "Home"), 1)]
    book = folder / "sea.epub"
    book.write_bytes(write_epub("Sea Story", chapters))
    result = library.lessons.import_file(book)
    page = folder / "page.txt"
    page.write_text("Bees Return\n\nBees are coming back to city parks.\n", encoding="utf-8")
    library.lessons.import_file(page)
    return [c.lesson_id for c in result.chapters]


def test_the_library_query_names_the_book_of_each_chapter(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        ids = import_book(lib, tmp_path)
        rows = {r.id: r for r in lib.lessons.list()}
        assert [(rows[i].book_title, rows[i].chapter, rows[i].title) for i in ids] == [
            ("Sea Story", 1, "Leaving"),
            ("Sea Story", 2, "Storm"),
            ("Sea Story", 3, "Home"),
        ]
        assert rows[ids[1]].display_title == "Sea Story › Storm"
        assert rows[ids[0]].book_id == rows[ids[2]].book_id is not None
        page = next(r for r in rows.values() if r.id not in ids)
        assert page.book_id is None and page.chapter is None and page.display_title == "Bees Return"
        assert [r.id for r in lib.lessons.list(1, 2)] == [r.id for r in lib.lessons.list()][1:3]  # paging holds
        lib.lessons.rename(ids[1], "The Storm")  # the learner's own title, still under its book
        assert next(r for r in lib.lessons.list() if r.id == ids[1]).display_title == "Sea Story › The Storm"


def shown(tip: str) -> str:
    """A tooltip as the reader sees it (tips are escaped rich text, so lesson text is never markup)."""
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def test_lesson_list_model_shows_books(tmp_path: Path, qtmodeltester: Any) -> None:
    with Library(tmp_path / "lib.db") as lib:
        ids = import_book(lib, tmp_path)
        model = LessonListModel()
        model.PAGE = 2  # several pages, fetched as a view would
        model.set_source(lambda offset, limit: lib.lessons.list(offset, limit), lib.lessons.count())
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() == 4
        row = model.row_of(ids[2], fetch=True)
        assert model.data(model.index(row, 0)) == "Sea Story › Home"
        assert model.data(model.index(row, 0), ID_ROLE) == ids[2]
        tip = shown(model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole))
        assert tip.splitlines()[:2] == ["Home", "Chapter 3 of “Sea Story”"]
        model.set_translator(Translator("ja"))
        tip = shown(model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole))
        assert tip.splitlines()[1] == "『Sea Story』第 3 章" and tip.endswith("語")
        page = model.row_of(next(i for i in lib.lessons.ids() if i not in ids), fetch=True)
        assert model.data(model.index(page, 0)) == "Bees Return"
        assert "Sea Story" not in model.data(model.index(page, 0), Qt.ItemDataRole.ToolTipRole)
        qtmodeltester.check(model, force_py=True)


def test_the_window_lists_chapters_under_their_book(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    ids = import_book(library, tmp_path)
    window.refresh_lessons()
    view = window.panel.lessons_view
    model = view.model()
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert [t for t in shown if t.startswith("Sea Story")] == [
        "Sea Story › Home",
        "Sea Story › Storm",
        "Sea Story › Leaving",
    ]
    view.clicked.emit(model.index(shown.index("Sea Story › Storm"), 0))
    assert window.current_id() == ids[1]
