"""A split leaves no paragraph of punctuation alone: the punctuation closing a word stays with it,
and a split that would leave nothing else is refused, changing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library
from library.pagelines import DecisionError

FERRY = Path(__file__).resolve().parents[1] / "data" / "pageview" / "ferry_page.txt"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


def island(lib: Library, lid: int) -> tuple[int, str]:
    return next((ln.n, ln.text) for ln in lib.pages.lines(lid) if ln.text.startswith("The island's only ferry"))


def test_a_split_before_the_full_stop_is_refused(lib: Library) -> None:
    lid = lib.lessons.import_file(FERRY).lesson_id
    n, text = island(lib, lid)
    with pytest.raises(DecisionError, match="punctuation alone"):
        lib.pages.split(lid, n, len(text) - 1)
    assert lib.pages.decisions(lid) == []
    assert not any(b.text.strip() == "." for b in lib.lessons.get(lid).blocks)


def test_a_split_before_a_comma_keeps_the_comma_with_its_word(lib: Library) -> None:
    lid = lib.lessons.import_file(FERRY).lesson_id
    n, text = island(lib, lid)
    lib.pages.split(lid, n, text.index(", the harbour"))
    pieces = [b.text for b in lib.lessons.get(lid).blocks[:2]]
    assert pieces == [text[: text.index(",") + 1], text[text.index(",") + 2 :]]
    assert pieces[0].endswith("next month,") and pieces[1].startswith("the harbour")
