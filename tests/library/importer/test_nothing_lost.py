"""Nothing of a page is lost on import: every non-blank line of each corpus page (every post of
a page split into posts) and of the reference page is in some field of what the import made."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from library.errors import ImportRefused
from library.importer import parse_document
from library.importer.accounted import lost_lines
from library.importer.decode import decode
from tests.library.importer.test_corpus import PAGES

TEXT_PAGES = [p for p in PAGES if p.suffix in (".txt", ".md")]


@pytest.mark.parametrize("page", TEXT_PAGES, ids=lambda p: p.name)
def test_every_line_of_a_corpus_page_is_kept(page: Path) -> None:
    data = page.read_bytes()
    try:
        lessons = parse_document(data, page.name)
    except ImportRefused:
        return  # a refused page makes no lesson: nothing to lose
    assert lost_lines(decode(data)[0], lessons) == []


def test_every_line_of_the_reference_page_is_kept(seed_bytes: bytes) -> None:
    lessons = parse_document(seed_bytes, "reference.txt")
    assert lost_lines(decode(seed_bytes)[0], lessons) == []


def test_a_lost_headline_translation_is_found() -> None:
    page = next(p for p in PAGES if p.name == "zh_hans_numbered_bracket_stories.txt")
    lessons = parse_document(page.read_bytes(), page.name)
    without = [replace(lessons[0], title_translation=""), *lessons[1:]]
    lost = lost_lines(decode(page.read_bytes())[0], without)
    assert lost == ["1【Panda Twins Born at City Zoo】市动物园诞生双胞胎熊猫"]
