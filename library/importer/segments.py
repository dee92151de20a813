"""A line that holds more than one part of the page (an English paragraph, its translation, the
word list's entries for it, a rule `────`, then the next paragraph), cut into its segments where
the script changes, so that each part is read as it would be on a line of its own.

    The market opened new stalls. 夜市開了新攤位。 stall:(n.)攤位 meal:(n.)一餐 ──── Some owners…
    → `The market opened new stalls. 夜市開了新攤位。` | `stall:(n.)攤位` | `meal:(n.)一餐` | `────` | `Some owners…`

A cut is made only where the page marks it: a rule between spaces, or a run of entries
(`term:(n.)訳`, `term: 訳`) after a translation's sentence end, followed by English that starts
as a sentence does or by the end of the line. The English and the translation of each part are
split later, as any line of the two is (split.py).
"""

from __future__ import annotations

import re

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_HAS_CJK = re.compile(f"[{_CJK}]")
# A rule: a run of box-drawing lines, dashes or the like, standing between spaces (or at an end).
_RULE = re.compile(r"(?:^|(?<=\s))(?:[─━═]{2,}|[—–_~=\-]{4,})(?=\s|$)")
_POS = r"(?:\(\s?[a-z]{1,6}\.?(?:/[a-z]{1,6}\.?)?\s?\)|（\s?[a-z]{1,6}\.?\s?）)"
# An entry: a term of a few words, a colon, a part of speech in brackets or none, a short gloss
# in the translation's script (no space and no sentence's end in it).
_ENTRY = (
    rf"(?<![A-Za-z'’\-])[A-Za-z][A-Za-z'’\-]*(?: [A-Za-z'’\-]+){{0,3}}\s?[:：]\s?{_POS}?\s?"
    rf"[{_CJK}][^\sA-Za-z。！？.!?]{{0,30}}"
)
# A run of entries after a translation's sentence end, then English or the segment's end.
_ENTRY_RUN = re.compile(rf"(?<=[。！？」』.!?])\s*((?:{_ENTRY}\s*)+?)(?=\s+[\"“]?[A-Z]|\s*$)")
_ONE_ENTRY = re.compile(_ENTRY)


def segment_line(text: str) -> list[tuple[str, bool]] | None:
    """The line's segments in order, each with whether it opens a new part (English after a rule
    or after entries); None for a line with no rule and no run of entries in it (most lines)."""
    if text.isascii() or not _HAS_CJK.search(text):
        return None
    if ":" not in text and "：" not in text and not _RULE.search(text):
        return None
    pieces: list[tuple[str, bool]] = []
    cut = False
    opens = False
    last = 0
    for m in _RULE.finditer(text):
        before = text[last : m.start()].strip()
        if before:
            cut |= _add_text(pieces, before, opens)
        pieces.append((m.group(), False))
        cut = True
        opens = True
        last = m.end()
    rest = text[last:].strip()
    if rest:
        cut |= _add_text(pieces, rest, opens)
    if not cut or len(pieces) < 2:
        return None
    return pieces


def _ends_as_translation(text: str) -> bool:
    """Whether a stretch ends with a translation's sentence: a sentence's end, and the
    translation's script after its last Latin letter."""
    if text[-1:] not in "。！？」』.!?":
        return False
    tail = text
    for k in range(len(text) - 1, -1, -1):
        if text[k].isascii() and text[k].isalpha():
            tail = text[k + 1 :]
            break
    return _HAS_CJK.search(tail) is not None


def _add_text(pieces: list[tuple[str, bool]], text: str, opens: bool) -> bool:
    """Add a stretch with no rule in it, its runs of entries cut out; whether any was."""
    found = False
    last = 0
    for m in _ENTRY_RUN.finditer(text):
        head = text[last : m.start()].strip()
        if not _ends_as_translation(head):
            continue  # entries come after a translation, not after English alone
        pieces.append((head, opens))
        pieces += [(e.group().strip(), False) for e in _ONE_ENTRY.finditer(m.group(1))]
        found, opens, last = True, True, m.end()
    tail = text[last:].strip()
    if tail:
        pieces.append((tail, opens))
    return found
