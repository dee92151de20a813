"""The fuller import report: what an import found, item by item (`study-reader import --report`)."""

from __future__ import annotations

from library.importer import report_for
from library.model import Lesson

_WIDTH = 60


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def report_lines(lesson: Lesson) -> list[str]:
    """Several lines: counts, then each placed translation, note, glossary entry and unplaced block."""
    r = report_for(lesson)
    out = [
        f"  title: {lesson.title}",
        f"  caption: {_short(lesson.captions[0])}" if lesson.captions else "  caption: none",
        f"  paragraphs: {r.paragraphs}, headings: {r.headings}",
        f"  translations placed: {r.translations}"
        + (f" ({lesson.translation_language})" if lesson.translation_language else ""),
    ]
    for i, block in enumerate(lesson.blocks):
        for lang, text in block.translations.items():
            out.append(f"    {i + 1}. {_short(block.text)} ← ({lang}) {_short(text)}")
    out.append(f"  notes anchored: {r.notes_anchored} of {r.notes}")
    for note in lesson.notes:
        if note.anchor is not None:
            a = note.anchor
            where = f"“{lesson.blocks[a.block].text[a.start : a.end]}” in {a.block + 1}"
        else:
            where = "not anchored"
        source = f" [{note.source_url}]" if note.source_url else ""
        out.append(f"    {note.marker} → {where}: {_short(note.text)}{source}")
    out.append(f"  glossary: {r.glossary}")
    for g in lesson.glossary:
        out.append("    " + " ".join(x for x in (g.term, g.pos, g.definition, g.translation) if x))
    out.append(f"  unplaced: {r.unplaced}" + (" (place them in the window's import review)" if r.unplaced else ""))
    for u in lesson.unplaced:
        out.append(f"    ({u.lang or '?'}) {_short(u.text)}")
    if lesson.exercises:
        out.append(f"  exercises: {r.exercises}")
        out += [f"    {e.kind}: {_short(e.title or (e.lines[0] if e.lines else ''))} ({len(e.lines)} lines)"
                for e in lesson.exercises]
    out.append(f"  guessed: {len(r.warnings)}")
    for w in r.warnings:
        out.append(f"    {w.kind} ({w.confidence:.0%} sure): {_short(w.text)}")
    return out
