"""Where a line may be split: between two visible characters and outside a note marker."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from library.importer import patterns as P
from library.importer import split as K
from library.importer.split import Line
from library.pageroles import FOLDED

ZWJ = "\u200d"
# How far a split point is moved to reach a boundary; past it the split is refused, as a
# boundary so far off is not what the user pointed at.
MAX_SNAP = 16


def _joins_previous(ch: str) -> bool:
    """True for a character drawn as part of the one before it (an accent, a variation selector, a skin tone)."""
    cp = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch == ZWJ
        or 0xFE00 <= cp <= 0xFE0F
        or 0xE0100 <= cp <= 0xE01EF
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0xE0020 <= cp <= 0xE007F  # emoji tag characters (flags of regions)
    )


def _in_word(ch: str) -> bool:
    """True for a letter or digit of a script that spaces its words (not Chinese, Japanese or Korean),
    or a mark drawn on one: a cut between two of them is inside a word."""
    return ord(ch) < 0x2E80 and (ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc", "Me"))


def is_boundary(text: str, at: int, markers: list[tuple[int, int]]) -> bool:
    """True where text may be cut at `at`: not inside one visible character, a word or a note marker."""
    if not 0 < at < len(text):
        return False
    if _in_word(text[at - 1]) and _in_word(text[at]):
        return False
    if _joins_previous(text[at]) or text[at - 1] == ZWJ:
        return False
    if _regional_pair_split(text, at):
        return False
    return not any(start < at < end for start, end in markers)


def _regional_pair_split(text: str, at: int) -> bool:
    """True where `at` falls between the two regional indicators of one flag."""
    def regional(ch: str) -> bool:
        return 0x1F1E6 <= ord(ch) <= 0x1F1FF

    if not (regional(text[at - 1]) and regional(text[at])):
        return False
    run = 0
    i = at - 1
    while i >= 0 and regional(text[i]):
        run += 1
        i -= 1
    return run % 2 == 1


def split_point(text: str, at: int) -> int | None:
    """The boundary nearest `at` (the earlier one on a tie) where both halves keep some text, or None
    (a cut inside a word, `summe|r`, moves to the word's nearest end).
    A cut right before a note marker that punctuation follows (`harbour|※1, which`, `city|※1.`) moves
    past the marker and the punctuation: the marker stays with its term, and no piece is a marker alone."""
    markers = [m.span() for m in P.NOTE_REF.finditer(text)]
    inside = 0 < at < len(text) and _in_word(text[at - 1]) and _in_word(text[at])  # a cut inside a word
    for step in range(MAX_SNAP + 1):
        for cand in (at - step, at + step) if step else (at,):
            if not is_boundary(text, cand, markers):
                continue
            if not _has_words(text[cand:], markers, cand):
                if inside:
                    continue  # the word's end is the line's end but for a marker: its start may do
                return None  # only a marker (and punctuation) after it: it stays with its term, unsplit
            cand = _past_marker(text, cand, markers)
            moved = _past_closing(text, cand, markers)
            cand = moved if text[moved:].strip() else cand  # (punctuation alone after it: the caller refuses)
            if inside and not (has_words(text[:cand]) and has_words(text[cand:])):
                continue  # off a word, only to a place that leaves words on both sides
            if text[:cand].strip() and text[cand:].strip():
                return cand
    return None


def only_marker_after(text: str, at: int) -> bool:
    """True where what follows `at` is a note marker and punctuation only (no piece of its own)."""
    markers = [m.span() for m in P.NOTE_REF.finditer(text)]
    return 0 < at < len(text) and not _has_words(text[at:], markers, at)


def _past_marker(text: str, at: int, markers: list[tuple[int, int]]) -> int:
    """`at`, or past the marker starting there and the punctuation right after it."""
    end = next((e for s, e in markers if s == at), None)
    if end is None or end >= len(text) or not _punctuation(text[end]):
        return at
    while end < len(text) and _punctuation(text[end]):
        end += 1
    return end


# Punctuation that closes what stands before it (a full stop, a comma, a closing bracket or quote).
_CLOSING = frozenset({"Po", "Pe", "Pf"})


def _past_closing(text: str, at: int, markers: list[tuple[int, int]]) -> int:
    """`at`, or past the closing punctuation right after a word there (`said|, then` → `said,| then`):
    it stays with its text, and no piece starts with it (a note marker, `※1`, is no punctuation)."""
    if at == 0 or text[at - 1].isspace():
        return at
    end = at
    while (
        end < len(text)
        and unicodedata.category(text[end]) in _CLOSING
        and not any(s <= end < e for s, e in markers)
    ):
        end += 1
    return end


def has_words(piece: str) -> bool:
    """True where a piece of a split line holds a letter or a digit (not punctuation alone)."""
    return any(ch.isalnum() for ch in piece)


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def _has_words(piece: str, markers: list[tuple[int, int]], start: int) -> bool:
    """False where a piece (starting at `start` of the text) is a note marker and punctuation only."""
    inside = [any(s <= k < e for s, e in markers) for k in range(start, start + len(piece))]
    if not any(inside):
        return True  # no marker in it (punctuation alone is refused by the caller, library/pages.py)
    return any(ch.isalnum() for ch, marker in zip(piece, inside, strict=True) if not marker)


def place_piece(lines: list[Line], i: int, text: str, at: int, piece: Line) -> None:
    """Put the piece split off line i (its text from `at` on) among the lines. The page's lines the
    importer folded into line i (a hard-wrapped sentence's rest) are each a line of the page: those
    starting before `at` stay folded into the first part, and a cut where one of them starts makes the
    piece that line (the ones after it stay folded into the piece), so the lines after keep their
    numbers (the page's); a cut inside a line of the page makes one line more."""
    j, start, kept = i + 1, 0, 0
    while j < len(lines) and lines[j].kind == K.WRAPPED:
        found = text.find(lines[j].text, start + 1)
        if kept == j - i - 1 and found >= at and not text[at:found].strip():
            lines[j] = piece  # the cut is where this line of the page starts
            return
        if kept == j - i - 1 and 0 < found < at:
            kept, start = kept + 1, found
        j += 1
    lines.insert(i + 1 + kept, piece)


def wrapped_onto(lines: list[Line]) -> dict[int, list[str]]:
    """Per line, the texts of the hard-wrapped lines the importer joined onto it, in order."""
    out: dict[int, list[str]] = {}
    head: Line | None = None
    for line in lines:
        if line.kind == K.WRAPPED and head is not None:
            out.setdefault(head.index, []).append(line.text)
        elif line.kind not in FOLDED:
            head = line
    return out


def breaks_of(text: str, pieces: Sequence[str]) -> tuple[int, ...]:
    """Where each joined line's text starts in the line's text (those no longer found there are left out)."""
    out: list[int] = []
    at = 0
    for piece in pieces:
        k = text.find(piece, at + 1)
        if k > 0:
            out.append(k)
            at = k
    return tuple(out)
