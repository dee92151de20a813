"""The open lesson's one owner, seen from the window: deleting the open lesson, editing it and
looking a word up leave the article and its word colours right."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from library import Library
from library.study import dictionary as dictionary_module
from reader.mainwindow import MainWindow
from tests.reader.conftest import DialogLog, point_of
from tests.reader.study.test_lookup_clicks import double_click_at
from tests.study_data import install_tiny_dictionary

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
BLUE = QColor("#d7e8fb")  # a "new" word's tint in the light theme


@pytest.fixture
def sample_window(qtbot: QtBot, library: Library, settings: QSettings, dialog_log: DialogLog,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The window on the coral-reef sample (the rice-harvest sample is the other lesson), "coral" saved."""
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)
    install_tiny_dictionary()
    library.lessons.import_file(SAMPLES / "02_rice_harvest.txt")
    coral = library.lessons.import_file(SAMPLES / "01_coral_reefs.txt").lesson_id
    library.study.words.save("coral", "new")
    win = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_lesson(coral)
    yield win
    win.close()


def marked_texts(window: MainWindow) -> set[str]:
    """The document text under every word colour, lower-cased."""
    window.article.viewport().grab()  # paint, as the screen would
    return {text.lower() for text, _status in window.study.marks.marked_words()}


def tinted(window: MainWindow, text: str, after: int = 0) -> bool:
    """Whether the first `text` at or after `after` is painted with a "new" word's tint on screen."""
    view = window.article
    found = view.document().find(text, after, QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull()
    start, end = QTextCursor(view.document()), QTextCursor(view.document())
    start.setPosition(found.selectionStart())
    end.setPosition(found.selectionEnd())
    left, right = view.cursorRect(start), view.cursorRect(end)
    image = view.grab().toImage()  # the marks are a layer over the viewport
    ratio, off = image.devicePixelRatio(), view.viewport().pos()
    y = int((off.y() + left.top() + left.height() * 0.35) * ratio)
    for x in range(int((off.x() + left.left()) * ratio) + 2, int((off.x() + right.left()) * ratio) - 2):
        pixel = image.pixelColor(x, y)
        if pixel.blue() > 200 and pixel.red() < 235 and pixel.blue() > pixel.red() + 10:
            return True
    return False


def drawn(window: MainWindow, text: str, after: int = 0) -> bool:
    """Whether the word colours layer paints anything on the first `text` at or after `after` (any theme)."""
    view, marks = window.article, window.study.marks
    found = view.document().find(text, after, QTextDocument.FindFlag.FindCaseSensitively)
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart())
    rect = view.cursorRect(cursor).translated(view.viewport().pos())
    rect.setWidth(int(view.fontMetrics().horizontalAdvance(text)))
    with_marks = view.grab(rect).toImage()
    marks.set_enabled(False)
    without = view.grab(rect).toImage()
    marks.set_enabled(True)
    return with_marks != without


def test_deleting_the_open_lesson_shows_the_other_lesson_or_nothing(
    qtbot: QtBot, sample_window: MainWindow, dialog_log: DialogLog
) -> None:
    window = sample_window
    deleted = window.lesson.id if window.lesson is not None else None
    window.panel.lessons_view.setFocus()
    qtbot.keyClick(window.panel.lessons_view, Qt.Key.Key_Delete)
    assert dialog_log.names()[-1] == "confirm"
    qtbot.wait(50)  # let deferred deletions run, then paint what the reader would see
    window.article.viewport().repaint()
    window.grab()
    assert window.lesson is None or window.lesson.id != deleted
    assert "Scientists in the American state of Florida" not in window.article.toPlainText()
    assert "Coral" not in window.windowTitle()
    assert window.library.lessons.count() == 1


def test_marks_stay_on_their_words_after_an_edit_above_them(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    assert marked_texts(window) == {"coral"}
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    panel = window.teaching.panel
    assert panel.isVisible()
    # focus the first paragraph (it has no translation yet) and give it one
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton,
                     pos=point_of(window.article, "Scientists in the American"))
    panel.translation_edit.setFocus()
    panel.translation_edit.insertPlainText("フロリダ州の科学者たちは、陸上の大きな水槽でサンゴを育てています。" * 3)
    qtbot.mouseClick(panel.buttons["save_translation"], Qt.MouseButton.LeftButton)
    assert "フロリダ州の科学者たち" in window.article.toPlainText()
    assert marked_texts(window) == {"coral"}  # not a few letters of the words after it
    point_of(window.article, "coral in large tanks")
    first = window.article.document().find("Scientists in the American").selectionStart()
    assert tinted(window, "coral", first)  # and painted there, the translation above it open


def test_marks_stay_after_a_lookup_is_closed(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    first = window.article.document().find("Scientists in the American").selectionStart()
    point_of(window.article, "coral in large tanks")  # scroll the first paragraph into view
    assert tinted(window, "coral", first)
    # a double-click as a mouse sends it (press, release, double-click, release): its first click opens
    # the paragraph's prompt for a translation, which the double-click closes again
    double_click_at(qtbot, window, point_of(window.article, "tanks"))
    card = window.study.card
    assert card.isVisible()
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    assert not card.isVisible()
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # past the first click's delayed scroll
    assert tinted(window, "coral", first), "the paragraph's colours are gone"


def test_reading_says_what_changed(library: Library) -> None:
    """Reading alone: another lesson is lesson_changed, the same one read again lesson_reloaded, a
    deleted one is cleared, and open_last falls back to the open lesson."""
    from reader.reading import Reading

    first = library.lessons.import_file(SAMPLES / "01_coral_reefs.txt").lesson_id
    second = library.lessons.import_file(SAMPLES / "02_rice_harvest.txt").lesson_id
    reading = Reading(library.lessons)
    seen: list[str] = []
    reading.lesson_changed.connect(lambda: seen.append(f"changed {reading.lesson_id}"))
    reading.lesson_reloaded.connect(lambda: seen.append(f"reloaded {reading.lesson_id}"))
    assert not reading.open(10_000) and seen == []  # no such lesson: nothing changes
    assert reading.open(first)
    library.lessons.rename(first, "Coral on land")
    reading.reload_if_open(second)  # not the open one: not read again
    reading.reload_if_open(first)
    assert reading.lesson is not None and reading.lesson.title == "Coral on land"
    assert reading.open_last()  # no lesson was read yet: the open one, afresh
    library.lessons.delete(first)
    reading.reload()
    assert reading.lesson is None
    assert seen == [f"changed {first}", f"reloaded {first}", f"changed {first}", "changed None"]



def test_marks_stay_through_every_relayout(qtbot: QtBot, sample_window: MainWindow) -> None:
    """Saved-word tints are painted after a translation is shown and hidden (by click and by call),
    after show all / hide all, zoom, a theme change and a resize, not only found."""
    window = sample_window
    view = window.article
    first = view.document().find("Scientists in the American").selectionStart()
    index = view.built.owner[view.document().findBlock(first).blockNumber()] if view.built else -1
    point_of(view, "coral in large tanks")
    assert tinted(window, "coral", first)
    view.set_shown(index, True)
    assert view.is_shown(index) and tinted(window, "coral", first)
    view.set_shown(index, False)
    assert tinted(window, "coral", first)
    for _ in range(2):  # a click opens the translation, the next one closes it
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, "in large tanks"))
        qtbot.wait(QApplication.doubleClickInterval() + 50)
        assert tinted(window, "coral", first)
    view.show_all(True)
    assert tinted(window, "coral", first)
    view.show_all(False)
    assert tinted(window, "coral", first)
    view.set_shown(index, True)
    window.step_zoom(1)
    point_of(view, "coral in large tanks")
    assert tinted(window, "coral", view.document().find("Scientists in the American").selectionStart())
    window.resize(1000, 700)
    qtbot.wait(20)
    point_of(view, "coral in large tanks")
    assert tinted(window, "coral", view.document().find("Scientists in the American").selectionStart())
    window.set_theme("dark")
    point_of(view, "coral in large tanks")
    start = view.document().find("Scientists in the American").selectionStart()
    assert drawn(window, "coral", start) and not drawn(window, "tanks", start)
