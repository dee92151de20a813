"""The page view on its own: its model, its colours in every theme, and the requests its keys and menus make."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.teaching import page_view
from reader.teaching.page_model import ROLE, ROLES, SURE, TEXT, PageModel, chip_colour, chip_text
from reader.teaching.page_view import PageEdit, PageRequest, PageView
from reader.ui.themes import THEMES, contrast


@dataclass(frozen=True)
class Line:
    """A page line as the library gives it."""

    n: int
    role: str
    target: int | None
    confidence: float | None
    text: str
    lang: str = "en"
    block: int | None = None
    note: int | None = None


LINES = [
    Line(1, "title", None, 0.4, "Morning Study Club"),
    Line(2, "heading", None, None, "A Village Learns to Keep Bees", block=0),
    Line(3, "paragraph", None, None, "Farmers in a small village keep bees.", block=1),
    Line(4, "translation", 3, 0.5, "村の農家はミツバチを飼う。", "ja"),
    Line(5, "paragraph", None, None, "<b>hive</b> the box where bees live", block=2),
    Line(6, "paragraph", None, None, "orchard a field of fruit trees", block=3),
    Line(7, "site", None, 0.7, "Back to the top"),
    Line(8, "note", None, None, "※1 hive: ミツバチの巣箱", "ja", note=0),
]


def make_view(qtbot: QtBot, theme: str = "light") -> PageView:
    view = PageView(THEMES[theme], lambda s: s)
    qtbot.addWidget(view)
    view.set_lines(LINES)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=1000)
    return view


def row_point(view: PageView, row: int, column: int = TEXT) -> QPoint:
    return view.table.visualRect(view.model.index(row, column)).center()


def click_row(qtbot: QtBot, view: PageView, row: int,
              mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, mods, row_point(view, row))


def test_the_model_passes_the_model_tester(qapp: QApplication) -> None:
    model = PageModel(THEMES["light"], lambda s: s)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_lines(LINES)
    model.set_lines(LINES[:2])
    assert model.rowCount() == 2


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_role_chip_reads_at_4_5_to_1(theme: str) -> None:
    t = THEMES[theme]
    for role in ROLES:
        assert contrast(chip_text(role, t), chip_colour(role, t)) >= 4.5, (theme, role)
    chips = [chip_colour(role, t) for role in ROLES if role != "paragraph"]
    assert len(set(chips)) == len(chips)  # every role its own colour


def test_roles_and_the_unsure_mark_are_shown(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    m = view.model
    shown = [m.index(r, ROLE).data() for r in range(m.rowCount())]
    assert shown == ["Title", "Heading", "Paragraph ¶1", "Translation of ¶3", "Paragraph ¶2",
                     "Paragraph ¶3", "Site text", "Note 1"]
    assert [m.index(r, SURE).data() for r in range(m.rowCount())] == ["?", "", "", "?", "", "", "?", ""]
    assert "40%" in m.index(0, SURE).data(Qt.ItemDataRole.ToolTipRole)
    # lesson text is text: the tag is shown as written and escaped in the tip
    assert m.index(4, TEXT).data() == "<b>hive</b> the box where bees live"
    assert "&lt;b&gt;" in m.index(4, TEXT).data(Qt.ItemDataRole.ToolTipRole)


def test_keys_change_the_role_of_the_selected_lines(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    asked: list[PageRequest] = []
    view.request.connect(asked.append)
    click_row(qtbot, view, 4)
    click_row(qtbot, view, 5, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.table, Qt.Key.Key_G)
    assert asked == [PageRequest(PageEdit.GLOSSARY, (5, 6))]
    click_row(qtbot, view, 1)
    qtbot.keyClick(view.table, Qt.Key.Key_T)
    qtbot.keyClick(view.table, Qt.Key.Key_J)
    assert asked[1:] == [PageRequest(PageEdit.TITLE, (2,)), PageRequest(PageEdit.JOIN, (2,))]


def test_typing_in_the_text_box_changes_no_role(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    asked: list[PageRequest] = []
    view.request.connect(asked.append)
    click_row(qtbot, view, 2)
    view.text.setFocus()
    qtbot.keyClicks(view.text, "GT")
    assert asked == []
    assert view.text.toPlainText().startswith("GTFarmers")


def test_the_context_menu_shows_each_change_with_its_key(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view(qtbot)
    asked: list[PageRequest] = []
    view.request.connect(asked.append)
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos, _at=None: shown.append(menu))
    view.table.customContextMenuRequested.emit(row_point(view, 6))  # a right-click on "Back to the top"
    menu = shown[-1]
    by_text = {a.text(): a for a in menu.actions() if a.text()}
    assert by_text["Make &site text"].shortcut().toString() == "S"
    assert by_text["Make &glossary entry"].shortcut().toString() == "G"
    by_text["Make &paragraph"].trigger()
    assert asked == [PageRequest(PageEdit.PARAGRAPH, (7,))]


def test_translates_paragraph_n_asks_which(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view(qtbot)
    asked: list[PageRequest] = []
    view.request.connect(asked.append)
    offered: list[list[tuple[int, str]]] = []

    def choose(_parent: object, _tr: object, paragraphs: list[tuple[int, str]], _at: int, _title: object) -> int:
        offered.append(list(paragraphs))
        return 1  # the second paragraph offered: ¶2, block 2

    monkeypatch.setattr(page_view, "choose_paragraph", choose)
    click_row(qtbot, view, 3)
    qtbot.keyClick(view.table, Qt.Key.Key_R)
    assert [block for block, _ in offered[0]] == [1, 2, 3]  # the paragraphs, not the heading
    assert asked == [PageRequest(PageEdit.TRANSLATES, (4,), target=2)]


def test_split_at_the_cursor_and_fix_the_text(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    asked: list[PageRequest] = []
    view.request.connect(asked.append)
    click_row(qtbot, view, 2)
    cursor = view.text.textCursor()
    cursor.setPosition(len("Farmers in a small village"))
    view.text.setTextCursor(cursor)
    view.text.setFocus()
    qtbot.keyClick(view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == [PageRequest(PageEdit.SPLIT, (3,), at=26)]
    view.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(view.text, " Really.")
    qtbot.mouseClick(view.save_text, Qt.MouseButton.LeftButton)
    assert asked[1] == PageRequest(PageEdit.FIX_TEXT, (3,), text="Farmers in a small village keep bees. Really.")


def test_a_translation_line_is_not_english_to_fix(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    click_row(qtbot, view, 3)
    assert view.text.isReadOnly() and not view.save_text.isEnabled()


def test_a_selected_line_still_shows_its_role_colour(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    click_row(qtbot, view, 0)  # the title, selected
    rect = view.table.visualRect(view.model.index(0, ROLE))
    image = view.table.viewport().grab().toImage()
    sample = image.pixelColor(rect.right() - 8, rect.center().y()).name()  # inside the chip, right of its words
    assert sample == chip_colour("title", THEMES["light"])


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_view_fits_a_small_window_and_its_text_elides(qtbot: QtBot, lang: str) -> None:
    from PySide6.QtWidgets import QWidget

    from reader.ui.i18n import JA

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    view = PageView(THEMES["dark"], (lambda s: JA.get(s, s)) if lang == "ja" else (lambda s: s), window)
    view.set_lines(LINES)
    view.show()
    qtbot.waitExposed(view)
    assert view.width() <= 800 and view.height() <= 600
    assert view.minimumSizeHint().width() <= 600
    view.resize(600, 400)
    qtbot.waitUntil(lambda: view.width() == 600)
    assert view.table.textElideMode() == Qt.TextElideMode.ElideRight
    text = view.table.horizontalHeader()
    assert text.sectionViewportPosition(TEXT) + text.sectionSize(TEXT) <= view.table.viewport().width()


def test_a_translation_split_over_two_paragraphs_is_labelled_with_both() -> None:
    from reader.teaching.page_model import paragraph_numbers, role_label

    @dataclass(frozen=True)
    class Split(Line):
        targets: tuple[int, ...] = ()

    lines = [*LINES, Split(9, "translation", None, 0.4, "二つの段落の訳。", "ja", targets=(1, 2))]
    assert role_label(lines[-1], lambda s: s, paragraph_numbers(lines)) == "Translation of ¶1, ¶2"
