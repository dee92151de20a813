"""The page view of a lesson: the page's lines in order, each with its role, and the user's
decisions about them (a role, a join, a split, a text, a deletion, a move) laid over the
importer's own, before the lesson is assembled from them.

A decision names its line by number and by text, so a redone import (a new importer may
split the page differently) finds the line again by its text, the number as a hint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from library.importer import patterns as P
from library.importer import split as K
from library.importer.normalise import language_of
from library.importer.split import Line
from library.model import MADE_UNPLACED, Block, Lesson
from library.pagefind import find_line, found_alike
from library.pageglosses import glosses_below, pair_glosses, take_glosses, with_gloss
from library.pageroles import FOLDED, ROLE_OF_KIND, SETTABLE_NAMES, entries_of, paragraph_made, set_role
from library.pageroles import SETTABLE as SETTABLE
from library.pageroles import DecisionError as DecisionError
from library.pageroles import Role as Role
from library.pagesplit import breaks_of, place_piece, wrapped_onto
from library.pageswap import swap_pairs


@dataclass(frozen=True)
class PageLine:
    """One line of the page: its number, role, the block a translation is placed on (`target`),
    how sure the importer was (0–1), its text and language, and the block or note it is part of."""

    n: int
    role: Role
    target: int | None
    confidence: float
    text: str
    lang: str
    block: int | None = None
    note: int | None = None  # for a note's line: which of the lesson's notes it is part of
    targets: tuple[int, ...] = ()  # for a translation the importer split over several blocks: those blocks
    breaks: tuple[int, ...] = ()  # where lines of the page the importer joined into this one start in its text

    def to_json(self) -> dict[str, object]:
        """The line as `show ID --lines --json` prints it."""
        return {
            "n": self.n,
            "role": str(self.role),
            "target": self.target,
            "confidence": self.confidence,
            "text": self.text,
            "lang": self.lang,
            "block": self.block,
            "note": self.note,
            "targets": list(self.targets) if self.targets else ([self.target] if self.target is not None else []),
        }


# What a decision does, as Decision.op.
ROLE = "role"
JOIN = "join"  # the line and the next (or the line `target_n`, `target_text`) are one
SPLIT = "split"  # the line is two, at `at`
TEXT = "text"  # the line's text is `value`
DELETE = "delete"
MOVE = "move"  # `at` is -1 (up) or +1 (down)
END = "end"  # the lesson ends before the line: it and the lines after it became a lesson of their own
SWAP = "swap"  # the page's languages swapped: each block and its translation change places (library.pageswap)
OPS = (ROLE, JOIN, SPLIT, TEXT, DELETE, MOVE, END, SWAP)
# Decisions that change which lines there are, their order or their English: after one, the aligner
# matching translations by position and by the words they share would give each another paragraph,
# so the placements from before it are pinned (library/pages.py).
STRUCTURAL = frozenset({JOIN, SPLIT, DELETE, MOVE, END, SWAP, TEXT})
# Decisions a lesson keeps: each costs a look over the lines when the lesson is assembled (one
# naming a line that is gone looks at all of them), so a pack cannot make that cost unbounded.
MAX_DECISIONS = 2000


@dataclass(frozen=True)
class Decision:
    """One change the user made to the page's lines: the line it names (number and text, as
    the page view showed them when it was made) and what it does."""

    op: str
    n: int
    text: str
    role: str | None = None
    target_n: int | None = None  # for a translation: the line starting the block it translates
    target_text: str | None = None
    at: int | None = None
    value: str | None = None


@dataclass
class Applied:
    """What laying decisions over the lines did."""

    forced: dict[int, int] = field(default_factory=dict)  # translation line → line starting its block
    deleted: list[str] = field(default_factory=list)  # lines the user deleted, kept aside
    missed: list[Decision] = field(default_factory=list)  # decisions whose line is not there
    pinned: dict[int, int] = field(default_factory=dict)  # a pinned translation's line before → after
    reasons: dict[int, str] = field(default_factory=dict)  # a line made unplaced by a change → why
    why_missed: dict[Decision, str] = field(default_factory=dict)  # a decision missed → what changed
    roled: set[int] = field(default_factory=set)  # the lines (by id) a role was given
    # A block line (by id) a role took out of the body → the translations it took off it (key, line,
    # target, kind), given back where a later decision makes the line a block again.
    taken: dict[int, list[tuple[int, Line, Line, K.Kind]]] = field(default_factory=dict)
    renamed: dict[Decision, Decision] = field(default_factory=dict)  # found on lines alike its own → naming them
    glossed: dict[int, int] = field(default_factory=dict)  # a gloss line → its entry's line (library/pageglosses.py)


def line_text(line: Line) -> str:
    """A line's text as the page view shows it (and as a decision names it)."""
    return line.body


def apply_decisions(
    lines: list[Line],
    decisions: Sequence[Decision],
    pins: dict[int, int] | None = None,
    held: Mapping[int, str] | None = None,
    imported: Mapping[int, int] | None = None,
) -> Applied:
    """Lay decisions over classified lines (in place, in order); each refers to the lines as the
    decisions before it left them. `pins`: translation line → the line starting the block it was
    placed on before the page's structure was changed (both by their index in `lines`); `held`: the
    translation lines unplaced then (→ why), which stay unplaced until the user places them; `imported`:
    translation line → the line starting the block the import placed it on, for the translations of
    a block the decisions gave another role (unplaced, not given by the aligner to another block)."""
    out = Applied()
    # Translation placed (by the import or by hand) → its target line, by identity: joins, splits,
    # deletions and moves renumber the lines, and the aligner would match them again by position.
    forced: dict[int, tuple[Line, Line]] = {}
    by_index = {ln.index: ln for ln in lines}
    pinned = {tr: by_index[tr] for tr in (pins or {}) if tr in by_index}
    for tr, tg in (pins or {}).items():
        if tr in by_index and tg in by_index:
            forced[id(by_index[tr])] = (by_index[tr], by_index[tg])
    held_ids = set()
    for n, why in (held or {}).items():
        if n in by_index and by_index[n].kind == K.CJK:
            by_index[n].kind = K.UNDECIDED  # held back from the aligner, as a line made unplaced is
            out.reasons[id(by_index[n])] = why or NO_MATCH
            held_ids.add(id(by_index[n]))
    was_placed = [(by_index[a], by_index[b]) for a, b in (imported or {}).items() if a in by_index and b in by_index]
    headings = {id(tg) for _, tg in was_placed if tg.kind == K.HEADING}
    for d in decisions:
        alike = found_alike(lines, d)  # its lines changed a little (a re-import of an edited copy)
        named = replace(d, **alike) if alike else d
        if alike:
            out.renamed[d] = named
        i = find_line(lines, named.n, named.text)
        if i is None:
            out.missed.append(d)
            out.why_missed[d] = LINE_GONE
        elif not _apply_one(lines, i, named, forced, out):
            out.missed.append(d)
            out.why_missed[d] = _why_missed(lines, i, d)
    present = {id(ln) for ln in lines}
    still = [(tr, tg) for tr, tg in was_placed if id(tg) in present]
    orphans = _orphans_unplaced(still, headings, held_ids, forced, out)
    taken = [(tr, tg) for pairs in out.taken.values() for _key, tr, tg, _kind in pairs]
    glossed = take_glosses(lines, [*taken, *orphans], out.reasons, out.roled)
    glossed.update(glosses_below(lines, out.roled))
    glossed.update(pair_glosses(lines, out.reasons))
    for index, line in enumerate(lines):
        line.index = index  # the later steps look lines up by index
    out.forced = {tr.index: tg.index for tr, tg in forced.values() if id(tr) in present and id(tg) in present}
    out.pinned = {n: ln.index for n, ln in pinned.items() if id(ln) in present}
    out.glossed = {tr.index: glossed[id(tr)].index for tr in lines if id(tr) in glossed}
    out.reasons = {ln.index: out.reasons[id(ln)] for ln in lines if id(ln) in out.reasons and ln.kind == K.UNDECIDED}
    return out


# What changed on the page so that a decision cannot be made again (a re-import says it).
LINE_GONE = "the line is no longer on the page"


def _why_missed(lines: list[Line], i: int, d: Decision) -> str:
    """What changed so that decision d, whose line is line i, no longer fits the lines."""
    if d.op == JOIN:
        if d.target_n is not None and find_line(lines, d.target_n, d.target_text or "") is None:
            return "the line after it changed"
        return "no heading or paragraph follows it now"
    if d.op == ROLE and d.role == Role.TRANSLATION:
        return "the paragraph it translates is no longer on the page"
    if d.op == SPLIT:
        return "the line is shorter than the place it was split at"
    if d.op == MOVE:
        return "no heading or paragraph is beside it that way now"
    if d.op == SWAP:
        return "the page reads the right way round now"
    return "it no longer fits the lines"


# Why an unplaced translation is unplaced, as the lesson lists it.
NO_MATCH = "no paragraph matched it closely enough"
PARAGRAPH_DELETED = "its paragraph was deleted"
PARAGRAPH_SPLIT_OFF = "its paragraph went to the lesson split off from this one"


def _apply_one(lines: list[Line], i: int, d: Decision, forced: dict[int, tuple[Line, Line]], out: Applied) -> bool:
    """One decision on line i; False where it cannot be made on these lines."""
    line = lines[i]
    if d.op == ROLE and d.role in SETTABLE_NAMES:
        target = None
        if d.role == Role.TRANSLATION:
            t = find_line(lines, d.target_n if d.target_n is not None else -1, d.target_text or "")
            if t is None:
                return False
            target = lines[t]
        was = line.kind
        out.roled.add(id(line))
        set_role(lines, i, Role(d.role or ""))
        if d.role == Role.UNPLACED:
            out.reasons[id(line)] = MADE_UNPLACED
        forced.pop(id(line), None)
        if was in (K.HEADING, K.PARAGRAPH) and line.kind not in (K.HEADING, K.PARAGRAPH):
            # Its translations are not given to the paragraph above: unplaced, and said why.
            why = paragraph_made(Role(d.role or ""), was == K.HEADING)
            out.taken.setdefault(id(line), []).extend(_unplace_translations(forced, {id(line)}, out, why))
        elif line.kind in (K.HEADING, K.PARAGRAPH):
            # A block again: the translations a role took off it are its own again, their reason gone.
            for key, tr, tg, kind in out.taken.pop(id(line), []):
                if tr.kind == K.UNDECIDED and id(tr) not in out.roled and key not in forced:
                    tr.kind = kind
                    forced[key] = (tr, tg)
                    out.reasons.pop(id(tr), None)
        if target is not None:
            forced[id(line)] = (line, target)
        return True
    if d.op == JOIN:
        # With the next line, or with the line the decision names (the line right after it when it was
        # made; the next paragraph, past its translation, for a join made before joins took any line).
        m = _joined_with(lines, i)
        if d.target_n is not None:  # the line named, by its text: looked for right after the first first
            m = find_line(lines, _next_listed(lines, i), d.target_text or "")
        if m is None or not i < m < len(lines):
            return False
        for between in lines[i + 1 : m]:
            if between.kind in (K.CJK, K.PAIR) and id(between) not in forced:
                # A translation between the two paragraphs translates the one they make now.
                forced[id(between)] = (between, line)
        nxt = lines.pop(m)
        first = line_text(line)
        _set_text(line, f"{first} {line_text(nxt)}")
        if line.kind == K.ENTRY:  # a term joined with its gloss line: the line the term, the other its gloss
            line.entries = with_gloss(first, line_text(nxt)) or entries_of(line.text)
        forced.pop(id(nxt), None)
        for key, (tr, tg) in list(forced.items()):
            if tg is nxt:  # the second part's translation goes on with it, after the first's
                forced[key] = (tr, line)
        return True
    if d.op == SPLIT:
        text = line_text(line)
        at = d.at if d.at is not None else -1
        if not 0 < at < len(text) or not text[:at].strip() or not text[at:].strip():
            return False
        _set_text(line, text[:at].rstrip())
        rest = text[at:].strip()
        new = Line(index=i + 1, raw=rest, text=rest, gap=1, lang=language_of(rest), kind=line.kind)
        if line.kind == K.ENTRY:
            line.entries, new.entries = entries_of(line.text), entries_of(rest)
        place_piece(lines, i, text, at, new)
        return True
    if d.op == TEXT and d.value is not None and d.value.strip():
        _set_text(line, d.value.strip())
        if line.kind == K.ENTRY:
            line.entries = entries_of(line.text)
        return True
    if d.op == DELETE:
        out.deleted.append(line_text(lines.pop(i)))
        forced.pop(id(line), None)
        _unplace_translations(forced, {id(line)}, out, PARAGRAPH_DELETED)
        return True
    if d.op == END and i > 0:
        kept = notes_staying(lines, i)
        gone = [ln for ln in lines[i:] if id(ln) not in kept]
        out.deleted += [line_text(ln) for ln in gone]
        for ln in gone:
            forced.pop(id(ln), None)
        _unplace_translations(forced, {id(ln) for ln in gone}, out, PARAGRAPH_SPLIT_OFF)
        lines[i:] = [ln for ln in lines[i:] if id(ln) in kept]
        return True
    if d.op == SWAP:
        return swap_pairs(lines, forced)
    if d.op == MOVE and d.at in (-1, 1):
        j = _neighbour(lines, i, d.at)
        if j is None:
            return False
        lines[i], lines[j] = lines[j], lines[i]
        return True
    return False


_NOTE_LINES = (K.NOTE, K.NOTE_CONT, K.SOURCE)
_NOTE_MARKER = re.compile(r"\s")


def notes_staying(lines: Sequence[Line], i: int) -> set[int]:
    """The note lines from line i on (by id) whose marker a heading or paragraph before line i holds:
    when the lesson ends before line i, those notes stay with their terms."""
    refs = {
        _NOTE_MARKER.sub("", m.group(0))
        for ln in lines[:i]
        if ln.kind in (K.HEADING, K.PARAGRAPH)
        for m in P.NOTE_REF.finditer(ln.text)
    }
    out: set[int] = set()
    staying = False
    for ln in lines[i:]:
        if ln.kind == K.NOTE:
            staying = bool(ln.marker) and _NOTE_MARKER.sub("", ln.marker) in refs
        elif ln.kind not in (*_NOTE_LINES, *FOLDED):
            staying = False
        if staying and ln.kind in (*_NOTE_LINES, *FOLDED):
            out.add(id(ln))
    return out


def _orphans_unplaced(
    was_placed: list[tuple[Line, Line]],
    headings: set[int],
    held: set[int],
    forced: dict[int, tuple[Line, Line]],
    out: Applied,
) -> list[tuple[Line, Line]]:
    """The translations the import placed on a heading or paragraph the decisions gave another role:
    unplaced, and said why (returned, each with its line); one held so before a change of structure goes
    back to its block where that is a block again (the user's own decisions about a translation line stand)."""
    unplaced = []
    for tr, tg in was_placed:
        if id(tr) in forced or id(tr) in out.roled:
            continue
        if tg.kind in (K.HEADING, K.PARAGRAPH):
            if tr.kind == K.UNDECIDED and id(tr) in held:
                tr.kind = K.CJK
                forced[id(tr)] = (tr, tg)
                out.reasons.pop(id(tr), None)
            continue
        if tr.kind not in (K.CJK, K.UNDECIDED) or (tr.kind == K.UNDECIDED and id(tr) not in held):
            continue
        role = Role.TRANSLATION if id(tg) in forced else ROLE_OF_KIND.get(tg.kind, Role.UNPLACED)
        tr.kind = K.UNDECIDED
        out.reasons[id(tr)] = paragraph_made(role, id(tg) in headings)
        unplaced.append((tr, tg))
    return unplaced


def _unplace_translations(
    forced: dict[int, tuple[Line, Line]], gone: set[int], out: Applied, why: str
) -> list[tuple[int, Line, Line, K.Kind]]:
    """The translations placed on lines taken out: unplaced (kept and listed for the user to place),
    not given by the aligner to whichever paragraph now stands where the deleted one stood; returns
    them (key, line, target, kind they had)."""
    taken = []
    for key, (tr, tg) in list(forced.items()):
        if id(tg) in gone:
            del forced[key]
            taken.append((key, tr, tg, tr.kind))
            tr.kind = K.UNDECIDED
            out.reasons[id(tr)] = why
    return taken


def _joined_with(lines: list[Line], i: int) -> int | None:
    """The line a join of line i takes: the next line, past lines folded into it (a hard-wrapped
    sentence's rest is already in its text) and, for a heading or paragraph, past translation
    lines to the next English block."""
    skip = {*FOLDED, K.CJK, K.PAIR, K.TRANSLATION} if lines[i].kind in (K.HEADING, K.PARAGRAPH) else set(FOLDED)
    j = i + 1
    while j < len(lines) and lines[j].kind in skip:
        j += 1
    return j if j < len(lines) else None


def _next_listed(lines: list[Line], i: int) -> int:
    """The line after line i that the page view lists (past lines folded into it)."""
    j = i + 1
    while j < len(lines) and lines[j].kind in FOLDED:
        j += 1
    return j


def _neighbour(lines: list[Line], i: int, step: int) -> int | None:
    """The line a move swaps with: the next block line that way for a heading or paragraph, else the next line."""
    blocks = (K.HEADING, K.PARAGRAPH)
    j = i + step
    if lines[i].kind in blocks:
        while 0 <= j < len(lines) and lines[j].kind not in blocks:
            j += step
    return j if 0 <= j < len(lines) else None


def _set_text(line: Line, text: str) -> None:
    line.text = text
    line.shown = None
    line.lang = language_of(text)


@dataclass
class Page:
    """A page parsed with decisions: the lesson, its lines, and which line each imported item came from."""

    lesson: Lesson
    lines: list[PageLine]
    block_lines: list[int]  # per block: the line it starts at
    note_lines: list[int]  # per imported note: its first line
    entry_lines: list[int]  # per glossary entry: its line
    unplaced_lines: list[int]  # per unplaced item: its line
    missed: list[Decision] = field(default_factory=list)
    why_missed: dict[Decision, str] = field(default_factory=dict)  # a missed decision → what changed
    renamed: dict[Decision, Decision] = field(default_factory=dict)  # made on lines alike its own → naming them
    fixed: bool = False  # a tutor's lesson file: its lines come from its structure, not a page
    glosses: dict[int, int] = field(default_factory=dict)  # a translation line made an entry's gloss → its line
    # Each placed translation line → the line starting its block, worked out once when asked (library/pageplaced.py).
    placed: dict[int, int] | None = field(default=None, compare=False, repr=False)


def page_of(lesson: Lesson, lines: list[Line], captured_blocks: dict[int, Block]) -> Page:
    """The page view of a lesson assembled from `lines`; `captured_blocks` maps a line's index
    to the block object it became or was placed on, taken before any format's later steps
    (HTML takes figure captions out of the blocks afterwards)."""
    pos_of = {id(b): pos for pos, b in enumerate(lesson.blocks)}
    confidence = _confidences(lesson)
    out: list[PageLine] = []
    block_lines = [-1] * len(lesson.blocks)
    note_lines: list[int] = []
    entry_of = {id(e): line.index for line in lines for e in line.entries}
    wrapped = wrapped_onto(lines)
    for line in lines:
        if line.kind in FOLDED:
            continue
        role = ROLE_OF_KIND[line.kind]
        block_obj = captured_blocks.get(line.index)
        pos = pos_of.get(id(block_obj)) if block_obj is not None else None
        if role in (Role.HEADING, Role.PARAGRAPH) and pos is None:
            role = Role.CAPTION  # a format's later step took it out of the body (a figure's caption)
        if role in (Role.HEADING, Role.PARAGRAPH) and pos is not None and block_lines[pos] < 0:
            block_lines[pos] = line.index
        if line.kind == K.NOTE:
            note_lines.append(line.index)
        note = len(note_lines) - 1 if role == Role.NOTE and note_lines else None
        text = line_text(line)
        out.append(
            PageLine(
                n=line.index,
                role=role,
                target=pos if role == Role.TRANSLATION else None,
                confidence=confidence.get(text, confidence.get(line.text, 1.0)),
                text=text,
                lang=line.lang,
                block=pos if role in (Role.HEADING, Role.PARAGRAPH) else None,
                note=note if note is not None and note < len(lesson.notes) else None,
                breaks=breaks_of(text, wrapped.get(line.index, ())),
            )
        )
    entry_lines = [entry_of.get(id(e), -1) for e in lesson.glossary]
    unplaced_lines = _unplaced_lines(lesson, lines)
    return Page(lesson, out, block_lines, note_lines[: len(lesson.notes)], entry_lines, unplaced_lines)


def _confidences(lesson: Lesson) -> dict[str, float]:
    """How sure the importer was of each line it warned about, by the line's text."""
    out: dict[str, float] = {}
    for w in lesson.warnings:
        out[w.text] = min(out.get(w.text, 1.0), w.confidence)
    return out


def _unplaced_lines(lesson: Lesson, lines: list[Line]) -> list[int]:
    """Each unplaced item's line, by its text (the first not yet taken)."""
    free: dict[str, list[int]] = {}
    for line in lines:
        if line.kind in (K.CJK, K.UNDECIDED):
            free.setdefault(line.text, []).append(line.index)
    return [free[u.text].pop(0) if free.get(u.text) else -1 for u in lesson.unplaced]
