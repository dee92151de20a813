"""A page's text to a lesson: a pipeline of small pure steps.

normalise/split → classify → align translations → build notes → anchor notes → build the
glossary → keep the rest. Decoding the bytes and the other formats are formats.py's job.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from copy import copy
from dataclasses import dataclass, fields
from operator import attrgetter

from library.errors import ImportRefused
from library.importer import patterns as P
from library.importer import split as K
from library.importer.align import align
from library.importer.anchor import InlineRef, anchor_notes
from library.importer.classify import classify
from library.importer.evidence import EnglishBlock
from library.importer.exercises import build_exercises
from library.importer.found import no_english_reason
from library.importer.headlines import headlines_only, read_as_headlines
from library.importer.labels import labelled_items
from library.importer.mixcheck import mixed_language_warnings
from library.importer.normalise import language_of
from library.importer.ownsite import above_title_site_text, own_site_text, trailing_site_list
from library.importer.partnames import headline_translation, take_part_names
from library.importer.split import Kind, Line, split_lines
from library.importer.starnotes import star_notes
from library.model import (
    CUT_WITHOUT_STOP,
    HEADLINES_ONLY,
    LANGUAGE_GUESSED,
    LETTER_SPACING_REJOINED,
    LIST_WITHOUT_HEADING,
    LOW_CONFIDENCE,
    ONE_LINE_SPLIT,
    REJOINED_ACROSS_BLANK,
    REPEATED_PARAGRAPH,
    SITE_TEXT,
    STORIES_SPLIT,
    TEXT_REMOVED,
    TITLE_GUESSED,
    WORD_LIST_ONLY,
    Block,
    ImportWarning,
    Lesson,
    Note,
    Unplaced,
)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Parsing allocates many short-lived objects and makes no reference cycles: the cyclic
    collector's passes over the whole heap during it are wasted time (about 0.3 ms a page)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# A page view's hooks (library/pages.py), set for one parse: `decide` lays the user's decisions
# over the lines after classify and returns the translations placed by hand (line index → index
# of the line starting the block it translates); `seen` is given the lines and the lesson once
# assembled; `cache` keeps a page's classified lines, so assembling it again after a decision
# does not split and classify it again. A context variable: the formats' parsers need no argument.
Decide = Callable[[list[Line]], dict[int, int]]
Seen = Callable[[list[Line], Lesson], None]
LinesCache = dict[tuple[str, bool], tuple[list[Line], list[str]]]


@dataclass
class PageHooks:
    """What a page view asks of one parse."""

    decide: Decide | None
    seen: Seen
    cache: LinesCache | None = None


PAGE_HOOKS: ContextVar[PageHooks | None] = ContextVar("page_hooks", default=None)


def parse_text(text: str, html_tags: bool = True) -> Lesson:
    """Text of a page to a lesson. `html_tags`: the text may hold HTML tags left by a
    copy-paste, to be taken out (not for text an HTML parser has read, where a tag is text)."""
    hooks = PAGE_HOOKS.get()
    if hooks is not None and hooks.cache is not None:
        lines, removed = _cached_lines(hooks.cache, text, html_tags)
    else:
        removed = []
        lines = read_lines(text, html_tags, removed)
    forced = hooks.decide(lines) if hooks is not None and hooks.decide is not None else {}
    lesson = assemble(lines, removed, forced)
    if hooks is not None:
        hooks.seen(lines, lesson)
    return lesson


# A line's fields in order: a copy made through the constructor takes a fifth of copy.copy's time
# (a book of 10,000 lines is copied at each re-assembly).
_LINE_FIELDS = attrgetter(*(f.name for f in fields(Line)))


def _copy_line(line: Line) -> Line:
    return Line(*_LINE_FIELDS(line))


def _cached_lines(cache: LinesCache, text: str, html_tags: bool) -> tuple[list[Line], list[str]]:
    """A copy of the page's classified lines, read once: the steps after classify change lines
    (and the glossary entries they hold) in place."""
    key = (text, html_tags)
    if key not in cache:
        removed: list[str] = []
        cache[key] = ([copy(ln) for ln in read_lines(text, html_tags, removed)], removed)
    lines, removed = cache[key]
    out = [_copy_line(ln) for ln in lines]
    for ln in out:
        if ln.entries:
            ln.entries = tuple(copy(e) for e in ln.entries)
    return out, list(removed)


def read_lines(text: str, html_tags: bool = True, removed: list[str] | None = None) -> list[Line]:
    """The page's lines, split and classified (each with its kind); ImportRefused for a page
    with nothing to study."""
    lines = split_lines(text, html_tags, removed)
    if not lines:
        raise ImportRefused("file has no text")
    take_part_names(lines)
    classify(lines)
    headline_translation(lines)
    star_notes(lines)
    headlines = read_as_headlines(lines)
    if (
        not any(ln.kind == K.PARAGRAPH and _reads_as_prose(ln.text) for ln in lines)
        and not word_list_only(lines)
        and not headlines  # headlines each over its translation: English to study
    ):
        # Headwords, links and a banner in English are not an article to study: the refusal
        # says what the page holds.
        raise ImportRefused(no_english_reason(lines))
    return lines


def assemble(lines: list[Line], removed: list[str], forced: dict[int, int] | None = None) -> Lesson:
    """Classified lines to a lesson: blocks, translations aligned (or placed by hand, `forced`:
    line index → index of the line starting the block), notes, glossary, the rest kept."""
    alone = word_list_only(lines)
    if not alone and not any(ln.kind in (K.HEADING, K.PARAGRAPH) for ln in lines):
        raise ImportRefused("page has no paragraphs of English text left")
    lesson = Lesson(title="")
    if alone:
        # A word-list lesson: its entries, no article made up out of them.
        lesson.warnings.append(ImportWarning(WORD_LIST_ONLY, next(ln.text for ln in lines if ln.entries), 0.6))
    elif headlines_only(lines):
        lesson.warnings.append(ImportWarning(HEADLINES_ONLY, next(ln.text for ln in lines if ln.lang == "en"), 0.6))
    english, refs = _build_blocks(lines, lesson)
    K.check_blocks(len(lesson.blocks))
    # Translations whose labels say which English line they go with: the aligner need not guess.
    labelled = {i: lines[e].block for i, e in labelled_items(lines).items() if lines[i].kind == K.CJK}
    # A translation split off its English's own line goes with that English's block.
    labelled.update(_own_line_translations(lines, labelled))
    for i in labelled:
        lines[i].kind = K.TRANSLATION
    trailing_site_list(lines, set(forced or ()))
    above_title_site_text(lines, lesson, set(forced or ()))
    alignment = align(lines, english)
    placed = alignment.placed
    placed.update({i: pos for i, pos in labelled.items() if pos is not None})
    stanza_block = {ln.stanza: ln.block for ln in lines if ln.stanza is not None and ln.block is not None}
    for line in lines:
        if line.kind == K.PAIR and line.stanza in stanza_block:  # (its English may have been given another role)
            placed[line.index] = stanza_block[line.stanza]
    for index, start in (forced or {}).items():
        block_pos = lines[start].block
        if block_pos is not None:
            placed[index] = block_pos
    for line in lines:
        # A line placed by hand or pinned where it was (`forced`) goes whole to its block: the
        # aligner's sharing it out over paragraphs would undo a placement the page kept.
        shared = line.index in alignment.shares and line.index not in (forced or {})
        if shared and len(alignment.shares[line.index]) > 1:
            # One translation written for several paragraphs: each has its share.
            for pos, part in alignment.shares[line.index]:
                lesson.blocks[pos].translations[line.lang] = part
            line.kind = K.TRANSLATION
        elif line.index in placed:
            block = lesson.blocks[placed[line.index]]
            old = block.translations.get(line.lang)
            if not old:
                block.translations[line.lang] = line.body
            elif line.kind == K.PAIR:
                joiner = " " if line.lang == "ko" else ""
                block.translations[line.lang] = f"{old}{joiner}{line.body}"
            else:
                block.translations[line.lang] = f"{old}\n{line.body}"
            line.kind = K.TRANSLATION
            line.block = placed[line.index]
    lesson.warnings += [
        ImportWarning(LOW_CONFIDENCE, lines[i].text, alignment.confidence.get(i, 0.4))
        for i in sorted(alignment.weak)
        if i in placed and alignment.confidence.get(i, 0.4) < 1.0  # (at 100% nothing was guessed)
    ]
    lesson.translation_language = main_language([(ln.lang, ln.body) for ln in lines if ln.kind == K.TRANSLATION])
    _build_notes(lines, lesson)
    anchor_notes(lesson.notes, lesson.blocks, refs)
    _build_glossary(lines, lesson)
    exercises, guessed = build_exercises(lines)
    lesson.exercises += exercises
    lesson.warnings += guessed
    own_site_text(lines, lesson, set(forced or ()))
    repeats_said: set[str] = set()  # a paragraph shown three times is still one guess, said once
    for line in lines:
        if line.part_label:
            lesson.dropped.append(line.part_label)
        if line.site_label:
            lesson.dropped.append(line.site_label)
            lesson.warnings.append(ImportWarning(SITE_TEXT, line.site_label, 0.7))
        if line.repeated and line.text not in repeats_said:
            repeats_said.add(line.text)
            lesson.warnings.append(ImportWarning(REPEATED_PARAGRAPH, line.text, 0.8))
        if line.kind == K.WRAPPED and line.gap:
            # A piece after a blank line that could not stand as a paragraph: joined, and said.
            lesson.warnings.append(ImportWarning(REJOINED_ACROSS_BLANK, line.text, 0.7))
        if line.stories:
            lesson.warnings.append(ImportWarning(STORIES_SPLIT, line.text, 0.6))
        if line.respaced:
            lesson.warnings.append(ImportWarning(LETTER_SPACING_REJOINED, line.text, 0.7))
        if line.cut_without_stop:  # `… from Monday 公車從星期一…。`: cut where the script changes
            lesson.warnings.append(ImportWarning(CUT_WITHOUT_STOP, line.text, 0.7))
        if line.lang_confidence < 1.0:
            lesson.warnings.append(ImportWarning(LANGUAGE_GUESSED, line.text, line.lang_confidence))
        if line.kind == K.CJK:
            lesson.unplaced.append(Unplaced(line.text, line.lang, "no paragraph matched it closely enough"))
        elif line.kind in (K.JUNK, K.LABEL):
            lesson.dropped.append(line.text)
            if line.kind == K.JUNK and line.lang:
                lesson.warnings.append(ImportWarning(SITE_TEXT, line.text, 0.7))
            elif line.kind == K.JUNK and len(line.text) > DECORATION_CHARS:
                # Longer than a rule of stars or dashes: a line of marks the steps could not read.
                lesson.warnings.append(ImportWarning(TEXT_REMOVED, line.text, 0.5))
    _keep_the_rest(lines, lesson)
    lesson.warnings += mixed_language_warnings(lesson)
    if lines[0].one_line:
        # The page came as one line: it was cut where the script changes and before each entry.
        lesson.warnings.append(ImportWarning(ONE_LINE_SPLIT, lines[0].text, 0.6))
    # Tags and lines of only emoji taken out before the steps: kept aside, and said.
    lesson.dropped += removed
    lesson.warnings += [ImportWarning(TEXT_REMOVED, text, 0.9) for text in removed]
    return lesson


def _own_line_translations(lines: list[Line], labelled: dict[int, int | None]) -> dict[int, int | None]:
    """Translation index → block, for each translation the page wrote on the same line as its English."""
    out: dict[int, int | None] = {}
    for line in lines:
        if line.pair_of is None or line.kind != K.CJK or line.index in labelled:
            continue
        english = lines[line.pair_of]
        if english.kind in (K.PARAGRAPH, K.HEADING) and english.block is not None:
            out[line.index] = english.block
    return out


# A line of no words this long is not a decoration (a rule of stars, dashes or dots): dropping
# it is said in the import report.
DECORATION_CHARS = 80

# A block's kind as the lesson stores it, and back (a dict is quicker than the enum's own lookups).
_BLOCK_KIND = {K.HEADING: "heading", K.PARAGRAPH: "paragraph"}
_LINE_KIND = {"heading": K.HEADING, "paragraph": K.PARAGRAPH}


def main_language(translations: list[tuple[str, str]]) -> str | None:
    """The lesson's translation language: the one most translation lines are in, on a tie the one with
    the most characters, then the one first on the page (never the order of a set, which varies)."""
    size: dict[str, tuple[int, int]] = {}
    for lang, text in translations:
        lines, chars = size.get(lang, (0, 0))
        size[lang] = (lines + 1, chars + len(text))
    return max(size, key=lambda lang: size[lang]) if size else None  # max keeps the first of equals


def _build_blocks(lines: list[Line], lesson: Lesson) -> tuple[list[EnglishBlock], list[InlineRef]]:
    """The lesson's title, captions and English blocks; the blocks as the aligner sees them."""
    refs: list[InlineRef] = []
    first_line: list[int] = []  # the line each block starts at
    stanza_pos: dict[int, int] = {}
    for line in lines:
        if line.kind == K.TITLE and not lesson.title:
            lesson.title = line.body
            # (a translation standing above the title was met first)
            lesson.title_translation = line.same_line_translation or lesson.title_translation
            if line.title_guessed:  # a weekday, a cut-off sentence, a headword: no clear headline
                lesson.warnings.append(ImportWarning(TITLE_GUESSED, lesson.title, 0.4))
        elif line.kind == K.TITLE_TRANSLATION:
            lesson.title_translation = line.text
        elif line.kind == K.CAPTION:
            lesson.captions.append(line.text)
        elif line.kind in (K.HEADING, K.PARAGRAPH):
            text, found = _strip_refs(line.body)
            pos = len(lesson.blocks)
            if line.stanza is not None and line.stanza in stanza_pos:
                # The next sentence of a paragraph given sentence by sentence.
                pos -= 1
                offset = len(lesson.blocks[pos].text) + 1
                refs += [InlineRef(marker, pos, offset + o) for marker, o in found]
                lesson.blocks[pos].text += " " + text
                line.block = pos
                continue
            if line.stanza is not None:
                stanza_pos[line.stanza] = pos
            refs += [InlineRef(marker, pos, offset) for marker, offset in found]
            lesson.blocks.append(Block(kind=_BLOCK_KIND[line.kind], text=text))
            if line.same_line_translation:  # a section title in both languages
                # The line's language, as its neighbours settled it (a kanji-only half reads as Chinese).
                lang = line.lang if line.lang in ("ja", "zh", "ko") else language_of(line.same_line_translation)
                lesson.blocks[pos].translations[lang] = line.same_line_translation
            line.block = pos
            first_line.append(line.index)
    if not lesson.title and not lesson.blocks:
        # A word-list lesson with no headline: its list's heading names it, or its first terms.
        heading = next((ln.body for ln in lines if ln.kind == K.WORDLIST), "")
        terms = [e.term for ln in lines if ln.kind in (K.ENTRY, K.WORDLIST) for e in ln.entries]
        lesson.title = heading or ", ".join(terms[:3]) + "…"
        lesson.warnings.append(ImportWarning(TITLE_GUESSED, lesson.title, 0.3))
    elif not lesson.title:
        first = lesson.blocks[0].text
        lesson.title = first if len(first) <= 80 else first[:77].rsplit(" ", 1)[0] + "…"
        # No line read like a headline: the title is the start of the first block.
        lesson.warnings.append(ImportWarning(TITLE_GUESSED, lesson.title, 0.3))
    english = [
        EnglishBlock(pos, first_line[pos], _LINE_KIND[block.kind], block.text)
        for pos, block in enumerate(lesson.blocks)
    ]
    return english, refs


# A word holding an address, tried only where a word starts (from anywhere, a long word would be
# scanned again from each of its letters).
_URL = re.compile(r"(?<!\S)(?=\S*?(?:https?://|www\.))\S+")
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# English prose: this many words, this many of them in lower case (a banner is in capitals).
PROSE_WORDS = 3
PROSE_LOWER = 2


def _reads_as_prose(text: str) -> bool:
    """Whether an English line is a sentence of the article, not a headword, a link or a banner."""
    words = _WORD.findall(_URL.sub(" ", text) if "/" in text or "www." in text else text)
    return len(words) >= PROSE_WORDS and sum(1 for w in words if w.islower()) >= PROSE_LOWER


def _strip_refs(text: str) -> tuple[str, list[tuple[str, int]]]:
    """Remove note markers from English text, remembering where each stood."""
    if not P.NOTE_REF_CHARS.search(text):
        return text, []
    found: list[tuple[str, int]] = []
    out = []
    last = 0
    kept = 0  # characters kept so far (summing the pieces at every marker was quadratic)
    for m in P.NOTE_REF.finditer(text):
        if m.start() == 0:
            continue
        out.append(text[last : m.start()])
        kept += m.start() - last
        found.append((m.group(0), kept))
        last = m.end()
    out.append(text[last:])
    return re.sub(r" {2,}", " ", "".join(out)).strip(), found


def _build_notes(lines: list[Line], lesson: Lesson) -> None:
    current: Note | None = None
    for line in lines:
        if line.kind == K.NOTE:
            body = line.shown.strip() if line.shown is not None else P.NOTE_START.sub("", line.text, count=1).strip()
            current = Note(marker=line.marker, text=body)
            lesson.notes.append(current)
        elif (line.kind == K.NOTE_CONT or (line.kind == K.CJK and line.maybe_note)) and current is not None:
            line.kind = K.NOTE_CONT
            current.text += "\n" + line.text
        elif line.kind == K.SOURCE and current is not None:
            current.source_text = (current.source_text + " " + line.text).strip()
            m = P.SOURCE.match(line.text) or P.URL_AT_END.search(line.text)
            if m and m.group("url") and not current.source_url:
                current.source_url = m.group("url")
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


WORD_LIST_ONLY_ENTRIES = 3


def word_list_only(lines: list[Line]) -> bool:
    """A page that is a word list and nothing else to read: entries (three or more, glossed),
    no English paragraph and no line of the translation's language left unread."""
    if any(ln.kind in (K.PARAGRAPH, K.HEADING, K.CJK, K.PAIR) for ln in lines):
        return False
    glossed = sum(1 for ln in lines if ln.kind in (K.ENTRY, K.WORDLIST) for e in ln.entries if e.translation)
    return glossed >= WORD_LIST_ONLY_ENTRIES


def _build_glossary(lines: list[Line], lesson: Lesson) -> None:
    for line in lines:
        if line.kind == K.WORDLIST:
            if lesson.glossary_heading and line.body != lesson.glossary_heading:
                lesson.dropped.append(line.body)  # a second list's heading: kept aside, as a label is
            lesson.glossary_heading = lesson.glossary_heading or line.body
            lesson.glossary += line.entries
        elif line.kind == K.ENTRY:
            lesson.glossary += line.entries
            if line.unheaded:
                lesson.warnings.append(ImportWarning(LIST_WITHOUT_HEADING, line.text, 0.6))
        elif line.kind == K.EXAMPLE and lesson.glossary:
            m = P.EXAMPLE.match(line.text) or P.EXAMPLE_NEXT.match(line.text)
            example = m.group("text") if m else line.body
            g = lesson.glossary[-1]
            g.example = f"{g.example}\n{example}" if g.example else example


# Line kinds whose text the steps above put into the lesson.
_HELD = frozenset(Kind) - {K.UNDECIDED}


def _keep_the_rest(lines: list[Line], lesson: Lesson) -> None:
    """Nothing is dropped silently: a line no step took becomes unplaced."""
    for line in lines:
        if line.kind not in _HELD:
            lesson.unplaced.append(Unplaced(line.text, line.lang, "not recognised"))


def lesson_texts(lesson: Lesson) -> list[str]:
    """Every text a lesson holds, one string per field (for checking that nothing was lost)."""
    out = [lesson.title, lesson.title_translation, lesson.glossary_heading, *lesson.captions, *lesson.dropped]
    for b in lesson.blocks:
        out.append(b.text)
        out.extend(b.translations.values())
    for n in lesson.notes:
        out.append(f"{n.marker} {n.text} {n.source_text}")
    for g in lesson.glossary:
        out.append(f"{g.term} {g.pos} {g.definition} {g.translation} {g.example}")
    for e in lesson.exercises:
        out += [e.title, *e.lines]
    out.extend(u.text for u in lesson.unplaced)
    return out
