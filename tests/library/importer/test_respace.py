"""English spaced out unevenly by a PDF viewer: its words found again from a word list."""

from __future__ import annotations

from library.importer.respace import respace
from library.importer.text import parse_text
from library.model import LETTER_SPACING_REJOINED


def test_unevenly_spaced_english_is_put_back_into_words() -> None:
    assert respace("W i l d, unr ul y s t u de nt s fil led the clas sro om on Mon day.") == (
        "Wild, unruly students filled the classroom on Monday."
    )
    assert respace("Th e ci ty w ill o pen a ne w li bra ry.") == "The city will open a new library."


def test_ordinary_lines_of_short_words_are_left_alone() -> None:
    assert respace("It is up to me to go so I am in.") is None
    assert respace("Plan b is to go on by bus if it is on time.") is None
    assert respace("The U.S. and the U.K. met on May 2.") is None


def test_the_report_says_each_english_line_rejoined_and_the_lesson_shows_its_words() -> None:
    page = (
        "Bakery Opens Early\n\n"
        "Th e ba ke ry o n Oak St reet w ill o pen at s ix.\n"
        "オーク通りのパン屋は6時に開店する。\n"
    )
    lesson = parse_text(page)
    assert lesson.blocks[0].text == "The bakery on Oak Street will open at six."
    assert [w.text for w in lesson.warnings if w.kind == LETTER_SPACING_REJOINED] == [
        "The bakery on Oak Street will open at six."
    ]
