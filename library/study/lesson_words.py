"""A lesson's levelled words one by one (`show ID --levels --json`): each word as written (lower-cased),
its lemma, CEFR level and frequency band, and how often the lesson has it. Names are left out as
levels.level_text leaves them out, so the counts add up to its profile, level by level."""

from __future__ import annotations

from collections import Counter
from typing import Any

from library.study.glosses import names_in
from library.study.levels import LEVELS, UNLISTED, level_text, word_band, word_level
from library.wordforms import WORD_RE, lemma_of


def lesson_words(texts: list[str]) -> list[dict[str, Any]]:
    """Every levelled word of some paragraphs once: {word, lemma, level (None: unlisted), band, count},
    from A1 to C2 (unlisted last), the most frequent first within a level, then alphabetically."""
    level_text(texts)  # every word's level worked out at once (lemmatised together)
    every: Counter[str] = Counter()
    for text in texts:
        every.update(w.lower().replace("’", "'") for w in WORD_RE.findall(text))
    names = {n.replace("’", "'") for n in names_in(texts)}
    rank = {level: i for i, level in enumerate(LEVELS)}
    found: list[tuple[int, int, str, str | None]] = []
    for word, count in every.items():
        if word in names and word.split("'")[0] != "i":
            continue
        level = word_level(word)
        found.append((rank.get(level or UNLISTED, len(LEVELS)), -count, word, level))
    return [
        {"word": word, "lemma": lemma_of(word), "level": level, "band": word_band(word), "count": -negative}
        for _rank, negative, word, level in sorted(found)
    ]
