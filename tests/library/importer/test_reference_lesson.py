"""Our own reference lesson (tests/data/reference/) imports as its expectation says, as the seed page does.

The page is written in the seed page's layout (blank-line runs, no-break spaces around once-bold words,
curly quotes, a repeated caption, a "Words in This Story" list, and Japanese material after the
article with out-of-place translations and ※ notes), so the window tests see the same kinds of things.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from library import Lesson, Library
from library.importer import lesson_texts, parse_page
from library.importer.normalise import content_key, normalise
from tests.conftest import REFERENCE
from tests.library.expectations import compare_lesson

EXPECTED = REFERENCE.with_name(REFERENCE.stem + ".expected.json")


@pytest.fixture
def lesson(reference_bytes: bytes, tmp_path: Path) -> Lesson:
    """The reference lesson as stored in and read back from a library."""
    with Library(tmp_path / "lib.db") as lib:
        result = lib.lessons.import_bytes(reference_bytes, REFERENCE.name)
        return lib.lessons.get(result.lesson_id)


def test_the_page_has_the_seed_layout(reference_bytes: bytes) -> None:
    text = reference_bytes.decode("utf-8")
    lines = text.split("\n")
    assert lines[:11] == [""] * 11 and text.endswith("\n" * 19)
    assert text.count("\u00a0") >= 8 and "’" in text and "“" in text and '"' in text and "「" in text
    caption = next(ln for ln in lines if ln.startswith("FILE - "))
    assert lines.count(caption) == 3
    assert "Words in This Story" in lines
    assert [m for m in ("※1", "※2", "※3", "※4") if m in text] == ["※1", "※2", "※3", "※4"]


def test_imports_as_expected(lesson: Lesson) -> None:
    want = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert compare_lesson(lesson, want) == []


def test_the_same_kinds_of_things_as_the_seed(lesson: Lesson) -> None:
    assert len(lesson.captions) == 1 and len(lesson.paragraphs) == 20 and len(lesson.headings) == 2
    assert len(lesson.glossary) == 4 and all(g.pos and g.definition for g in lesson.glossary)
    assert sum(1 for b in lesson.blocks if b.translations) == 3
    assert [n.marker for n in lesson.notes] == ["※1", "※2", "※3", "※4"]
    assert all(n.anchor is not None for n in lesson.notes)
    assert [len(n.paragraphs) for n in lesson.notes] == [1, 1, 3, 1]
    assert sum(1 for n in lesson.notes if n.source_url) == 3
    body = " ".join(b.text for b in lesson.blocks)
    assert "Words in This Story" not in body and "\u00a0" not in body


def test_note_marker_inside_translation_is_kept(lesson: Lesson) -> None:
    note = next(n for n in lesson.notes if n.marker == "※4")
    assert note.anchor is not None
    assert "※4" in lesson.blocks[note.anchor.block].translations["ja"]


def test_glossary_terms_occur_inflected(lesson: Lesson) -> None:
    body = " ".join(b.text for b in lesson.blocks)
    for form in ("sleepers", "reserved", "reserve", "Reserve", "berths", "privacy"):
        assert f" {form}" in f" {body}", form


def test_nothing_lost(lesson: Lesson, reference_bytes: bytes) -> None:
    held = [content_key(t) for t in lesson_texts(lesson)]
    lines = [normalise(raw) for raw in reference_bytes.decode("utf-8").splitlines()]
    missing = [ln for ln in lines if ln and not any(content_key(ln) in h for h in held)]
    assert missing == []
    assert lesson.unplaced == []


def test_original_bytes_kept_and_reimport_is_the_same(reference_bytes: bytes, tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        first = lib.lessons.import_bytes(reference_bytes, "a.txt")
        assert lib.lessons.source(first.lesson_id) == reference_bytes
        again = parse_page(lib.lessons.source(first.lesson_id))
        assert again.to_json()["blocks"] == lib.lessons.get(first.lesson_id).to_json()["blocks"]
        second = lib.lessons.import_bytes(reference_bytes, "b.txt")
        assert first.created and not second.created and lib.lessons.count() == 1
