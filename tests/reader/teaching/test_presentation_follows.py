"""The presentation follows the lesson the window has open: deleted or replaced, it ends; renamed or
edited, it shows the change on the same paragraph; a new theme restyles it; its text reads in every theme."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.mainwindow import MainWindow
from reader.teaching.presentation import PresentationView
from reader.ui.themes import THEMES, contrast
from tests.reader.conftest import DialogLog, index_of, point_of
from tests.study_data import write_other_lesson


def present(qtbot: QtBot, window: MainWindow) -> PresentationView:
    window.activateWindow()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_F5)
    pres = window.teaching.presentation
    assert pres is not None and pres.isVisible()
    return pres


def presentations() -> list[PresentationView]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PresentationView) and w.isVisible()]


@pytest.fixture
def window_at(window: MainWindow) -> Iterator[MainWindow]:
    yield window
    for w in presentations():
        w.close()


def test_deleting_the_lesson_ends_its_presentation(qtbot: QtBot, window_at: MainWindow, dialog_log: DialogLog) -> None:
    present(qtbot, window_at)
    window_at.delete_lesson(window_at.current_id())  # confirmed
    assert window_at.lesson is None
    assert window_at.teaching.presentation is None and presentations() == []


def test_opening_another_lesson_ends_the_presentation(qtbot: QtBot, window_at: MainWindow, tmp_path: Path) -> None:
    other = window_at.library.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    present(qtbot, window_at)
    window_at.open_lesson(other)
    assert window_at.lesson is not None and window_at.lesson.id == other
    assert presentations() == []
    assert present(qtbot, window_at).title_label.text() == "Schools Give Students More Autonomy"


def test_a_rename_shows_on_the_same_paragraph(qtbot: QtBot, window_at: MainWindow, dialog_log: DialogLog) -> None:
    pres = present(qtbot, window_at)
    for _ in range(3):
        qtbot.keyClick(pres, Qt.Key.Key_Right)
    at = pres.focus_index
    window_at.rename_lesson(None)  # the dialog answers "Renamed lesson"
    assert window_at.teaching.presentation is pres and pres.isVisible()
    assert pres.title_label.text() == "Renamed lesson" and pres.windowTitle() == "Renamed lesson"
    assert pres.focus_index == at


def test_a_translation_saved_in_edit_mode_is_presented(qtbot: QtBot, window_at: MainWindow) -> None:
    window_at.article.setFocus()
    qtbot.keyClick(window_at.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    view, panel = window_at.article, window_at.teaching.panel
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, "its first new routes"))
    index = index_of(window_at, "Austria’s national railway company")
    assert view.focus_index == index
    pres = present(qtbot, window_at)
    assert pres.focus_index == index
    panel.translation_edit.setFocus()
    panel.translation_edit.selectAll()
    qtbot.keyClick(panel.translation_edit, Qt.Key.Key_Delete)
    panel.translation_edit.insertPlainText("先生が直した訳です。")
    qtbot.mouseClick(panel.buttons["save_translation"], Qt.MouseButton.LeftButton)
    assert pres.isVisible() and pres.focus_index == index
    qtbot.keyClick(pres, Qt.Key.Key_T)
    assert "先生が直した訳です。" in pres.visible_text()


def test_a_theme_change_restyles_the_presentation(qtbot: QtBot, window_at: MainWindow) -> None:
    pres = present(qtbot, window_at)
    window_at.menus.themes["dark"].trigger()
    assert pres.theme == THEMES["dark"]
    found = pres.view.document().find(pres.focused_text()[:30])
    assert found.charFormat().foreground().color() == QColor(THEMES["dark"].text)
    assert pres.view.grab().toImage().pixelColor(2, 2) == QColor(THEMES["dark"].base)


def _colours(pres: PresentationView) -> set[str]:
    """Every text colour in the presentation's document."""
    doc, out = pres.view.document(), set()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.text().strip():
                out.add(fragment.charFormat().foreground().color().name())
            it += 1
        block = block.next()
    return out


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_text_of_the_presentation_reads_at_4_5_to_1(qtbot: QtBot, window_at: MainWindow, theme: str) -> None:
    window_at.menus.themes[theme].trigger()
    pres = present(qtbot, window_at)
    base = pres.theme.base
    shown = [_colours(pres)]
    qtbot.keyClick(pres, Qt.Key.Key_Right)  # a paragraph before the focused one, dimmed, too
    shown.append(_colours(pres))
    qtbot.keyClick(pres, Qt.Key.Key_T)
    shown.append(_colours(pres))
    colours = set().union(*shown)
    assert len(colours) >= 2  # the dimmed neighbours are still told apart from the focused paragraph
    for colour in colours:
        assert contrast(colour, base) >= 4.5, f"{colour} on {base}: {contrast(colour, base):.2f}:1"
    for label in (pres.title_label, pres.where_label, pres.hint_label):
        colour = label.palette().color(label.foregroundRole()).name()
        assert contrast(colour, base) >= 4.5, f"{label.text()!r} in {colour}: {contrast(colour, base):.2f}:1"
    # the focused paragraph stands out by its weight as well as its colour
    cursor = pres.view.document().find(pres.focused_text()[:30])
    assert cursor.charFormat().fontWeight() >= 600
