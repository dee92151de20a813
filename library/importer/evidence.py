"""The evidence that a translation translates an English block: the Latin-script names and
numbers the two share (rare ones count more), names the translation has that the English
lacks, katakana loanwords, quotations, and a plausible length ratio per script."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from library.importer.loanwords import LoanwordIndex, katakana_skeletons
from library.importer.split import Kind

# Tokens in more blocks than this say little about which one; they do not add candidates.
COMMON_TOKEN = 50
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


@dataclass(frozen=True, slots=True)
class EnglishBlock:
    """An English heading or paragraph as the aligner sees it."""

    pos: int
    line: int
    kind: Kind
    text: str


_WORDS = re.compile(r"[a-z][a-z0-9]+(?:-[a-z0-9]+)*")
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")
_MONTH_NUMBER = {m: f"month{i}" for i, m in enumerate(_MONTHS, 1)}
# Numbers the English spells out and a translation writes in figures ("five villages", 5つの村);
# not "one", which English uses as a pronoun.
_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], 2
    )
}


# A number spelled out is weaker evidence than the same figure written (a translator may
# write it either way, and small numbers are common): half a token's weight.
SPELLED_WEIGHT = 0.5


def spelled_numbers(text: str) -> frozenset[str]:
    """The figures of the numbers an English text spells out and does not also write in figures."""
    words = set(_WORDS.findall(text.lower())) & _NUMBER_WORDS.keys()
    if not words:
        return frozenset()
    return frozenset(_NUMBER_WORDS[w] for w in words) - set(_NUMBERS.findall(text))


def tokens(text: str) -> frozenset[str]:
    """Latin-script words (two letters or more) and numbers, case-folded."""
    words = set(_WORDS.findall(text.lower()))
    numbers = set(_NUMBERS.findall(text))
    if any("," in n for n in numbers):
        numbers = {n.replace(",", "") for n in numbers}
    # Months: "August" and 8月 / 8월 are the same evidence (the English name capitalised).
    spelled = words & _NUMBER_WORDS.keys()
    if spelled:
        numbers |= {_NUMBER_WORDS[w] for w in spelled}
    months = words & _MONTH_NUMBER.keys()
    if months:
        words |= {_MONTH_NUMBER[m] for m in months if m.capitalize() in text}
    if "月" in text or "월" in text:
        words |= {f"month{int(n)}" for n in _MONTH_CJK.findall(text)}
    return frozenset(words | numbers)


# A page assembled again after a change to one of its lines has the same texts but a few: each
# text's tokens are kept (by the text) so that only the changed ones are read again. 8,192 texts
# hold a 100,000-word bilingual book's paragraphs and translations (about 10 MB for its 5,200).
TEXTS_KEPT = 1 << 13
text_tokens = lru_cache(maxsize=TEXTS_KEPT)(tokens)


@lru_cache(maxsize=TEXTS_KEPT)
def _quotes_english(text: str) -> bool:
    return bool(_QUOTE_EN.search(text))


def _miss(token: str) -> float:
    """How much a token of the translation that the English lacks counts against a match."""
    return 1.0 if len(token) >= 3 and not token.isdigit() else 0.5


class Evidence:
    """Scores how likely a CJK text translates an English block."""

    def __init__(self, blocks: list[EnglishBlock]) -> None:
        self.blocks = blocks
        self.block_tokens = [text_tokens(b.text) for b in blocks]
        # In how many blocks each token occurs; its weight (idf) is worked out when first needed.
        self._df = Counter(chain.from_iterable(self.block_tokens))
        self._n = max(1, len(blocks))
        self._idf: dict[str, float] = {}
        self.ratio = dict(DEFAULT_RATIO)
        self._tokens: dict[str, frozenset[str]] = {}
        self._loan_index: LoanwordIndex | None = None
        self._block_quoted = [_quotes_english(b.text) for b in blocks]
        self._block_spelled = [spelled_numbers(b.text) for b in blocks]
        self._quoted: dict[str, bool] = {}
        self._loan_hits: dict[str, dict[int, float]] = {}
        self._missing_weight: dict[str, float] = {}
        self._postings: dict[str, list[int]] | None = None
        self._paragraphs: frozenset[int] | None = None

    def sharing(self, text: str) -> set[int]:
        """The blocks that share a not-too-common name or number with `text`."""
        if self._postings is None:
            self._postings = {}
            for pos, toks in enumerate(self.block_tokens):
                for t in toks:
                    self._postings.setdefault(t, []).append(pos)
        out: set[int] = set()
        for t in text_tokens(text):
            where = self._postings.get(t, ())
            if len(where) <= COMMON_TOKEN:
                out.update(where)
        return out

    def loanword_blocks(self, text: str) -> set[int]:
        """The blocks a katakana loanword of `text` matches."""
        hits = self._loan_hits.get(text)
        if hits is None:
            hits = self._loan_hits[text] = self._loanwords(text)
        return set(hits)

    @property
    def loanwords_indexed(self) -> bool:
        """Whether the English blocks' loanword index has been built (it is built when first needed)."""
        return self._loan_index is not None

    def paragraph_set(self, paragraphs: list[int]) -> frozenset[int]:
        """`paragraphs` as a set, made once."""
        if self._paragraphs is None:
            self._paragraphs = frozenset(paragraphs)
        return self._paragraphs

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
            ctoks = self._tokens[text] = text_tokens(text)
        etoks = self.block_tokens[block]
        common = ctoks & etoks
        shared = 0.0
        idf = self._idf
        for t in common:
            weight = idf.get(t)
            if weight is None:
                weight = idf[t] = math.log(1 + self._n / self._df[t])
            shared += weight
        spelled = self._block_spelled[block]
        if spelled:
            shared -= sum(idf[t] * (1 - SPELLED_WEIGHT) for t in common & spelled)
        if lang == "ja" and loanwords:
            shared += self.loanword_score(block, text)
        # The weight of the text's tokens the block lacks: all of its tokens' weight (kept per
        # text) less that of the shared ones, which are few.
        total = self._missing_weight.get(text)
        if total is None:
            total = self._missing_weight[text] = sum(map(_miss, ctoks))
        missing = total - sum(map(_miss, common))
        length = self.length_score(len(text), len(english), lang)
        quotes = 0.0
        e_quoted = self._block_quoted[block]
        c_quoted = self._quoted.get(text)
        if c_quoted is None:
            c_quoted = self._quoted[text] = bool(_QUOTE_CJK.search(text))
        if e_quoted and c_quoted:
            quotes = 0.8
        elif e_quoted != c_quoted:
            quotes = -0.4
        return shared - 0.7 * missing + quotes, length

    def content_over(self, blocks: tuple[int, ...], text: str, lang: str, loanwords: bool = True) -> float:
        """The content evidence for one text written for several blocks together: a name or
        number found in any of them counts, one found in none counts against."""
        ctoks = text_tokens(text)
        common: set[str] = set()
        written: set[str] = set()  # the shared tokens some block writes as they stand
        for b in blocks:
            found = ctoks & self.block_tokens[b]
            common |= found
            written |= found - self._block_spelled[b]
        shared = 0.0
        for t in common:
            weight = math.log(1 + self._n / self._df[t])
            shared += weight if t in written else weight * SPELLED_WEIGHT
        missing = sum(map(_miss, ctoks)) - sum(map(_miss, common))
        best = max(self.parts(b, text, lang, loanwords)[0] for b in blocks)
        return max(best, shared - 0.7 * missing)

    def length_score(self, text_length: int, english_length: int, lang: str) -> float:
        """How well a translation's length fits its English's for this page's ratio: a small
        bonus near the expected length, a growing penalty past it."""
        ratio = text_length / max(1, english_length)
        off = abs(math.log(max(ratio, 1e-3) / self.ratio.get(lang, 0.5)))
        return -2.0 * max(0.0, off - 0.4) + (0.5 if off < 0.4 else 0.0)
