"""Alignment grows near-linearly: N English paragraphs followed by their N translations
(each placed by the names and numbers it shares, or by order) at 1× and 4× the size, in one run."""

from __future__ import annotations

from library.importer import parse_page
from tests.growth import assert_linear

SMALL = 400
SMALL_FOR_MEMORY = 200  # tracing every allocation is slow: a smaller page shows the growth as well


def grouped_page(n: int) -> bytes:
    """A page of n English paragraphs, then their n translations in the same order."""
    english = [f"The team in town {k} planted {k * 7 + 3} trees along the river this spring." for k in range(n)]
    japanese = [f"町{k}のチームは今春、川沿いに{k * 7 + 3}本の木を植えた。" for k in range(n)]
    return ("Trees Along the River\n\n" + "\n\n".join(english + japanese) + "\n").encode()


def aligned(data: bytes) -> None:
    """One import, every paragraph given its translation."""
    lesson = parse_page(data, "grouped.txt")
    assert all(b.translations for b in lesson.blocks)


def test_grouped_translations_align_in_near_linear_time_and_memory() -> None:
    assert_linear(grouped_page, aligned, SMALL, memory=False)
    assert_linear(grouped_page, aligned, SMALL_FOR_MEMORY)


def test_each_translation_lands_on_its_own_paragraph() -> None:
    lesson = parse_page(grouped_page(60), "grouped.txt")
    for k, block in enumerate(lesson.blocks):
        assert block.translations["ja"] == f"町{k}のチームは今春、川沿いに{k * 7 + 3}本の木を植えた。"
