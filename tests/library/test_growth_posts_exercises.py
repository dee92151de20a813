"""Pages of many posts and long exercises import in linear time and memory (1× and 4× in one run)."""

from __future__ import annotations

from library.importer import parse_document
from library.importer.text import parse_text
from tests.growth import assert_linear


def _posts(n: int) -> bytes:
    """`n` posts, each a date, a headline and a paragraph of its own."""
    return "".join(
        f"May {i % 28 + 1}, 2024\nThe Town Opens Garden Number {i}\n\n"
        f"Neighbours planted beans and tomatoes in garden number {i} on a sunny morning.\n\n"
        for i in range(n)
    ).encode()


def _exercise(n: int) -> str:
    """An article, then a quiz of `n` numbered lines with gaps and choices."""
    head = "Gardens Grow in Town\n\nNeighbours planted beans and tomatoes in a new garden on Monday morning.\n\nQuiz\n"
    lines = (f"{i + 1}. Neighbours planted ( {i % 9 + 1} ) in garden {i} (beans / rice).\n" for i in range(n))
    return head + "".join(lines)


def test_a_page_of_many_posts_splits_in_linear_time() -> None:
    assert len(parse_document(_posts(3), "p.txt")) == 3
    assert_linear(_posts, lambda data: parse_document(data, "p.txt"), 150)


def test_a_long_exercise_is_found_in_linear_time() -> None:
    assert len(parse_text(_exercise(5)).exercises[0].lines) == 5
    assert_linear(_exercise, parse_text, 600)
