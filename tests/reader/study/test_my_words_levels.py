"""My words' Level column and level filter, driven as a learner would: sort by clicking the header,
choose a level with the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget
from pytestqt.qtbot import QtBot

from library.study.words import sentence_at
from reader.mainwindow import MainWindow
from reader.study.my_words_model import COLUMNS, KEYS, MyWordsFilter, MyWordsModel
from tests.reader.conftest import index_of
from tests.reader.study.test_my_words import DESIGNER, open_page, shown
from tests.study_data import write_other_lesson


@pytest.fixture
def levelled(window: MainWindow, tmp_path: Path) -> dict[str, int]:
    """Words of several levels, a name among them (Swedish, capitalised inside its sentence)."""
    lib, ref = window.library, window.current_id()
    other = lib.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    assert window.lesson is not None
    block = index_of(window, DESIGNER)
    sentence = sentence_at(window.lesson.blocks[block].text, 0)
    ids = {}
    for text, lesson in (
        ("radio", ref),  # A1
        ("promised", ref),  # A2
        ("designer", ref),  # B1
        ("autonomy", other),  # B2
        ("Swedish", ref),  # a name: no level
        ("take off", ref),  # a phrase: no level
    ):
        ids[text] = lib.study.words.save(text, "new", sentence=sentence, lesson_id=lesson, block_pos=block).id
    ids["other_lesson"] = other
    return ids


def test_level_column_sorts_from_a1_to_c2_names_last(
    qtbot: QtBot, window: MainWindow, levelled: dict[str, int]
) -> None:
    page = open_page(qtbot, window)
    header = page.table.horizontalHeader()
    assert page.model.headerData(KEYS.index("level"), Qt.Orientation.Horizontal) == "Level"
    section = KEYS.index("level")
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, section)
    )
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:  # the first click may sort either way
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, section)
        )
    assert header.sortIndicatorSection() == section
    assert shown(page, "level") == ["A1", "A2", "B1", "B2", "—", "—"]
    assert shown(page)[:4] == ["radio", "promised", "designer", "autonomy"]
    assert set(shown(page)[4:]) == {"Swedish", "take off"}
    tip = page.proxy.index(4, section).data(Qt.ItemDataRole.ToolTipRole)
    assert "No level" in tip


def _section_centre(header: QHeaderView, section: int) -> QPoint:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_level_filter_by_keyboard(qtbot: QtBot, window: MainWindow, levelled: dict[str, int]) -> None:
    page = open_page(qtbot, window)
    assert page.count.text() == "6 of 6 words"
    box = page.level_box
    assert box.currentText() == "All levels"
    # Reachable with Tab from the filter box (Ctrl+F), as the status and lesson lists are.
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    for _ in range(5):
        if box.hasFocus():
            break
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert box.hasFocus()
    # Down through the choices: A1, A2, B1, B2 …
    for _ in range(4):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == "B2"
    assert shown(page) == ["autonomy"] and page.count.text() == "1 of 6 words"
    choices = [box.itemText(i) for i in range(box.count())]
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)  # past C1 and C2: "A2 and above"
    assert box.currentText() == "A2 and above"
    assert sorted(shown(page)) == ["autonomy", "designer", "promised"]
    box.setCurrentIndex(choices.index("B1 and above"))
    assert sorted(shown(page)) == ["autonomy", "designer"]
    box.setCurrentIndex(choices.index("No level (names, phrases)"))
    assert sorted(shown(page)) == ["Swedish", "take off"]
    # With the lesson filter: words of the reference lesson at B1 and above.
    box.setCurrentIndex(choices.index("B1 and above"))
    page.lesson_box.setCurrentIndex(page.lesson_box.findData(window.current_id()))
    assert shown(page) == ["designer"]
    qtbot.keyClick(box, Qt.Key.Key_Home)
    assert box.currentText() == "All levels" and page.count.text() == "5 of 6 words"


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_model_with_levels_passes_the_item_model_tester(
    qtbot: QtBot, window: MainWindow, levelled: dict[str, int]
) -> None:
    model = MyWordsModel(lambda s: s)
    proxy = MyWordsFilter(model)
    testers = [QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal) for m in (model, proxy)]
    model.set_rows(window.library.study.words.table(), KEYS.index("level"), Qt.SortOrder.DescendingOrder)
    assert [model.text_of(r, "level") for r in model.rows][:2] == ["—", "—"]
    for column in range(len(COLUMNS)):
        proxy.sort(column, Qt.SortOrder.AscendingOrder)
    proxy.set_filter(level="B2+")
    assert proxy.rowCount() == 1
    proxy.set_filter(lesson_id=levelled["other_lesson"], level="none")
    assert proxy.rowCount() == 0
    proxy.set_filter(level="A2")
    assert proxy.index(0, 0).data() == "promised"
    assert len(testers) == 2
