"""Our own sample pages, which differ from the reference page, import as a careful reader expects.

Each `tests/data/pages/NAME.txt` has its expected lesson in `NAME.expected.json`, written by
hand from the page, not from the importer's output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from library.importer import lesson_texts, parse_page
from library.importer.decode import decode
from library.importer.normalise import content_key, normalise
from tests.library.expectations import compare_lesson

MARKER = re.compile(r"\[\d+\]|※\s?\d+|\*\d+|注\d+")
PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
PAGE_FILES = sorted(PAGES.glob("*.txt"))


def _expected(page: Path) -> dict[str, Any]:
    return json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))


def compare(page: Path) -> list[str]:
    """Every difference between the import of `page` and its expected lesson, field by field."""
    return compare_lesson(parse_page(page.read_bytes(), page.name), _expected(page))


def test_every_page_has_an_expectation() -> None:
    assert len(PAGE_FILES) >= 3
    for page in PAGE_FILES:
        assert page.with_suffix(".expected.json").exists(), page.name


@pytest.mark.parametrize("page", PAGE_FILES, ids=[p.stem for p in PAGE_FILES])
def test_page_imports_as_expected(page: Path) -> None:
    diffs = compare(page)
    assert diffs == [], "\n".join(diffs)


def test_score(capsys: pytest.CaptureFixture[str]) -> None:
    """Print how many pages import exactly as expected (all of them must)."""
    results = {page.stem: not compare(page) for page in PAGE_FILES}
    score = sum(results.values())
    with capsys.disabled():
        print(f"\nsample pages imported as expected: {score} of {len(results)}")
    assert score == len(results), [name for name, ok in results.items() if not ok]


@pytest.mark.parametrize("page", PAGE_FILES, ids=[p.stem for p in PAGE_FILES])
def test_nothing_lost(page: Path) -> None:
    lesson = parse_page(page.read_bytes())
    # Note markers ([1], ※4) are taken out of English text and kept as note anchors.
    held = [content_key(MARKER.sub("", t)) for t in lesson_texts(lesson)]
    text, _ = decode(page.read_bytes())
    lines = [content_key(MARKER.sub("", normalise(raw))) for raw in text.splitlines()]
    missing = [ln for ln in lines if ln and not any(ln in h for h in held)]
    assert missing == []


def test_encodings_are_the_pages_own() -> None:
    encodings = {p.stem: parse_page(p.read_bytes()).encoding for p in PAGE_FILES}
    assert encodings["sjis_crlf"] in ("cp932", "shift_jis")
    assert encodings["interleaved_zh"] == "utf-8-sig"
    assert b"\r\n" in (PAGES / "sjis_crlf.txt").read_bytes()
