"""The levelled worksheet's word bank on a page of our own (a glacier above a Swiss town), read back
from the PDF: every distractor is near the level of the gaps (none of "outside", A1, among C1 words)
and the gaps' forms are all in the bank's distractors too (an -ed word for the -ed gaps)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from library.study.levels import LEVELS, word_level
from reader.mainwindow import MainWindow
from reader.teaching.levelled_worksheet import Blank, distractors, make_blanks
from tests.reader.teaching.test_level_report import export, pages

GLACIER = Path(__file__).parents[2] / "data" / "glacier.txt"


def test_distractors_are_at_the_gaps_level_and_in_their_forms(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = tmp_path / "glacier.txt"
    shutil.copy(GLACIER, page)
    assert window.open_lesson(window.library.lessons.import_file(page).lesson_id)
    target = tmp_path / "sheet.pdf"
    export(window, monkeypatch, "levelled_worksheet", "B1", target)
    sheet = " ".join(pages(target)).replace("\u00a0", " ")
    key = sheet.split("— Answer key", 1)[1]
    answers = {w.lower() for w in re.findall(r"\d+\. ([\w'-]+) \((?:B2|C1|C2)\)", key)}
    assert {"glacier", "pledged", "evacuated", "accumulating"} <= answers
    bank_text = sheet.split("Word bank", 1)[1].split("The small town", 1)[0]
    bank = set(bank_text.lower().split())
    extra = bank - answers
    assert len(extra) >= len(answers) // 2
    lowest = min(LEVELS.index(word_level(w) or "C2") for w in answers)
    for word in extra:
        level = word_level(word)
        assert level is not None and LEVELS.index(level) >= lowest - 1, (word, level)  # not outside (A1)
    assert any(w.endswith("ed") for w in extra), extra  # the -ed gaps (evacuated, pledged) get -ed company
    assert any(w.endswith("ing") for w in extra), extra


def test_each_distractor_is_within_a_level_of_its_gap(window: MainWindow, tmp_path: Path) -> None:
    page = tmp_path / "glacier.txt"
    shutil.copy(GLACIER, page)
    lesson = window.library.lessons.get(window.library.lessons.import_file(page).lesson_id)  # type: ignore[arg-type]
    blanks: list[Blank] = make_blanks(lesson, "B1")
    assert {b.gloss.word: b.tag for b in blanks}["community"] == "NN"  # singular, as written
    for seed in "abcd":
        found = distractors(blanks, {b.gloss.word.lower() for b in blanks}, seed)
        for form, blank in found:
            gap, shown = LEVELS.index(blank.gloss.level or "B2"), word_level(form)
            assert shown is not None and abs(LEVELS.index(shown) - gap) <= 1, (form, shown, blank.gloss.word)
        assert {b.tag for b in blanks if b.tag in ("VBD", "VBG", "NNS")} <= {b.tag for _f, b in found}
