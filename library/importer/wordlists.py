"""Step 4, the word lists: under a heading, with none (found by their shape), as a table,
as headwords over their definitions, entries over two lines, English definitions."""

from __future__ import annotations

import re

from library.importer import patterns as P
from library.importer import split as K
from library.importer.entryblocks import IPA_LINE, dashed_example, example_translation, examples_under
from library.importer.glossary import (
    POS_IN_BRACKETS,
    TABLE_RULE,
    add_definition,
    is_function_word_term,
    parse_english_definition,
    parse_entries,
    parse_headword,
    parse_table_row,
    parse_term_line,
    parse_word_row,
    table_cells,
)
from library.importer.split import Line
from library.importer.wrap import is_headword
from library.model import GlossaryEntry

CJK = ("ja", "zh", "ko")
_PASSED_OVER = (K.CAPTION_DUP, K.JUNK)

# A list of headwords, each with its definition on the next line, needs this many to be read
# as a list where no heading says so.
HEADWORD_PAIRS = 2


def mark_headword_lists(lines: list[Line]) -> None:
    """Entries written over two lines (`rain garden (n.)`, then its definition) with no heading
    over them: two or more such pairs in a row are a word list (said: the list was guessed)."""
    i = 0
    while i < len(lines):
        k, pairs = i, 0
        while (
            k + 1 < len(lines)
            and not lines[k].kind
            and not lines[k + 1].kind
            and lines[k + 1].gap == 0
            and is_headword(lines[k].text)
            and not is_headword(lines[k + 1].text)
        ):
            k, pairs = k + 2, pairs + 1
        if pairs >= HEADWORD_PAIRS:
            j, _found = _take_entries(lines, i)
            lines[i].unheaded = True
            i = max(j, k)
        else:
            i = k + 1 if pairs else i + 1


def mark_word_lists(lines: list[Line]) -> None:
    """Word lists under a heading, in any of its wordings or at the start of a paragraph."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind:
            i += 1
            continue
        inline = _inline_heading(line.text)
        if inline is None and not P.is_wordlist_heading(line.text):
            i += 1
            continue
        j, found = _take_entries(lines, i + 1)
        if found or inline is not None:
            line.kind = K.WORDLIST
            if inline is not None:
                line.shown, line.entries = inline
        i = j if found else i + 1


def _inline_heading(text: str) -> tuple[str, tuple[GlossaryEntry, ...]] | None:
    """`Key words: sensor – n. …`: the heading and the entries after it, or None."""
    m = P.HEADING_INLINE.match(text) if ":" in text or "：" in text else None
    if not m or not P.is_wordlist_heading(m.group("head")):
        return None
    entries = parse_entries(m.group("rest"))
    return (m.group("head"), tuple(entries)) if entries else None


def _take_entries(lines: list[Line], j: int) -> tuple[int, int]:
    """Mark a list's entries from line j on: one-line entries, headwords with their definition
    line, example lines; (the line after the list, how many entry lines)."""
    found = 0
    headword: GlossaryEntry | None = None  # a headword still waiting for its definition line
    last: GlossaryEntry | None = None  # the entry read last, for its examples
    while j < len(lines):
        nxt = lines[j]
        if nxt.kind in _PASSED_OVER:
            j += 1
            continue
        under_entry = last is not None and lines[j - 1].kind in (K.ENTRY, K.ENTRY_BODY)
        if under_entry and last is not None and (end := examples_under(lines, j, last)) > j:
            for line in lines[j:end]:
                line.kind = K.EXAMPLE  # `★storm(嵐)` over `The storm closed the school.` and its translation
            j, last = end, None
            continue
        if lines[j - 1].kind == K.EXAMPLE and P.EXAMPLE.match(lines[j - 1].text) and example_translation(nxt):
            nxt.kind = K.EXAMPLE  # `例: They built a bridge.` over its translation
            j += 1
            continue
        if found and nxt.kind in (K.UNDECIDED, K.LABEL) and P.EXAMPLE_LABEL.match(nxt.text):
            nxt.kind = K.LABEL  # `[ Examples ]` alone over the entry's numbered examples: kept aside
            j += 1
            continue
        if found and nxt.kind in (K.UNDECIDED, K.LABEL) and IPA_LINE.match(nxt.text) and lines[j - 1].entries:
            # The pronunciation alone under its entry (`/ˈbrɪdʒ/`, `[ˈbrɪdʒ]`): it opens the entry's definition.
            entry = lines[j - 1].entries[-1]
            entry.definition = f"{nxt.text.strip()} {entry.definition}".rstrip()
            nxt.kind = K.ENTRY_BODY
            j += 1
            continue
        if nxt.kind:
            break
        if found and is_list_divider(nxt.text):
            nxt.kind = K.LABEL  # `Week 3 月曜` between a list's entries: a date over the next ones, kept aside
            j += 1
            continue
        after_example = lines[j - 1].kind == K.EXAMPLE or (
            lines[j - 1].kind == K.LABEL and P.EXAMPLE_LABEL.match(lines[j - 1].text) is not None
        )
        if found and (P.EXAMPLE.match(nxt.text) or (after_example and P.EXAMPLE_NEXT.match(nxt.text))):
            nxt.kind = K.EXAMPLE  # (the next of a numbered run under `[ Examples ]1. …` too)
        elif found and (short := _SHORT_EXAMPLE.match(nxt.text)):
            nxt.kind, nxt.shown = K.EXAMPLE, short.group("text")  # `Ex. They built a bridge.`

        elif (head := parse_headword(nxt.text)) is not None:
            nxt.kind, nxt.entries, headword, last = K.ENTRY, (head,), head, head
            found += 1
        elif headword is not None and add_definition(headword, nxt.text):
            nxt.kind, headword = K.ENTRY_BODY, None
        elif entries := parse_entries(nxt.text):
            nxt.kind, nxt.entries, headword, last = K.ENTRY, tuple(entries), None, entries[-1]
            found += 1
        elif nxt.lang == "en" and (terms := parse_word_row(nxt.text)):
            nxt.kind, nxt.entries, headword = K.ENTRY, tuple(terms), None  # bare terms, no gloss
            found += 1
        else:
            break
        j += 1
    return j, found


# An example under an entry with its label's stop only (`Ex. They built a bridge.`, `e.g. …`).
_SHORT_EXAMPLE = re.compile(r"^(?:ex|e\.g|eg)\.\s+(?P<text>[A-Z\"“‘'].+)$", re.IGNORECASE)


# A list with no heading: at least this many entries, on short lines, each glossed briefly.
UNHEADED_MIN_ENTRIES = 3
UNHEADED_MAX_LINE = 80
UNHEADED_MAX_GLOSS = 30
UNHEADED_SIDE_BY_SIDE = 4  # entries on one line, as many line lengths at most


def mark_unheaded_lists(lines: list[Line]) -> None:
    """Word lists with no heading, found by their shape: short lines in a row, each a Latin
    term, a separator and a brief gloss in another script. The shape a page's list is written in
    is decided once: a shorter run of that shape elsewhere on the page is a list too."""
    i = 0
    shapes: set[tuple[bool, str]] = set()
    rejected: list[tuple[list[tuple[Line, list[GlossaryEntry]]], list[Line], list[Line]]] = []
    while i < len(lines):
        run: list[tuple[Line, list[GlossaryEntry]]] = []
        j = i
        dividers: list[Line] = []
        examples: list[Line] = []
        while j < len(lines):
            divides = run and not lines[j].kind and is_list_divider(lines[j].text) and j + 1 < len(lines)
            if divides and _unheaded_entries(lines[j + 1]):
                dividers.append(lines[j])  # a date between the list's entries
                j += 1
                continue
            entries = _unheaded_entries(lines[j])
            bare = _bare_term(lines[j]) if not entries and run and j + 1 < len(lines) else None
            if bare is not None and _unheaded_entries(lines[j + 1]):
                entries = [bare]  # `lamp` alone between `solar, 태양의` and `build, 짓다`: an entry with no gloss
            if not entries:
                break
            run.append((lines[j], entries))
            end = examples_under(lines, j + 1, entries[-1], labelled=True)
            examples += lines[j + 1 : end]  # an example with no label under the entry, and its translation
            j = end
        # A line is an entry alone when a list mark or a part of speech in brackets says so; so are
        # a few such lines in a row.
        marked = bool(run) and all(
            _marked_entry(ln.text) or POS_IN_BRACKETS.match(ln.text) or _starred(ln) for ln, _ in run
        )
        marked = marked or (bool(run) and _entries_under_translation(lines, i, run))
        # Two lines in a row, each a lower-case term and its gloss (`turbine タービン`): a short list.
        marked = marked or (len(run) == 2 and run[1][0].gap == 0 and all(_lower_entry(ln.text) for ln, _ in run))
        # A page that came on one line: its entries with no mark were cut apart by the change of script.
        # (one such entry alone too, when a separator says it is one: `charge:(v.)充電する`)
        one_line = bool(run) and lines[0].one_line
        marked = marked or (one_line and (len(run) >= 2 or _SEPARATED_ENTRY.match(run[0][0].text) is not None))
        if marked or (sum(len(e) for _, e in run) >= UNHEADED_MIN_ENTRIES and len(run) >= 2):
            _take_run(run, dividers, examples)
            shapes |= {_shape(ln.text) for ln, e in run if e[0].translation}
        elif run:
            rejected.append((run, dividers, examples))
        i = max(j, i + 1)
    for run, dividers, examples in rejected:
        glossed = [ln for ln, e in run if e[0].translation]
        if glossed and all(_shape(ln.text) in shapes for ln in glossed) and not any(ln.kind for ln, _ in run):
            _take_run(run, dividers, examples)


def _take_run(run: list[tuple[Line, list[GlossaryEntry]]], dividers: list[Line], examples: list[Line]) -> None:
    for line, entries in run:
        line.kind, line.entries = K.ENTRY, tuple(entries)
    for line in dividers:
        line.kind = K.LABEL
    for line in examples:
        line.kind = K.EXAMPLE
    run[0][0].unheaded = True


_SEPARATORS = frozenset(":：=＝,，、–—-「(（|｜")


def _shape(text: str) -> tuple[bool, str]:
    """How an entry is written: gloss first or term first, and the mark between them (a space if none)."""
    body = text.lstrip("*•●・◆■▶►-－–0123456789.)） ")
    return (not body[:1].isascii(), next((c for c in body if c in _SEPARATORS), " "))


def _bare_term(line: Line) -> GlossaryEntry | None:
    """A lower-case term of a word or three alone on its line (`lamp`), with no gloss."""
    if line.kind or line.lang != "en" or not line.text[:1].islower() or len(line.text) > TERM_LINE_CHARS:
        return None
    term = parse_term_line(line.text)
    if term is None or len(term[0].split()) > 3 or is_function_word_term(term[0]):
        return None
    return GlossaryEntry(term=term[0])


# A date or a part's number dividing a list (`Week 3 月曜`, `Day 2`, `第3週`, `5月2日（木）`): a
# number, then at most a weekday or a short word in another script, no gloss.
_DIVIDER = re.compile(
    r"^(?:(?:week|day|unit|lesson|part|session)\s*\d{1,3}|第\s?\d{1,3}\s?[週日回課]|\d{1,2}\s?月\s?\d{1,2}\s?日)"
    r"\s*[^A-Za-z\d]{0,8}$",
    re.IGNORECASE,
)


def is_list_divider(text: str) -> bool:
    """A date or a part's number standing between a list's entries."""
    return len(text) <= 24 and _DIVIDER.match(text) is not None


# A line that a list mark and a separator make an entry even alone between paragraphs
# (`*provocation: 도발, 자극`, `• sensor = 传感器`); not a note's `*1`.
_MARKED_ENTRY = re.compile(r"^[*•●・◆■▶►\-]\s*(?!\d)[A-Za-z][^:：=「]{0,40}(?:[:：=]|「)")
UNHEADED_MARKED_GLOSS = 60


def _starred(line: Line) -> bool:
    """A line the page starts with a star (`★storm(嵐)/stɔːm/`; the star is taken out as decoration)."""
    return line.raw.lstrip()[:1] in ("★", "☆")


# `ferry: フェリー`, `break down = 故障する`, `tide – 潮`: a term of a few words, then a separator.
_SEPARATED_ENTRY = re.compile(r"^[A-Za-z][A-Za-z'’\-]*(?: [A-Za-z'’\-]+){0,3}(?:\s*[:：=]|\s+[–—\-])\s*\S")
# `solar panel 太陽電池パネル`: a term of a few words in lower case, a space, the gloss (a name
# starts a translation's sentence with a capital: `Apple 社は…`).
_SPACED_ENTRY = re.compile(r"^[a-z][a-z'’\-]*(?: [a-z'’\-]+){0,3} (?=[^\x00-\x7f])")
_SPEAKER_NAME = re.compile(r"^[A-Z][a-z]+\s*[:：]")


def _lower_entry(text: str) -> bool:
    """`turbine タービン`, `coast: 沿岸`: a lower-case term of a few words, a space or a separator, a gloss."""
    return text[:1].islower() and (_SPACED_ENTRY.match(text) is not None or _SEPARATED_ENTRY.match(text) is not None)


def _entries_under_translation(lines: list[Line], i: int, run: list[tuple[Line, list[GlossaryEntry]]]) -> bool:
    """`ferry: フェリー` or `solar panel 太陽電池パネル` right under a translation, with no blank line (and
    the like right under it): entries, not more of the translation (each a term of a word or a short
    phrase, a separator or a space, a gloss); `Tom: はい` is a speaker."""
    if i == 0 or lines[i].gap:
        return False
    for line, entries in run:
        if line.gap or len(entries) != 1 or _SPEAKER_NAME.match(line.text):
            return False
        if not _SEPARATED_ENTRY.match(line.text) and not _SPACED_ENTRY.match(line.text):
            return False
    above = lines[i - 1]
    return above.lang in CJK and not above.kind and above.text[-1:] in "。．.!?！？」』"


def _marked_entry(text: str) -> bool:
    return _MARKED_ENTRY.match(text) is not None


def _unheaded_entries(line: Line) -> list[GlossaryEntry]:
    text = line.text
    if line.kind or text.isascii():
        return []  # an entry's gloss is in another script
    if len(text) > UNHEADED_MAX_LINE and not _several(text):
        return []
    entries = parse_entries(text)
    if not entries or len(text) > UNHEADED_MAX_LINE * len(entries):
        return []
    longest = UNHEADED_MARKED_GLOSS if _marked_entry(line.text) else UNHEADED_MAX_GLOSS
    # A gloss is a word or phrase; a translation that starts with a name is a sentence.
    if all(
        e.translation and len(e.translation) <= longest and e.translation[-1] not in "。．.!?！？"
        for e in entries
    ):
        return entries
    return []


def _several(text: str) -> bool:
    """A line of several entries (`drill=电钻（borrow a drill 借电钻） ladder=梯子…`), which may be longer."""
    if len(text) > UNHEADED_MAX_LINE * UNHEADED_SIDE_BY_SIDE or not text[:1].isascii():
        return False
    return text.count("=") + text.count("＝") >= 2 or text.count(":") >= 2


def mark_tables(lines: list[Line]) -> None:
    """A pasted two-column table of terms and glosses (`検疫 | quarantine |`), either way round:
    a word list, headed by its header row where a `---|---` rule stands under one."""
    i = 0
    while i < len(lines):
        header = None
        start = i
        if i + 1 < len(lines) and len(table_cells(lines[i].text)) == 2 and TABLE_RULE.match(lines[i + 1].text):
            header, start = lines[i], i + 2
        rows: list[tuple[Line, GlossaryEntry]] = []
        j = start
        while j < len(lines) and not lines[j].kind and (entry := parse_table_row(lines[j].text)) is not None:
            rows.append((lines[j], entry))
            j += 1
        if rows and (header is not None or len(rows) >= 2):
            for line, entry in rows:
                line.kind, line.entries = K.ENTRY, (entry,)
            if header is not None:
                header.kind, header.shown = K.WORDLIST, " / ".join(table_cells(header.text))
            else:
                rows[0][0].unheaded = True  # rows with no header: a list found by its shape
        i = max(j, i + 1)


# A gloss line under a term line (`(1)unusual weather` / `→ 異常気象`), an arrow or sign optional.
_GLOSS_LEAD = re.compile(r"^[→⇒➡=＝:：]\s*")
_GLOSS_END = "。．.!?！？"
TERM_LINE_CHARS = 60


def mark_two_line_entries(lines: list[Line]) -> None:
    """Entries written over two lines: a term alone on its line, then its gloss alone on the
    next, weighed by the marks that say so (a number or bullet on the term, an arrow before
    the gloss) and by how many such pairs the page holds; each is said to be a guess."""
    found: list[tuple[Line, Line, str, str, int]] = []
    for k, line in enumerate(lines):
        if line.kind or line.lang != "en" or len(line.text) > TERM_LINE_CHARS:
            continue  # a term alone on its line is short
        term = parse_term_line(line.text)
        nxt = next((ln for ln in lines[k + 1 : k + 3] if ln.kind not in _PASSED_OVER), None)
        if term is None or nxt is None or nxt.kind or nxt.lang not in CJK or nxt.gap > 1:
            continue
        lead = _GLOSS_LEAD.match(nxt.text)
        gloss = nxt.text[lead.end() :] if lead else nxt.text
        if not gloss or len(gloss) > UNHEADED_MAX_GLOSS or gloss[-1] in _GLOSS_END or P.BULLET.match(gloss):
            continue  # a bulleted line after a bulleted line is the next item of a list, not a gloss
        found.append((line, nxt, term[0], gloss, int(term[1]) + int(lead is not None)))
    marked = sum(1 for *_, marks in found if marks)
    in_run, run_starts = _unmarked_runs(lines, found)
    for line, nxt, term_text, gloss, marks in found:
        if marks >= 2 or (marks == 1 and marked >= 2) or line.index in in_run:
            line.kind, line.entries = K.ENTRY, (GlossaryEntry(term=term_text, translation=gloss),)
            line.unheaded = line.index not in in_run or line.index in run_starts  # a run is said once
            nxt.kind = K.ENTRY_BODY


# Pairs with no mark at all (`ferry` / `フェリー`) are a list when this many follow one another.
UNMARKED_PAIRS = 3
TERM_LINE_WORDS = 4


def _unmarked_runs(lines: list[Line], found: list[tuple[Line, Line, str, str, int]]) -> tuple[set[int], set[int]]:
    """The term lines of pairs with no mark that stand in a run of UNMARKED_PAIRS or more, each
    term right after the gloss before it (a rule line between passed over): a word list, where a
    pair alone is more likely a heading and its translation. With them, the first line of each run."""
    short = [
        (line, nxt)
        for line, nxt, term, _gloss, _marks in found
        if nxt.gap == 0 and len(term.split()) <= TERM_LINE_WORDS and not is_function_word_term(term)
    ]
    runs: list[list[int]] = []
    last = -1
    for line, nxt in short:
        between = lines[last + 1 : line.index] if last >= 0 else None
        if between is not None and all(ln.kind in _PASSED_OVER for ln in between) and runs:
            runs[-1].append(line.index)
        else:
            runs.append([line.index])
        last = nxt.index
    long_runs = [run for run in runs if len(run) >= UNMARKED_PAIRS]
    # A run right after a list's entries (a rule line between) goes on with that list, not said again.
    starts = {run[0] for run in long_runs if not _goes_on_list(lines, run[0])}
    return {k for run in long_runs for k in run}, starts


def _goes_on_list(lines: list[Line], k: int) -> bool:
    before = next((ln for ln in reversed(lines[:k]) if ln.kind not in _PASSED_OVER), None)
    return before is not None and before.kind in (K.ENTRY, K.ENTRY_BODY)


def mark_english_definitions(lines: list[Line]) -> None:
    """An English-only list with no heading (`fascist - someone who supports fascism`), found
    where two or more such lines stand with only example lines (`ex) …`) between them."""
    run: list[tuple[Line, GlossaryEntry]] = []
    examples: list[Line] = []

    def close() -> None:
        if len(run) >= 2:
            for line, entry in run:
                line.kind, line.entries = K.ENTRY, (entry,)
            for line in examples:
                line.kind = K.EXAMPLE
            run[0][0].unheaded = True

    for line in lines:
        if line.kind in _PASSED_OVER:
            continue
        text = line.text
        # A definition line has a dash or a colon after its term: most lines have neither.
        separated = " - " in text or " – " in text or " — " in text or ":" in text
        entry = parse_english_definition(text) if separated and not line.kind and line.lang == "en" else None
        if entry is not None:
            run.append((line, entry))
        elif run and not line.kind and P.EXAMPLE.match(line.text):
            examples.append(line)
        elif run and (dashed := dashed_example(run[-1][1], line)) is not None:
            line.shown = dashed  # `- The turbine turned slowly.`: the entry's example, its dash off
            examples.append(line)
        else:
            close()
            run, examples = [], []
    close()


WORD_ROW_LINES = 3  # one term a line, this many lines in a row
WORD_ROW_TERMS = 3  # a row of terms on one line, this many at least


def mark_word_rows(lines: list[Line]) -> None:
    """Bare English terms with no heading after the article (`harbour ferry lighthouse tide`
    alone, or a word on each of three lines or more): a word list, said to be found by its
    shape, where nothing but notes, another list or the page's end follows it."""
    prose = False  # a sentence of the article stands before
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.kind or line.lang != "en":
            k += 1
            continue
        if not prose:
            prose = line.text[:1].isupper() and line.text.count(" ") >= WORD_ROW_TERMS - 1
            k += 1
            continue
        if line.gap == 0 or not (terms := parse_word_row(line.text)):
            k += 1
            continue
        rows = [(line, terms)]
        j = k + 1
        while j < len(lines) and not lines[j].kind and lines[j].gap == 0 and lines[j].lang == "en":
            more = parse_word_row(lines[j].text)
            if not more:
                break
            rows.append((lines[j], more))
            j += 1
        shaped = len(rows) >= WORD_ROW_LINES or (len(rows) == 1 and len(terms) >= WORD_ROW_TERMS)
        if shaped and _list_may_end(lines, j):
            for row, found in rows:
                row.kind, row.entries = K.ENTRY, tuple(found)
            line.unheaded = True
        k = j


def _list_may_end(lines: list[Line], j: int) -> bool:
    """After a list of bare terms: a blank line, then a note, another list, or nothing."""
    nxt = next((ln for ln in lines[j:] if ln.kind not in _PASSED_OVER), None)
    if nxt is None:
        return True
    if nxt.gap == 0:
        return False
    if nxt.kind in (K.WORDLIST, K.ENTRY, K.NOTE):
        return True
    return P.NOTE_START.match(nxt.text) is not None or P.is_wordlist_heading(nxt.text)
