"""Fixing a wrong import in the window: the page view's keys and menus, and English edits in the article.

The page (tests/data/pages_to_fix/bees_wrong.txt) is imported wrong on purpose: a club's name taken
for the title, a translation placed on the wrong paragraph, a word list kept as four paragraphs, two
menu lines kept as paragraphs, a sentence broken over two paragraphs, two paragraphs run together
and a typo. After each fix the reading view and the word list show what was asked; Ctrl+Z takes it back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.teaching import page_view
from reader.teaching.page_model import ROLE, SURE, TEXT
from reader.teaching.page_view import PageView
from tests.reader.conftest import DialogLog, point_of

PAGE = Path(__file__).resolve().parents[2] / "data" / "pages_to_fix" / "bees_wrong.txt"
WORDS = ["hive the box where bees live", "orchard a field of fruit trees", "harvest the gathering of crops",
         "income money that people earn"]
JA = "村の農家は果樹園を守るためにミツバチを飼い始めた。"


@pytest.fixture
def bees(window: MainWindow, library: Library) -> Iterator[MainWindow]:
    """The window on the wrongly imported page."""
    lesson_id = library.lessons.import_file(PAGE).lesson_id
    window.open_lesson(lesson_id)
    yield window


def open_page_view(qtbot: QtBot, window: MainWindow) -> PageView:
    """Ctrl+Shift+L, as the Teach menu names it."""
    window.activateWindow()
    window.article.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.article, Qt.Key.Key_L, ctrl_shift)
    view = window.page_fixing.view
    assert view is not None and view.isVisible()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=1000)
    return view


def row_of(view: PageView, start: str) -> int:
    rows = [r for r, line in enumerate(view.model.lines) if line.text.startswith(start)]
    assert rows, f"no line starts with {start!r}"
    return rows[0]


def click_line(qtbot: QtBot, view: PageView, start: str,
               mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    index = view.model.index(row_of(view, start), TEXT)
    view.table.scrollTo(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, mods, view.table.visualRect(index).center())


def press(qtbot: QtBot, view: PageView, key: Qt.Key,
          mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    view.table.setFocus()
    qtbot.keyClick(view.table, key, mods)


def undo(qtbot: QtBot, view: PageView) -> None:
    press(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def role_shown(view: PageView, start: str) -> str:
    return str(view.model.index(row_of(view, start), ROLE).data())


def article_text(window: MainWindow) -> str:
    return window.article.document().toPlainText()


def word_list(window: MainWindow) -> list[str]:
    model = window.vocab.model
    return [str(model.index(r, 0).data()).split("\n")[0] for r in range(model.rowCount())]


def test_make_a_line_the_title_then_undo(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    assert bees.lesson is not None and bees.lesson.title == "Morning Study Club"
    click_line(qtbot, view, "A Village Learns")
    press(qtbot, view, Qt.Key.Key_T)
    assert bees.lesson.title == "A Village Learns to Keep Bees"
    assert article_text(bees).startswith("A Village Learns to Keep Bees")
    assert bees.windowTitle().startswith("A Village Learns to Keep Bees")
    assert role_shown(view, "A Village Learns") == "Title"
    undo(qtbot, view)
    assert bees.lesson.title == "Morning Study Club"
    assert role_shown(view, "A Village Learns") == "Heading"


def test_four_paragraphs_become_the_word_list_then_undo(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    assert word_list(bees) == []
    click_line(qtbot, view, "hive the box")
    click_line(qtbot, view, "income money", Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, view, Qt.Key.Key_G)
    assert [w.split()[0] for w in word_list(bees)] == ["hive", "orchard", "harvest", "income"]
    text = article_text(bees)
    assert not any(w in text for w in WORDS)
    assert [role_shown(view, w) for w in WORDS] == ["Glossary entry"] * 4
    undo(qtbot, view)
    assert word_list(bees) == []
    assert all(w in article_text(bees) for w in WORDS)


def test_two_menu_lines_become_site_text_by_the_context_menu(qtbot: QtBot, bees: MainWindow,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    view = open_page_view(qtbot, bees)
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos, _at=None: shown.append(menu))
    click_line(qtbot, view, "Back to the top")
    click_line(qtbot, view, "More stories from our club", Qt.KeyboardModifier.ControlModifier)
    index = view.model.index(row_of(view, "More stories from our club"), TEXT)
    view.table.customContextMenuRequested.emit(view.table.visualRect(index).center())  # a right-click there
    site = next(a for a in shown[-1].actions() if a.text() == "Make &site text")
    site.trigger()
    text = article_text(bees)
    assert "Back to the top" not in text and "More stories from our club" not in text
    assert "Officials hope other villages" in text
    assert role_shown(view, "Back to the top") == role_shown(view, "More stories from our club") == "Site text"
    undo(qtbot, view)
    assert "Back to the top" in article_text(bees) and "More stories from our club" in article_text(bees)


def test_attach_the_translation_to_its_paragraph_then_undo(qtbot: QtBot, bees: MainWindow,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    view = open_page_view(qtbot, bees)
    lesson = bees.lesson
    assert lesson is not None and lesson.blocks[3].translation("ja") == JA  # on "after a cold spring…"
    monkeypatch.setattr(page_view, "choose_paragraph", lambda _p, _t, _paragraphs, _at, _title: 0)  # ¶1, "Farmers…"
    click_line(qtbot, view, JA)
    press(qtbot, view, Qt.Key.Key_R)
    lesson = bees.lesson
    assert lesson is not None
    farmers = next(i for i, b in enumerate(lesson.blocks) if b.text.startswith("Farmers"))
    assert lesson.blocks[farmers].translation("ja") == JA
    assert sum(1 for b in lesson.blocks if b.translation("ja")) == 1
    assert role_shown(view, JA) == "Translation of ¶1"
    bees.article.set_shown(farmers, True)  # the reader clicks the paragraph: its translation shows under it
    assert JA in article_text(bees)
    undo(qtbot, view)
    assert bees.lesson is not None and bees.lesson.blocks[farmers].translation("ja") is None


def test_join_two_paragraphs_and_split_one_then_undo(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    count = len(bees.lesson.blocks) if bees.lesson else 0
    click_line(qtbot, view, "The project began")
    press(qtbot, view, Qt.Key.Key_J)
    assert bees.lesson is not None
    joined = [b.text for b in bees.lesson.blocks if b.text.startswith("The project began")]
    assert joined == ["The project began three years ago, when apple harvests fell sharply "
                      "after a cold spring left few flowers open."]
    assert len(bees.lesson.blocks) == count - 1

    click_line(qtbot, view, "Local teachers")
    cursor = view.text.textCursor()
    cursor.setPosition(view.text.toPlainText().index(" Many families"))
    view.text.setTextCursor(cursor)
    view.text.setFocus()
    qtbot.keyClick(view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    texts = [b.text for b in bees.lesson.blocks]
    i = texts.index("Local teachers now bring students to the hives every week.")
    assert texts[i + 1] == "Many families say the honey has become a welcome second source of income."
    assert len(texts) == count

    undo(qtbot, view)  # the split
    assert any(t.startswith("Local teachers") and t.endswith("income.") for t in (b.text for b in bees.lesson.blocks))
    undo(qtbot, view)  # the join
    assert len(bees.lesson.blocks) == count
    assert "after a cold spring left few flowers open." in [b.text for b in bees.lesson.blocks]


def test_fix_a_typo_in_the_page_view(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "Farmers in a small")
    view.text.setFocus()
    found = view.text.document().find("protcet")
    view.text.setTextCursor(found)
    view.text.insertPlainText("protect")
    qtbot.mouseClick(view.save_text, Qt.MouseButton.LeftButton)
    assert "to protect their orchards." in article_text(bees) and "protcet" not in article_text(bees)
    assert role_shown(view, "Farmers in a small") == "Paragraph ¶1"
    undo(qtbot, view)
    assert "protcet" in article_text(bees)


def test_fix_split_and_delete_from_the_article_in_edit_mode(qtbot: QtBot, bees: MainWindow, dialog_log: DialogLog,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos, _at=None: shown.append(menu))
    article = bees.article
    bees.activateWindow()
    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # edit mode
    assert bees.teaching.panel.isVisible()

    def menu_at(text: str) -> dict[str, QAction]:
        """The menu a right-click on `text` brings up."""
        pos = point_of(article, text)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, article.viewport().mapToGlobal(pos))
        QApplication.sendEvent(article.viewport(), event)
        return {a.text(): a for a in shown[-1].actions() if a.text()}

    dialog_log.text = "Farmers in a small mountain village have started keeping bees to protect their orchards."
    menu_at("protcet")["Fix the English…"].trigger()
    assert "protect their orchards" in article_text(bees) and "protcet" not in article_text(bees)

    menu_at("Many")["Split the paragraph here"].trigger()
    assert bees.lesson is not None
    assert "Local teachers now bring students to the hives every week." in [b.text for b in bees.lesson.blocks]

    menu_at("More stories from our club")["Delete paragraph"].trigger()
    assert "More stories from our club" not in article_text(bees)

    for _ in range(3):
        qtbot.keyClick(article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    text = article_text(bees)
    assert "protcet" in text and "More stories from our club" in text
    assert any(b.text.startswith("Local teachers") and b.text.endswith("income.") for b in bees.lesson.blocks)


def test_a_placed_translation_made_unplaced_by_key_leaves_its_paragraph(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    assert role_shown(view, JA).startswith("Translation of")
    click_line(qtbot, view, JA)
    press(qtbot, view, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: role_shown(view, JA) == "Unplaced", timeout=2000)
    assert bees.lesson is not None
    assert all(JA not in b.translations.values() for b in bees.lesson.blocks)
    assert [u.text for u in bees.lesson.unplaced] == [JA]


def test_undo_of_a_split_with_the_last_paragraph_open_keeps_the_article_whole(
    qtbot: QtBot, bees: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The translation shown under the last paragraph (whose number the split made) is shown
    by number again after the undo, when that number no longer exists."""
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos, _at=None: shown.append(menu))
    article = bees.article
    bees.activateWindow()
    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    pos = point_of(article, "Many")
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, article.viewport().mapToGlobal(pos))
    QApplication.sendEvent(article.viewport(), event)
    {a.text(): a for a in shown[-1].actions() if a.text()}["Split the paragraph here"].trigger()
    assert bees.lesson is not None
    last = article.paragraphs()[-1]
    article.set_shown(last, True)
    assert article.is_shown(last)
    qtbot.keyClick(article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert all(index in article.paragraphs() for index in article.shown)
    assert "Many" in article_text(bees)


def test_the_old_title_is_a_heading_again_with_no_question_mark(qtbot: QtBot, bees: MainWindow) -> None:
    view = open_page_view(qtbot, bees)
    click_line(qtbot, view, "A Village Learns")
    press(qtbot, view, Qt.Key.Key_T)
    assert role_shown(view, "Morning Study Club") == "Heading"  # as the importer reads a short line over a longer
    assert view.model.index(row_of(view, "Morning Study Club"), SURE).data() == ""
    assert article_text(bees).startswith("A Village Learns to Keep Bees\nMorning Study Club")
    undo(qtbot, view)
    assert role_shown(view, "Morning Study Club") == "Title"
