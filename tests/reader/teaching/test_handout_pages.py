"""Handout pages as printed: where lines stand in the PDF (read back with pypdf's text positions).

Each layout defect shows only when the content puts a heading or a last line near a page's foot, and
where that is depends on the fonts. So a lesson of our own grows, a sentence (under one line) at a time,
until the answer list, the heading or the last line crosses the foot of page 1, and every step near
the crossing is printed and checked. A sentence moves what follows by a whole line, so the answer key
is grown again under none to four short sections (a heading and a line each): a heading is not a line
tall, and each section shifts where the Answers heading can come to stand against the page's foot.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest

from library.model import Block, GlossaryEntry, Lesson
from reader.teaching.handout import HandoutOptions, write_pdf

# About two thirds of a printed line: each one adds a line to the paragraph or none, never two.
SENTENCE = "Rain fell on the old stone road while the town slowly woke up. "
GAPPED = [  # one glossary word or two in each; the answer key lists six answers
    "At dawn the ferry left the quay.",
    "A gull followed it out past the lighthouse.",
    "The skipper checked the tide twice.",
    "Nobody on deck spoke until the fog lifted.",
]
GLOSSARY = [
    GlossaryEntry("ferry", "n.", "a boat that carries people across water"),
    GlossaryEntry("gull", "n.", "a grey and white sea bird"),
    GlossaryEntry("skipper", "n.", "the captain of a small boat"),
    GlossaryEntry("tide", "n.", "the rise and fall of the sea"),
    GlossaryEntry("deck", "n.", "the floor of a boat"),
    GlossaryEntry("fog", "n.", "thick cloud near the ground"),
]
ANSWER = re.compile(r"^\(\d+\) \S+ — \S+$")  # "(3) skipper — skipper"


@dataclass(frozen=True)
class Line:
    """One printed line: its baseline (points from the page's foot), its font size and its text."""

    y: float
    size: float
    text: str


def pdf_pages(path: Path) -> list[list[Line]]:
    """Each page's lines, top to bottom, without the page number that print_ puts at the foot."""
    pages = []
    for page in pypdf.PdfReader(path).pages:
        runs: dict[float, list[tuple[str, float]]] = {}

        def visit(
            text: str, cm: list[float], tm: list[float], _font: object, size: float,
            runs: dict[float, list[tuple[str, float]]] = runs,
        ) -> None:
            if text.strip():  # Qt writes each line's runs with their own Td: the text matrix holds the baseline
                y = round(cm[3] * tm[5] + cm[5], 1)
                runs.setdefault(y, []).append((text, abs(size * cm[3])))

        page.extract_text(visitor_text=visit)
        lines = [
            Line(y, max(s for _, s in parts), re.sub(r"\s+", " ", "".join(t for t, _ in parts)).strip())
            for y, parts in sorted(runs.items(), reverse=True)
        ]
        if lines and lines[-1].text.isdigit():
            lines.pop()
        pages.append(lines)
    return pages


SECTIONS = 5  # the answer key is grown under 0 to 4 short sections
SECTION = "The boats came back before noon."  # a short section's one line


def section_heading(number: int) -> str:
    return f"Section {number}"


def grown_lesson(sentences: int, gapped: list[str], sections: int = 0) -> Lesson:
    """Our lesson: a heading, a paragraph of `sentences` filler sentences, `sections` short sections,
    then the gapped paragraphs."""
    blocks = [Block("heading", "Harbour morning"), Block("paragraph", (SENTENCE * sentences).strip())]
    for number in range(2, sections + 2):
        blocks += [Block("heading", section_heading(number)), Block("paragraph", SECTION)]
    blocks += [Block("paragraph", text) for text in gapped]
    return Lesson(title="The early ferry", blocks=blocks, glossary=list(GLOSSARY))


Printer = Callable[[int], list[list[Line]]]


def printer(folder: Path, options: HandoutOptions, gapped: list[str], sections: int = 0) -> Printer:
    """Print the grown lesson with n sentences (once per n) and read back its pages."""
    done: dict[int, list[list[Line]]] = {}

    def pages(n: int) -> list[list[Line]]:
        if n not in done:
            path = folder / f"{n}.pdf"
            write_pdf(grown_lesson(n, gapped, sections), path, options)
            done[n] = pdf_pages(path)
        return done[n]

    return pages


def first_where(pages: Printer, moved: Callable[[list[list[Line]]], bool], most: int = 64) -> int:
    """The fewest sentences for which `moved` holds (it holds for all more): bisection, a few prints."""
    low, high = 0, most
    assert not moved(pages(low)) and moved(pages(high)), "the lesson never crosses page 1's foot"
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (low, mid) if moved(pages(mid)) else (mid, high)
    return high


def page_of(pages: list[list[Line]], found: Callable[[Line], bool], last: bool = False) -> int:
    """The page (from 0) of the first (or last) line for which `found` holds."""
    hits = [n for n, lines in enumerate(pages) for line in lines if found(line)]
    assert hits, "line not printed"
    return hits[-1] if last else hits[0]


def is_answers_heading(line: Line) -> bool:
    return line.text == "Answers"


def is_answer(line: Line) -> bool:
    return bool(ANSWER.match(line.text))


AnswerKeys = dict[tuple[int, int], list[list[Line]]]  # (sections, sentences): the printed pages


@pytest.fixture(scope="module")
def answer_keys(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> AnswerKeys:
    """The answer key printed, under each number of sections, for every length from just before its
    answer list reaches page 2 to just after its heading does (under a layout that splits the list,
    that is the list's length in steps)."""
    keys: AnswerKeys = {}
    for sections in range(SECTIONS):
        folder = tmp_path_factory.mktemp(f"keys{sections}")
        pages = printer(folder, HandoutOptions(worksheet=True, answers=True), GAPPED, sections)
        list_over = first_where(pages, lambda p: page_of(p, is_answer, last=True) > 0)
        heading_over = first_where(pages, lambda p: page_of(p, is_answers_heading) > 0)
        keys |= {(sections, n): pages(n) for n in range(max(0, list_over - 2), heading_over + 2)}
    return keys


def test_no_heading_ends_a_page_of_the_answer_key(answer_keys: AnswerKeys) -> None:
    headings = {"Answers", "Harbour morning", *(section_heading(n) for n in range(2, SECTIONS + 2))}
    for (sections, n), pages in answer_keys.items():
        for number, lines in enumerate(pages, start=1):
            last = lines[-1].text if lines else ""
            assert last not in headings, f"{sections} sections, {n} sentences: {last!r} ends page {number}"


def test_no_page_of_the_answer_key_is_blank(answer_keys: AnswerKeys) -> None:
    for (sections, n), pages in answer_keys.items():
        blank = [number for number, lines in enumerate(pages, start=1) if not lines]
        assert not blank, f"{sections} sections, {n} sentences: page {blank} holds nothing but its number"


def test_answer_list_stays_on_one_page_with_its_heading(answer_keys: AnswerKeys) -> None:
    for (sections, n), pages in answer_keys.items():
        heading = page_of(pages, is_answers_heading)
        on = {page_of(pages, is_answer), page_of(pages, is_answer, last=True)}
        assert on == {heading}, (
            f"{sections} sections, {n} sentences: the heading is on page {heading + 1}, "
            f"the answers on {sorted(p + 1 for p in on)}"
        )
        answers = [line.text[:3] for line in pages[heading] if is_answer(line)]
        assert answers == [f"({k})" for k in range(1, 7)], answers


def test_worksheet_pages_after_the_first_hold_three_lines_or_more(qapp: object, tmp_path: Path) -> None:
    pages = printer(tmp_path, HandoutOptions(worksheet=True), GAPPED)
    over = first_where(pages, lambda p: len(p) > 1)
    for n in range(over, over + 3):  # one, two, then three lines past page 1's foot
        for number, lines in enumerate(pages(n)[1:], start=2):
            texts = [line.text for line in lines]
            assert len(texts) >= 3, f"with {n} sentences page {number} holds only {texts}"


def test_handout_has_space_between_paragraphs_and_above_headings(qapp: object, tmp_path: Path) -> None:
    body = [Block("paragraph", f"Part {n}. " + SENTENCE * 4) for n in range(1, 7)]
    lesson = Lesson(title="The early ferry", blocks=[*body[:3], Block("heading", "Evening tide"), *body[3:]])
    path = tmp_path / "h.pdf"
    write_pdf(lesson, path, HandoutOptions())
    lines = pdf_pages(path)[0]
    steps = [(above, below, above.y - below.y) for above, below in itertools.pairwise(lines)]
    within = [gap for above, below, gap in steps if below.size == above.size and not below.text.startswith("Part")]
    pitch = min(within)  # from one line to the next inside a paragraph: no space but the leading
    starts = [gap for above, below, gap in steps if below.text.startswith("Part ") and below.size == above.size]
    assert len(starts) == 4 and len(within) >= 10
    for gap in starts:
        assert gap - pitch >= 3.0, f"{gap - pitch:.1f} pt between paragraphs"
    (above_heading,) = [(gap, below.size - above.size) for above, below, gap in steps if below.text == "Evening tide"]
    gap, taller = above_heading
    # a heading's line is taller than a body line by at most the difference in font size; the rest is space
    assert gap - pitch - taller >= 5.0, f"{gap - pitch - taller:.1f} pt above the heading"
