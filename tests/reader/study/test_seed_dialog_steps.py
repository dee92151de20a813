"""Mark known words… marked twice: a marking that marks nothing leaves Undo to the one before it, and a
word list's lines that are not words are skipped and counted."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.conftest import DialogLog
from tests.reader.study.test_levels_window import _click, _mark, _seed_dialog


def test_a_marking_of_nothing_new_keeps_the_undo_of_the_one_before(
    qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path
) -> None:
    words = tmp_path / "words.txt"
    words.write_text("levee\nresilient\n", encoding="utf-8")
    dialog_log.files = [str(words)]
    dialog = _seed_dialog(qtbot, window)
    _click(qtbot, dialog, "Seed_list")
    _mark(qtbot, dialog)
    assert dialog.result_label.text() == "2 words marked known from words.txt."
    _mark(qtbot, dialog)  # the same list again
    assert dialog.result_label.text() == "0 words marked (all already known)."
    assert dialog.undo_button.isEnabled()
    _click(qtbot, dialog, "SeedUndo")
    assert dialog.result_label.text() == "2 words are no longer marked known."
    assert library.study.words.counts()["known"] == 0 and not dialog.undo_button.isEnabled()


def test_lines_of_a_list_that_are_not_words_are_skipped_and_counted(
    qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path
) -> None:
    words = tmp_path / "words.txt"
    words.write_text('levee\n\u0000\u0001junk\n<b>bold</b>\n🔥fire\n"a, b",c\n', encoding="utf-8")
    dialog_log.files = [str(words)]
    dialog = _seed_dialog(qtbot, window)
    _click(qtbot, dialog, "Seed_list")
    _mark(qtbot, dialog)
    assert dialog.result_label.text() == "2 words marked known from words.txt. 3 lines skipped: not words."
    assert {w.text for w in library.study.words.list()} == {"levee", "bold"}


def test_a_second_click_on_undo_while_it_works_takes_back_nothing_more(
    qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path
) -> None:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("levee\nresilient\n", encoding="utf-8")
    second.write_text("harbour\n", encoding="utf-8")
    dialog = _seed_dialog(qtbot, window)
    _click(qtbot, dialog, "Seed_list")
    for words in (first, second):
        dialog_log.files = [str(words)]
        _mark(qtbot, dialog)
    seeding = dialog._seeding
    real_undo = seeding.undo
    button = dialog.undo_button

    def undo_clicked_again(seeded):  # type: ignore[no-untyped-def]
        # The user clicks Undo again while the first one works: the click waits in the queue.
        centre = QPointF(button.rect().center())
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            event = QMouseEvent(
                kind,
                centre,
                centre,
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.postEvent(button, event)
        assert not button.isEnabled()
        return real_undo(seeded)

    seeding.undo = undo_clicked_again  # type: ignore[method-assign]
    try:
        _click(qtbot, dialog, "SeedUndo")
        qtbot.wait(50)
    finally:
        seeding.undo = real_undo  # type: ignore[method-assign]
    assert dialog.result_label.text() == "1 word is no longer marked known."
    assert library.study.words.counts()["known"] == 2 and button.isEnabled()


def test_one_word_is_said_in_the_singular(
    qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("levee\n", encoding="utf-8")
    second.write_text("levee\nresilient\n", encoding="utf-8")
    dialog = _seed_dialog(qtbot, window)
    _click(qtbot, dialog, "Seed_list")
    dialog_log.files = [str(first)]
    _mark(qtbot, dialog)
    assert dialog.result_label.text() == "1 word marked known from first.txt."
    dialog_log.files = [str(second)]
    _mark(qtbot, dialog)
    assert dialog.result_label.text() == "1 word marked known from second.txt. 1 word saved before kept its status."


def test_the_last_marking_of_an_earlier_session_can_still_be_undone(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    earlier = library.study.seeding.seed(["levee", "resilient"])  # marked before the window was restarted
    library.study.seeding.seed(["harbour"])
    assert earlier.marked == 2
    dialog = _seed_dialog(qtbot, window)
    assert dialog.undo_button.isEnabled()
    _click(qtbot, dialog, "SeedUndo")
    assert dialog.result_label.text() == "1 word is no longer marked known."
    assert library.study.words.counts()["known"] == 2 and dialog.undo_button.isEnabled()
    _click(qtbot, dialog, "SeedUndo")  # and the one before it
    assert dialog.result_label.text() == "2 words are no longer marked known."
    assert library.study.words.counts()["known"] == 0 and not dialog.undo_button.isEnabled()
