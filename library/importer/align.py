"""Step 5: attach translations to the English blocks they translate.

Where the page interleaves them (each translation right after, or right before, its
English paragraph) position decides, and the orientation is the one the evidence favours.
Elsewhere evidence decides: Latin-script names and numbers the two share (rare ones count
more), names the translation has that the English lacks, and a plausible length ratio.
Below a threshold a block stays unplaced rather than being put in the wrong place.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from library.importer.loanwords import LoanwordIndex, katakana_skeletons
from library.importer.split import Line

CJK = ("ja", "zh", "ko")
# Quoted speech: a quotation in the English shows as 「…」 or “…” in its translation.
# A quotation ends before the next one opens (unclosed openers would each scan to the end).
_QUOTE_EN = re.compile(r"“[^“”]{15,}”|\"[^\"]{15,}\"")
_QUOTE_CJK = re.compile(r"「[^「」]{8,}」|“[^“”]{8,}”|\"[^\"]{8,}\"")
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_CJK = re.compile(r"(\d{1,2})\s?[月월]")
# Typical length of a translation over its English, in characters.
DEFAULT_RATIO = {"ja": 0.5, "zh": 0.33, "ko": 0.55}
THRESHOLD = 1.5
WEAK_THRESHOLD = 0.6
ORDER_ONLY_THRESHOLD = 0.3
MARGIN = 0.6
_SKIP = ("junk", "caption_dup", "label")


@dataclass
class EnglishBlock:
    """An English heading or paragraph as the aligner sees it."""

    pos: int
    line: int
    kind: str
    text: str


_WORDS = re.compile(r"[a-z][a-z0-9]+(?:-[a-z0-9]+)*")
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")
_MONTH_NUMBER = {m: f"month{i}" for i, m in enumerate(_MONTHS, 1)}


def tokens(text: str) -> frozenset[str]:
    """Latin-script words (two letters or more) and numbers, case-folded."""
    words = set(_WORDS.findall(text.lower()))
    numbers = set(_NUMBERS.findall(text))
    if any("," in n for n in numbers):
        numbers = {n.replace(",", "") for n in numbers}
    # Months: "August" and 8月 / 8월 are the same evidence (the English name capitalised).
    months = words & _MONTH_NUMBER.keys()
    if months:
        words |= {_MONTH_NUMBER[m] for m in months if m.capitalize() in text}
    if "月" in text or "월" in text:
        words |= {f"month{int(n)}" for n in _MONTH_CJK.findall(text)}
    return frozenset(words | numbers)


def _miss(token: str) -> float:
    """How much a token of the translation that the English lacks counts against a match."""
    return 1.0 if len(token) >= 3 and not token.isdigit() else 0.5


class Evidence:
    """Scores how likely a CJK text translates an English block."""

    def __init__(self, blocks: list[EnglishBlock]) -> None:
        self.blocks = blocks
        self.block_tokens = [tokens(b.text) for b in blocks]
        # In how many blocks each token occurs; its weight (idf) is worked out when first needed.
        self._df = Counter(chain.from_iterable(self.block_tokens))
        self._n = max(1, len(blocks))
        self._idf: dict[str, float] = {}
        self.ratio = dict(DEFAULT_RATIO)
        self._tokens: dict[str, frozenset[str]] = {}
        self._loan_index: LoanwordIndex | None = None
        self._block_quoted = [bool(_QUOTE_EN.search(b.text)) for b in blocks]
        self._quoted: dict[str, bool] = {}
        self._loan_hits: dict[str, dict[int, float]] = {}
        self._missing_weight: dict[str, float] = {}

    def loanword_score(self, block: int, text: str) -> float:
        """Evidence from katakana names and loanwords that match the block's English words."""
        hits = self._loan_hits.get(text)
        if hits is None:
            hits = self._loan_hits[text] = self._loanwords(text)
        return hits.get(block, 0.0)

    def _loanwords(self, text: str) -> dict[int, float]:
        kata = katakana_skeletons(text)
        if not kata:
            return {}
        if self._loan_index is None:
            self._loan_index = LoanwordIndex([b.text for b in self.blocks])
        n = max(1, len(self.blocks))
        out: dict[int, float] = {}
        for k in kata:
            where = self._loan_index.blocks_matching(k)
            # Longer skeletons are less likely to match by chance.
            strength = min(1.0, (len(k[0]) - 1) / 4)
            for i in where:
                out[i] = out.get(i, 0.0) + 0.8 * strength * math.log(1 + n / len(where))
        return out

    def score(self, block: int, text: str, lang: str) -> float:
        """Higher is more likely; around zero means no evidence either way."""
        return sum(self.parts(block, text, lang))

    def parts(self, block: int, text: str, lang: str, loanwords: bool = True) -> tuple[float, float]:
        """(content evidence: names, numbers, quotes; length evidence)."""
        english = self.blocks[block].text
        ctoks = self._tokens.get(text)
        if ctoks is None:
            ctoks = self._tokens[text] = tokens(text)
        etoks = self.block_tokens[block]
        common = ctoks & etoks
        shared = 0.0
        idf = self._idf
        for t in common:
            weight = idf.get(t)
            if weight is None:
                weight = idf[t] = math.log(1 + self._n / self._df[t])
            shared += weight
        if lang == "ja" and loanwords:
            shared += self.loanword_score(block, text)
        # The weight of the text's tokens the block lacks: all of its tokens' weight (kept per
        # text) less that of the shared ones, which are few.
        total = self._missing_weight.get(text)
        if total is None:
            total = self._missing_weight[text] = sum(map(_miss, ctoks))
        missing = total - sum(map(_miss, common))
        ratio = len(text) / max(1, len(english))
        expected = self.ratio.get(lang, 0.5)
        off = abs(math.log(max(ratio, 1e-3) / expected))
        quotes = 0.0
        e_quoted = self._block_quoted[block]
        c_quoted = self._quoted.get(text)
        if c_quoted is None:
            c_quoted = self._quoted[text] = bool(_QUOTE_CJK.search(text))
        if e_quoted and c_quoted:
            quotes = 0.8
        elif e_quoted != c_quoted:
            quotes = -0.4
        return shared - 0.7 * missing + quotes, -2.0 * max(0.0, off - 0.4) + (0.5 if off < 0.4 else 0.0)


def align(lines: list[Line], blocks: list[EnglishBlock]) -> dict[int, int]:
    """Map line index → English block position for every line placed as a translation."""
    if not any(ln.kind in ("cjk", "note_cont?") for ln in lines):
        return {}  # an English-only page: nothing to place, no evidence to gather
    evidence = Evidence(blocks)
    by_line = {b.line: b for b in blocks}
    placed = _interleaved(lines, blocks, by_line, evidence)
    _by_evidence(lines, blocks, evidence, placed)
    return placed


def _neighbours(lines: list[Line], i: int, step: int) -> Line | None:
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].kind not in _SKIP:
            return lines[j]
        j += step
    return None


def _runs(lines: list[Line]) -> list[list[int]]:
    """Maximal runs of consecutive translation candidates."""
    runs: list[list[int]] = []
    current: list[int] = []
    for line in lines:
        if line.kind == "cjk":
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
    lines: list[Line], blocks: list[EnglishBlock], by_line: dict[int, EnglishBlock], evidence: Evidence
) -> dict[int, int]:
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
        elif nxt is not None and nxt.kind == "heading":
            pass

    def total(pairs: list[tuple[list[int], EnglishBlock]]) -> float:
        return sum(1.0 + _run_score(lines, run, b, evidence) for run, b in pairs)

    # One run next to a paragraph is interleaving only when it is the page's only candidate.
    needed = 1 if len(runs) == 1 else 2
    if len(after) < needed and len(before) < needed:
        return {}
    chosen = after if total(after) >= total(before) else before
    if len(chosen) < needed:
        return {}
    _learn_ratio(lines, chosen, evidence)
    placed: dict[int, int] = {}
    for run, block in chosen:
        if block.kind != "paragraph" and block.kind != "heading":
            continue
        if _run_score(lines, run, block, evidence) < -3.0:
            continue
        for i in run:
            placed[i] = block.pos
    return placed


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


def _by_evidence(lines: list[Line], blocks: list[EnglishBlock], evidence: Evidence, placed: dict[int, int]) -> None:
    """Place the remaining candidates on the paragraph they fit best, if they fit well enough."""
    taken: dict[tuple[int, str], int] = {(pos, lines[i].lang): i for i, pos in placed.items()}
    free = [ln for ln in lines if ln.kind in ("cjk", "note_cont?") and ln.index not in placed]
    paragraphs = [b.pos for b in blocks if b.kind == "paragraph"]
    scores: dict[int, list[tuple[float, int, float]]] = {}
    for line in free:
        # Katakana loanwords cost more to match: look at them only where names and numbers
        # in Latin script do not already decide.
        row = _row(evidence, line, paragraphs, taken, loanwords=False)
        if not _clear(row, THRESHOLD, MARGIN):
            row = _row(evidence, line, paragraphs, taken, loanwords=True)
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
    for line in free:
        if line.index in placed or line.kind != "cjk":
            continue
        lo, hi = _order_window(line.index, placed, len(blocks))
        row = [r for r in scores.get(line.index, []) if lo < r[1] < hi and (r[1], line.lang) not in taken]
        # The order of the group leaving one paragraph is evidence too: take it unless the
        # rest of the evidence is against it.
        single = len(row) == 1 and row[0][0] >= ORDER_ONLY_THRESHOLD
        if row and (single or _clear(row, WEAK_THRESHOLD, MARGIN)):
            placed[line.index] = row[0][1]
            taken[(row[0][1], line.lang)] = line.index


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


def _order_window(index: int, placed: dict[int, int], n: int) -> tuple[int, int]:
    """The block positions between which a translation found at line `index` must fall."""
    lo, hi = -1, n
    for i, pos in placed.items():
        if i < index:
            lo = max(lo, pos)
        elif i > index:
            hi = min(hi, pos)
    return lo, hi
