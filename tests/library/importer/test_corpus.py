"""The corpus: varied pages of our own writing, modelled on real learner sites, each with
its expected lesson written by hand (tests/data/corpus/README.md describes every page).

One test imports them all, compares each with its expectation field by field and prints
the score; every page must import as expected.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from library.errors import ImportRefused
from library.importer import parse_document
from library.importer.epub import read_book
from library.model import Lesson
from tests.library.expectations import compare_lesson

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
PAGES = sorted(p for p in CORPUS.iterdir() if p.is_dir() or not p.name.endswith((".expected.json", "README.md")))
# Corpus pages the importer does not yet import as expected (a known gap, kept in the corpus with
# the lesson a person would accept). Strict: a page that starts passing must leave this set.
KNOWN_PLAIN_TEXT_GAPS: set[str] = set()


def epub_from_folder(folder: Path) -> bytes:
    """Zip an unpacked EPUB folder, `mimetype` first and stored, as the format asks."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(folder / "mimetype", "mimetype", compress_type=zipfile.ZIP_STORED)
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != "mimetype":
                z.write(path, path.relative_to(folder).as_posix())
    return out.getvalue()


def page_bytes(page: Path) -> tuple[bytes, str]:
    """The page's bytes and the file name it is imported under."""
    if page.is_dir():
        return epub_from_folder(page), page.name.removesuffix(".d")
    return page.read_bytes(), page.name


def expected_for(page: Path) -> dict[str, Any]:
    stem = page.name.split(".", 1)[0]
    return json.loads((CORPUS / f"{stem}.expected.json").read_text(encoding="utf-8"))


def compare(page: Path) -> list[str]:
    """Every difference between the import of `page` and its expected lesson(s)."""
    data, name = page_bytes(page)
    want = expected_for(page)
    if "refused" in want:
        try:
            lessons = parse_document(data, name)
        except ImportRefused as exc:
            return [] if want["refused"] in str(exc) else [f"refused with {exc!s}, expected {want['refused']!r}"]
        return [f"imported as {lessons[0].title!r}, expected a refusal ({want['refused']!r})"]
    try:
        lessons = parse_document(data, name)
    except ImportRefused as exc:
        return [f"refused: {exc}"]
    if "chapters" in want:
        diffs = []
        if read_book(data, name).title != want["book"]:
            diffs.append(f"book title: got {read_book(data, name).title!r}, expected {want['book']!r}")
        if len(lessons) != len(want["chapters"]):
            diffs.append(f"chapters: got {len(lessons)}, expected {len(want['chapters'])}")
        for k, (got, chapter) in enumerate(zip(lessons, want["chapters"], strict=False)):
            diffs += compare_lesson(got, chapter, f"chapter {k + 1} ") + compare_warnings(got, chapter)
        return diffs
    if "posts" in want:  # a page of several posts: one lesson each
        n = len(want["posts"])
        diffs = [] if len(lessons) == n else [f"posts: got {len(lessons)}, expected {n}"]
        for k, (got, post) in enumerate(zip(lessons, want["posts"], strict=False)):
            diffs += compare_lesson(got, post, f"post {k + 1} ") + compare_warnings(got, post)
        return diffs
    if len(lessons) != 1:
        return [f"got {len(lessons)} lessons, expected one"]
    diffs = compare_lesson(lessons[0], want) + compare_warnings(lessons[0], want)
    got_title, want_title = lessons[0].title_translation, want.get("title_translation", "")
    if got_title != want_title:
        diffs.append(f"title translation: got {got_title!r}, expected {want_title!r}")
    return diffs


def compare_warnings(lesson: Lesson, want: dict[str, Any]) -> list[str]:
    """The import must say what it guessed: exactly the guesses the expectation lists (none if it lists none)."""
    got = [{"kind": w.kind, "text": w.text} for w in lesson.warnings]
    expected = want.get("warnings", [])
    return [] if got == expected else [f"warnings: got {got!r}, expected {expected!r}"]


def test_corpus_is_varied_and_complete() -> None:
    assert len(PAGES) >= 12
    kinds = {p.suffix for p in PAGES}
    assert {".txt", ".html", ".md", ".tsv", ".d"} <= kinds
    for page in PAGES:
        assert (CORPUS / f"{page.name.split('.', 1)[0]}.expected.json").exists(), page.name


def _param(page: Path) -> Any:
    marks = []
    if page.name in KNOWN_PLAIN_TEXT_GAPS:
        marks.append(pytest.mark.xfail(strict=True, reason="a known gap of the importer"))
    return pytest.param(page, id=page.name.split(".", 1)[0], marks=marks)


@pytest.mark.parametrize("page", [_param(p) for p in PAGES])
def test_corpus_page(page: Path) -> None:
    diffs = compare(page)
    assert diffs == [], "\n".join(diffs)


def test_corpus_score(capsys: pytest.CaptureFixture[str]) -> None:
    """Print how many corpus pages import exactly as expected; all of them must."""
    results = {page.name: compare(page) for page in PAGES}
    score = sum(1 for diffs in results.values() if not diffs)
    with capsys.disabled():
        print(f"\ncorpus: {score} of {len(results)} pages as expected")
    failing = {name for name, diffs in results.items() if diffs}
    assert failing <= KNOWN_PLAIN_TEXT_GAPS, sorted(failing - KNOWN_PLAIN_TEXT_GAPS)
