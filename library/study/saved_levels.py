"""The CEFR level of a saved word (My words, `words list --level`): the level of its word as
levels.py gives it, none for a phrase or a name; and the level filters (B2, B2+, none)."""

from __future__ import annotations

from collections.abc import Iterable

from library.study.glosses import names_in
from library.study.levels import LEVELS, level_text, word_level_info
from library.wordforms import WORD_RE

NO_LEVEL = "none"  # the filter for words without a level (names, phrases, words the lists lack)
LEVEL_FILTERS = (*LEVELS, *(f"{level}+" for level in LEVELS[1:-1]), NO_LEVEL)


def saved_as_name(text: str) -> bool:
    """Whether a saved word is a name of a person, a place or a firm: a word kept with its capital
    (London, Vienna, Bellwald). Saving lower-cases every other word to its lemma (a word starting a
    sentence, "Critics" → critic, or typed with a capital, "Economy" → economy), and keeps the capital
    of a name only, as the lesson's names are told (the card, `words add`, seeding); an abbreviation
    in capitals (NATO, GDP) is no name here."""
    word = text.strip()
    return " " not in word and word[:1].isupper() and not (len(word) > 1 and word.isupper())


def saved_word_level(text: str, sentence: str = "") -> str | None:
    """The level of a saved word: its listed CEFR level, or the one its frequency suggests; None for
    a phrase, a word no list has, or a name (kept with its capital, `saved_as_name`, or written with a
    capital inside the sentence it was saved from, and nowhere there in lower case)."""
    word = text.strip()
    if WORD_RE.fullmatch(word) is None or saved_as_name(word):
        return None
    if word[0].isupper() and sentence and word.lower() in names_in([sentence]):
        return None
    return word_level_info(word).level


def prepare(texts: Iterable[str]) -> None:
    """Work out the levels of many words at once (lemmatised together: far faster than one by one)."""
    words = [t.strip().lower() for t in texts if WORD_RE.fullmatch(t.strip())]
    if words:
        level_text([" ".join(words)])


def level_rank(level: str | None) -> int:
    """Where a level sorts: A1 first, C2 last, words without a level after them."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def parse_level_filter(value: str) -> str:
    """A level filter as given ("b2+", " C1 ") in its own spelling; ValueError for anything else."""
    wanted = value.strip().upper().replace(" ", "")
    if wanted == NO_LEVEL.upper():
        return NO_LEVEL
    if wanted.endswith("+") and wanted[:-1] in LEVELS:
        return wanted
    if wanted in LEVELS:
        return wanted
    raise ValueError(f"unknown level {value!r}: give one of {', '.join(LEVELS)}, a level and + (B2+: B2 and above),"
                     f" or {NO_LEVEL}")


def level_matches(level: str | None, wanted: str) -> bool:
    """Whether a word's level (None: without one) passes a filter of LEVEL_FILTERS ("" passes all)."""
    if not wanted:
        return True
    if wanted == NO_LEVEL:
        return level is None
    if level is None:
        return False
    if wanted.endswith("+"):
        return LEVELS.index(level) >= LEVELS.index(wanted[:-1])
    return level == wanted
