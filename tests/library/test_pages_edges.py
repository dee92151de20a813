"""The page view's edges: splits that would cut one visible character or a note marker, refusals
that say why, and notes made by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library
from library.pagelines import DecisionError

GARDEN = Path(__file__).resolve().parents[1] / "data" / "pageview" / "garden_page.txt"
ACCENT = "Cafe\u0301 owners grow mint."  # "é" written as e + a combining acute accent
FAMILY = "A family 👩\u200d👩\u200d👧 plants beans."
MARKED = "Gardens feed the city※12 in summer."


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


@pytest.fixture
def garden(lib: Library) -> int:
    return lib.lessons.import_file(GARDEN).lesson_id


def _split(lib: Library, lid: int, text: str, at: int) -> tuple[str, str]:
    n = next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith("Many of the gardeners"))
    lib.pages.set_text(lid, n, text)
    lib.pages.split(lid, n, at)
    texts = [ln.text for ln in lib.pages.lines(lid)]
    return texts[n], texts[n + 1]


@pytest.mark.parametrize(
    ("text", "at", "first", "rest"),
    [
        (ACCENT, 4, "Cafe\u0301", "owners grow mint."),  # between e and its accent: to the word's end
        (FAMILY, FAMILY.index("\u200d") + 1, "A family", "👩\u200d👩\u200d👧 plants beans."),
        (FAMILY, FAMILY.index("👧"), "A family 👩\u200d👩\u200d👧", "plants beans."),  # after is nearer
        (MARKED, MARKED.index("※") + 1, "Gardens feed the city", "※12 in summer."),
        (MARKED, MARKED.index("※") + 2, "Gardens feed the city※12", "in summer."),
        (MARKED, MARKED.index("※"), "Gardens feed the city", "※12 in summer."),  # a boundary stays put
    ],
)
def test_a_split_inside_one_character_or_a_marker_moves_to_the_nearest_boundary(
    lib: Library, garden: int, text: str, at: int, first: str, rest: str
) -> None:
    assert _split(lib, garden, text, at) == (first, rest)


def test_a_split_with_no_boundary_near_it_is_refused(lib: Library, garden: int) -> None:
    n = next(ln.n for ln in lib.pages.lines(garden) if ln.text.startswith("Many of the gardeners"))
    text = "A" + "\u0301" * 40 + " b"
    lib.pages.set_text(garden, n, text)
    before = lib.pages.lines(garden)
    with pytest.raises(DecisionError, match="no place near it between two characters"):
        lib.pages.split(garden, n, 20)
    assert lib.pages.lines(garden) == before


def test_a_line_made_a_note_with_no_marker_gets_the_lessons_next_one(lib: Library, garden: int) -> None:
    first = next(ln.n for ln in lib.pages.lines(garden) if ln.text.startswith("retired "))
    lib.pages.set_text(garden, first, "※3 retired: no longer working at a job")
    lib.pages.set_role(garden, first, "note")
    second = next(ln.n for ln in lib.pages.lines(garden) if ln.text.startswith("lot "))
    lib.pages.set_role(garden, second, "note")
    markers = sorted(n.marker for n in lib.lessons.get(garden).notes)
    assert markers == ["※3", "※4"]


def test_a_markdown_word_lists_heading_is_listed_without_its_marks(lib: Library) -> None:
    lid = lib.lessons.import_file(GARDEN.parent / "harbour_page.md").lesson_id
    texts = [ln.text for ln in lib.pages.lines(lid)]
    assert "Words" in texts
    assert not [t for t in texts if t.startswith("#")]


def test_a_split_before_a_marker_that_punctuation_follows_keeps_the_marker_with_its_term(lib: Library) -> None:
    lid = lib.lessons.import_file(GARDEN.parent / "fish_market_page.txt").lesson_id
    line = next(ln for ln in lib.pages.lines(lid) if ln.text.startswith("Traders"))
    lib.pages.split(lid, line.n, line.text.index("※"))
    texts = [ln.text for ln in lib.pages.lines(lid)]
    assert texts[line.n] == "Traders will move to a new hall by the harbour※1,"
    assert texts[line.n + 1] == "which opened in 2024 after five years of work."
    lesson = lib.lessons.get(lid)
    (note,) = lesson.notes
    assert note.anchor is not None
    assert lesson.blocks[note.anchor.block].text[note.anchor.start : note.anchor.end] == "harbour"


def test_a_split_leaving_only_a_marker_is_refused(lib: Library, garden: int) -> None:
    n = next(ln.n for ln in lib.pages.lines(garden) if ln.text.startswith("Many of the gardeners"))
    text = "Gardens feed the city※1."
    lib.pages.set_text(garden, n, text)
    before = lib.pages.lines(garden)
    for at in (text.index("※"), text.index("※") + 1):  # before it, and inside it
        with pytest.raises(DecisionError, match="only a note marker would be left after it"):
            lib.pages.split(garden, n, at)
    assert lib.pages.lines(garden) == before


@pytest.mark.parametrize(
    ("at_of", "first", "rest"),
    [
        ("summe", "Gardens feed the city in the summer※1.", "Neighbors share the beans."),
        ("Neighb", "Gardens feed the city in the summer※1. Neighbors", "share the beans."),
        ("Gard", "Gardens", "feed the city in the summer※1. Neighbors share the beans."),
    ],
)
def test_a_split_inside_a_word_moves_to_the_words_nearest_end(
    lib: Library, garden: int, at_of: str, first: str, rest: str
) -> None:
    text = "Gardens feed the city in the summer※1. Neighbors share the beans."
    assert _split(lib, garden, text, text.index(at_of) + len(at_of)) == (first, rest)


def test_a_split_inside_the_last_word_before_a_marker_moves_to_its_start_and_keeps_the_term_whole(
    lib: Library, garden: int
) -> None:
    text = "Gardens feed the city in the summer※1."
    assert _split(lib, garden, text, text.index("summe") + len("summe")) == (
        "Gardens feed the city in the",
        "summer※1.",
    )


def test_a_split_inside_a_noted_term_leaves_the_note_on_the_whole_term(lib: Library) -> None:
    lid = lib.lessons.import_file(GARDEN.parent / "fish_market_page.txt").lesson_id
    line = next(ln for ln in lib.pages.lines(lid) if ln.text.startswith("Traders will move"))
    lib.pages.split(lid, line.n, line.text.index("harbo") + len("harbo"))
    texts = [ln.text for ln in lib.pages.lines(lid)]
    assert texts[line.n] == "Traders will move to a new hall by the harbour※1,"
    lesson = lib.lessons.get(lid)
    anchor = lesson.notes[0].anchor
    assert anchor is not None
    assert lesson.blocks[anchor.block].text[anchor.start : anchor.end] == "harbour"


def test_a_glossary_line_split_gives_glossary_lines(lib: Library, garden: int) -> None:
    n = next(ln.n for ln in lib.pages.lines(garden) if ln.text.startswith("lot "))
    lib.pages.set_text(garden, n, "auction tuna crab")
    lib.pages.set_role(garden, n, "glossary")
    lib.pages.split(garden, n, len("auction tuna "))
    lib.pages.split(garden, n, len("auction "))
    lines = lib.pages.lines(garden)
    assert [(ln.text, ln.role) for ln in lines if ln.text in ("auction", "tuna", "crab")] == [
        ("auction", "glossary"),
        ("tuna", "glossary"),
        ("crab", "glossary"),
    ]
    lesson = lib.lessons.get(garden)
    assert [g.term for g in lesson.glossary] == ["auction", "tuna", "crab"]
    assert not any(b.text in ("auction", "tuna", "crab") for b in lesson.blocks)
