"""What a lesson's page keeps through the user's changes to its lines: the translations' places and
how sure the import was of them, why a translation a change left unplaced is so, the title once no
line has the title role, and the notes that stay with their terms when a lesson is split in two."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from library.importer.patterns import NOTE_REF
from library.model import LOW_CONFIDENCE, PLACEMENT_GUESSES, TITLE_GUESSED, ImportWarning, Lesson
from library.pagelines import Page, Role


@dataclass(frozen=True)
class BeforeStructure:
    """The translations' places as the decisions before the first structural one left them."""

    pins: dict[int, int] = field(default_factory=dict)  # placed translation line → line starting its block
    held: dict[int, str] = field(default_factory=dict)  # translation lines unplaced then → why: unplaced until placed
    confidence: dict[int, float] = field(default_factory=dict)  # placed translation line → how sure
    # held translation lines the import had placed on a block a role change took out → that block's line
    orphans: dict[int, int] = field(default_factory=dict)


def as_sure_as_before(page: Page, confidence: dict[int, float], pinned: dict[int, int]) -> None:
    """A translation kept on its paragraph through a structural change is as sure as it was before it:
    the aligner's reading of the changed page (by position) says nothing about it."""
    if not pinned:
        return
    at = {ln.n: i for i, ln in enumerate(page.lines)}
    sure: dict[str, float] = {}
    for before, after in pinned.items():
        i = at.get(after)
        if i is None or page.lines[i].role != Role.TRANSLATION or before not in confidence:
            continue
        page.lines[i] = replace(page.lines[i], confidence=confidence[before])
        sure[page.lines[i].text] = confidence[before]
    lesson = page.lesson
    kept = []
    for w in lesson.warnings:
        if w.kind in PLACEMENT_GUESSES and w.text in sure:
            if sure[w.text] >= 1.0:
                continue
            w = replace(w, confidence=sure[w.text])
        kept.append(w)
    said = {w.text for w in kept if w.kind in PLACEMENT_GUESSES}
    kept += [ImportWarning(LOW_CONFIDENCE, t, c) for t, c in sure.items() if c < 1.0 and t not in said]
    lesson.warnings = kept


def unplaced_reasons(page: Page, reasons: dict[int, str]) -> None:
    """Why each unplaced item a change left unplaced is so (its paragraph deleted, say)."""
    for k, n in enumerate(page.unplaced_lines):
        if n in reasons and k < len(page.lesson.unplaced):
            page.lesson.unplaced[k] = replace(page.lesson.unplaced[k], reason=reasons[n])


def title_without_line(lesson: Lesson, name: str) -> None:
    """The title once the user took the title role from the page's lines: the first heading's text
    or, with no heading, the file's name; not the start of the first paragraph, as the importer
    guesses for a page that never had a title line (a title given by an HTML or EPUB page stays)."""
    guessed = [w for w in lesson.warnings if w.kind == TITLE_GUESSED and w.text == lesson.title]
    if not guessed:
        return
    heading = next((b.text for b in lesson.blocks if b.kind == "heading"), "")
    lesson.title = heading or Path(name).stem or name
    lesson.title_translation = ""
    lesson.warnings = [w for w in lesson.warnings if w not in guessed]


def notes_staying(page: Page, n: int) -> set[int]:
    """The note lines from line n on whose marker a heading or paragraph before line n holds."""
    refs = {
        re.sub(r"\s", "", m.group(0))
        for ln in page.lines
        if ln.n < n and ln.block is not None
        for m in NOTE_REF.finditer(ln.text)
    }
    notes = page.lesson.notes
    return {
        ln.n
        for ln in page.lines
        if ln.n >= n
        and ln.role == Role.NOTE
        and ln.note is not None
        and ln.note < len(notes)
        and re.sub(r"\s", "", notes[ln.note].marker) in refs
    }


def notes_out_of_body(page: Page) -> None:
    """A note whose marker stands on a line the user took out of the body (made site text, a caption,
    deleted) has no place: it is kept, unanchored, not put on the same words in another paragraph."""
    body: set[str] = set()
    out: set[str] = set()
    for ln in page.lines:
        if ln.role == Role.NOTE:
            continue
        marks = {re.sub(r"\s", "", m.group(0)) for m in NOTE_REF.finditer(ln.text)}
        if ln.block is not None:
            body.update(marks)
        elif ln.lang == "en" and ln.role != Role.TRANSLATION:  # a translation's marker says nothing of the body
            out.update(marks)
    out.update(re.sub(r"\s", "", m.group(0)) for text in page.lesson.dropped for m in NOTE_REF.finditer(text))
    for note in page.lesson.notes:
        marker = re.sub(r"\s", "", note.marker)
        if note.anchor is not None and marker in out and marker not in body:
            note.anchor = None
