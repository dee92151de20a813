"""How faithfully the importer reads the corpus: every page of tests/data/corpus/ imported and
compared with its hand-written expectation, per page and in total.

    python bench/fidelity.py [--json]

Columns: title right; paragraphs (blocks of the right kind and text) right of expected; pairs
(English block, language, translation) precision and recall; glossary entries right of
expected; notes (marker, text, anchor) right of expected; lines of the page lost (in no field
of the lesson); warnings the import raised. A refused page scores as right when the
expectation is a refusal. The test suite asserts the corpus; this prints the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from library.errors import ImportRefused  # noqa: E402
from library.importer import accounted, parse_document  # noqa: E402
from library.importer.decode import decode  # noqa: E402
from library.model import Lesson  # noqa: E402
from tests.library.importer.test_corpus import PAGES, expected_for, page_bytes  # noqa: E402

GLOSSARY_FIELDS = ("term", "pos", "definition", "translation", "example")


@dataclass
class Score:
    """One page's figures (or the corpus's, summed)."""

    page: str
    title: int = 0
    titles: int = 0
    paragraphs: int = 0
    paragraphs_expected: int = 0
    pairs_right: int = 0
    pairs_found: int = 0
    pairs_expected: int = 0
    glossary: int = 0
    glossary_expected: int = 0
    notes: int = 0
    notes_expected: int = 0
    lines_lost: int = 0
    warnings: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Sum another page's figures into these."""
        for name, value in asdict(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
        self.warnings += other.warnings


def _pairs(blocks: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(b["text"], lang, t) for b in blocks for lang, t in b["translations"].items()}


def _notes(notes: list[dict[str, Any]]) -> list[tuple[str, str, Any]]:
    return [(n["marker"], n["text"], json.dumps(n["anchor"], sort_keys=True)) for n in notes]


def _matched(got: list[Any], want: list[Any]) -> int:
    """How many of `want` are in `got` (each counted once)."""
    pool = list(got)
    hits = 0
    for item in want:
        if item in pool:
            pool.remove(item)
            hits += 1
    return hits


def lost_lines(text: str, lesson: Lesson | list[Lesson]) -> int:
    """Lines of the page whose content is in no field of the lesson(s) (library/importer/accounted.py)."""
    return len(accounted.lost_lines(text, lesson))


def score_lesson(name: str, lesson: Lesson, want: dict[str, Any], text: str) -> Score:
    """One lesson against its expectation."""
    got = lesson.to_json()
    got_notes = [
        {**n, "anchor": {"block": n["anchor"]["block"], "text": n["anchor_text"]} if n["anchor"] else None}
        for n in got["notes"]
    ]
    got_pairs, want_pairs = _pairs(got["blocks"]), _pairs(want["blocks"])
    return Score(
        page=name,
        title=int(got["title"] == want["title"]),
        titles=1,
        paragraphs=_matched(
            [(b["kind"], b["text"]) for b in got["blocks"]], [(b["kind"], b["text"]) for b in want["blocks"]]
        ),
        paragraphs_expected=len(want["blocks"]),
        pairs_right=len(got_pairs & want_pairs),
        pairs_found=len(got_pairs),
        pairs_expected=len(want_pairs),
        glossary=_matched(
            [tuple(e[k] for k in GLOSSARY_FIELDS) for e in got["glossary"]],
            [tuple(e.get(k, "") for k in GLOSSARY_FIELDS) for e in want["glossary"]],
        ),
        glossary_expected=len(want["glossary"]),
        notes=_matched(_notes(got_notes), _notes(want["notes"])),
        notes_expected=len(want["notes"]),
        lines_lost=lost_lines(text, lesson) if text else 0,
        warnings=[f"{w.kind}: {w.text[:40]}" for w in lesson.warnings],
    )


def score_page(page: Path) -> Score:
    """One corpus page against its expectation (a book: its chapters summed)."""
    data, name = page_bytes(page)
    want = expected_for(page)
    stem = page.name.split(".", 1)[0]
    try:
        lessons = parse_document(data, name)
    except ImportRefused as exc:
        right = int("refused" in want and want["refused"] in str(exc))
        return Score(page=stem, title=right, titles=1, warnings=[f"refused: {exc}"])
    if "refused" in want:
        return Score(page=stem, titles=1, warnings=["imported, expected a refusal"])
    # Lines are counted in plain-text pages; other formats' markup is not text.
    text = decode(data)[0] if page.suffix == ".txt" else ""
    if "chapters" in want:
        total = Score(page=stem)
        for lesson, chapter in zip(lessons, want["chapters"], strict=False):
            total.add(score_lesson(stem, lesson, chapter, ""))
        return total
    if "posts" in want:  # a page of several posts: each lesson scored, the page's lines counted once
        total = Score(page=stem)
        for lesson, post in zip(lessons, want["posts"], strict=False):
            total.add(score_lesson(stem, lesson, post, ""))
        total.lines_lost = lost_lines(text, lessons) if text else 0
        return total
    return score_lesson(stem, lessons[0], want, text)


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b}" if b else "–"


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "–"


def row(s: Score) -> str:
    """One line of the table."""
    return (
        f"{s.page:<36} {_ratio(s.title, s.titles):>6} {_ratio(s.paragraphs, s.paragraphs_expected):>7} "
        f"{_pct(s.pairs_right, s.pairs_found):>6} {_pct(s.pairs_right, s.pairs_expected):>6} "
        f"{_ratio(s.glossary, s.glossary_expected):>7} {_ratio(s.notes, s.notes_expected):>6} "
        f"{s.lines_lost:>5} {len(s.warnings):>5}"
    )


def main(argv: list[str] | None = None) -> int:
    """Score every corpus page and print the table (or JSON lines)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="one JSON object a page, then the total")
    args = parser.parse_args(argv)
    scores = [score_page(p) for p in PAGES]
    total = Score(page="total")
    for s in scores:
        total.add(s)
    if args.json:
        for s in [*scores, total]:
            print(json.dumps(asdict(s), ensure_ascii=False))
        return 0
    heads = (
        ("title", 6),
        ("blocks", 7),
        ("pair P", 6),
        ("pair R", 6),
        ("gloss", 7),
        ("notes", 6),
        ("lost", 5),
        ("warn", 5),
    )
    print(f"{'page':<36} " + " ".join(f"{h:>{w}}" for h, w in heads))
    for s in scores:
        print(row(s))
        for w in s.warnings:
            print(f"{'':<38}· {w}")
    print(row(total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
