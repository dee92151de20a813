"""Grouped translations aligned as a search over links: a dynamic programme over the English
paragraphs and the translation lines of one language, both in page order.

A link joins one line to one paragraph, several lines to one paragraph (a translator who
split it), or one line to several paragraphs (one who merged them); a paragraph or a line
may also be left out (a paragraph with no translation; a line that belongs nowhere stays
unplaced). The placements the evidence already made are anchors: every path keeps them, so
the search only decides the lines and paragraphs between them. The search keeps, for each
number of items consumed, only the best few states (a band around the best path), so it
grows linearly with the page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from library.importer import split as K
from library.importer.covering import clauses, share_out
from library.importer.evidence import EnglishBlock, Evidence
from library.importer.sentencecut import sentences
from library.importer.split import Line

# The most lines one paragraph's translation is split into, and paragraphs one line covers.
MAX_LINES = 3
MAX_BLOCKS = 3
# A link of several items costs this much, so that one to one wins when the evidence is even.
MULTI_COST = 0.4
# How much better than its best part alone a link of several items must score.
MIN_LIFT = 0.3
# Leaving a line out costs this much: a link the evidence is only a little against is
# preferred (whether it is taken is decided after, see ADOPT and ORDER_FLOOR).
SKIP_LINE = 1.0
# States kept for each count of items consumed (the band around the best path).
BEAM = 25
# The most lines or paragraphs left between two anchors that the search decides.
MAX_GAP = 6
# Outside a stretch it covers whole, a link the search found is taken only when its score
# reaches this and some of it is content (names, numbers, quotes), not length alone.
ADOPT = 0.3
# In a stretch the links cover whole, a link is taken unless its score is below this (the
# length or the names are clearly against it).
ORDER_FLOOR = -2.0


@dataclass(frozen=True, slots=True)
class Link:
    """Lines (indices) joined to English blocks (positions), with the link's score and how sure it is."""

    lines: tuple[int, ...]
    blocks: tuple[int, ...]
    score: float
    # For a link of several lines or paragraphs: how much better it scores than its best one to
    # one part alone (a line or a paragraph it takes in must earn its place).
    lift: float = 0.0
    # The names, numbers, quotes and loanwords part of the score (the rest is length).
    content: float = 0.0

    @property
    def confidence(self) -> float:
        """The score as a probability-like figure between 0 and 1, for the import report."""
        return round(1.0 / (1.0 + math.exp(-self.score)), 2)


def add_links(
    lines: list[Line],
    blocks: list[EnglishBlock],
    evidence: Evidence,
    fixed: set[int],
    placed: dict[int, int],
    shares: dict[int, tuple[tuple[int, str], ...]],
) -> dict[int, float]:
    """Place what the evidence left between its placements (lines not in `fixed`, the ones a
    layout placed): lines left out, a paragraph's translation split over lines, a line written
    for several paragraphs. Updates `placed` and `shares`; the confidence of each line placed."""
    confidence: dict[int, float] = {}
    taken = {(placed[i], lines[i].lang) for i in fixed if i in placed}
    paragraphs = [b for b in blocks if b.kind == K.PARAGRAPH]
    free = [ln for ln in lines if ln.kind == K.CJK and ln.index not in fixed and not ln.maybe_note]
    for lang in sorted({ln.lang for ln in free}):
        open_blocks = [b for b in paragraphs if (b.pos, lang) not in taken]
        positions = {b.pos for b in open_blocks}
        items = [Item(ln.index, ln.text, lang) for ln in free if ln.lang == lang]
        # A placement off the open paragraphs (on a heading) is left as it is, out of the search.
        items = [it for it in items if it.index not in placed or placed[it.index] in positions]
        anchors = {it.index: placed[it.index] for it in items if it.index in placed}
        for sub_items, sub_blocks in _gaps(items, open_blocks, anchors):
            sub_anchors = {it.index: anchors[it.index] for it in sub_items if it.index in anchors}
            links = search_links(sub_items, sub_blocks, evidence, sub_anchors)
            # Where the links take every line and every paragraph of the stretch, the order
            # decides: a link is refused only when the evidence is clearly against it.
            whole = sum(len(k.lines) for k in links) == len(sub_items)
            whole = whole and sum(len(k.blocks) for k in links) == len(sub_blocks)
            for link in links:
                # Elsewhere a link needs evidence of its own: a length that fits is not enough.
                sure = link.score >= ORDER_FLOOR if whole else link.score >= ADOPT and link.content > 0
                if sure and (len(link.blocks) > 1 or not all(i in anchors for i in link.lines)):
                    _adopt(link, lines, blocks, anchors, placed, shares, confidence)
                    _doubt(link, lines, sub_blocks, evidence, confidence)
    return confidence


def _gaps(
    items: list[Item], blocks: list[EnglishBlock], anchors: dict[int, int]
) -> list[tuple[list[Item], list[EnglishBlock]]]:
    """The stretches between consecutive anchors (each with the anchors that bound it, which a
    link may extend) that leave something to decide and are short enough for the order to
    decide it: in a long stretch with no anchor, length alone would be a guess too far."""
    block_at = {b.pos: k for k, b in enumerate(blocks)}
    # (item index, block index) of each anchor in page order, between two ends.
    marks = [(-1, -1)]
    marks += [(k, block_at[anchors[it.index]]) for k, it in enumerate(items) if it.index in anchors]
    marks.append((len(items), len(blocks)))
    out: list[tuple[list[Item], list[EnglishBlock]]] = []
    for (t0, b0), (t1, b1) in pairwise(marks):
        free_items, free_blocks = t1 - t0 - 1, b1 - b0 - 1
        if b1 <= b0 or free_items < 0:
            continue  # anchors out of order: the evidence disagrees with itself here
        if free_items + free_blocks == 0 or free_items > MAX_GAP or free_blocks > MAX_GAP:
            continue
        out.append((items[max(0, t0) : t1 + 1], blocks[max(0, b0) : b1 + 1]))
    return out


def _adopt(
    link: Link,
    lines: list[Line],
    blocks: list[EnglishBlock],
    anchors: dict[int, int],
    placed: dict[int, int],
    shares: dict[int, tuple[tuple[int, str], ...]],
    confidence: dict[int, float],
) -> None:
    """Take a link the search found: its lines placed, or its one line shared out among its paragraphs."""
    if len(link.blocks) == 1:
        for i in link.lines:
            if i not in anchors:
                placed[i] = link.blocks[0]
                confidence[i] = link.confidence
        return
    (i,) = link.lines
    if i in shares:
        return  # already shared out by the stretch on its other side
    line = lines[i]
    lengths = [len(blocks[p].text) for p in link.blocks]
    parted = share_out(sentences(line.text), lengths, line.lang)
    if parted is None:
        # Fewer sentences than paragraphs: a sentence joining two paragraphs is cut at a comma.
        parted = share_out(clauses(line.text, line.lang), lengths, line.lang)
    if parted is None:
        # Not even a comma to cut at: kept whole on the first of its paragraphs, as a guess.
        placed.setdefault(i, link.blocks[0])
        confidence[i] = link.confidence
        return
    placed.setdefault(i, link.blocks[0])
    shares[i] = tuple(zip(link.blocks, parted, strict=True))
    confidence[i] = link.confidence


# A link whose line scores within this of it on a neighbouring paragraph is no surer than a coin.
NEAR_ALTERNATIVE = 0.6
DOUBTFUL = 0.5


def _doubt(
    link: Link, lines: list[Line], stretch: list[EnglishBlock], evidence: Evidence, confidence: dict[int, float]
) -> None:
    """A line the search put on one paragraph that fits a neighbouring one nearly as well: the
    choice was close, and its confidence says so."""
    if len(link.lines) != 1 or len(link.blocks) != 1 or link.lines[0] not in confidence:
        return
    i, pos = link.lines[0], link.blocks[0]
    k = next((k for k, b in enumerate(stretch) if b.pos == pos), None)
    if k is None:
        return
    line = lines[i]
    others = [stretch[j].pos for j in (k - 1, k + 1) if 0 <= j < len(stretch)]
    own = evidence.score(pos, line.text, line.lang)
    if any(evidence.score(p, line.text, line.lang) >= own - NEAR_ALTERNATIVE for p in others):
        confidence[i] = min(confidence[i], DOUBTFUL)


@dataclass(frozen=True, slots=True)
class Item:
    """A translation line as the search sees it: its line index, text and language."""

    index: int
    text: str
    lang: str


def search_links(
    items: list[Item],
    blocks: list[EnglishBlock],
    evidence: Evidence,
    anchors: dict[int, int],
) -> list[Link]:
    """The best sequence of links between `items` and `blocks` (both in page order) that keeps
    every anchor (line index → block position) inside one link; the links found, in order."""
    n, m = len(blocks), len(items)
    anchored_block = {b: i for i, b in anchors.items()}
    scorer = _Scorer(items, blocks, evidence)
    # best[(b, t)]: (total, back state, link or None) for b blocks and t items consumed.
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None, Link | None]] = {(0, 0): (0.0, None, None)}
    buckets: list[list[tuple[int, int]]] = [[] for _ in range(n + m + 1)]
    buckets[0].append((0, 0))
    for d in range(n + m + 1):
        states = buckets[d]
        if len(states) > BEAM:
            states = sorted(states, key=lambda s: best[s][0], reverse=True)[:BEAM]
        for b, t in states:
            total = best[(b, t)][0]
            for nb, nt, link, gain in _moves(b, t, n, m, items, blocks, anchors, anchored_block, scorer):
                value = total + gain
                old = best.get((nb, nt))
                if old is None:
                    buckets[nb + nt].append((nb, nt))
                if old is None or value > old[0]:
                    best[(nb, nt)] = (value, (b, t), link)
    if (n, m) not in best:
        return []  # the anchors cross (not in order): nothing to add
    links: list[Link] = []
    state: tuple[int, int] | None = (n, m)
    while state is not None:
        _, back, link = best[state]
        if link is not None:
            links.append(link)
        state = back
    links.reverse()
    return links


def _moves(
    b: int,
    t: int,
    n: int,
    m: int,
    items: list[Item],
    blocks: list[EnglishBlock],
    anchors: dict[int, int],
    anchored_block: dict[int, int],
    scorer: _Scorer,
) -> list[tuple[int, int, Link | None, float]]:
    """The steps from state (b, t) that keep the anchors, each with what it adds to the total:
    skip a block, skip an item, or a link."""
    out: list[tuple[int, int, Link | None, float]] = []
    if b < n and blocks[b].pos not in anchored_block:
        out.append((b + 1, t, None, 0.0))
    if t < m and items[t].index not in anchors:
        out.append((b, t + 1, None, -SKIP_LINE))
    for k_items in range(1, MAX_LINES + 1):
        for k_blocks in range(1, MAX_BLOCKS + 1):
            if k_items > 1 and k_blocks > 1:
                continue  # many to many: not a reading of a page
            if b + k_blocks > n or t + k_items > m:
                continue
            lines = tuple(items[t + k].index for k in range(k_items))
            positions = tuple(blocks[b + k].pos for k in range(k_blocks))
            if not _keeps_anchors(lines, positions, anchors, anchored_block):
                continue
            link = scorer.link(t, k_items, b, k_blocks, lines, positions)
            if k_items + k_blocks > 2 and link.lift < MIN_LIFT:
                continue  # the extra line or paragraph adds nothing: not taken in
            out.append((b + k_blocks, t + k_items, link, link.score - (MULTI_COST if k_items + k_blocks > 2 else 0.0)))
    return out


def _keeps_anchors(
    lines: tuple[int, ...], positions: tuple[int, ...], anchors: dict[int, int], anchored_block: dict[int, int]
) -> bool:
    """Every anchored line in the link has its block in it, and every anchored block its line."""
    return all(anchors[i] in positions for i in lines if i in anchors) and all(
        anchored_block[p] in lines for p in positions if p in anchored_block
    )


class _Scorer:
    """Scores links: names, numbers and quotes shared, and the length of the whole link."""

    def __init__(self, items: list[Item], blocks: list[EnglishBlock], evidence: Evidence) -> None:
        self.items = items
        self.blocks = blocks
        self.evidence = evidence
        # Katakana loanwords are costly to index: counted only where the evidence step already
        # needed them (names and numbers did not decide there either).
        self.loanwords = evidence.loanwords_indexed

    def link(
        self, t: int, k_items: int, b: int, k_blocks: int, lines: tuple[int, ...], positions: tuple[int, ...]
    ) -> Link:
        """The link of items t.. (k_items) and blocks b.. (k_blocks), scored."""
        lang = self.items[t].lang
        parts = self.evidence.parts
        if k_blocks == 1:
            pos = self.blocks[b].pos
            text = "".join(self.items[t + k].text for k in range(k_items))
            content, length = parts(pos, text, lang, self.loanwords)
            if k_items == 1:
                return Link(lines, positions, content + length, content=content)
            alone = max(sum(parts(pos, self.items[t + k].text, lang, self.loanwords)) for k in range(k_items))
            return Link(lines, positions, content + length, content + length - alone, content)
        text = self.items[t].text
        scored = [parts(p, text, lang, self.loanwords) for p in positions]
        # One line over several paragraphs: its names and numbers are found in one of them or
        # another, so all of theirs count together (at least the best one's); the length is the
        # whole group's.
        english = sum(len(self.blocks[b + k].text) for k in range(k_blocks))
        content = self.evidence.content_over(positions, text, lang, self.loanwords)
        score = content + self.evidence.length_score(len(text), english, lang)
        return Link(lines, positions, score, score - max(map(sum, scored)), content)
