"""A line that is not body is kept aside and said in the import report, never silently removed:
a long line of only note marks, a long run of stars in Markdown (not a thematic break)."""

from __future__ import annotations

import pytest

from library.importer import parse_page
from library.model import TEXT_REMOVED

START = b"The park opens today, and many people come to see it.\n\n"


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("page.txt", "※1 " * 2000),
        ("page.md", "※1 " * 2000),
        ("page.md", "*" * 5000),
        ("page.txt", "*" * 5000),
    ],
)
def test_a_long_line_of_marks_is_kept_aside_and_reported(name: str, line: str) -> None:
    lesson = parse_page(START + line.encode() + b"\n", name)
    assert [w.text for w in lesson.warnings if w.kind == TEXT_REMOVED] == [line.strip()]
    assert line.strip() in lesson.dropped


def test_a_short_rule_is_still_markup() -> None:
    lesson = parse_page(START + b"***\n\nThe gates close at six, and the lights go on.\n", "page.md")
    assert [b.text for b in lesson.blocks][-1] == "The gates close at six, and the lights go on."
    assert [w for w in lesson.warnings if w.kind == TEXT_REMOVED] == []
