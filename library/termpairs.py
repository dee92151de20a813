"""A line of term–gloss pairs (`harbour 港 ferry フェリー`): runs of English words and of words in
another script in turn, English first and a gloss last, two pairs or more. The page view makes it one
glossary entry a pair, whether the line is cut into its pairs first or given the glossary role whole."""

from __future__ import annotations

import re

MAX_PAIRS_WORDS = 80


def _latin(word: str) -> bool | None:
    """Whether a word is written in Latin letters (True), in another script (False), or in neither (None)."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return None
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    return latin * 2 > len(letters)


def pair_starts(text: str) -> list[int]:
    """Where each pair of a line of term–gloss pairs starts (the first at 0); [] for any other line."""
    words = list(re.finditer(r"\S+", text))
    if not 4 <= len(words) <= MAX_PAIRS_WORDS:
        return []
    runs: list[tuple[bool, int]] = []  # (in Latin letters, where the run starts)
    for word in words:
        latin = _latin(word.group())
        if latin is None:
            return []
        if not runs or runs[-1][0] != latin:
            runs.append((latin, word.start()))
    if len(runs) < 4 or len(runs) % 2 or not runs[0][0]:
        return []
    return [start for _, start in runs[::2]]


def pairs_of(text: str) -> list[str]:
    """The pairs of a line of term–gloss pairs, each `term gloss`; [] for any other line."""
    starts = pair_starts(text)
    if not starts:
        return []
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
