"""Unnumbered footnotes marked with a bare star: a word starred in the English (`felt *safer
than…`) and, after the paragraph, a line starting with the same starred word and its gloss
(`*safer より安全な`, `*safer: more safe`). Each such line is a note on that word (marker `*`,
anchored by the word it names) and the star is taken out of the English. A starred line whose
word is starred nowhere in the English stays what the other steps made it (a word-list entry).
"""

from __future__ import annotations

import re

from library.importer import split as K
from library.importer.split import Line

# A star glued to the start of a word in running English (not `*1`, not ` * ` between words).
STARRED = re.compile(r"(?<![\w*])\*(?=[A-Za-z])([A-Za-z][A-Za-z'’\-]*)")
# A gloss line: the star, the word or phrase in Latin letters, then its gloss (after a colon, a
# dash, an equals sign, or where the script changes).
_GLOSS = re.compile(
    r"^\*\s?(?P<term>[A-Za-z][A-Za-z'’\-]*(?: [A-Za-z][A-Za-z'’\-]*){0,3}?)"
    r"\s*(?:[:：=＝\-–—]\s*|\s+(?=[^\x00-\x7f])|(?=[^\x00-\x7f])|\s+(?=[(（]))(?P<gloss>\S.*)$"
)
# How many lines after a starred English line its gloss lines may stand (its translation, a
# second sentence between).
_REACH = 6
_ENGLISH = (K.PARAGRAPH, K.HEADING)


def _same_word(starred: str, term: str) -> bool:
    """Whether a gloss line's head word is the starred word (`customers` glossed as `customer`)."""
    a, b = starred.lower(), term.lower().split()[0]
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def star_notes(lines: list[Line]) -> None:
    """Turn the gloss lines of starred words into notes and take the stars out of the English
    (in place, after classify)."""
    if not any("*" in ln.text for ln in lines):
        return  # most pages
    for k, line in enumerate(lines):
        if line.kind not in _ENGLISH or "*" not in line.body:
            continue
        words = STARRED.findall(line.body)
        if not words:
            continue
        glossed: set[str] = set()
        for other in lines[k + 1 : k + 1 + _REACH]:
            m = _GLOSS.match(other.text) if other.text.startswith("*") else None
            word = next((w for w in words if _same_word(w, m.group("term"))), None) if m else None
            if m is None or word is None:
                if other.kind in _ENGLISH and STARRED.search(other.body):
                    break  # the next starred paragraph's notes are its own
                continue
            glossed.add(word)
            other.kind, other.marker, other.entries, other.unheaded = K.NOTE, "*", (), False
            other.shown = f"{m.group('term')}: {m.group('gloss').strip()}"
        if glossed:
            line.shown = _unstarred(line.body, glossed)


def _unstarred(text: str, glossed: set[str]) -> str:
    """The English without the stars of the words a note explains (another star stays)."""
    return STARRED.sub(lambda w: w.group(1) if w.group(1) in glossed else w.group(0), text)
