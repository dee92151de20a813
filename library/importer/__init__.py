"""The importer for bilingual learner pages: a pipeline of small pure steps.

decode → normalise/split → classify → align translations → build notes → anchor notes →
build the glossary → check nothing was lost. Storing is the library's job (one transaction).
This package face names what the rest of the library uses: `formats` picks a file's reader
(`parse_page`, `parse_document`), `text` reads a page's text (`parse_text`); the readers of the
other formats import those modules, never this face, so nothing here imports back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from library.importer.formats import parse_document, parse_formatted, parse_page, parse_pages
from library.importer.formats import sniff as sniff_format
from library.importer.text import lesson_texts, parse_text
from library.model import ImportWarning, Lesson
from library.plural import plural

__all__ = [
    "ImportReport", "lesson_texts", "parse_document", "parse_formatted", "parse_page", "parse_pages", "parse_text",
    "report_for", "sniff_format",
]


@dataclass
class ImportReport:
    """What an import found, for the command line and the review dialog."""

    paragraphs: int
    headings: int
    translations: int
    notes: int
    notes_anchored: int
    glossary: int
    unplaced: int
    warnings: list[ImportWarning] = field(default_factory=list)
    exercises: int = 0

    def line(self) -> str:
        """One line: paragraphs, translations placed, notes anchored, glossary, unplaced, and
        what was guessed."""
        counts = (
            f"{plural(self.paragraphs, 'paragraph')}, {plural(self.headings, 'heading')}, "
            f"{plural(self.translations, 'translation')} placed, "
            f"{self.notes_anchored}/{plural(self.notes, 'note')} anchored, "
            f"{plural(self.glossary, 'glossary entry', 'glossary entries')}, {self.unplaced} unplaced"
        ) + (f", {plural(self.exercises, 'exercise')}" if self.exercises else "")
        if not self.warnings:
            return counts
        kinds = Counter(w.kind for w in self.warnings)
        return counts + "; guessed: " + ", ".join(f"{kind} ({n})" for kind, n in kinds.items())


def report_for(lesson: Lesson) -> ImportReport:
    """Count what a lesson holds."""
    return ImportReport(
        paragraphs=len(lesson.paragraphs),
        headings=len(lesson.headings),
        translations=sum(1 for b in lesson.blocks if b.translations),
        notes=len(lesson.notes),
        notes_anchored=sum(1 for n in lesson.notes if n.anchor is not None),
        glossary=len(lesson.glossary),
        unplaced=len(lesson.unplaced),
        warnings=list(lesson.warnings),
        exercises=len(lesson.exercises),
    )
