"""A translation line the aligner placed, given the role "unplaced" by hand, is held back from the
aligner: it leaves its paragraph and is listed as unplaced; undoing the decision places it again
(the command line: tests/reader/cli/test_fix_unplaced_cli.py; the window: test_page_view.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library
from library.pagelines import Role

GARDEN = Path(__file__).resolve().parents[1] / "data" / "pageview" / "garden_page.txt"
TEACHER_JA = "退職した先生は、庭が毎日家を出る理由になったと言いました。"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


def test_a_placed_translation_made_unplaced_leaves_its_paragraph(lib: Library) -> None:
    lid = lib.lessons.import_file(GARDEN).lesson_id
    before = lib.lessons.get(lid)
    placed_on = next(i for i, b in enumerate(before.blocks) if b.translation("ja") == TEACHER_JA)
    line = next(ln for ln in lib.pages.lines(lid) if ln.text == TEACHER_JA)
    assert line.role == Role.TRANSLATION
    lib.pages.set_role(lid, line.n, "unplaced")
    lesson = lib.lessons.get(lid)
    assert lesson.blocks[placed_on].translation("ja") is None
    assert [u.text for u in lesson.unplaced] == [TEACHER_JA]
    assert next(ln for ln in lib.pages.lines(lid) if ln.text == TEACHER_JA).role == Role.UNPLACED
    lib.pages.undo(lid)
    assert lib.lessons.get(lid).blocks[placed_on].translation("ja") == TEACHER_JA
    assert lib.lessons.get(lid).unplaced == []


def test_a_line_made_unplaced_says_the_user_made_it_so(tmp_path: Path) -> None:
    lib = Library(tmp_path / "reason.db")
    ferry = Path(__file__).resolve().parents[1] / "data" / "pageview" / "ferry_page.txt"
    lid = lib.lessons.import_file(ferry).lesson_id
    english = next(ln for ln in lib.pages.lines(lid) if ln.text.startswith("Students"))
    japanese = next(ln for ln in lib.pages.lines(lid) if ln.text.startswith("往復券"))
    lib.pages.set_role(lid, english.n, "unplaced")
    lib.pages.set_role(lid, japanese.n, "unplaced")
    got = {u.text[:4]: u.reason for u in lib.lessons.get(lid).unplaced}
    assert got == {
        "往復券は": "made unplaced by you",
        "Stud": "made unplaced by you",
        "学生は平": "its paragraph was made an unplaced line",  # the translation placed on it
    }
    first = lib.pages.lines(lid)[1]
    lib.pages.split(lid, first.n, first.text.index(" six") + 1)  # a change of structure after: the same
    assert {u.text[:4]: u.reason for u in lib.lessons.get(lid).unplaced} == got
