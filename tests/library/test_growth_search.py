"""Searching one big paragraph makes its snippet in time linear in the paragraph, and the
snippet stays short (issue 17, finding 6: 8 MB took 126 s, on the window's thread)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from library import Library
from library.search import SNIPPET_ROW_LIMIT
from tests.growth import assert_linear

SENTENCE = "The park is open and green today. "
JAPANESE = "公園は今日も開いていて緑です。"


@pytest.fixture
def libraries(tmp_path: Path) -> Iterator[dict[int, Library]]:
    """Libraries made on demand, one per size, closed after the test."""
    made: dict[int, Library] = {}
    yield made
    for lib in made.values():
        lib.close()


def _library(made: dict[int, Library], folder: Path, n: int, text: str) -> Library:
    """A library whose one lesson is a title and a paragraph of `n` sentences (translated)."""
    lib = made[n] = Library(folder / f"{n}.db")
    page = folder / f"{n}.txt"
    page.write_text(f"A park in the city\n\n{SENTENCE * n}\n{JAPANESE * n}\n", encoding="utf-8")
    lib.lessons.import_file(page)
    lib.search.index_pending()
    return lib


@pytest.mark.parametrize("query", ["green tod", "park is", "緑です"])
def test_a_snippet_over_one_big_paragraph_takes_linear_time(
    query: str, libraries: dict[int, Library], tmp_path: Path
) -> None:
    def search(lib: Library) -> None:
        hits = lib.search.query(query)
        assert hits and len(hits[0].snippet) < 200

    # 1× is past the row size FTS5's own snippet is used for.
    n = 4 * SNIPPET_ROW_LIMIT // len(SENTENCE)
    assert_linear(lambda k: _library(libraries, tmp_path, k, SENTENCE), search, n, memory=False)


def test_long_and_short_rows_give_the_same_kind_of_snippet(libraries: dict[int, Library], tmp_path: Path) -> None:
    short = _library(libraries, tmp_path, 3, SENTENCE).search.query("green tod")[0].snippet
    long = _library(libraries, tmp_path, 10_000, SENTENCE).search.query("green tod")[0].snippet
    assert "[green today]" in short and "[green today]" in long
    assert long.endswith("…") and len(long) < 200
    cjk = libraries[10_000].search.query("緑です")[0].snippet
    assert "[緑です]" in cjk and len(cjk) < 200
