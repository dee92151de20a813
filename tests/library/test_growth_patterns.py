"""No importer pattern backtracks: every compiled pattern in library/importer/, run over lines
of repeated hostile pieces (unclosed openers, runs of spaces and brackets), costs about four
times as much at four times the length; and the pages of issue 17 import in linear time."""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import library.importer
from library.importer import parse_page
from tests.growth import assert_linear

# Pieces that, repeated, make patterns with nested quantifiers, overlapping alternatives or
# unclosed openers scan far from every start position.
PIECES = [
    "__a ", "**a ", "*a ", "![a", "![a](", "[a](", "[a", "[", "<a ", "<b ", "<http://a", "http://a(",
    "((", "(", "【", "「", "“a", "\"a", "  ", " \t", " \n", "\n", "# ", "- ", "title: a ", "Source ",
    "Source: ", "Source http://a ", "※1 ", "a.あ", ".あ", "a-", "a1", "`a", "&amp", "a あ", "あa", "e.g. ",
]  # fmt: skip
PREFIXES = ["", "Source "]


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled text pattern at the top level of an importer module."""
    found = []
    for info in pkgutil.iter_modules(library.importer.__path__):
        module = importlib.import_module(f"library.importer.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{name}", value))
    return found


def _scan(pattern: re.Pattern[str], text: str) -> None:
    """Every way the importer runs a pattern over a line: match at the start and search on."""
    pattern.match(text)
    for _ in pattern.finditer(text):
        pass


def _costly() -> list[tuple[str, re.Pattern[str], str]]:
    """(pattern, line start, piece) triples that are slow already at a short length: a
    linear pattern reads 1,500 characters in far under a millisecond, a quadratic one takes
    several."""
    slow = []
    for name, pattern in _patterns():
        for prefix in PREFIXES:
            for piece in PIECES:
                text = prefix + piece * (1500 // len(piece))
                start = time.process_time()
                _scan(pattern, text)
                if time.process_time() - start > 0.002:
                    slow.append((name, pattern, prefix + "|" + piece))
    return slow


def test_the_pattern_list_holds_the_known_ones() -> None:
    names = {name for name, _ in _patterns()}
    assert {"normalise._EMPHASIS", "markdown._EMPHASIS", "markdown._LINK", "patterns._SOURCE_RE"} <= names


def test_no_importer_pattern_grows_faster_than_its_line() -> None:
    checked = []
    for name, pattern, case in _costly():
        prefix, piece = case.split("|", 1)

        def make(n: int, prefix: str = prefix, piece: str = piece) -> str:
            return prefix + piece * n

        growth = assert_linear(make, lambda text, p=pattern: _scan(p, text), 1000, memory=False)
        checked.append((name, case, growth.line()))
    # What was slow enough to measure, for the log when this runs with -s.
    for row in checked:
        print(*row)


def test_searching_for_a_source_at_the_end_is_linear() -> None:
    from library.importer import patterns as P

    for piece in ("((", "  ", "Sourcehttp://", "http://a("):
        assert_linear(lambda n, piece=piece: "x " + piece * n + " x", P.SOURCE.search, 5000, memory=False)
        assert_linear(lambda n, piece=piece: "x " + piece * n + " x", P.URL_AT_END.search, 5000, memory=False)


@pytest.mark.parametrize(
    ("name", "piece"),
    [("page.txt", b"__a "), ("page.txt", b"**a "), ("page.md", b"*a "), ("page.md", b"__a "), ("page.md", b"[a](")],
)
def test_a_page_of_unclosed_emphasis_imports_in_linear_time(name: str, piece: bytes) -> None:
    def make(n: int) -> bytes:
        return b"The park opens today, and many people come to see it.\n\n" + piece * n

    assert_linear(make, lambda data: parse_page(data, name), 2000)


@pytest.mark.parametrize(("name", "piece"), [("page.md", b"**a "), ("page.txt", b"**a "), ("page.md", b"[")])
def test_unclosed_openers_right_after_a_first_line_import_in_linear_time(name: str, piece: bytes) -> None:
    """The openers on the line after the first, with no blank line between (one paragraph in
    Markdown): 16 KB of `**a ` once took 11.5 s and 64,000 `[` 28.7 s."""

    def make(n: int) -> bytes:
        return b"The park opened today.\n" + piece * n

    assert_linear(make, lambda data: parse_page(data, name), 4000 // len(piece))


def test_emphasis_is_still_taken_out() -> None:
    from library.importer.markdown import inline
    from library.importer.normalise import normalise

    assert normalise("a **bold** and __under__ word") == "a bold and under word"
    assert inline("an *em* word, a **strong** one, `code` and [a link](http://x.org/a_(b))") == (
        "an em word, a strong one, code and a link"
    )
    assert inline("![alt](pic.png)text") == "text"
