"""The importer for bilingual learner pages: a pipeline of small pure steps.

decode → normalise/split → classify → align translations → build notes → anchor notes →
build the glossary → check nothing was lost. Storing is the library's job (one transaction).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from library.errors import ImportRefused
from library.importer import patterns as P
from library.importer.align import EnglishBlock, align
from library.importer.anchor import InlineRef, anchor_notes
from library.importer.classify import classify
from library.importer.decode import decode
from library.importer.glossary import parse_entry
from library.importer.split import Line, split_lines
from library.model import Block, Lesson, Note, Unplaced

__all__ = ["ImportReport", "parse_page", "parse_text", "report_for"]


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

    def line(self) -> str:
        """One line: paragraphs, translations placed, notes anchored, glossary, unplaced."""
        return (
            f"{self.paragraphs} paragraphs, {self.headings} headings, {self.translations} translations placed, "
            f"{self.notes_anchored}/{self.notes} notes anchored, {self.glossary} glossary entries, "
            f"{self.unplaced} unplaced"
        )


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
    )


def parse_page(data: bytes, name: str = "", kind: str | None = None) -> Lesson:
    """Bytes of a page to a lesson (not stored); ImportRefused with a one-line reason.
    `kind` is sniff_format's answer, when the caller has asked it already."""
    kind = kind or sniff_format(data, name)
    if kind != "text":
        return parse_formatted(data, name, kind)
    text, encoding = decode(data)
    with _no_cycle_collection():
        lesson = parse_text(text)
    lesson.source_name = name
    lesson.encoding = encoding
    return lesson


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Parsing allocates many short-lived objects and makes no reference cycles: the cyclic
    collector's passes over the whole heap during it are wasted time (about 0.3 ms a page)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_text(text: str) -> Lesson:
    """Text of a page to a lesson."""
    lines = split_lines(text)
    if not lines:
        raise ImportRefused("file has no text")
    classify(lines)
    if not any(ln.kind == "paragraph" for ln in lines):
        if any(ln.lang in ("ja", "zh", "ko") for ln in lines):
            raise ImportRefused("page has no English text to study (only a translation was found)")
        raise ImportRefused("page has no paragraphs of English text")
    lesson = Lesson(title="")
    english, refs = _build_blocks(lines, lesson)
    placed = align(lines, english)
    stanza_block = {
        ln.data["stanza"]: int(ln.data["block"]) for ln in lines if "stanza" in ln.data and "block" in ln.data
    }
    for line in lines:
        if line.kind == "pair":
            placed[line.index] = stanza_block[line.data["stanza"]]
    for line in lines:
        if line.index in placed:
            block = lesson.blocks[placed[line.index]]
            old = block.translations.get(line.lang)
            if not old:
                block.translations[line.lang] = line.text
            elif line.kind == "pair":
                joiner = " " if line.lang == "ko" else ""
                block.translations[line.lang] = f"{old}{joiner}{line.text}"
            else:
                block.translations[line.lang] = f"{old}\n{line.text}"
            line.kind = "translation"
    langs = [ln.lang for ln in lines if ln.kind == "translation"]
    lesson.translation_language = max(set(langs), key=langs.count) if langs else None
    _build_notes(lines, lesson)
    anchor_notes(lesson.notes, lesson.blocks, refs)
    _build_glossary(lines, lesson)
    for line in lines:
        if line.kind == "cjk":
            lesson.unplaced.append(Unplaced(line.text, line.lang, "no paragraph matched it closely enough"))
        elif line.kind in ("junk", "label"):
            lesson.dropped.append(line.text)
    _keep_the_rest(lines, lesson)
    return lesson


def _build_blocks(lines: list[Line], lesson: Lesson) -> tuple[list[EnglishBlock], list[InlineRef]]:
    english: list[EnglishBlock] = []
    refs: list[InlineRef] = []
    stanza_pos: dict[str, int] = {}
    for line in lines:
        if line.kind == "title" and not lesson.title:
            lesson.title = line.data.get("text", line.text)
        elif line.kind == "caption":
            lesson.captions.append(line.text)
        elif line.kind in ("heading", "paragraph"):
            text, found = _strip_refs(line.data.get("text", line.text))
            pos = len(lesson.blocks)
            stanza = line.data.get("stanza")
            if stanza is not None and stanza in stanza_pos:
                # The next sentence of a paragraph given sentence by sentence.
                pos -= 1
                offset = len(lesson.blocks[pos].text) + 1
                refs += [InlineRef(marker, pos, offset + o) for marker, o in found]
                lesson.blocks[pos].text += " " + text
                line.data["block"] = str(pos)
                english[-1].text = lesson.blocks[pos].text
                continue
            if stanza is not None:
                stanza_pos[stanza] = pos
            refs += [InlineRef(marker, pos, offset) for marker, offset in found]
            lesson.blocks.append(Block(kind=line.kind, text=text))
            line.data["block"] = str(pos)
            english.append(EnglishBlock(pos, line.index, line.kind, text))
    if not lesson.title:
        first = lesson.blocks[0].text
        lesson.title = first if len(first) <= 80 else first[:77].rsplit(" ", 1)[0] + "…"
    return english, refs


def _strip_refs(text: str) -> tuple[str, list[tuple[str, int]]]:
    """Remove note markers from English text, remembering where each stood."""
    if not P.NOTE_REF_CHARS.search(text):
        return text, []
    found: list[tuple[str, int]] = []
    out = []
    last = 0
    for m in P.NOTE_REF.finditer(text):
        if m.start() == 0:
            continue
        out.append(text[last : m.start()])
        found.append((m.group(0), sum(len(s) for s in out)))
        last = m.end()
    out.append(text[last:])
    return re.sub(r" {2,}", " ", "".join(out)).strip(), found


def _build_notes(lines: list[Line], lesson: Lesson) -> None:
    current: Note | None = None
    for line in lines:
        if line.kind == "note":
            body = P.NOTE_START.sub("", line.text, count=1).strip()
            current = Note(marker=line.data["marker"], text=body)
            lesson.notes.append(current)
        elif line.kind in ("note_cont", "note_cont?") and current is not None:
            line.kind = "note_cont"
            current.text += "\n" + line.text
        elif line.kind == "source" and current is not None:
            current.source_text = (current.source_text + " " + line.text).strip()
            m = P.SOURCE.match(line.text) or P.URL_AT_END.search(line.text)
            if m and m.group("url") and not current.source_url:
                current.source_url = m.group("url")
        elif line.kind == "note_cont?":
            line.kind = "cjk"
    for note in lesson.notes:
        _split_source(note)
        note.label = _label(note.text)


def _split_source(note: Note) -> None:
    """Move a trailing '出典: URL' (in any bracket style) out of the note text."""
    last = note.text.rsplit("\n", 1)
    tail = last[-1]
    m = P.SOURCE.search(tail) if P.has_source_word(tail) else None
    if not (m and m.group("word") and (m.group("url") or m.end() - m.start() < 12)):
        m = P.URL_AT_END.search(tail) if "http" in tail else None
    if not m or (not m.group("url") and m.start() == 0):
        return
    url = m.group("url")
    if url and not note.source_url:
        note.source_url = url.rstrip(".,;")
    note.source_text = (tail[m.start() :].strip() + " " + note.source_text).strip()
    head = tail[: m.start()].rstrip()
    note.text = "\n".join([*last[:-1], head]) if head else "\n".join(last[:-1])


def _label(text: str) -> str:
    """The term a note explains, as the note names it (「チャットボット(chatbot)」とは… → チャットボット(chatbot))."""
    first = text.split("\n", 1)[0]
    m = re.match(r"^[「『\"“]([^」』\"”]{1,40})[」』\"”]", first)
    if m:
        return m.group(1)
    m = re.match(r"^(.{1,40}?)\s*(?:とは|は、|は|:|：|是|란|이란)", first)
    if m and len(m.group(1).strip()) >= 2:
        return m.group(1).strip()
    return ""


def _build_glossary(lines: list[Line], lesson: Lesson) -> None:
    for line in lines:
        if line.kind == "wordlist" and not lesson.glossary_heading:
            lesson.glossary_heading = line.text
        elif line.kind == "entry":
            entry = parse_entry(line.text)
            if entry is not None:
                lesson.glossary.append(entry)
        elif line.kind == "example" and lesson.glossary:
            m = P.EXAMPLE.match(line.text)
            example = m.group("text") if m else line.text
            g = lesson.glossary[-1]
            g.example = f"{g.example}\n{example}" if g.example else example


# Line kinds whose text the steps above put into the lesson.
_HELD = {
    "pair",
    "title",
    "caption",
    "caption_dup",
    "heading",
    "paragraph",
    "translation",
    "note",
    "note_cont",
    "source",
    "wordlist",
    "entry",
    "example",
    "junk",
    "label",
    "cjk",
}


def _keep_the_rest(lines: list[Line], lesson: Lesson) -> None:
    """Nothing is dropped silently: a line no step took becomes unplaced."""
    for line in lines:
        if line.kind not in _HELD:
            lesson.unplaced.append(Unplaced(line.text, line.lang, "not recognised"))


def lesson_texts(lesson: Lesson) -> list[str]:
    """Every text a lesson holds, one string per field (for checking that nothing was lost)."""
    out = [lesson.title, lesson.glossary_heading, *lesson.captions, *lesson.dropped]
    for b in lesson.blocks:
        out.append(b.text)
        out.extend(b.translations.values())
    for n in lesson.notes:
        out.append(f"{n.marker} {n.text} {n.source_text}")
    for g in lesson.glossary:
        out.append(f"{g.term} {g.pos} {g.definition} {g.translation} {g.example}")
    out.extend(u.text for u in lesson.unplaced)
    return out


# --- other file formats (HTML, EPUB, Markdown, the tutor format): see formats.py -----------------
def sniff_format(data: bytes, name: str = "") -> str:
    """Which reader a file needs: 'text', 'html', 'epub', 'markdown', 'tsv' or 'json'."""
    from library.importer.formats import sniff

    return sniff(data, name)


def parse_formatted(data: bytes, name: str, kind: str) -> Lesson:
    """One lesson from a file in one of the other formats."""
    from library.importer.formats import parse_formatted as parse

    return parse(data, name, kind)


def parse_document(data: bytes, name: str = "") -> list[Lesson]:
    """Every lesson a file holds: one for a page, one per chapter for a book."""
    from library.importer.formats import parse_document as parse

    return parse(data, name)
