"""What the user made over a paragraph follows a split or a join of it: comprehension questions go
with the piece that holds their answer, notes with the piece that holds their term."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library
from library.model import Anchor, Lesson

FERRY = Path(__file__).resolve().parents[1] / "data" / "pageview" / "ferry_page.txt"
FIRST = "The island's only ferry will sail six times a day from next month, the harbour office said."

NOTED_PAGE = """\
Night Trains Return

The night train※1 to the north will run again this winter, and the sleeper cars※2 are new.

夜行列車が今冬再び北へ走り、寝台車も新しくなる。

Tickets go on sale in October.

切符は10月に発売される。

※1 night train: a train that travels overnight
※2 sleeper car: a carriage with beds
"""


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


@pytest.fixture
def ferry(lib: Library) -> int:
    return lib.lessons.import_file(FERRY).lesson_id


def first_line(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def questions(lesson: Lesson) -> list[tuple[int, str]]:
    return [(q.block, q.text) for q in lesson.questions]


def test_a_split_puts_each_question_on_the_piece_holding_its_answer(lib: Library, ferry: int) -> None:
    lib.editing.add_question(ferry, 0, "How often will it sail?", "six times a day")
    lib.editing.add_question(ferry, 0, "Who said so?", "the harbour office")
    lib.editing.add_question(ferry, 0, "Is it news?", "")  # no answer to go by: the first piece
    lib.editing.add_question(ferry, 1, "Who welcomed it?", "Fishermen")
    lib.pages.split(ferry, first_line(lib, ferry, "The island's"), FIRST.index("the harbour"))
    assert questions(lib.lessons.get(ferry)) == [
        (0, "How often will it sail?"),
        (0, "Is it news?"),
        (1, "Who said so?"),
        (2, "Who welcomed it?"),
    ]
    lib.pages.undo(ferry)  # the pieces one paragraph again: the first piece's questions first
    assert questions(lib.lessons.get(ferry)) == [
        (0, "How often will it sail?"),
        (0, "Is it news?"),
        (0, "Who said so?"),
        (1, "Who welcomed it?"),
    ]


def test_a_join_keeps_the_first_paragraphs_questions_first_and_its_undo_sends_the_others_back(
    lib: Library, ferry: int
) -> None:
    lib.editing.add_question(ferry, 1, "Who welcomed it?", "Fishermen")
    lib.editing.add_question(ferry, 0, "How often will it sail?", "six times a day")
    lib.editing.add_question(ferry, 0, "Who said so?", "the harbour office")
    lib.pages.join_paragraphs(ferry, 0)  # "The island's", with the next paragraph
    assert questions(lib.lessons.get(ferry)) == [
        (0, "How often will it sail?"),
        (0, "Who said so?"),
        (0, "Who welcomed it?"),
    ]
    lib.pages.undo(ferry)
    assert questions(lib.lessons.get(ferry)) == [
        (0, "How often will it sail?"),
        (0, "Who said so?"),
        (1, "Who welcomed it?"),
    ]


def test_a_users_note_lands_on_the_piece_holding_its_term(lib: Library, ferry: int) -> None:
    ferry_at, office_at = FIRST.index("ferry"), FIRST.index("harbour office")
    lib.editing.add_note(ferry, "a boat that carries people", Anchor(0, ferry_at, ferry_at + 5))
    lib.editing.add_note(ferry, "the port's office", Anchor(0, office_at, office_at + 14))
    at = FIRST.index("the harbour")
    lib.pages.split(ferry, first_line(lib, ferry, "The island's"), at)
    lesson = lib.lessons.get(ferry)
    by_text = {x.text: x.anchor for x in lesson.notes if x.origin == "user"}
    before, after = by_text["a boat that carries people"], by_text["the port's office"]
    assert before is not None and after is not None
    assert (before.block, lesson.blocks[0].text[before.start : before.end]) == (0, "ferry")
    assert (after.block, lesson.blocks[1].text[after.start : after.end]) == (1, "harbour office")


def test_an_imported_note_lands_on_the_piece_holding_its_marker(lib: Library, tmp_path: Path) -> None:
    page = tmp_path / "night_trains.txt"
    page.write_text(NOTED_PAGE, encoding="utf-8")
    lid = lib.lessons.import_file(page).lesson_id
    lesson = lib.lessons.get(lid)
    assert [(x.marker, x.anchor.block if x.anchor else None) for x in lesson.notes] == [("※1", 0), ("※2", 0)]
    terms = {x.marker: lesson.blocks[0].text[x.anchor.start : x.anchor.end] for x in lesson.notes if x.anchor}
    n = first_line(lib, lid, "The night train")
    line = next(ln for ln in lib.pages.lines(lid) if ln.n == n)
    lib.pages.split(lid, n, line.text.index("and the sleeper"))
    lesson = lib.lessons.get(lid)
    anchors = {x.marker: x.anchor for x in lesson.notes}
    one, two = anchors["※1"], anchors["※2"]
    assert one is not None and two is not None
    assert one.block == 0 and lesson.blocks[0].text[one.start : one.end] == terms["※1"]
    assert two.block == 1 and lesson.blocks[1].text[two.start : two.end] == terms["※2"]
