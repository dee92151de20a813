"""In the window: marking known words at once (from a CEFR level, from an Anki deck), with its
count and undo, and Read next, which lists the lessons nearest a target share of unknown words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from reader.study.read_next_dialog import ReadNextDialog
from reader.study.seed_dialog import SeedDialog
from tests.library.study.test_levels import PARAGRAPH
from tests.library.study.test_seeding import make_apkg
from tests.reader.conftest import DialogLog
from tests.reader.window.test_difficulty_column import shown_unknown


def _seed_dialog(qtbot: QtBot, window: MainWindow) -> SeedDialog:
    window.menus.actions["seed_words"].trigger()  # Study → Mark known words…
    dialog = window.findChild(SeedDialog, "SeedDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _click(qtbot: QtBot, dialog: SeedDialog, name: str) -> None:
    widget = dialog.findChild(QRadioButton, name) or dialog.findChild(QPushButton, name)
    assert widget is not None and widget.isVisible()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def _mark(qtbot: QtBot, dialog: SeedDialog) -> None:
    """Click Mark known and wait for the words, found off the window's thread, to be saved."""
    _click(qtbot, dialog, "SeedMark")
    assert dialog.result_label.text() == "Finding the words…" and not dialog.mark_button.isEnabled()
    qtbot.waitUntil(dialog.mark_button.isEnabled, timeout=30_000)


def test_marking_a_level_known_counts_it_and_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int
) -> None:
    library.study.levels.level_pending()
    window.refresh_lessons()
    assert shown_unknown(window, reference_id).startswith("100%")
    dialog = _seed_dialog(qtbot, window)
    _click(qtbot, dialog, "Seed_level")
    dialog.level.setFocus()
    qtbot.keyClicks(dialog.level, "A1")  # the combo box picks A1 as typed
    assert dialog.level.currentText() == "A1"
    _mark(qtbot, dialog)
    marked = library.study.words.counts()["known"]
    assert 1000 < marked < 3000
    assert dialog.result_label.text() == f"{marked:,} words marked known from CEFR A1."
    share = shown_unknown(window, reference_id)
    assert not share.startswith("100%") and int(share.split("%")[0]) < 50
    assert library.study.words.get("the") is not None and library.study.words.get("the").status == "known"
    _click(qtbot, dialog, "SeedUndo")
    assert dialog.result_label.text() == f"{marked:,} words are no longer marked known."
    assert library.study.words.counts()["known"] == 0
    assert shown_unknown(window, reference_id).startswith("100%")
    assert not dialog.undo_button.isEnabled()


def test_marking_an_anki_decks_words_known(
    qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path
) -> None:
    library.study.words.save("levee", "learning")
    deck = make_apkg(tmp_path / "my deck.apkg", ["<b>night</b>", "train&nbsp;station", "levee", "夜行列車"])
    dialog_log.files = [str(deck)]
    dialog = _seed_dialog(qtbot, window)
    _click(qtbot, dialog, "Seed_apkg")
    _mark(qtbot, dialog)
    assert "choose_files" in dialog_log.names()
    assert dialog.result_label.text() == (
        "2 words marked known from my deck.apkg. 1 word saved before kept its status."
        " 1 note skipped: not words."  # 夜行列車
    )
    words = library.study.words
    assert words.get("night").status == "known" and words.get("train station").status == "known"  # type: ignore[union-attr]
    assert words.get("levee").status == "learning"  # type: ignore[union-attr]


def test_read_next_lists_lessons_by_the_band_and_opens_one(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"Tomas and the River\n\n{PARAGRAPH}\n", encoding="utf-8")
    other = library.lessons.import_file(page).lesson_id
    library.study.levels.level_pending()  # as the import worker does after an import
    window.refresh_lessons()
    dialog = _seed_dialog(qtbot, window)
    _click(qtbot, dialog, "Seed_level")
    qtbot.keyClicks(dialog.level, "A2")
    _mark(qtbot, dialog)
    dialog.close()
    shares = library.study.levels.unknown_shares()
    window.menus.actions["read_next"].trigger()  # Study → Read next…
    found = window.findChild(ReadNextDialog, "ReadNextDialog")
    assert found is not None
    qtbot.waitExposed(found)
    # Aim at the paragraph's share: it comes first, marked as inside the band.
    target = round(shares[other] * 100)
    for box, value in ((found.high, target + 1), (found.low, target - 1)):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, str(value))
    rows = [found.list.item(i).text() for i in range(found.list.count())]
    assert len(rows) == 2 and rows[0].startswith("★") and rows[0].endswith("Tomas and the River")
    assert f"{shares[other]:.1%} unknown" in rows[0] and not rows[1].startswith("★")
    assert window.settings.value("study/read_next_low") in (target - 1, str(target - 1))
    found.list.setFocus()
    qtbot.keyClick(found.list, Qt.Key.Key_Return)
    assert window.current_id() == other


def test_read_next_tells_a_new_learner_to_mark_known_words_first(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int
) -> None:
    library.study.levels.level_pending()
    window.menus.actions["read_next"].trigger()  # Study → Read next…
    found = window.findChild(ReadNextDialog, "ReadNextDialog")
    assert found is not None
    qtbot.waitExposed(found)
    hint = found.findChild(QLabel, "ReadNextHint")
    assert hint is not None and hint.isVisible()
    assert hint.text() == "Mark the words you know first (Study → Mark known words…)."
    library.study.words.save("the", "known")
    found.refresh()
    assert not hint.isVisible()


def test_about_names_the_word_lists_and_their_licences() -> None:
    from reader.ui.i18n import Translator
    from reader.window.dialogs import about_levels_html

    text = about_levels_html(Translator("en"))
    for name in ("cefrpy", "MIT License", "Pyphen", "wordfreq", "CC BY-SA 4.0", "Apache License 2.0"):
        assert name in text
    assert "単語の頻度" in about_levels_html(Translator("ja"))
