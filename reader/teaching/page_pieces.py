"""Where a line holding several lines is cut into them: at the page's own line breaks (lines the
importer joined into one); for a line of term–gloss pairs (`harbour 港 ferry フェリー`), before each
English term that follows a gloss in another script; for a bare list of words on one line, before each word."""

from __future__ import annotations

import re
from collections.abc import Sequence

from library.termpairs import pair_starts

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A line with one of these is a phrase or a sentence, not a list of words.
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with and or but is are was were be been it its this that these those "
    "as not no so if than then there their they we you he she his her our my your who which what when where "
    "will would can could has have had do does did".split()
)
MAX_WORDS = 40


def cuts(text: str, breaks: Sequence[int] = ()) -> list[int]:
    """The offsets in `text` where each of its lines after the first starts; none for one line."""
    if breaks:
        return sorted({b for b in breaks if 0 < b < len(text) and text[:b].strip() and text[b:].strip()})
    pairs = pair_cuts(text)
    if pairs:
        return pairs
    words = list(re.finditer(r"\S+", text))
    if not 2 <= len(words) <= MAX_WORDS:
        return []
    if any(not _WORD.fullmatch(w.group()) or w.group().lower() in _FUNCTION_WORDS for w in words):
        return []
    return [w.start() for w in words[1:]]


def pair_cuts(text: str) -> list[int]:
    """Where each pair of a line of term–gloss pairs after the first starts (library/termpairs.py: runs of
    English words and of words in another script in turn, English first and a gloss last, two pairs or more)."""
    return pair_starts(text)[1:]


def line_cuts(line: object) -> list[int]:
    """A page line's cuts (its `breaks`, where the library gives them)."""
    text = str(getattr(line, "text", ""))
    return cuts(text, tuple(getattr(line, "breaks", ()) or ()))
