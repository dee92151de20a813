"""Word levels (CEFR A1–C2, from cefrpy's list, loaded on first use) and a text's level profile and
readability (Flesch–Kincaid grade, syllables from pyphen's hyphenation patterns)."""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from library.wordforms import WORD_RE, lemma_of

if TYPE_CHECKING:
    import pyphen

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
LEVELS_ATTRIBUTION = (
    "CEFR word levels from cefrpy by Maksym Bielikov (MIT License). Syllables for the readability"
    " grade from Pyphen (GPL 2+, LGPL 2.1+ or MPL 1.1) with its American English hyphenation"
    " patterns (BSD-style, after plain TeX's hyphen.tex)."
)
UNLISTED = "unlisted"
# A sentence ends at . ! ? (or their full-width forms) before a space or the end of the text.
_SENTENCE_END = re.compile(r"[.!?。！？]+[\"”’)]*(?=\s|$)")

_lock = threading.Lock()
_analyzer: Any = None
_hyphenator: pyphen.Pyphen | None = None
# word (as written, lower-cased) → (lemma, level index 0–5 or -1 when unlisted, syllables)
_words: dict[str, tuple[str, int, int]] = {}


def _cefr() -> Any:
    """cefrpy's analyser: its 2.5 MB list is read from the package when first needed, never at start."""
    global _analyzer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                from cefrpy import CEFRAnalyzer  # reads data.bin from the installed package, offline

                _analyzer = CEFRAnalyzer()
    return _analyzer


def _pyphen() -> pyphen.Pyphen:
    """The English hyphenation dictionary pyphen ships (no download)."""
    global _hyphenator
    if _hyphenator is None:
        import pyphen

        _hyphenator = pyphen.Pyphen(lang="en_US")
    return _hyphenator


def _listed_level(word: str) -> int:
    """Level index 0–5 of a word in the list, or -1. The list levels each part of speech apart; the
    easiest is taken (a learner meets "address" the noun, A1, before the verb, B1), as cefrpy's
    average would put "good" at A2 for an odd adjective-or-noun split."""
    if not word.isascii() or not word.replace("'", "").replace("-", "").isalpha():
        return -1
    found = _cefr().get_pos_level_dict_for_word(word)
    return min(int(level) for level in found.values()) - 1 if found else -1


def _syllables(word: str) -> int:
    """Syllables of a word: hyphenation points plus one (pyphen places none in very short words)."""
    return max(1, len(_pyphen().positions(word)) + 1)


def _word(lower: str) -> tuple[str, int, int]:
    """(lemma, level index or -1, syllables) of a lower-cased word, worked out once per process."""
    known = _words.get(lower)
    if known is None:
        base = lower[:-2] if lower.endswith("'s") and len(lower) > 2 else lower  # the company's → company
        lemma = lemma_of(base)
        # The form itself may be listed easier than its lemma (tired, A1; tire, B1) or only it
        # may be listed (irregular forms the lemmatiser changed): the easier of the two counts.
        levels = [x for x in {_listed_level(lemma), _listed_level(base)} if x >= 0]
        level = min(levels) if levels else -1
        if level < 0 and "-" in base.strip("-"):
            # A compound the list lacks (well-known, high-level): as hard as its hardest part.
            parts = [_word(p)[1] for p in base.split("-") if p]
            level = max(parts) if parts and min(parts) >= 0 else -1
        known = _words[lower] = (lemma, level, _syllables(base))
    return known


def word_level(word: str) -> str | None:
    """The CEFR level of an English word (any form of it), or None when the list lacks it."""
    level = _word(word.replace("’", "'").lower())[1]
    return LEVELS[level] if level >= 0 else None


@dataclass
class TextLevels:
    """What levelling a text found: words per level, names left out, sentences, syllables, lemmas."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*LEVELS, UNLISTED), 0))
    names: int = 0
    sentences: int = 0
    syllables: int = 0
    lemmas: Counter[str] = field(default_factory=Counter)

    @property
    def words(self) -> int:
        """Running words that are levelled (names are not)."""
        return sum(self.counts.values())

    @property
    def grade(self) -> float:
        """Flesch–Kincaid grade level (0 for a text without words)."""
        return readability_grade(self.words + self.names, self.sentences, self.syllables)

    def to_json(self) -> dict[str, Any]:
        """The profile as the command line prints it."""
        out = asdict(self)
        del out["lemmas"]
        out["words"] = self.words
        out["grade"] = round(self.grade, 1)
        return out


def readability_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59."""
    if not words:
        return 0.0
    return 0.39 * words / max(1, sentences) + 11.8 * syllables / words - 15.59


def level_text(texts: list[str], found: TextLevels | None = None) -> TextLevels:
    """Level every word of some paragraphs (one lesson's). A word the text writes with a capital
    inside a sentence and never in lower case (China, Reuters, AI) is taken for a name of a person,
    place, firm or thing, and is not levelled: the list has many such words, at arbitrary levels."""
    out = found or TextLevels()
    tally: Counter[tuple[str, bool]] = Counter()  # (word as written, starts a sentence) → times
    for text in texts:
        if not text.strip():
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        out.sentences += max(1, len(ends))
        sentence_start = True
        next_end = 0
        for m in WORD_RE.finditer(text):
            while next_end < len(ends) and ends[next_end] <= m.start():
                sentence_start = True
                next_end += 1
            tally[m.group(), sentence_start] += 1
            sentence_start = False
    lower_seen = {w.lower() for w, _ in tally if w[0].islower()}
    names = {w.lower() for w, start in tally if not start and w[0].isupper()} - lower_seen
    names -= {n for n in names if n.replace("’", "'").split("'")[0] == "i"}  # the pronoun I
    counts = out.counts
    for (word, _), times in tally.items():
        lower = word.lower()
        lemma, level, syllables = _word(lower.replace("’", "'"))
        out.syllables += syllables * times
        if lower in names:
            out.names += times
        else:
            counts[LEVELS[level] if level >= 0 else UNLISTED] += times
            out.lemmas[lemma] += times
    return out
