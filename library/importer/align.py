"""Step 5: attach translations to the English blocks they translate.

Where the page interleaves them (each translation right after, or right before, its
English paragraph) position decides, and the orientation is the one the evidence favours.
Elsewhere evidence decides: Latin-script names and numbers the two share (rare ones count
more), names the translation has that the English lacks, and a plausible length ratio.
Below a threshold a block stays unplaced rather than being put in the wrong place.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from library.importer import patterns as P
from library.importer import split as K
from library.importer.covering import share_covering
from library.importer.evidence import EnglishBlock, Evidence
from library.importer.labels import ORIGINAL
from library.importer.links import add_links
from library.importer.misfit import recheck
from library.importer.split import Line

THRESHOLD = 1.5
WEAK_THRESHOLD = 0.6
ORDER_ONLY_THRESHOLD = 0.3
MARGIN = 0.6
# Interleaved translations after their paragraphs or before them: when the two readings
# score within this of each other, the one taken is a guess.
ORIENTATION_MARGIN = 0.5
# Below this a pairing the order suggests is refused (the length or the names are against it).
GAP_FLOOR = -2.0
_SKIP = (K.JUNK, K.CAPTION_DUP, K.LABEL, K.WRAPPED, K.SPEAKER, K.TITLE_TRANSLATION)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Where the translations go: line index → English block position; and which of them
    were placed on weak evidence (the order of their neighbours, a small lead)."""

    placed: dict[int, int]
    weak: frozenset[int] = frozenset()
    # A translation shared out among the paragraphs it covers: line index → (block, its share).
    shares: dict[int, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    # How sure the search over links was of the lines it placed (others weak: a fixed 0.4).
    confidence: dict[int, float] = field(default_factory=dict)


def align(lines: list[Line], blocks: list[EnglishBlock]) -> Alignment:
    """Place every translation candidate the evidence places on an English block."""
    if not any(ln.kind == K.CJK for ln in lines):
        return Alignment({})  # an English-only page: nothing to place, no evidence to gather
    evidence = Evidence(blocks)
    by_line = {b.line: b for b in blocks}
    shares: dict[int, tuple[tuple[int, str], ...]] = {}
    guessed: set[int] = set()
    placed = _labelled_groups(lines, by_line) or _interleaved(lines, blocks, by_line, evidence, shares, guessed)
    fixed = set(placed)
    weak = _by_evidence(lines, blocks, evidence, placed) | guessed
    confidence = add_links(lines, blocks, evidence, fixed, placed, shares)
    return Alignment(placed, frozenset(weak | set(shares) | set(confidence)), shares, confidence)


def _labelled_groups(lines: list[Line], by_line: dict[int, EnglishBlock]) -> dict[int, int]:
    """A page that labels its parts (`英文` over the English paragraphs, `日本語訳` over as many
    translations): the labels say which group is which, so the groups are paired in order."""
    labels = [ln.index for ln in lines if ln.kind == K.LABEL]
    originals = (
        k for k, i in enumerate(labels) if lines[i].label_role == ORIGINAL or P.PART_LABEL_ORIGINAL.match(lines[i].text)
    )
    first = next(originals, None)
    if first is None or len(labels) != first + 2:
        return {}  # no original's label, or not exactly one label after it
    labels = labels[first:]
    english = [by_line[i] for i in range(labels[0] + 1, labels[1]) if i in by_line]
    if any(lines[i].kind == K.CJK for i in range(labels[0] + 1, labels[1])):
        return {}  # translations inside the English group: not two groups
    translations: list[int] = []
    for line in lines[labels[1] + 1 :]:
        if line.kind == K.CJK:
            translations.append(line.index)
        elif line.kind not in _SKIP:
            break
    paragraphs = [b for b in english if b.kind == K.PARAGRAPH]
    if not paragraphs or len(paragraphs) != len(translations):
        return {}
    return {i: b.pos for i, b in zip(translations, paragraphs, strict=True)}


def _neighbours(lines: list[Line], i: int, step: int) -> Line | None:
    """The nearest line before (step -1) or after (+1) that is not site text; None past a
    section label (【和訳】, "Translation:"), which opens a group of translations rather than
    one paragraph's."""
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].kind == K.LABEL:
            return None
        if lines[j].kind not in _SKIP:
            return lines[j]
        j += step
    return None


def _runs(lines: list[Line]) -> list[list[int]]:
    """Maximal runs of consecutive translation candidates."""
    runs: list[list[int]] = []
    current: list[int] = []
    for line in lines:
        if line.kind == K.CJK and not line.maybe_note:
            current.append(line.index)
        elif line.kind in _SKIP:
            continue
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _interleaved(
    lines: list[Line],
    blocks: list[EnglishBlock],
    by_line: dict[int, EnglishBlock],
    evidence: Evidence,
    shares: dict[int, tuple[tuple[int, str], ...]],
    guessed: set[int],
) -> dict[int, int]:
    """Translations each right after (or right before) their paragraph: the orientation the
    evidence and the blank lines favour; `guessed` gets the lines placed where the other
    orientation was nearly as good."""
    runs = _runs(lines)
    after: list[tuple[list[int], EnglishBlock]] = []
    before: list[tuple[list[int], EnglishBlock]] = []
    for run in runs:
        prev = _neighbours(lines, run[0], -1)
        nxt = _neighbours(lines, run[-1], +1)
        if prev is not None and prev.index in by_line:
            after.append((run, by_line[prev.index]))
        if nxt is not None and nxt.index in by_line:
            before.append((run, by_line[nxt.index]))

    def total(pairs: list[tuple[list[int], EnglishBlock]], is_after: bool) -> float:
        return sum(1.0 + _run_score(lines, run, b, evidence) + _closeness(lines, run, b, is_after) for run, b in pairs)

    # One run next to a paragraph is interleaving only when it is the page's only candidate.
    needed = 1 if len(runs) == 1 else 2
    if len(after) < needed and len(before) < needed:
        return {}
    # The readings are weighed on the runs that could go either way (a paragraph on both sides):
    # a run with a paragraph on one side only (a note after the article's last paragraph) would
    # count, fit or misfit, for one reading alone.
    both = {r[0] for r, _b in after} & {r[0] for r, _b in before}
    if len(both) >= needed:
        after_total = total([(r, b) for r, b in after if r[0] in both], True)
        before_total = total([(r, b) for r, b in before if r[0] in both], False)
    else:
        after_total, before_total = total(after, True), total(before, False)
    dominant, adjacent = _dominant_adjacency(lines, runs, after, before)
    # Most translations stand right against a paragraph: strong evidence for that reading.
    if dominant is True:
        after_total += ADJACENCY * adjacent
    elif dominant is False:
        before_total += ADJACENCY * adjacent
    is_after = after_total >= before_total
    chosen = after if is_after else before
    close = abs(after_total - before_total) < ORIENTATION_MARGIN
    if (dominant is not None and dominant != is_after) or (
        len(after) >= needed and len(before) >= needed and close
    ):
        # Against the page's adjacency, or the other way round nearly as good: each
        # placement is a guess, and said.
        guessed.update(i for run, _block in chosen for i in run)
    if len(chosen) < needed:
        return {}
    chosen = [(_tight(lines, run, block, is_after), block) for run, block in chosen]
    _learn_ratio(lines, chosen, evidence)
    placed: dict[int, int] = {}
    kept = [(run, block) for run, block in chosen if _run_score(lines, run, block, evidence) >= -3.0]
    for run, block in kept:
        for i in run:
            placed[i] = block.pos
    kept, doubtful = recheck(lines, blocks, evidence, kept, placed, -1 if is_after else 1)
    guessed.update(doubtful)
    share_covering(lines, blocks, kept, -1 if is_after else 1, evidence, placed, shares)
    return placed


# What one translation standing right against its paragraph (no blank line between) adds to
# the reading that pairs them, on a page where most translations stand so.
ADJACENCY = 1.0


def _dominant_adjacency(
    lines: list[Line],
    runs: list[list[int]],
    after: list[tuple[list[int], EnglishBlock]],
    before: list[tuple[list[int], EnglishBlock]],
) -> tuple[bool | None, int]:
    """The side most translations stand on with no blank line between them and a paragraph:
    True when most are right under one, False when most are right above one, None when
    neither holds for most or both hold alike. A page with no blank lines has each right
    under one paragraph and above the next: the ends decide (a paragraph first and a
    translation last: under; a translation first: above; a paragraph at both ends: neither).
    With it, how many translations stand so."""
    under = sum(1 for run, _b in after if lines[run[0]].gap == 0)
    over = sum(1 for _run, b in before if lines[b.line].gap == 0)
    most = len(runs) / 2
    if under > most and under > over:
        return True, under
    if over > most and over > under:
        return False, over
    return None, 0


def _closeness(lines: list[Line], run: list[int], block: EnglishBlock, after: bool) -> float:
    """Blank lines as evidence of what goes with what: a translation stands closer to its own
    paragraph than to the line on its other side (half a point for, or against)."""
    if after:
        near = lines[run[0]].gap
        far = lines[run[-1] + 1].gap if run[-1] + 1 < len(lines) else near
    else:
        near, far = lines[block.line].gap, lines[run[0]].gap
    return 0.5 if near < far else -0.5 if near > far else 0.0


def _tight(lines: list[Line], run: list[int], block: EnglishBlock, after: bool) -> list[int]:
    """The part of a run that stands as close to its paragraph as the run's nearest line: a
    line further off, past a wider blank than the one between the paragraph and the run (a
    site's blurb over a translation that comes first), is not part of that translation."""
    if len(run) < 2:
        return run
    if after:
        gap = lines[run[0]].gap
        end = next((k for k in range(1, len(run)) if lines[run[k]].gap > gap), len(run))
        return run[:end]
    gap = lines[block.line].gap
    start = next((k for k in range(len(run) - 1, 0, -1) if lines[run[k]].gap > gap), 0)
    return run[start:]


def _run_score(lines: list[Line], run: list[int], block: EnglishBlock, evidence: Evidence) -> float:
    text = " ".join(lines[i].text for i in run)
    return evidence.score(block.pos, text, lines[run[0]].lang)


def _learn_ratio(lines: list[Line], pairs: list[tuple[list[int], EnglishBlock]], evidence: Evidence) -> None:
    """Use the interleaved pairs to learn this page's length ratio."""
    ratios: dict[str, list[float]] = {}
    for run, block in pairs:
        text = "".join(lines[i].text for i in run)
        ratios.setdefault(lines[run[0]].lang, []).append(len(text) / max(1, len(block.text)))
    for lang, values in ratios.items():
        if len(values) >= 3:
            values.sort()
            evidence.ratio[lang] = values[len(values) // 2]


def _by_evidence(lines: list[Line], blocks: list[EnglishBlock], evidence: Evidence, placed: dict[int, int]) -> set[int]:
    """Place the remaining candidates on the paragraph they fit best, if they fit well enough;
    the lines placed on weak evidence."""
    weak: set[int] = set()
    taken: dict[tuple[int, str], int] = {(pos, lines[i].lang): i for i, pos in placed.items()}
    free = [ln for ln in lines if ln.kind == K.CJK and ln.index not in placed]
    paragraphs = [b.pos for b in blocks if b.kind == K.PARAGRAPH]
    scores: dict[int, list[tuple[float, int, float]]] = {}
    with_loanwords: set[int] = set()  # the lines whose scores counted loanwords
    for rank, line in enumerate(free):
        # Katakana loanwords cost more to match: look at them only where names and numbers
        # in Latin script do not already decide.
        near = _candidates(evidence, line, paragraphs, rank * len(paragraphs) // max(1, len(free)), False)
        row = _row(evidence, line, near, taken, loanwords=False)
        if not _clear(row, THRESHOLD, MARGIN) and line.lang == "ja":
            near = _candidates(evidence, line, paragraphs, rank * len(paragraphs) // max(1, len(free)), True)
            row = _row(evidence, line, near, taken, loanwords=True)
            with_loanwords.add(line.index)
        scores[line.index] = row
    # Strong, unambiguous matches first.
    pending = sorted((row[0][0], idx) for idx, row in scores.items() if row and _clear(row, THRESHOLD, MARGIN))
    for _score, idx in reversed(pending):
        best = next(((s, p) for s, p, _c in scores[idx] if (p, lines[idx].lang) not in taken), None)
        if best is None or best[0] < THRESHOLD:
            continue
        placed[idx] = best[1]
        taken[(best[1], lines[idx].lang)] = idx
    # Then weaker ones, but only between the paragraphs their neighbours in the group took.
    windows = _OrderWindows(placed, len(blocks))
    running_lo = -1  # the furthest block a line placed in this loop took (they come in order)
    for line in free:
        if line.index in placed or line.maybe_note:
            continue
        lo, hi = windows.around(line.index)
        lo = max(lo, running_lo)
        inside = paragraphs[bisect_right(paragraphs, lo) : bisect_left(paragraphs, hi)]
        if len(inside) <= 2 * BAND + 1:
            # A narrow window: every paragraph in it is weighed, as the order makes them the choice.
            row = _row(evidence, line, inside, taken, loanwords=line.index in with_loanwords)
        else:
            row = [r for r in scores.get(line.index, []) if lo < r[1] < hi and (r[1], line.lang) not in taken]
        # The order of the group leaving one paragraph is evidence too: take it unless the
        # rest of the evidence is against it.
        single = len(row) == 1 and row[0][0] >= ORDER_ONLY_THRESHOLD
        if row and (single or _clear(row, WEAK_THRESHOLD, MARGIN)):
            placed[line.index] = row[0][1]
            taken[(row[0][1], line.lang)] = line.index
            weak.add(line.index)
            running_lo = max(running_lo, row[0][1])
    _fill_gaps(lines, free, paragraphs, evidence, placed, taken, weak, len(blocks))
    return weak


def _fill_gaps(
    lines: list[Line],
    free: list[Line],
    paragraphs: list[int],
    evidence: Evidence,
    placed: dict[int, int],
    taken: dict[tuple[int, str], int],
    weak: set[int],
    n: int,
) -> None:
    """Lines left between two placed translations (or with none placed at all), exactly as
    many as the paragraphs left between those translations' blocks: the page keeps its order,
    so they pair one to one in order — a guess, unless the length or content is clearly
    against a pairing."""
    groups: dict[tuple[int, int, str], list[Line]] = {}
    windows = _OrderWindows(placed, n)
    for line in free:
        if line.index in placed or line.maybe_note:
            continue
        lo, hi = windows.around(line.index)
        groups.setdefault((lo, hi, line.lang), []).append(line)
    for (lo, hi, lang), group in groups.items():
        inside = paragraphs[bisect_right(paragraphs, lo) : bisect_left(paragraphs, hi)]
        if len(inside) < len(group):
            continue
        open_paragraphs = [p for p in inside if (p, lang) not in taken]
        if len(open_paragraphs) != len(group):
            continue
        pairs = list(zip(group, open_paragraphs, strict=True))
        if any(evidence.score(p, line.text, lang) < GAP_FLOOR for line, p in pairs):
            continue
        for line, p in pairs:
            placed[line.index] = p
            taken[(p, lang)] = line.index
            weak.add(line.index)


def _row(
    evidence: Evidence, line: Line, paragraphs: list[int], taken: dict[tuple[int, str], int], loanwords: bool
) -> list[tuple[float, int, float]]:
    """(score, paragraph, content score) for every paragraph still free in the line's language, best first."""
    row = []
    for p in paragraphs:
        if (p, line.lang) not in taken:
            content, length = evidence.parts(p, line.text, line.lang, loanwords)
            row.append((content + length, p, content))
    row.sort(reverse=True)
    return row


def _clear(row: list[tuple[float, int, float]], threshold: float, margin: float) -> bool:
    """The best paragraph is good enough and clearly better than the next. Length alone is
    weak evidence: when names, numbers and quotes do not tell the two apart, it takes a
    much larger lead."""
    if not row or row[0][0] < threshold:
        return False
    if len(row) == 1:
        return True
    lead = row[0][0] - row[1][0]
    if row[0][2] - row[1][2] < 0.3:
        return lead >= 2 * margin + 0.6
    return lead >= margin


class _OrderWindows:
    """The block positions between which a translation found at a given line must fall: after
    every block a translation before it took, before every block one after it took. Answered
    by binary search over the placed lines (a scan of them for each line grew as the square)."""

    def __init__(self, placed: dict[int, int], n: int) -> None:
        order = sorted(placed.items())
        self.lines = [i for i, _ in order]
        self.n = n
        self.lo_upto: list[int] = []  # the largest block taken by the first k+1 placed lines
        lo = -1
        for _, pos in order:
            lo = max(lo, pos)
            self.lo_upto.append(lo)
        self.hi_from: list[int] = [n] * len(order)  # the smallest block taken from the k-th on
        hi = n
        for k in range(len(order) - 1, -1, -1):
            hi = min(hi, order[k][1])
            self.hi_from[k] = hi

    def around(self, index: int) -> tuple[int, int]:
        """(lo, hi) for a translation at line `index`."""
        before = bisect_left(self.lines, index)
        after = bisect_right(self.lines, index)
        lo = self.lo_upto[before - 1] if before else -1
        hi = self.hi_from[after] if after < len(self.lines) else self.n
        return lo, hi


# How many paragraphs either side of its place in the order a translation is weighed against,
# besides those it shares names or numbers with: pages with up to 2 × BAND + 1 paragraphs are
# weighed in full; longer ones stay near-linear.
BAND = 12


def _candidates(evidence: Evidence, line: Line, paragraphs: list[int], expected: int, loanwords: bool) -> list[int]:
    """The paragraphs a translation is weighed against: those near its place in the order,
    those sharing a name or number with it, and (for Japanese) a loanword."""
    if len(paragraphs) <= 2 * BAND + 1:
        return paragraphs
    chosen = set(paragraphs[max(0, expected - BAND) : expected + BAND + 1])
    chosen |= evidence.sharing(line.text)
    if loanwords:
        chosen |= evidence.loanword_blocks(line.text)
    allowed = evidence.paragraph_set(paragraphs)
    return sorted(chosen & allowed)
