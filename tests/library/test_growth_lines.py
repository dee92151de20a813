"""A page of many short lines imports in linear time and memory, up to a line limit past which
it is refused in one line, unread (issue 17, finding 7); and up to a paragraph limit, past
which the window would take seconds and hundreds of megabytes to open the lesson."""

from __future__ import annotations

import json
import tracemalloc

import pytest

from library.errors import ImportRefused
from library.importer import parse_page
from library.limits import MAX_BLOCKS, MAX_LINES
from tests.growth import assert_linear

START = b"The park opens today, and many people come to see it.\n\n"


@pytest.mark.parametrize("piece", [b"a\n", "\u3042\r\n".encode()])
def test_one_character_lines_import_in_linear_time_and_memory(piece: bytes) -> None:
    assert_linear(lambda n: START + piece * n, lambda data: parse_page(data, "page.txt"), 2500)


def test_a_page_at_the_line_limit_imports() -> None:
    lesson = parse_page(START + b"a\n" * (MAX_LINES - 3), "page.txt")
    assert lesson.blocks[0].text.startswith("The park opens today")


def test_twelve_megabytes_of_one_character_lines_are_refused_in_one_line_unsplit() -> None:
    data = b"a\n" * 6_000_000
    tracemalloc.start()
    try:
        with pytest.raises(ImportRefused) as refused:
            parse_page(data, "page.txt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(refused.value) == f"page has too many lines (6,000,001; the limit is {MAX_LINES:,})"
    # Split into six million line strings the page would take over 300 MB; counted, it is refused
    # holding little more than its own text (how fast: bench/run.py).
    assert peak < 100 * 1024 * 1024, peak


def _one_word_paragraphs(n: int) -> bytes:
    """The first line, then `n - 1` one-word paragraphs (distinct, so none is a repeated caption)."""
    return START + "\n".join(f"Word{i}" for i in range(n - 1)).encode() + b"\n"


def test_a_page_at_the_paragraph_limit_imports() -> None:
    assert len(parse_page(_one_word_paragraphs(MAX_BLOCKS), "page.txt").blocks) == MAX_BLOCKS


def test_a_page_of_more_paragraphs_than_the_window_opens_quickly_is_refused_in_one_line() -> None:
    with pytest.raises(ImportRefused) as refused:
        parse_page(_one_word_paragraphs(MAX_BLOCKS + 1), "page.txt")
    assert str(refused.value) == f"page has too many paragraphs ({MAX_BLOCKS + 1:,}; the limit is {MAX_BLOCKS:,})"


def test_a_tutor_lesson_of_more_paragraphs_than_the_limit_is_refused_in_one_line() -> None:
    blocks = [{"text": f"Word{i} is here."} for i in range(MAX_BLOCKS + 1)]
    with pytest.raises(ImportRefused) as refused:
        parse_page(json.dumps({"title": "Many", "blocks": blocks}).encode(), "lesson.json")
    assert "too many paragraphs" in str(refused.value)
