"""English copied from a PDF viewer with its letters spaced unevenly (`W i l d, unr ul y s t u de nt s`):
the spaces no longer tell the words apart, so the words are found again from a word list
(wordfreq's English frequencies): the line is cut, at its spaces only, into the fewest and
commonest words (`Wild, unruly students`).

Evenly letter-spaced text (`T h e  c i t y`, words two spaces apart) is spacing.py's; this is for
a line whose spaces fall anywhere. wordfreq is read only when such a line is met (it takes about
half a second to load), never for a page of ordinary lines.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A quick look before the real test (a fraction of a microsecond a line): a lower-case letter
# alone that is no word (not `a` or `i`).
_LONE_LETTER = re.compile(r" [b-hj-z][ ,.]")
# Letters a sentence holds alone: the rest alone are pieces of a spaced-out word.
_WORDS_OF_ONE_LETTER = frozenset("aAI")
STRAY_MIN = 4
STRAY_SHARE = 0.25
# Or fewer letters alone among many pieces of one or two letters (`Th e ci ty w ill o pen`).
STRAY_FEW = 1
SHORT_PIECE = 2
SHORT_SHARE = 0.4
JOINED_SHARE = 0.75
_EDGE = re.compile(r"^[\"“‘'(]+|[\"”’'),.;:!?]+$")
LONGEST_WORD = 24  # letters; a longer run of pieces is not tried as one word
UNKNOWN_COST = 20.0  # a word not in the list: a name, kept only when nothing else reads
ZIPF_TOP = 10.0


def respace(text: str) -> str | None:
    """The line with its words put back together, or None when it is not unevenly letter-spaced
    English (most lines: a quick look tells)."""
    if not text.isascii() or _LONE_LETTER.search(text) is None:
        return None
    pieces = text.split()
    cores = [_EDGE.sub("", p) for p in pieces]
    stray = sum(1 for c in cores if len(c) == 1 and c.isalpha() and c not in _WORDS_OF_ONE_LETTER)
    short = sum(1 for c in cores if len(c) <= SHORT_PIECE)
    if not (stray >= STRAY_MIN and stray >= STRAY_SHARE * len(pieces)) and not (
        stray >= STRAY_FEW and short >= SHORT_SHARE * len(pieces)
    ):
        return None
    words = _best_words(pieces)
    # Read again, the line must be well fewer words than pieces: a line of short words is not spaced out.
    return " ".join(words) if len(words) <= JOINED_SHARE * len(pieces) else None


def _best_words(pieces: list[str]) -> list[str]:
    """The pieces joined into words, cut only between pieces: the cheapest reading, each word
    costing less the commoner it is (so fewer, common words win over many letters)."""
    n = len(pieces)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n
    for end in range(1, n + 1):
        letters = 0
        for start in range(end - 1, -1, -1):
            piece = pieces[start]
            if start < end - 1 and piece[-1:] in ",.;:!?\"”’)":
                break  # a word ends at its punctuation
            letters += len(piece)
            if letters > LONGEST_WORD:
                break
            cost = best[start][0] + _cost("".join(pieces[start:end]))
            if cost < best[end][0]:
                best[end] = (cost, start)
    out: list[str] = []
    end = n
    while end > 0:
        start = best[end][1]
        out.append("".join(pieces[start:end]))
        end = start
    return out[::-1]


def _cost(word: str) -> float:
    core = _EDGE.sub("", word)
    if not core:
        return 0.0
    zipf = _zipf(core.lower())
    return ZIPF_TOP - zipf if zipf > 0 else UNKNOWN_COST + len(core)


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))
