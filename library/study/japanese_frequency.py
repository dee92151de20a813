"""How common a Japanese headword is in running text, from wordfreq's Japanese list (data CC BY-SA 4.0,
named in About), for the JMdict table's ranking: among a key's senses of near-equal match and
priority tags the everyday word comes first (能力 before 体積 for "capacity", 障壁 before 関門 for
"barrier", 人間 before ヒューマン). Read once, when the table is built (never at start-up or per lookup):
`get_frequency_dict` reads the list as it is, without the MeCab tokenizer (not installed) that
`zipf_frequency` needs for Japanese.

wordfreq's list is of words as MeCab cuts them, so many compounds (専門家, 当局者) and phrases (によると)
are not in it: a headword of a priority list that it lacks counts as common as the rarest of the listed
words it is cut into (当局者: 当局 and 者), or as its tags say where it cannot be cut so; one of no
priority list that it lacks counts as rare (サーセン, after すみません).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

# Zipf values (log10 of occurrences per billion words): 5 is once in 100,000 words (能力 5.0), 3 once in
# 10 million (体積 3.2). Above TOP every word is as common; below FLOOR as rare.
TOP = 5.0
FLOOR = 2.5
ABSENT_TAGGED = TOP  # a word of a priority list the list lacks and cannot cut: as common as its tags say
ABSENT = FLOOR  # a word of no priority list that the list lacks (サーセン)
# Points of the table's score (lower is better) per Zipf unit under TOP: 0 to 2 (rounded half to even),
# the weight of a priority band or two, so the tags and the senses' glosses still speak first (a weight of
# 1.5 or 2 sent "according to" to によって and "sustained" to 受ける: compounds the list lacks lost).
WEIGHT = 1.0


def japanese_frequencies() -> dict[str, float]:
    """wordfreq's Japanese words with their Zipf values; {} when wordfreq or its list cannot be read."""
    try:
        from wordfreq import get_frequency_dict

        found = get_frequency_dict("ja", "large")
    except (ImportError, OSError, LookupError, ValueError):
        return {}
    return {word: math.log10(share) + 9 for word, share in found.items() if share > 0}


def frequency_penalty(word: str, frequencies: Mapping[str, float], tagged: bool, later: bool = False) -> int:
    """Points added to a headword's score for being less common than TOP (0 for 人間, 2 for 体積); a
    later sense of its entry (`later`) counts as rare, the word's frequency being its first sense's;
    0 for every word when there is no list."""
    if not frequencies:
        return 0
    zipf = frequencies.get(word)
    if later:
        zipf = FLOOR
    elif zipf is None and tagged:
        zipf = pieces_zipf(word, frequencies)
    if zipf is None:
        zipf = ABSENT_TAGGED if tagged else ABSENT
    return round(WEIGHT * (TOP - min(max(zipf, FLOOR), TOP)))


def pieces_zipf(word: str, frequencies: Mapping[str, float]) -> float | None:
    """A word the list lacks as the rarest of the listed words it is cut into, longest first (専門家 is
    専門 and 家, as the list's tokenizer cut it); None when a piece is not listed."""
    rarest: float | None = None
    at = 0
    while at < len(word):
        for end in range(min(len(word), at + 8), at, -1):
            zipf = frequencies.get(word[at:end])
            if zipf is not None and end - at < len(word):
                rarest = zipf if rarest is None else min(rarest, zipf)
                at = end
                break
        else:
            return None
    return rarest
