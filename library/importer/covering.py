"""One translation written for several English paragraphs (a translator who merged them),
found by its length and shared names, and shared out among them sentence by sentence.

An interleaved page puts each translation beside one paragraph. Where the paragraphs just
before it (or after, when translations come first) have none of their own, and the
translation is far too long for its neighbour alone but fits them together, it covers them
all. Its sentences are then divided, in order, so that each paragraph's share fits that
paragraph's length best (a small dynamic programme over the sentence ends).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING

from library.importer import split as K
from library.importer.sentencecut import MAX_COVERED, sentences
from library.importer.split import Line

if TYPE_CHECKING:
    from library.importer.evidence import EnglishBlock, Evidence

# How far (in log of the length ratio) a translation may be from its expected length and still
# fit; how much better the group must fit than the neighbour alone.
FITS = 0.45
BETTER_BY = 0.5
# The evidence of shared names and numbers that takes a paragraph into the group on its own.
SHARED = 0.8
# A translation of more sentences than this is not shared out (the division weighs every split).
MAX_SENTENCES = 80


@dataclass(frozen=True, slots=True)
class Paragraph:
    """An English paragraph as the covering step sees it: its position and length."""

    pos: int
    length: int
    is_paragraph: bool


def covered(
    paragraphs: list[Paragraph],
    at: int,
    step: int,
    free: set[int],
    text_length: int,
    ratio: float,
    content: Callable[[int], float],
) -> list[int]:
    """The block positions a translation of `text_length` placed on `paragraphs[at]` covers,
    in page order: that block and the untranslated paragraphs next to it on the side `step`
    (-1: before it, the translation following them; +1: after it), each taken where the
    group's length fits clearly better, or fits and the paragraph shares a name or number
    with the translation (`content`: its evidence for a block); else just that block."""
    alone = _off(text_length, ratio * paragraphs[at].length)
    best = [paragraphs[at].pos]
    group = [paragraphs[at]]
    j = at + step
    while 0 <= j < len(paragraphs) and len(group) < MAX_COVERED:
        p = paragraphs[j]
        if not p.is_paragraph or p.pos not in free:
            break  # a heading or a paragraph with its own translation ends the group
        group.append(p)
        off = _off(text_length, ratio * sum(q.length for q in group))
        if off <= FITS and (alone - off >= BETTER_BY or content(p.pos) >= SHARED):
            best = sorted(q.pos for q in group)
        j += step
    return best


# Where a sentence may be cut between the clauses of paragraphs it joins: after a comma (`、`, `，`,
# `, `) or a semicolon, never inside brackets or quotes (a list's commas inside `「…」` stay).
_PLAIN = r"[^、，,；;「『（(]*"
_CLAUSE = re.compile(rf"{_PLAIN}(?:(?:「[^」]*」|『[^』]*』|（[^）]*）|\([^)]*\)){_PLAIN})*(?:[、，；;]|, |,$|$)")


# Korean joins clauses with an ending more often than a comma (`닫았지만 이웃…`, `은퇴하면서 …`):
# a cut after one, before the space.
_KOREAN_JOIN = re.compile(r"(?<=[가-힣](?:지만|는데|으며|면서)) (?=[가-힣])")


def clauses(text: str, lang: str = "") -> list[str]:
    """A translation's pieces for sharing out when it has fewer sentences than the paragraphs it
    covers: its sentences cut at their commas as well (in Korean, after a joining ending too)."""
    out: list[str] = []
    for sentence in sentences(text):
        for piece in _CLAUSE.findall(sentence):
            out += [c.strip() for c in (_KOREAN_JOIN.split(piece) if lang == "ko" else [piece]) if c.strip()]
    return out if "".join(out).replace(" ", "") == text.replace(" ", "") else sentences(text)


def share_out(parts: list[str], lengths: list[int], lang: str) -> list[str] | None:
    """The sentences divided in order into one text per paragraph, each share's length as near
    its paragraph's (in proportion) as can be; None when there are fewer sentences than paragraphs."""
    n, k = len(parts), len(lengths)
    if n < k or n > MAX_SENTENCES:
        return None
    total_t = sum(map(len, parts))
    total_e = sum(lengths)
    prefix = [0]
    for s in parts:
        prefix.append(prefix[-1] + len(s))
    # cost[j][i]: the best division of the first i sentences among the first j paragraphs.
    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(k + 1)]
    back = [[0] * (n + 1) for _ in range(k + 1)]
    cost[0][0] = 0.0
    for j in range(1, k + 1):
        want = total_t * lengths[j - 1] / total_e
        for i in range(j, n - (k - j) + 1):
            for h in range(j - 1, i):
                c = cost[j - 1][h] + _off(prefix[i] - prefix[h], want)
                if c < cost[j][i]:
                    cost[j][i], back[j][i] = c, h
    cuts = [n]
    for j in range(k, 0, -1):
        cuts.append(back[j][cuts[-1]])
    cuts.reverse()
    joiner = " " if lang == "ko" else ""
    return [joiner.join(parts[a:b]) for a, b in pairwise(cuts)]


def _off(length: float, expected: float) -> float:
    """How far a length is from the expected one, as the log of their ratio."""
    return abs(math.log(max(length, 1) / max(expected, 1.0)))


def share_covering(
    lines: list[Line],
    blocks: list[EnglishBlock],
    pairs: list[tuple[list[int], EnglishBlock]],
    step: int,
    evidence: Evidence,
    placed: dict[int, int],
    shares: dict[int, tuple[tuple[int, str], ...]],
) -> None:
    """A translation beside one paragraph that is written for it and the untranslated
    paragraphs next to it (class 14): shared out among them, line by line or sentence by
    sentence, each share a guess."""
    from library.importer.misfit import fits_whole

    free = set(range(len(blocks))) - set(placed.values())
    if not free:
        return
    paragraphs = [Paragraph(b.pos, len(b.text), b.kind == K.PARAGRAPH) for b in blocks]
    for run, block in pairs:
        lang = lines[run[0]].lang
        text = "".join(lines[i].text for i in run)
        ratio = evidence.ratio.get(lang, 0.5)
        content = partial(_content, evidence, text, lang)
        group = covered(paragraphs, block.pos, step, free, len(text), ratio, content)
        if len(group) == 1:
            continue
        whole = (
            fits_whole(evidence, blocks, _reach(paragraphs, block.pos, step, free), text, lang)
            if len(run) == 1
            else None
        )
        if whole is not None:
            if whole != block.pos:  # kept whole on the paragraph it fits, not shared out
                placed[run[0]] = whole
                shares[run[0]] = ((whole, text),)
                free -= {whole}
            continue
        lengths = [len(blocks[p].text) for p in group]
        units = [lines[i].text for i in run] if len(run) > 1 else sentences(text)
        parted = share_out(units, lengths, lang)
        if parted is None:
            continue
        free -= set(group)
        if len(run) > 1 and len(run) == len(group):
            for i, p in zip(run, group, strict=True):
                placed[i] = p
                shares[i] = ((p, lines[i].text),)
        elif len(run) == 1:
            shares[run[0]] = tuple(zip(group, parted, strict=True))


def _reach(paragraphs: list[Paragraph], at: int, step: int, free: set[int]) -> list[int]:
    """The block at `at` and the untranslated paragraphs next to it on the side `step`, as far
    as a group could reach."""
    out = [paragraphs[at].pos]
    j = at + step
    while (
        0 <= j < len(paragraphs) and len(out) < MAX_COVERED and paragraphs[j].is_paragraph and paragraphs[j].pos in free
    ):
        out.append(paragraphs[j].pos)
        j += step
    return out


def _content(evidence: Evidence, text: str, lang: str, block: int) -> float:
    """The names, numbers and quotes `text` shares with a block (not its length)."""
    return evidence.parts(block, text, lang)[0]
