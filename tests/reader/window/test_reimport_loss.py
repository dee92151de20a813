"""A re-import that would lose the user's own translation or question names it before it is made, and
answering No (the default) leaves the lesson as it was: by File → Re-import from source… and by importing
the changed file again ("Update the lesson")."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.conftest import DialogLog

LINES = ["Lanterns Light the Old Bridge", "",
         "Volunteers hung two hundred paper lanterns along the old stone bridge on Friday.", "",
         "The bridge was closed to cars for the evening so that families could walk across.", "",
         "Organisers said they hope to repeat the event every autumn.", "",
         "A local choir sang by the river while the sun went down behind the hills.", "",
         "Shops near the bridge stayed open late and sold warm tea and roasted chestnuts.", ""]
MINE = "その晩、橋は車両通行止めになった。"


def translated_then_cut(qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path) -> tuple[Path, int]:
    """lanterns.txt imported, its second paragraph given the user's translation and a question; then the
    paragraph is taken out of the file."""
    page = tmp_path / "lanterns.txt"
    page.write_text("\n".join(LINES), encoding="utf-8")
    window.import_files([str(page)])
    qtbot.waitUntil(lambda: window.import_review is not None and window.import_review.isVisible(), timeout=10000)
    assert window.import_review is not None and window.lesson is not None and window.lesson.id is not None
    window.import_review.reject()
    lesson_id = window.lesson.id
    closed = next(i for i, b in enumerate(window.lesson.blocks) if b.text.startswith("The bridge was closed"))
    library.editing.set_translation(lesson_id, closed, "ja", MINE)
    library.editing.add_question(lesson_id, closed, "Why was the bridge closed?", "families")
    window.reading.reload()
    page.write_text("\n".join(LINES[:4] + LINES[6:]), encoding="utf-8")
    return page, lesson_id


def asked(log: DialogLog) -> str:
    return str(next(args[2] for name, args in reversed(log.calls) if name == "confirm"))


def test_the_reimport_names_what_it_would_lose_and_no_keeps_it(
        qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path) -> None:
    _page, lesson_id = translated_then_cut(qtbot, window, library, tmp_path)
    dialog_log.confirm = False
    window.menus.actions["reimport"].trigger()
    question = asked(dialog_log)
    assert "almost nothing in common" not in question and MINE in question and "Why was the bridge closed?" in question
    assert MINE in window.article.document().toPlainText()  # No: the lesson is as it was
    assert [q.text for q in library.lessons.get(lesson_id).questions] == ["Why was the bridge closed?"]
    dialog_log.confirm = True
    window.menus.actions["reimport"].trigger()
    assert dialog_log.names().count("confirm") == 2  # asked once each time
    assert MINE not in window.article.document().toPlainText()


def test_updating_the_lesson_from_the_changed_file_asks_first_too(
        qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path) -> None:
    page, lesson_id = translated_then_cut(qtbot, window, library, tmp_path)
    dialog_log.choice, dialog_log.confirm = 0, False  # "Update the lesson", then No
    window.import_files([str(page)])
    assert "choose" in dialog_log.names() and MINE in asked(dialog_log)
    assert library.lessons.get(lesson_id).blocks[1].translation("ja") == MINE
    assert [q.text for q in library.lessons.get(lesson_id).questions] == ["Why was the bridge closed?"]
