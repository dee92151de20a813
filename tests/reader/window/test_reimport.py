"""A lesson imported again from its source file after the file changed: the user's fixes are kept,
whether asked for by File → Re-import from source…, the page view's button, or by importing the file again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.window import dialogs
from reader.window.dialogs import choose as real_choose
from tests.reader.conftest import DialogLog
from tests.reader.teaching.test_page_view import click_line, press

PAGES = Path(__file__).resolve().parents[2] / "data" / "pageview"
TITLE = "Harbour Ferry Returns After Ten Years"


def imported_and_fixed(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> tuple[Path, int]:
    """harbour.txt imported by File → Import, its title given by hand in the page view; then the file is edited."""
    page = tmp_path / "harbour.txt"
    shutil.copy(PAGES / "harbour_orig.txt", page)
    window.import_files([str(page)])
    qtbot.waitUntil(lambda: window.import_review is not None and window.import_review.isVisible(), timeout=10000)
    assert window.import_review is not None and window.lesson is not None and window.lesson.id is not None
    qtbot.mouseClick(window.import_review.page_view, Qt.MouseButton.LeftButton)  # the review's "Page view…"
    view = window.page_fixing.view
    assert view is not None and view.isVisible()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    click_line(qtbot, view, TITLE)
    press(qtbot, view, Qt.Key.Key_T)
    assert window.lesson.title == TITLE
    shutil.copy(PAGES / "harbour_edited.txt", page)  # the user fixes a figure in the source
    return page, window.lesson.id


def reword_council_line(page: Path) -> None:
    """The edited source says the council's line another way (a small edit of a line keeps the fixes on it)."""
    text = page.read_text(encoding="utf-8")
    said = next(line for line in text.splitlines() if line.startswith("The city council paid"))
    page.write_text(text.replace(said, "Money from a tourism fund bought the boat; a ticket is three dollars."),
                    encoding="utf-8")


def body(window: MainWindow) -> str:
    assert window.lesson is not None
    return "\n".join(block.text for block in window.lesson.blocks)


def test_reimport_from_source_keeps_the_fixes(qtbot: QtBot, window: MainWindow, library: Library,
                                              dialog_log: DialogLog, tmp_path: Path) -> None:
    _page, lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    count = len(library.lessons.list())
    window.menus.actions["reimport"].trigger()
    assert "confirm" in dialog_log.names()  # it cannot be undone: asked first
    assert len(library.lessons.list()) == count
    assert window.lesson is not None and window.lesson.id == lesson_id
    assert window.lesson.title == TITLE  # the fix is kept
    assert "three dollars" in body(window) and "two dollars" not in body(window)
    assert window.statusBar().currentMessage() == "harbour.txt: 1 change kept, 0 not kept."


def test_the_page_views_button_asks_for_a_source_that_is_gone(qtbot: QtBot, window: MainWindow,
                                                              dialog_log: DialogLog, tmp_path: Path) -> None:
    page, _lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    moved = tmp_path / "moved.txt"
    page.rename(moved)
    dialog_log.files = [str(moved)]
    view = window.page_fixing.view
    assert view is not None
    button = view.findChild(type(view.close_button), "PageButton_reimport")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog_log.names()[-2:] == ["choose_files", "confirm"]
    assert "three dollars" in body(window)
    assert window.lesson is not None and window.lesson.title == TITLE
    assert window.statusBar().currentMessage() == "moved.txt: 1 change kept, 0 not kept."


def test_importing_the_changed_file_offers_to_update_its_lesson(qtbot: QtBot, window: MainWindow, library: Library,
                                                                dialog_log: DialogLog, tmp_path: Path) -> None:
    page, lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    count = len(library.lessons.list())
    dialog_log.choice = None  # Cancel: nothing happens
    window.import_files([str(page)])
    assert dialog_log.names()[-1] == "choose"
    assert "two dollars" in body(window) and len(library.lessons.list()) == count
    dialog_log.choice = 0  # Update «title» from the changed file
    window.import_files([str(page)])
    assert len(library.lessons.list()) == count
    assert window.lesson is not None and window.lesson.id == lesson_id and window.lesson.title == TITLE
    assert "three dollars" in body(window)
    choices = next(args[3] for name, args in reversed(dialog_log.calls) if name == "choose")
    assert choices == ["Update the lesson (your fixes are kept)", "Import as a new lesson"]


def test_importing_the_changed_file_as_a_new_lesson(qtbot: QtBot, window: MainWindow, library: Library,
                                                    dialog_log: DialogLog, tmp_path: Path) -> None:
    page, lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    count = len(library.lessons.list())
    dialog_log.choice = 1
    window.import_files([str(page)])
    qtbot.waitUntil(lambda: len(library.lessons.list()) == count + 1, timeout=10000)
    assert library.lessons.get(lesson_id).title == TITLE  # the first lesson is left as it was


def test_a_fix_whose_line_changed_is_listed_as_not_kept(qtbot: QtBot, window: MainWindow,
                                                       dialog_log: DialogLog, tmp_path: Path) -> None:
    page, _lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    view = window.page_fixing.view
    assert view is not None
    click_line(qtbot, view, "The city council paid")
    press(qtbot, view, Qt.Key.Key_H)  # a heading now; the edited file says this line another way
    text = page.read_text(encoding="utf-8")
    said = next(line for line in text.splitlines() if line.startswith("The city council paid"))
    page.write_text(text.replace(said, "Money from a tourism fund bought the boat; a ticket is three dollars."),
                    encoding="utf-8")
    window.menus.actions["reimport"].trigger()
    assert window.statusBar().currentMessage() == "harbour.txt: 1 change kept, 1 not kept."
    assert view.status.text() == "harbour.txt: 1 change kept, 1 not kept."
    assert dialog_log.names()[-1] == "inform"
    listed = dialog_log.calls[-1][1][2]
    assert "Not kept: role of line" in listed and "The city council paid" in listed
    assert not window.teaching.history.active().canUndo()  # its steps were made over the old source


def test_after_a_reimport_the_page_view_offers_no_undo_that_is_gone(qtbot: QtBot, window: MainWindow,
                                                                   dialog_log: DialogLog, tmp_path: Path) -> None:
    _page, _lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    view = window.page_fixing.view
    assert view is not None and "Ctrl+Z" in view.status.text()  # the title's change can be taken back
    for closed in (False, True):  # re-imported with the view open, and with it closed and opened again
        if closed:
            qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
        window.menus.actions["reimport"].trigger()
        if closed:
            window.menus.actions["page_view"].trigger()
            assert view.isVisible()
            qtbot.waitExposed(view)
            view.activateWindow()
            qtbot.waitUntil(view.isActiveWindow, timeout=2000)
        assert not window.teaching.history.active().canUndo()
        assert "Ctrl+Z" not in view.status.text()
        assert view.status.text().startswith("harbour.txt: ")  # what the re-import did
        click_line(qtbot, view, "The city council paid")
        press(qtbot, view, Qt.Key.Key_P if closed else Qt.Key.Key_H)  # a change after it: its Undo is there again
        assert "Ctrl+Z" in view.status.text()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_changed_file_question_shows_its_buttons_whole(qtbot: QtBot, window: MainWindow, library: Library,
                                                           dialog_log: DialogLog, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    page, lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    library.lessons.rename(lesson_id, TITLE + ": the Long Way Round the Bay, and Why the Town Wanted It Back")
    window.set_language(lang)
    window.resize(800, 600)
    monkeypatch.setattr(dialogs, "choose", real_choose)  # the box itself, shown, not the recorded answer
    seen: list[tuple[str, int, int, bool]] = []

    def shown(box: QMessageBox) -> int:
        box.show()
        qtbot.waitExposed(box)
        for button in box.findChildren(QPushButton):
            inside = box.rect().contains(QRect(button.mapTo(box, QPoint(0, 0)), button.size()))
            seen.append((button.text(), button.width(), button.sizeHint().width(), inside))
        box.hide()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)  # Cancel: the lesson is left as it was
    window.import_files([str(page)])
    assert len(seen) == 3  # update, import as new, Cancel
    for text, width, wanted, inside in seen:
        assert width >= wanted and inside, text


def test_the_page_views_button_reads_as_its_menu_item_in_japanese(qtbot: QtBot, window: MainWindow,
                                                                    tmp_path: Path) -> None:
    imported_and_fixed(qtbot, window, tmp_path)
    view = window.page_fixing.view
    assert view is not None
    button = view.findChild(type(view.close_button), "PageButton_reimport")
    assert button is not None and button.text() == "Re-import from source…"
    window.menus.langs["ja"].trigger()  # View → Interface language → 日本語
    assert window.menus.actions["reimport"].text() == "元のファイルから再読み込み(&S)…"
    assert button.text() == "元のファイルから再読み込み…"  # no "(S)" on a button, which has no key letter


def test_each_change_not_kept_says_its_own_reason(qtbot: QtBot, window: MainWindow,
                                                 dialog_log: DialogLog, tmp_path: Path) -> None:
    page, _lesson_id = imported_and_fixed(qtbot, window, tmp_path)
    view = window.page_fixing.view
    assert view is not None
    click_line(qtbot, view, "The city council paid")
    press(qtbot, view, Qt.Key.Key_H)  # its line is said another way in the edited file: gone
    click_line(qtbot, view, "Local shop owners")
    press(qtbot, view, Qt.Key.Key_J)  # joined with that line: the line after it changed
    reword_council_line(page)
    window.menus.actions["reimport"].trigger()
    assert window.statusBar().currentMessage() == "harbour.txt: 1 change kept, 2 not kept."
    listed = dialog_log.calls[-1][1][2].splitlines()
    role = next(line for line in listed if line.startswith("Not kept: role of line"))
    join = next(line for line in listed if line.startswith("Not kept: join of line"))
    assert role.endswith("(the line is no longer on the page)")
    assert join.endswith("(the line after it changed)")


def test_a_reimport_made_while_the_page_view_is_closed_is_said_when_it_opens(
        qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path) -> None:
    from tests.reader.teaching.test_page_view import open_page_view

    other = library.lessons.import_file(PAGES / "pond_fixes.txt").lesson_id
    window.open_lesson(other)
    view = open_page_view(qtbot, window)  # the view was last on another lesson…
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert not view.isVisible()
    page = tmp_path / "harbour.txt"
    shutil.copy(PAGES / "harbour_orig.txt", page)
    window.import_files([str(page)])
    qtbot.waitUntil(lambda: window.import_review is not None and window.import_review.isVisible(), timeout=10000)
    assert window.import_review is not None and window.lesson is not None and window.lesson.id is not None
    window.import_review.reject()
    lesson_id = window.lesson.id
    council = next(ln.n for ln in library.pages.lines(lesson_id) if ln.text.startswith("The city council paid"))
    library.pages.set_role(lesson_id, council, "heading")  # a fix made from the command line
    shutil.copy(PAGES / "harbour_edited.txt", page)
    reword_council_line(page)
    window.menus.actions["reimport"].trigger()  # …and is closed while the lesson is imported again
    said = "harbour.txt: 0 changes kept, 1 not kept."
    assert window.statusBar().currentMessage() == said
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    view = open_page_view(qtbot, window)
    assert view.status.text() == said


def test_work_that_finds_no_text_after_a_reimport_is_listed_as_not_kept(
        qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path) -> None:
    page = tmp_path / "lanterns.txt"
    lines = ["Lanterns Light the Old Bridge", "",
             "Volunteers hung two hundred paper lanterns along the old stone bridge on Friday.", "",
             "The bridge was closed to cars for the evening so that families could walk across.", "",
             "Organisers said they hope to repeat the event every autumn.", ""]
    page.write_text("\n".join(lines), encoding="utf-8")
    window.import_files([str(page)])
    qtbot.waitUntil(lambda: window.import_review is not None and window.import_review.isVisible(), timeout=10000)
    assert window.import_review is not None and window.lesson is not None and window.lesson.id is not None
    window.import_review.reject()
    lesson_id = window.lesson.id
    closed = next(i for i, b in enumerate(window.lesson.blocks) if b.text.startswith("The bridge was closed"))
    library.editing.set_translation(lesson_id, closed, "ja", "その晩、橋は車両通行止めになった。")
    del lines[4:6]  # the source loses the paragraph the user translated
    page.write_text("\n".join(lines), encoding="utf-8")
    window.menus.actions["reimport"].trigger()
    assert window.statusBar().currentMessage() == "lanterns.txt: 0 changes kept, 1 not kept."
    listed = dialog_log.calls[-1][1][2].splitlines()
    assert any(line.startswith("Not kept: your translation “その晩") for line in listed), listed
