"""Word levels (CEFR A1–C2, from cefrpy's list, loaded on first use) and a text's level profile and
readability (Flesch–Kincaid grade, syllables from pyphen's hyphenation patterns)."""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from library.wordforms import WORD_RE

if TYPE_CHECKING:
    import pyphen

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
LEVELS_ATTRIBUTION = (
    "CEFR word levels from cefrpy by Maksym Bielikov (MIT License). Syllables for the readability"
    " grade from Pyphen (GPL 2+, LGPL 2.1+ or MPL 1.1) with its American English hyphenation"
    " patterns (BSD-style, after plain TeX's hyphen.tex)."
)
FREQUENCY_ATTRIBUTION = (
    "Word frequencies (the most common words a learner can mark known; the everyday Japanese word among"
    " a word's dictionary senses) from wordfreq by Robyn Speer"
    " (code: Apache License 2.0; data: CC BY-SA 4.0, from Wikipedia, subtitles, news, books and web text)."
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
    from library.study.level_table import listed_level

    return listed_level(word)


def _syllables(word: str) -> int:
    """Syllables of a word: hyphenation points plus one (pyphen places none in very short words)."""
    from library.study.word_table import syllables

    return syllables(word)


def _base(lower: str) -> str:
    """The word without a possessive 's (the company's → company)."""
    return lower[:-2] if lower.endswith("'s") and len(lower) > 2 else lower


# Contractions and run-together forms take the level of their parts (cannot is can + not: A1), not the
# list's own level for them (cefrpy puts cannot and gonna at C2).
_CONTRACTED = {
    "cannot": ("can", "not"), "can't": ("can", "not"), "won't": ("will", "not"), "shan't": ("shall", "not"),
    "ain't": ("be", "not"), "gonna": ("go", "to"), "wanna": ("want", "to"), "gotta": ("get", "to"),
    "gimme": ("give", "me"), "lemme": ("let", "me"), "dunno": ("do", "not", "know"), "kinda": ("kind", "of"),
    "sorta": ("sort", "of"), "outta": ("out", "of"), "lotta": ("lot", "of"), "y'all": ("you", "all"),
}
_CONTRACTION_ENDS = (("n't", "not"), ("'ll", "will"), ("'re", "be"), ("'ve", "have"), ("'d", "would"), ("'m", "be"))


def contraction_parts(lower: str) -> tuple[str, ...] | None:
    """The words a contraction or a run-together form stands for (can't → can, not), or None."""
    lower = lower.replace("’", "'")
    if lower in _CONTRACTED:
        return _CONTRACTED[lower]
    if "'" not in lower:  # every ending below has one (most words: asked once each in a levelling)
        return None
    for end, word in _CONTRACTION_ENDS:
        head = lower[: -len(end)]
        if lower.endswith(end) and head.isalpha():
            return (head, word)
    return None


def _work_out(lowers: list[str]) -> None:
    """Work out (lemma, level, syllables) of lower-cased words not seen before, lemmatised together."""
    from library.study.lemma_batch import lemmas_of_many
    from library.study.level_table import levels_of
    from library.study.word_table import syllables

    todo = [w for w in dict.fromkeys(lowers) if w not in _words]
    lemmas = lemmas_of_many(_base(w) for w in todo)
    listed = levels_of([*lemmas.values(), *lemmas])  # every lemma and form, in one lookup
    compounds = []
    for lower in todo:
        base = _base(lower)
        lemma = lemmas[base]
        # The form itself may be listed easier than its lemma (tired, A1; tire, B1) or only it
        # may be listed (irregular forms the lemmatiser changed): the easier of the two counts.
        levels = [x for x in (listed.get(lemma, -1), listed.get(base, -1)) if x >= 0]
        _words[lower] = (lemma, min(levels) if levels else -1, syllables(base))
        if contraction_parts(base) or (not levels and "-" in base.strip("-")):
            compounds.append(lower)
    for lower in compounds:
        # A compound the list lacks (well-known, high-level) or a contraction: as hard as its hardest part.
        parts = list(contraction_parts(_base(lower)) or [p for p in _base(lower).split("-") if p])
        _work_out(parts)
        found = [_words[p][1] for p in parts]
        if found and min(found) >= 0:
            lemma, _, syllables_ = _words[lower]
            _words[lower] = (lemma, max(found), syllables_)


def _word(lower: str) -> tuple[str, int, int]:
    """(lemma, level index or -1, syllables) of a lower-cased word, worked out once per process."""
    known = _words.get(lower)
    if known is None:
        _work_out([lower])
        known = _words[lower]
    return known


def word_level(word: str) -> str | None:
    """The CEFR level of an English word (any form of it), or None when the list lacks it."""
    level = _word(word.replace("’", "'").lower())[1]
    return LEVELS[level] if level >= 0 else None


BANDS = ("1k", "2k", "5k", "10k", "rarer")  # frequency bands: among the 1,000 most common words, …
_BAND_LIMITS = (1000, 2000, 5000, 10_000)


def _band_of(lower: str) -> str:
    """The frequency band of a lower-cased word: its own rank or its lemma's, whichever is commoner."""
    from library.study.word_table import frequency_ranks

    ranks = frequency_ranks()
    rank = min(ranks.get(lower, 10**9), ranks.get(_word(lower)[0], 10**9))
    return next((band for band, limit in zip(BANDS, _BAND_LIMITS, strict=False) if rank <= limit), BANDS[-1])


def word_band(word: str) -> str:
    """The frequency band of an English word (any form of it): 1k for the 1,000 most common words of
    English (wordfreq's list), then 2k, 5k, 10k, and "rarer"."""
    return _band_of(word.replace("’", "'").lower())


# Where cefrpy lists no level (hello, website), one is estimated from the word's frequency band: the
# 1,000 most common words are taken for A1, the next 1,000 for A2, then B1 to 5,000 and B2 to 10,000
# (roughly the vocabulary sizes the CEFR levels are reported to need); a rarer word gets none.
ESTIMATED_LEVELS = {"1k": "A1", "2k": "A2", "5k": "B1", "10k": "B2"}


@dataclass(frozen=True)
class WordLevel:
    """A word's CEFR level (listed, or estimated from its band, or None), and its frequency band."""

    level: str | None
    band: str
    estimated: bool = False

    def to_json(self) -> dict[str, Any]:
        """The word's level as the command line prints it."""
        return {"level": self.level, "level_estimated": self.estimated, "band": self.band}


def word_level_info(word: str) -> WordLevel:
    """A word's level and band for showing: cefrpy's level, or where it lists none, the estimate of
    ESTIMATED_LEVELS, marked as estimated."""
    band = word_band(word)
    listed = word_level(word)
    if listed is not None:
        return WordLevel(listed, band)
    estimate = ESTIMATED_LEVELS.get(band)
    return WordLevel(estimate, band, estimate is not None)


@dataclass
class TextLevels:
    """What levelling a text found: words per level, names left out, sentences, syllables, lemmas."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*LEVELS, UNLISTED), 0))
    names: int = 0
    sentences: int = 0
    syllables: int = 0
    lemmas: Counter[str] = field(default_factory=Counter)
    # Running words per frequency band (names left out), when asked for: the list loads then.
    bands: dict[str, int] = field(default_factory=dict)

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


def first_names(candidates: set[str]) -> set[str]:
    """Of lower-cased words that start a sentence before another capitalised word (and that the text
    never writes in lower case), those that are names (Matthias Bellwald, Takashi Mori): words the
    level list has only as names, or not at all. A word it has as anything else is a common word that
    just starts the sentence ("However Microsoft", "Glacier Collapse")."""
    from library.study.level_table import common_levels_of

    if not candidates:
        return set()
    words = {w: w.replace("’", "'") for w in candidates}
    common = common_levels_of(words.values())
    return {w for w, key in words.items() if key not in common and key != "i" and not key.startswith("i'")}


def names_first(candidates: set[str]) -> set[str]:
    """Of lower-cased words a text writes only with a capital, and only where a sentence starts (so its
    case tells nothing), those the level list has only as a name or as a name before anything else
    ("Vienna sent…", "London said…": London is A1 as a name, C2 as anything else). A common word that
    starts a sentence ("However", "Critics") is none; nor is a word the list lacks (it has no level)."""
    from library.study.level_table import common_levels_of, levels_of

    if not candidates:
        return set()
    words = {w: w.replace("’", "'") for w in candidates}
    listed, common = levels_of(words.values()), common_levels_of(words.values())
    return {w for w, key in words.items()
            if key in listed and (key not in common or listed[key] < common[key]) and key != "i"}


def readability_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59."""
    if not words:
        return 0.0
    return 0.39 * words / max(1, sentences) + 11.8 * syllables / words - 15.59


def level_text(texts: list[str], found: TextLevels | None = None, bands: bool = False) -> TextLevels:
    """Level every word of some paragraphs (one lesson's). A word the text writes with a capital
    inside a sentence and never in lower case (China, Reuters, AI) is taken for a name of a person,
    place, firm or thing, and is not levelled: the list has many such words, at arbitrary levels."""
    out = found or TextLevels()
    # Counted in C (Counter over findall); only each sentence's first word is found one by one.
    every: Counter[str] = Counter()
    starts: Counter[str] = Counter()
    leading: set[str] = set()  # sentence-first words followed by a capitalised word: perhaps a first name
    search = WORD_RE.search
    for text in texts:
        if not text.strip():
            continue
        every.update(WORD_RE.findall(text))
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        out.sentences += max(1, len(ends))
        last = -1
        for pos in (0, *ends):
            m = search(text, pos)
            if m is not None and m.start() != last:  # two ends with no word between: one start
                starts[m.group()] += 1
                last = m.start()
                after = search(text, m.end())
                if (m.group()[0].isupper() and after is not None and after.group()[0].isupper()
                        and text[m.end():after.start()].isspace()):
                    leading.add(m.group().lower())
    lower_seen = {w.lower() for w in every if w[0].islower()}
    names = {w.lower() for w, n in every.items() if w[0].isupper() and n > starts[w]} - lower_seen
    names -= {n for n in names if n.replace("’", "'").split("'")[0] == "i"}  # the pronoun I
    lowers = {w: w.lower() for w in every}
    _work_out([lower.replace("’", "'") for lower in lowers.values()])
    names |= first_names(leading - lower_seen)
    names |= names_first({w.lower() for w in every if w[0].isupper()} - lower_seen - names)
    counts = out.counts
    for word, times in every.items():
        lower = lowers[word]
        lemma, level, syllables = _words[lower.replace("’", "'")]
        out.syllables += syllables * times
        if lower in names:
            out.names += times
        else:
            counts[LEVELS[level] if level >= 0 else UNLISTED] += times
            out.lemmas[lemma] += times
            if bands:
                band = _band_of(lower.replace("’", "'"))
                out.bands[band] = out.bands.get(band, 0) + times
    if bands:
        out.bands = {band: out.bands.get(band, 0) for band in BANDS}
    return out
