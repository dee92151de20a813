"""The side panels and the edit dock share the window: panels hidden for a narrow window come back at
the widths they had, never at 0 px (nor saved so), and the dock never takes the article's room."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.window.focus_mode import ARTICLE_MIN, DOCK_MIN, DOCK_SHARE, SIDE_MIN
from tests.reader.conftest import point_of

LONG_WORD = "Supercalifragilistic" * 30  # 600 letters with no place to break


def resize(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    """Resize as a window manager does: to the size asked, or the least the window allows."""
    window.resize(width, height)
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    qtbot.waitUntil(lambda: window.width() == max(width, least.width()), timeout=2000)
    qtbot.wait(20)


def key(
    qtbot: QtBot, window: MainWindow, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    window.activateWindow()
    window.article.setFocus()
    qtbot.keyClick(window.article, k, mods)


def side_widths(window: MainWindow) -> tuple[int, int]:
    """The library's and the word list's widths on screen (0 for one hidden)."""
    return (window.panel.width() if window.panel.isVisible() else 0,
            window.vocab.width() if window.vocab.isVisible() else 0)


def test_panels_come_back_at_their_widths_after_edit_mode_in_a_small_window(
    qtbot: QtBot, window: MainWindow, library: Library, settings: QSettings
) -> None:
    before = side_widths(window)
    assert min(before) >= SIDE_MIN
    key(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.teaching.panel.isVisible()
    resize(qtbot, window, 400, 300)
    assert side_widths(window) == (0, 0)  # hidden for narrowness
    resize(qtbot, window, 683, 740)
    resize(qtbot, window, 1280, 800)
    assert side_widths(window) == before
    key(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert not window.teaching.panel.isVisible()
    assert side_widths(window) == before
    key(qtbot, window, Qt.Key.Key_F11)
    assert side_widths(window) == (0, 0)
    key(qtbot, window, Qt.Key.Key_F11)
    assert side_widths(window) == before
    window.save_layout()
    window.close()
    again = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    qtbot.waitExposed(again)
    assert min(side_widths(again)) >= SIDE_MIN
    again.close()


def test_a_saved_layout_of_empty_side_panels_is_not_restored(
    qtbot: QtBot, window: MainWindow, library: Library, settings: QSettings
) -> None:
    window.splitter.setSizes([0, 1280, 0])  # squeezed to nothing, as a once too narrow window left them
    window.save_layout()
    window.close()
    again = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    qtbot.waitExposed(again)
    assert again.panel.isVisible() and again.vocab.isVisible()
    assert min(side_widths(again)) >= SIDE_MIN
    again.close()


def test_the_edit_dock_gives_way_in_a_small_window(qtbot: QtBot, window: MainWindow) -> None:
    key(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dock = window.teaching.panel
    resize(qtbot, window, 569, 400)
    assert window.width() == 569
    qtbot.waitUntil(lambda: dock.width() <= DOCK_MIN, timeout=2000)  # the dock is laid out again a moment later
    assert dock.isVisible()
    assert window.article.width() >= 569 - DOCK_MIN - 10  # was 271 px: the dock took half the window
    resize(qtbot, window, 1280, 800)
    assert dock.width() <= 1280 * DOCK_SHARE
    assert window.article.width() >= ARTICLE_MIN and min(side_widths(window)) >= SIDE_MIN


def test_a_very_long_word_wraps_in_the_dock(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "long_word.txt"
    path.write_text(
        "A Lesson With a Long Word\n\nThe first paragraph is short and ordinary.\n\n"
        f"This paragraph has a very long word {LONG_WORD} inside it.\n\nThe last paragraph ends the lesson.\n",
        encoding="utf-8",
    )
    window.open_lesson(window.library.lessons.import_file(path).lesson_id)
    key(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dock, view = window.teaching.panel, window.article
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, "This paragraph has"))
    qtbot.waitUntil(lambda: dock.para_label.text().startswith("This paragraph has"), timeout=1000)
    qtbot.wait(50)
    assert dock.width() <= 1280 * DOCK_SHARE  # was 704 px
    assert min(side_widths(window)) >= SIDE_MIN  # both were pushed to 0 px
    assert window.article.width() >= ARTICLE_MIN
    label = dock.para_label
    assert label.width() <= dock.width()
    assert label.text().replace("\u200b", "").startswith(f"This paragraph has a very long word {LONG_WORD[:60]}")
