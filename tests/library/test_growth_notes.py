"""Anchoring notes is near-linear in their number: a line of many note markers with its note
list, and many notes found by the terms they name over many paragraphs."""

from __future__ import annotations

from library.importer import parse_page
from tests.growth import assert_linear

FIRST = "The park opened today.\n\n"


def _markers_on_one_line(n: int) -> bytes:
    """`word1※1 word2※2 …` on one line, then the list `※1 note 1` … (markers stay under 1,000)."""
    line = "".join(f"word{i}※{i} " for i in range(1, n + 1))
    notes = "\n".join(f"※{i} note {i}" for i in range(1, n + 1))
    return (FIRST + line + "\n\n" + notes).encode()


def _notes_named_by_terms(n: int) -> bytes:
    """Paragraphs with no markers, and notes that name a word of one paragraph each."""
    paragraphs = "\n\n".join(f"People walked in the park{i} and the garden{i} all day long." for i in range(n))
    notes = "\n".join(f"※{i} park{i} is a big green place." for i in range(1, n + 1))
    return (FIRST + paragraphs + "\n\n" + notes).encode()


def test_a_line_of_note_markers_anchors_in_linear_time() -> None:
    lesson = parse_page(_markers_on_one_line(5), "page.txt")
    assert [(n.marker, n.anchor.start if n.anchor else None) for n in lesson.notes] == [
        ("※1", 0), ("※2", 6), ("※3", 12), ("※4", 18), ("※5", 24)
    ]  # fmt: skip
    assert_linear(_markers_on_one_line, lambda data: parse_page(data, "page.txt"), 200)


def test_notes_found_by_their_terms_anchor_in_linear_time() -> None:
    lesson = parse_page(_notes_named_by_terms(5), "page.txt")
    assert [n.anchor.block if n.anchor else None for n in lesson.notes[:4]] == [2, 3, 4, 5]
    assert_linear(_notes_named_by_terms, lambda data: parse_page(data, "page.txt"), 200)
