"""Deeply nested HTML imports in time and memory linear in its size (issue 17, finding 9)."""

from __future__ import annotations

from library.importer import parse_page
from library.importer.nesting import flatten
from library.limits import MAX_HTML_DEPTH
from tests.growth import assert_linear

PARAGRAPHS = "<p>The park opens today, and many people come to see it.</p><p>It has a new lake for boats.</p>"


def nested(tag: str, depth: int, inner: str = PARAGRAPHS) -> bytes:
    """A page whose article sits `depth` elements deep."""
    return f"<html><body>{f'<{tag}>' * depth}{inner}{f'</{tag}>' * depth}</body></html>".encode()


def test_nested_divs_import_in_linear_time_and_memory() -> None:
    assert_linear(lambda n: nested("div", n), lambda data: parse_page(data, "page.html"), 2000)


def test_nested_inline_elements_outside_a_paragraph_import_in_linear_time() -> None:
    text = "The park opens today, and many people come to see it."
    assert_linear(lambda n: nested("span", n, text), lambda data: parse_page(data, "page.html"), 1000)


def test_many_deep_blocks_side_by_side_import_in_linear_time() -> None:
    def block(i: int) -> str:
        return "<div>" * 100 + f"<p>Paragraph {i} tells of the park and its lake.</p>" + "</div>" * 100

    def make(n: int) -> bytes:
        return f"<html><body>{''.join(block(i) for i in range(n))}</body></html>".encode()

    assert_linear(make, lambda data: parse_page(data, "page.html"), 20)


def test_a_thousand_nested_inline_elements_import_as_their_text() -> None:
    text = "The park opens today, and many people come to see it."
    for tag in ("b", "span", "em", "a"):
        lesson = parse_page(nested(tag, 1000, text), "page.html")
        assert [b.text for b in lesson.blocks] == [text], tag


def test_paragraphs_beyond_the_depth_limit_stay_apart() -> None:
    lesson = parse_page(nested("div", 3 * MAX_HTML_DEPTH), "page.html")
    assert [b.text for b in lesson.blocks] == [
        "The park opens today, and many people come to see it.",
        "It has a new lake for boats.",
    ]


def test_flattening_leaves_ordinary_pages_alone() -> None:
    page = "<html><body>" + "<div><p>One <b>two</b></p><!-- <div> --><script>'<div>'</script></div>" * 600
    assert flatten(page) == page
    deep = "<div>" * (MAX_HTML_DEPTH + 5) + "text" + "</div>" * (MAX_HTML_DEPTH + 5)
    flat = flatten(deep)
    assert flat.count("<div>") == MAX_HTML_DEPTH and flat.count("</div>") == MAX_HTML_DEPTH
    assert "text" in flat
