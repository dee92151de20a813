"""The My words page, driven as a learner would: open it, filter, sort, edit in place, change the
status of a selection, delete and undo, open the sentence a word came from."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from library.study.words import sentence_at
from reader.mainwindow import MainWindow
from reader.study.my_words import MyWordsPage
from reader.study.my_words_model import COLUMNS, KEYS, MyWordsFilter, MyWordsModel
from reader.ui.i18n import JA
from tests.reader.conftest import DialogLog, index_of
from tests.study_data import write_other_lesson

DESIGNER = "A train designer told Swedish radio"


@pytest.fixture
def saved(window: MainWindow, tmp_path: Path) -> dict[str, int]:
    """Words saved from the reference lesson and from a second one; their ids by text."""
    lib, ref = window.library, window.current_id()
    other = lib.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    assert window.lesson is not None
    words = lib.study.words
    ids = {}
    for text, status, start, lesson, gloss in (
        ("privacy", "new", DESIGNER, ref, "プライバシー"),
        ("reserve", "learning", "Sweden has promised", ref, "予約する"),
        ("carriage", "known", "Rail companies are ordering", ref, ""),
        ("autonomy", "new", None, other, "自治"),
    ):
        block = index_of(window, start) if start else 1
        sentence = (
            sentence_at(window.lesson.blocks[block].text, 0)
            if start
            else "Many schools now give students more autonomy."
        )
        ids[text] = words.save(text, status, gloss=gloss, sentence=sentence, lesson_id=lesson, block_pos=block).id
    # Saved a day apart, oldest first, as they would be over a week of reading.
    for day, text in enumerate(("carriage", "reserve", "autonomy", "privacy"), 1):
        lib.db.execute("UPDATE words SET created_at = ? WHERE id = ?", [f"2026-11-0{day}T09:00:00Z", ids[text]])
    ids["other_lesson"] = other
    return ids


def open_page(qtbot: QtBot, window: MainWindow) -> MyWordsPage:
    """Ctrl+Shift+W, as a learner opens the page."""
    qtbot.keyClick(
        window.article, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    page = window.study.my_words
    assert page is not None and page.isVisible() and not window.article.isVisible()
    return page


def shown(page: MyWordsPage, key: str = "text") -> list[str]:
    """What the table shows in a column, top to bottom."""
    column = KEYS.index(key)
    return [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]


def cell(page: MyWordsPage, word: str, key: str) -> QPoint:
    """The centre of a word's cell on screen (in the table's viewport)."""
    row = shown(page).index(word)
    return page.table.visualRect(page.proxy.index(row, KEYS.index(key))).center()


def click(
    qtbot: QtBot,
    page: MyWordsPage,
    word: str,
    key: str = "text",
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, mods, cell(page, word, key))


def double_click(qtbot: QtBot, page: MyWordsPage, word: str, key: str) -> None:
    """A double-click as the system delivers it: a click, then the double-click (QTest sends only the latter)."""
    click(qtbot, page, word, key)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell(page, word, key))


def test_opened_by_shortcut_and_menu_and_closed_by_esc(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    page = open_page(qtbot, window)
    assert shown(page) == ["privacy", "autonomy", "reserve", "carriage"]  # newest first
    assert shown(page, "lesson")[1] == "Schools Give Students More Autonomy"
    assert shown(page, "status") == ["new", "new", "learning", "known"]
    assert shown(page, "created")[0] == "2026-11-04" and shown(page, "due")[0] == "now"
    assert shown(page, "due")[3] == ""  # a known word is not in review
    assert page.count.text() == "4 of 4 words"
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert not page.isVisible() and window.article.isVisible()
    action = next(a for a in window.study.study_menu.actions() if a.objectName() == "action_my_words")
    assert action.shortcut().toString() == "Ctrl+Shift+W"
    assert window.study.actions["mark_words"].shortcut().toString() == "Ctrl+Shift+M"  # marking keeps its key
    action.trigger()
    assert page.isVisible()
    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
    assert window.article.isVisible()


def test_models_pass_the_item_model_tester(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    model = MyWordsModel(lambda s: s)
    proxy = MyWordsFilter(model)
    testers = [QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal) for m in (model, proxy)]
    model.set_rows(window.library.study.words.table())
    for column in range(len(COLUMNS)):
        proxy.sort(column, Qt.SortOrder.DescendingOrder)
    proxy.set_filter("new", None, "")
    assert proxy.rowCount() == 2
    proxy.set_filter("", saved["other_lesson"], "auto")
    assert proxy.rowCount() == 1
    assert model.setData(model.index(0, KEYS.index("gloss")), "意味") and not model.setData(model.index(0, 0), "x")
    model.set_status({saved["privacy"]}, "known")
    proxy.set_filter()
    model.remove_ids({saved["privacy"], saved["carriage"], saved["autonomy"]})
    assert [r.text for r in model.rows] == ["reserve"] and proxy.rowCount() == 1
    back = window.library.study.words.table(word_ids=[saved["privacy"], saved["carriage"]])
    model.add_rows(back, KEYS.index("text"), Qt.SortOrder.AscendingOrder)
    assert [r.text for r in model.rows] == ["carriage", "privacy", "reserve"]
    model.set_rows([])
    assert len(testers) == 2 and proxy.rowCount() == 0


def test_filter_by_text_status_and_lesson(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    page = open_page(qtbot, window)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()  # Ctrl+F filters the words here, not the hidden library list
    page.search.insert("予約")  # a meaning, typed through an input method (QTest types ASCII only)
    assert shown(page) == ["reserve"] and page.count.text() == "1 of 4 words"
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and len(shown(page)) == 4
    qtbot.keyClicks(page.search, "swedish radio")  # a sentence
    assert shown(page) == ["privacy"]
    page.search.clear()
    page.status_box.setFocus()
    qtbot.keyClick(page.status_box, Qt.Key.Key_Down)  # All statuses → new
    assert page.status_box.currentText() == "new" and shown(page) == ["privacy", "autonomy"]
    page.lesson_box.setFocus()
    lessons = [page.lesson_box.itemText(i) for i in range(page.lesson_box.count())]
    assert lessons[0] == "All lessons" and "Schools Give Students More Autonomy (1)" in lessons
    while page.lesson_box.currentText() != "Schools Give Students More Autonomy (1)":
        qtbot.keyClick(page.lesson_box, Qt.Key.Key_Down)
    assert shown(page) == ["autonomy"]
    qtbot.keyClick(page.status_box, Qt.Key.Key_Up)  # all statuses again
    assert shown(page) == ["autonomy"] and page.count.text() == "1 of 4 words"


def test_sort_by_clicking_a_column_header(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    page = open_page(qtbot, window)
    header = page.table.horizontalHeader()

    def click_header(key: str) -> None:
        section = KEYS.index(key)
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))

    click_header("text")
    assert shown(page) == ["autonomy", "carriage", "privacy", "reserve"]
    click_header("text")
    assert shown(page) == ["reserve", "privacy", "carriage", "autonomy"]
    click_header("status")
    assert shown(page, "status") == ["new", "new", "learning", "known"]
    click_header("due")
    assert shown(page, "due")[-1] == ""  # the known word, not in review, last
    click_header("created")
    assert shown(page) == ["carriage", "reserve", "autonomy", "privacy"]  # oldest first
    qtbot.keyClicks(page.search, "es")  # a filter keeps the order
    assert shown(page) == ["carriage", "reserve", "privacy"]


def test_edit_meaning_note_and_status_in_place(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    page = open_page(qtbot, window)
    words = window.library.study.words
    click(qtbot, page, "carriage", "gloss")
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.insert("客車")  # through an input method
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)  # the commit is queued
    assert shown(page, "gloss")[shown(page).index("carriage")] == "客車"
    assert words.by_id(saved["carriage"]).gloss == "客車"  # type: ignore[union-attr]
    double_click(qtbot, page, "carriage", "note")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "<b>sleeping</b> car")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)  # the commit is queued
    assert words.by_id(saved["carriage"]).note == "<b>sleeping</b> car"  # type: ignore[union-attr]
    click(qtbot, page, "carriage", "status")
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    box = QApplication.focusWidget()
    assert isinstance(box, QComboBox) and box.currentText() == "known"
    box.setCurrentIndex(box.findText("learning"))
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)
    assert words.by_id(saved["carriage"]).status == "learning"  # type: ignore[union-attr]
    assert shown(page, "due")[shown(page).index("carriage")] == "now"  # back in review
    assert page.isVisible()  # Enter in an editor did not leave the page


def test_change_the_status_of_a_selection_with_keys_and_menu(
    qtbot: QtBot, window: MainWindow, saved: dict[str, int]
) -> None:
    page = open_page(qtbot, window)
    words = window.library.study.words
    due_before = window.study.due_button.text()
    click(qtbot, page, "privacy")
    click(qtbot, page, "autonomy", mods=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_3)
    assert shown(page, "status")[:2] == ["known", "known"]
    assert words.by_id(saved["privacy"]).status == "known" and words.by_id(saved["autonomy"]).status == "known"  # type: ignore[union-attr]
    assert words.by_id(saved["reserve"]).status == "learning"  # type: ignore[union-attr]
    assert window.study.due_button.text() != due_before  # two words fewer to review
    assert "2 words set to known" in window.statusBar().currentMessage()
    menu = page.context_menu()
    status_menu = next(a.menu() for a in menu.actions() if a.text() == "Set status")
    next(a for a in status_menu.actions() if a.text() == "ignored").trigger()
    assert {words.by_id(saved[t]).status for t in ("privacy", "autonomy")} == {"ignored"}  # type: ignore[union-attr]


def test_delete_with_undo_by_key_and_by_the_status_bar(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    page = open_page(qtbot, window)
    words = window.library.study.words
    window.library.study.review.grade(saved["reserve"], 3)
    before = words.table()
    click(qtbot, page, "reserve")
    click(qtbot, page, "carriage", mods=Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert shown(page) == ["privacy", "autonomy"] and words.get("reserve") is None
    assert window.statusBar().currentMessage() == "Deleted 2 words."
    assert page.undo_button.isVisible() and page.undo_button.text() == "Undo"
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert words.table() == before  # the same words, ids, dates and review card
    assert shown(page) == ["privacy", "autonomy", "reserve", "carriage"]
    assert not page.undo_button.isVisible()
    assert page.selected_ids() == [saved["reserve"], saved["carriage"]]  # what came back is selected
    click(qtbot, page, "privacy")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage() == "Deleted “privacy”." and shown(page)[0] == "autonomy"
    assert page.table.currentIndex().row() == 0  # the next word is current, for the next key
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert words.get("privacy") is not None and shown(page)[0] == "privacy"
    assert window.statusBar().currentMessage() == "One word put back."
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Nothing to undo."


def test_enter_opens_the_lesson_at_the_sentence(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    window.open_lesson(saved["other_lesson"])
    page = open_page(qtbot, window)
    click(qtbot, page, "privacy", "sentence")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert not page.isVisible() and window.article.isVisible()
    assert window.lesson is not None and window.lesson.title == "Night Trains Make a Comeback Across Europe"
    block = index_of(window, DESIGNER)
    assert window.article.focus_index == block
    QApplication.processEvents()
    assert DESIGNER in window.article.visible_text()  # the paragraph is in view
    open_page(qtbot, window)
    double_click(qtbot, page, "autonomy", "lesson")
    assert window.lesson.title == "Schools Give Students More Autonomy"


def test_user_text_is_plain_text(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    window.library.study.words.edit(saved["privacy"], note="<b>mine</b>\nsecond line", gloss="<i>x</i>")
    page = open_page(qtbot, window)
    row = shown(page).index("privacy")
    assert page.proxy.index(row, KEYS.index("gloss")).data() == "<i>x</i>"
    tip = page.proxy.index(row, KEYS.index("note")).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;mine&lt;/b&gt;" in tip and "<b>" not in tip
    assert DESIGNER in page.proxy.index(row, KEYS.index("sentence")).data(Qt.ItemDataRole.ToolTipRole)


def test_page_in_japanese(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    window.set_language("ja")
    page = open_page(qtbot, window)
    header = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert header == [JA[english] for _key, english in COLUMNS]
    assert shown(page, "status")[0] == JA["new"] and page.status_box.itemText(0) == JA["All statuses"]
    assert page.count.text() == "4 / 4 語"
    assert window.study.actions["my_words"].text() == JA["My &words"]


def test_selected_rows_stay_readable_in_the_dark_theme(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    page = open_page(qtbot, window)
    click(qtbot, page, "carriage")  # a known word: its review-due cell is empty, only the selection shows
    next(a for a in window.menus.themes.values() if a.data() == "dark").trigger()
    assert page.isVisible()
    rect = page.table.visualRect(page.proxy.index(shown(page).index("carriage"), KEYS.index("due")))
    image = page.table.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    background = image.pixelColor(int(rect.center().x() * ratio), int(rect.center().y() * ratio))
    # The dark theme's selection colour under its light text, not the light accent blue under white.
    assert background.lightness() < 110, background.name()
    assert background.name() == window.theme.selection


def test_another_learner_sees_their_own_words(qtbot: QtBot, window: MainWindow, saved: dict[str, int]) -> None:
    page = open_page(qtbot, window)
    click(qtbot, page, "privacy")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    ben = window.library.profiles.create("Ben")
    window.learners.switch_to(ben.id)
    assert page.isVisible() and shown(page) == [] and page.count.text() == "0 of 0 words"
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Nothing to undo."  # the first learner's delete is theirs
    window.learners.switch_to(1)
    assert shown(page) == ["autonomy", "reserve", "carriage"]


def test_empty_page_says_how_to_save_words_and_the_filter_bar_keeps_its_keys(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    assert page.empty.isVisible() and page.empty.text().startswith("No saved words yet.")
    assert not window.study.hint.isVisible()  # the article's hint is not for this page
    window.library.study.words.save("privacy")
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert window.study.hint.isVisible()
    page = open_page(qtbot, window)
    assert not page.empty.isVisible() and shown(page) == ["privacy"]
    page.status_box.setFocus()
    qtbot.keyClick(page.status_box, Qt.Key.Key_Delete)  # not a delete of the current word
    assert window.library.study.words.get("privacy") is not None
    qtbot.keyClick(page.status_box, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()  # Ctrl+F from the lists too, not the hidden library search
    qtbot.keyClicks(page.search, "zzz")
    assert page.empty.isVisible() and page.empty.text() == "No words match the filter."
    page.lesson_box.setFocus()
    qtbot.keyClick(page.lesson_box, Qt.Key.Key_Escape)
    assert not page.isVisible() and window.article.isVisible()


def test_f2_edits_on_the_page_wherever_its_focus_is(
    qtbot: QtBot, window: MainWindow, saved: dict[str, int], dialog_log: DialogLog
) -> None:
    page = open_page(qtbot, window)
    click(qtbot, page, "carriage", "gloss")
    for where in (page.search, page.table):
        where.setFocus()
        qtbot.keyClick(where, Qt.Key.Key_F2)
        assert "ask_text" not in dialog_log.names()  # not the window's Rename lesson, for a lesson out of sight
        assert page.table.state() == QAbstractItemView.State.EditingState
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)
    assert page.isVisible()


def test_a_deleted_lessons_words_stay_without_their_lesson(
    qtbot: QtBot, window: MainWindow, saved: dict[str, int], dialog_log: DialogLog
) -> None:
    page = open_page(qtbot, window)
    choices = [page.lesson_box.itemText(i) for i in range(page.lesson_box.count())]
    assert "Schools Give Students More Autonomy (1)" in choices
    window.delete_lesson(saved["other_lesson"])  # confirmed
    assert page.isVisible()
    assert [page.lesson_box.itemText(i) for i in range(page.lesson_box.count())] == [
        "All lessons", "Night Trains Make a Comeback Across Europe (3)"
    ]
    assert shown(page) == ["privacy", "autonomy", "reserve", "carriage"]  # the word is kept
    assert shown(page, "lesson")[1] == ""
    click(qtbot, page, "autonomy", "sentence")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.isVisible() and not window.article.isVisible()  # no empty reader
    assert window.statusBar().currentMessage() == "“autonomy” was not saved from a lesson."
