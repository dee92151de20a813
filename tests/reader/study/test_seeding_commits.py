"""Marking known words in the window, and taking them back, is written to the library at once: another
program reading the same file (a second window, the command line) sees each change as it is made."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from library import Library
from reader.mainwindow import MainWindow
from tests.reader.conftest import DialogLog
from tests.reader.study.test_levels_window import _click, _mark, _seed_dialog

ROOT = Path(__file__).resolve().parents[3]


def _known_elsewhere(path: Path) -> set[str]:
    """The known words as `words list` in another process reads them from the same file."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "words", "list", "--status", "known", "--json", "--library", str(path)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=True,
    )
    return {w["lemma"] for w in json.loads(done.stdout)}


def test_a_marking_and_its_undo_are_seen_by_another_program_at_once(
    qtbot: QtBot, window: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path
) -> None:
    words = tmp_path / "words.txt"
    words.write_text("levee\nresilient\ntangible\n", encoding="utf-8")
    dialog_log.files = [str(words)]
    dialog = _seed_dialog(qtbot, window)
    _click(qtbot, dialog, "Seed_list")
    _mark(qtbot, dialog)
    assert library.path is not None
    assert _known_elsewhere(library.path) == {"levee", "resilient", "tangible"}
    _click(qtbot, dialog, "SeedUndo")
    assert dialog.result_label.text() == "3 words are no longer marked known."
    assert not library.db.conn.in_transaction
    assert _known_elsewhere(library.path) == set()


def test_setting_the_status_of_several_words_in_my_words_moves_the_lessons_difficulty(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int
) -> None:
    from tests.reader.study.test_my_words import click, open_page
    from tests.reader.window.test_difficulty_column import shown_unknown

    library.study.levels.level_pending()
    window.refresh_lessons()
    for word in ("the", "train", "night"):
        library.study.words.save(word, "new", lesson_id=reference_id)
    assert shown_unknown(window, reference_id).startswith("100%")
    page = open_page(qtbot, window)
    click(qtbot, page, "the")
    click(qtbot, page, "train", mods=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_3)  # both known
    found = library.study.levels.of(reference_id)
    assert found is not None and found.known > 0
    share = shown_unknown(window, reference_id)
    assert share.startswith(f"{found.unknown_share:.0%}") and not share.startswith("100%")
    library.study.levels.relevel(reference_id)  # counted again from the text: the same
    assert library.study.levels.of(reference_id) == found


def test_a_delete_in_my_words_and_its_undo_are_seen_elsewhere_with_the_lessons_difficulty(
    qtbot: QtBot, window: MainWindow, library: Library, reference_id: int
) -> None:
    from tests.reader.study.test_my_words import click, open_page
    from tests.reader.window.test_difficulty_column import shown_unknown

    library.study.levels.level_pending()
    window.refresh_lessons()
    library.study.words.save("the", "known", lesson_id=reference_id)
    known = library.study.levels.of(reference_id).known  # type: ignore[union-attr]
    assert known > 0
    window.refresh_difficulty()
    easier = shown_unknown(window, reference_id)
    page = open_page(qtbot, window)
    click(qtbot, page, "the")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert library.path is not None and _known_elsewhere(library.path) == set()
    assert library.study.levels.of(reference_id).known == 0  # type: ignore[union-attr]
    assert shown_unknown(window, reference_id).startswith("100%")
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # put back
    assert _known_elsewhere(library.path) == {"the"}
    assert library.study.levels.of(reference_id).known == known  # type: ignore[union-attr]
    assert shown_unknown(window, reference_id) == easier
