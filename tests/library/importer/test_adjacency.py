"""Translations standing right under their lines, no blank line between: on a page where most
stand so, that is strong evidence; a reading against it is a guess, and the import says so."""

from __future__ import annotations

from pathlib import Path

from library.importer import parse_page
from library.model import LOW_CONFIDENCE

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"

# Each translation right under an English line, but the numbers each shares with the line under it.
AGAINST_ADJACENCY = """Harbour Figures for the Year

The harbour handled ships from many countries last year. It was a busy year.
去年有1,250艘船停靠港口，比前年多了310艘。
Some 1,250 ships called at the harbour, 310 more than the year before.
其中有86艘来自挪威，42艘来自智利。
Of these, 86 came from Norway and 42 from Chile.
港口计划在2031年前再建7个码头。
"""


def test_translations_under_their_lines_are_not_put_on_the_next() -> None:
    lesson = parse_page((CORPUS / "ja_breadcrumb_updated_line_pairs.txt").read_bytes(), "page.txt")
    first, second, third, fourth, fifth = (b.translations["ja"] for b in lesson.blocks)
    assert first.startswith("市議会は")
    assert second.startswith("木の少ない通りは") and third.startswith("木は空気を")
    assert fourth.startswith("住民は") and fifth.startswith("批評家は")
    assert not lesson.unplaced
    # Only the translation shared between two lines is a guess; the pairs under their lines are not.
    assert [w.text[:8] for w in lesson.warnings if w.kind == LOW_CONFIDENCE] == ["木の少ない通りは"]


def test_a_reading_against_the_pages_adjacency_is_said_to_be_a_guess() -> None:
    lesson = parse_page(AGAINST_ADJACENCY.encode(), "page.txt")
    # The numbers put each translation on the line under it ...
    assert lesson.blocks[1].translations["zh"].startswith("去年有1,250艘")
    assert lesson.blocks[2].translations["zh"].startswith("其中有86艘")
    # ... against the page's layout: never at full confidence.
    guessed = {w.text for w in lesson.warnings if w.kind == LOW_CONFIDENCE}
    assert {"去年有1,250艘船停靠港口，比前年多了310艘。", "其中有86艘来自挪威，42艘来自智利。"} <= guessed
    assert all(w.confidence < 1.0 for w in lesson.warnings if w.kind == LOW_CONFIDENCE)
