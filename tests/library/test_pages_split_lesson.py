"""A page split into two lessons: each note stays with the lesson holding its term."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library

MARKET = Path(__file__).resolve().parents[1] / "data" / "pageview" / "fish_market_page.txt"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


def n_of(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def terms(lib: Library, lid: int) -> list[tuple[str, str]]:
    lesson = lib.lessons.get(lid)
    return [
        (n.marker, lesson.blocks[n.anchor.block].text[n.anchor.start : n.anchor.end] if n.anchor else "")
        for n in lesson.notes
    ]


def test_a_note_whose_term_is_before_the_split_stays_with_the_first_lesson(lib: Library) -> None:
    lid = lib.lessons.import_file(MARKET).lesson_id
    lib.editing.update_note(lid, "import:0", text="harbour: where ships stay safe.")  # the user's edit of it
    made = lib.pages.split_lesson(lid, n_of(lib, lid, "Some shoppers"))
    assert terms(lib, lid) == [("※1", "harbour")]
    assert lib.lessons.get(lid).notes[0].text == "harbour: where ships stay safe."
    assert terms(lib, made) == []
    assert [b.text[:13] for b in lib.lessons.get(made).blocks] == ["Some shoppers"]
    assert [g.term for g in lib.lessons.get(made).glossary] == ["trader", "hall"]
    lib.pages.undo(lid)
    assert terms(lib, lid) == [("※1", "harbour")]
    assert lib.lessons.get(lid).notes[0].text == "harbour: where ships stay safe."


def test_a_note_whose_term_is_after_the_split_goes_with_the_new_lesson(lib: Library) -> None:
    lid = lib.lessons.import_file(MARKET).lesson_id
    made = lib.pages.split_lesson(lid, n_of(lib, lid, "Traders"))
    assert terms(lib, lid) == []
    assert terms(lib, made) == [("※1", "harbour")]
