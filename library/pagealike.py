"""Texts matched by their content: the same text, or one alike enough to be a small edit of it (a
re-import from a changed copy of a page finds the user's paragraphs and lines again so)."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

# How alike two texts must be for one to be the other after a small edit (difflib's ratio).
ALIKE = 0.75
# Alike enough to be taken where its neighbours put it, without looking further.
SURE = 0.85
# Shorter texts are matched only when they are the same (two short labels differ by a word or two).
SHORTEST_ALIKE = 16
# Beyond this many pairs of unmatched texts, an old text is compared with the new ones near its place only.
MAX_PAIRS = 40_000
NEAR = 25


def key(text: str) -> str:
    """A text as matched: its words, case set aside."""
    return " ".join(text.split()).casefold()


def match_texts(old: Sequence[str], new: Sequence[str]) -> dict[int, int]:
    """Old position → new for texts that are the same text (in order first, then moved elsewhere) or, for
    the rest, alike enough to be a small edit of it (the most alike first, the nearest on a tie)."""
    a, b = [key(t) for t in old], [key(t) for t in new]
    out: dict[int, int] = {}
    for i, j, size in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        out.update({i + k: j + k for k in range(size)})
    used = set(out.values())
    free = {j for j in range(len(b)) if j not in used}
    by_text: dict[str, list[int]] = {}
    for j in sorted(free):
        by_text.setdefault(b[j], []).append(j)
    for i in range(len(a)):  # the same text moved (lines reordered)
        same = by_text.get(a[i]) if i not in out else None
        if same:
            j = min(same, key=lambda j: abs(j - i))
            same.remove(j)
            out[i] = j
            free.discard(j)
    # An edited text where its neighbours say it stands (as far from the match before it, or after it,
    # as it was): most edits, however many, are found so without comparing every pair.
    for order, edge in ((range(len(a)), 0), (range(len(a) - 1, -1, -1), len(b) - len(a))):
        near: int | None = None  # the last position matched on the way
        for i in order:
            if i not in out and a[i]:
                j = out[near] + (i - near) if near is not None else i + edge
                if j in free and alike(a[i], b[j]) >= SURE:
                    out[i] = j
                    free.discard(j)
            if i in out:
                near = i
    left = [i for i in range(len(a)) if i not in out and a[i]]
    if not left or not free:
        return out
    wide = len(left) * len(free) <= MAX_PAIRS
    pairs: list[tuple[float, int, int, int]] = []
    for i in left:
        for j in free:
            if not wide and abs(j - i) > NEAR:
                continue
            r = alike(a[i], b[j])
            if r:
                pairs.append((-r, abs(j - i), i, j))
    for _r, _d, i, j in sorted(pairs):
        if i not in out and j in free:
            out[i] = j
            free.discard(j)
    return out


def alike(a: str, b: str) -> float:
    """How alike two texts (as `key` gives them) are, where they are alike enough to be an edit of one
    another; 0.0 where they are not."""
    if min(len(a), len(b)) < SHORTEST_ALIKE:
        return 0.0
    # By words: as good a measure of a small edit as by characters, and many times faster.
    m = SequenceMatcher(None, a.split(), b.split(), autojunk=False)
    if m.real_quick_ratio() < ALIKE or m.quick_ratio() < ALIKE:
        return 0.0
    r = m.ratio()
    return r if r >= ALIKE else 0.0


def most_alike(texts: Sequence[str], n: int, text: str, usable: Sequence[bool] | None = None) -> int | None:
    """The text most alike `text` among `texts` (the nearest to n on a tie), None where none is alike."""
    want = key(text)
    best: tuple[float, int, int] | None = None
    for i, t in enumerate(texts):
        if usable is not None and not usable[i]:
            continue
        r = alike(want, key(t))
        if r and (best is None or (-r, abs(i - n)) < (best[0], best[1])):
            best = (-r, abs(i - n), i)
    return best[2] if best is not None else None


def through_edit(old: str, new: str, offset: int) -> int:
    """Where a character of `old` is in `new`, an edit of it (the unchanged runs matched, as a diff does)."""
    for tag, i1, i2, j1, _j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if i1 <= offset < i2:
            return j1 + (offset - i1) if tag == "equal" else j1
    return len(new)
