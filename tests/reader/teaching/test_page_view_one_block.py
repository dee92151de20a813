"""Two English lines the importer put in one block (a paragraph given sentence by sentence, each
with its translation under it) are separated by making the second a paragraph; a role a line has
already is refused, as no change, and spends no undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.teaching.test_page_view import click_line, open_page_view, press, role_shown, undo

PAIRS = Path(__file__).resolve().parents[2] / "data" / "pageview" / "pier_pairs.txt"


def blocks(window: MainWindow) -> list[tuple[str, str]]:
    assert window.lesson is not None
    return [(b.text[:16], (b.translation() or "")[:6]) for b in window.lesson.blocks]


def test_a_line_joined_to_the_one_above_is_made_a_paragraph_of_its_own(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    window.open_lesson(library.lessons.import_file(PAIRS).lesson_id)
    joined = blocks(window)
    assert [text for text, _ in joined] == ["The fishing boat", "By eight o'clock"]
    view = open_page_view(qtbot, window)
    click_line(qtbot, view, "The buyers wait")
    press(qtbot, view, Qt.Key.Key_P)
    assert blocks(window) == [
        ("The fishing boat", "漁船は日が昇"),
        ("The buyers wait ", "買い手たちは"),
        ("By eight o'clock", "8時までに市"),
    ]
    assert role_shown(view, "The buyers wait").startswith("Paragraph ¶2")
    click_line(qtbot, view, "By eight")  # a paragraph of its own already: nothing to change
    press(qtbot, view, Qt.Key.Key_P)
    assert "nothing to change" in view.status.text()
    undo(qtbot, view)  # takes back the separation: the refused change was no step
    assert blocks(window) == joined
