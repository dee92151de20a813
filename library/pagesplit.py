"""Where a line may be split: between two visible characters and outside a note marker."""

from __future__ import annotations

import unicodedata

from library.importer import patterns as P

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


def is_boundary(text: str, at: int, markers: list[tuple[int, int]]) -> bool:
    """True where text may be cut at `at`: not inside one visible character nor inside a note marker."""
    if not 0 < at < len(text):
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
    """The boundary nearest `at` (the earlier one on a tie) where both halves keep some text, or None."""
    markers = [m.span() for m in P.NOTE_REF.finditer(text)]
    for step in range(MAX_SNAP + 1):
        for cand in (at - step, at + step) if step else (at,):
            if is_boundary(text, cand, markers) and text[:cand].strip() and text[cand:].strip():
                return cand
    return None
