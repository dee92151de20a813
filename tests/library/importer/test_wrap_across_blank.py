"""Pieces of a sentence across a blank line are joined only when together they make one."""

from __future__ import annotations

from library.importer.text import parse_text
from library.model import REJOINED_ACROSS_BLANK

PAGE = """Bridge Reopens

The mayor said on Friday that the old

river bridge is safe for cars again.

Words from the story:

lot a small piece of land in a town

neighbor a person who lives near you
"""


def test_a_sentence_over_a_blank_is_joined_and_a_lower_case_list_stays_apart() -> None:
    lesson = parse_text(PAGE)
    texts = [b.text for b in lesson.blocks]
    assert texts[0] == "The mayor said on Friday that the old river bridge is safe for cars again."
    assert "lot a small piece of land in a town" in texts and "neighbor a person who lives near you" in texts
    joined = [w.text for w in lesson.warnings if w.kind == REJOINED_ACROSS_BLANK]
    assert joined == ["river bridge is safe for cars again."]


def test_pieces_that_never_end_a_sentence_are_not_joined() -> None:
    lesson = parse_text("Bridge Reopens\n\nThe mayor spoke to the\n\npeople of the town\n\nabout the bridge and")
    assert [w for w in lesson.warnings if w.kind == REJOINED_ACROSS_BLANK] == []
    assert len(lesson.blocks) == 3
