"""Katakana loanwords and names against English words, by their consonant skeletons.

A Japanese translation writes English names and loanwords in katakana (ルイス for Ruiz,
マイクロフラグメンテーション for micro-fragmenting). Both sides reduced to a rough
consonant skeleton (vowels dropped, sounds Japanese does not tell apart merged) can be
compared: that is evidence of which English paragraph a translation belongs to.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

_KANA = {
    "キャ": "kya",
    "キュ": "kyu",
    "キョ": "kyo",
    "シャ": "sha",
    "シュ": "shu",
    "ショ": "sho",
    "シェ": "she",
    "チャ": "cha",
    "チュ": "chu",
    "チョ": "cho",
    "チェ": "che",
    "ニャ": "nya",
    "ニュ": "nyu",
    "ニョ": "nyo",
    "ヒャ": "hya",
    "ヒュ": "hyu",
    "ヒョ": "hyo",
    "ミャ": "mya",
    "ミュ": "myu",
    "ミョ": "myo",
    "リャ": "rya",
    "リュ": "ryu",
    "リョ": "ryo",
    "ギャ": "gya",
    "ギュ": "gyu",
    "ギョ": "gyo",
    "ジャ": "ja",
    "ジュ": "ju",
    "ジョ": "jo",
    "ジェ": "je",
    "ビャ": "bya",
    "ビュ": "byu",
    "ビョ": "byo",
    "ピャ": "pya",
    "ピュ": "pyu",
    "ピョ": "pyo",
    "ファ": "fa",
    "フィ": "fi",
    "フェ": "fe",
    "フォ": "fo",
    "ティ": "ti",
    "ディ": "di",
    "デュ": "du",
    "トゥ": "tu",
    "ウィ": "wi",
    "ウェ": "we",
    "ウォ": "wo",
    "ヴァ": "va",
    "ヴィ": "vi",
    "ヴェ": "ve",
    "ヴォ": "vo",
    "ツァ": "tsa",
}
_SINGLE = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
        "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴ",
        [
            "a",
            "i",
            "u",
            "e",
            "o",
            "ka",
            "ki",
            "ku",
            "ke",
            "ko",
            "sa",
            "shi",
            "su",
            "se",
            "so",
            "ta",
            "chi",
            "tsu",
            "te",
            "to",
            "na",
            "ni",
            "nu",
            "ne",
            "no",
            "ha",
            "hi",
            "fu",
            "he",
            "ho",
            "ma",
            "mi",
            "mu",
            "me",
            "mo",
            "ya",
            "yu",
            "yo",
            "ra",
            "ri",
            "ru",
            "re",
            "ro",
            "wa",
            "wo",
            "n",
            "ga",
            "gi",
            "gu",
            "ge",
            "go",
            "za",
            "ji",
            "zu",
            "ze",
            "zo",
            "da",
            "ji",
            "zu",
            "de",
            "do",
            "ba",
            "bi",
            "bu",
            "be",
            "bo",
            "pa",
            "pi",
            "pu",
            "pe",
            "po",
            "vu",
        ],
        strict=True,
    )
)
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}")
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z\-]{2,}")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’]?\s+|[“\"]\s*)$")
_MERGE = str.maketrans({"l": "r", "v": "b", "z": "s", "q": "k", "x": "k", "j": "s", "d": "t", "g": "k", "p": "b"})


def romaji(word: str) -> str:
    """Katakana to a rough Latin spelling."""
    out = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in _KANA:
            out.append(_KANA[pair])
            i += 2
            continue
        ch = word[i]
        if ch == "ッ" or ch == "ー":
            out.append("")
        else:
            out.append(_SINGLE.get(ch, ""))
        i += 1
    return "".join(out)


_PH = re.compile(r"ph")
_SIBILANT = re.compile(r"sh|ch|ts|th")
_SOFT_C = re.compile(r"c(?=[eiy])")
_VOWELISH = re.compile(r"[aeiouyhw]")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def skeleton(latin: str) -> str:
    """Consonants only, with sounds Japanese merges (l/r, b/v, s/z/sh…) merged."""
    s = latin.lower().replace("-", "")
    s = _PH.sub("f", s)
    s = _SIBILANT.sub("s", s)
    s = _SOFT_C.sub("s", s)
    s = s.replace("ck", "k").replace("c", "k").translate(_MERGE)
    s = _VOWELISH.sub("", s)
    return _DOUBLE.sub(r"\1", s)


Word = tuple[str, str]  # (skeleton, spelling)


def katakana_skeletons(text: str) -> set[Word]:
    """Katakana words of a text (three kana or more) as (skeleton, romaji)."""
    out = set()
    for word in _KATAKANA_WORD.findall(text):
        spelled = romaji(word)
        sk = skeleton(spelled)
        if len(sk) >= 2:
            out.add((sk, _spelling(spelled)))
    return out


def english_skeletons(text: str) -> set[Word]:
    """English words of a text as (skeleton, spelling): three consonants or more, or two for a
    name (a capitalised word inside a sentence), since short skeletons match too much by chance."""
    out = set()
    for m in _ENGLISH_WORD.finditer(text):
        word = m.group(0)
        # A plural's -s is not in the katakana (ロボット for robots).
        for form in (word, word[:-1]) if len(word) > 3 and word.endswith("s") else (word,):
            sk = skeleton(form)
            name = len(sk) == 2 and form[0].isupper() and not _SENTENCE_START.search(text[: m.start()])
            if len(sk) >= 3 or name:
                out.add((sk, _spelling(form)))
    return out


def _spelling(word: str) -> str:
    return word.lower().replace("-", "").translate(_MERGE)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def alike(kata: Word, english: Word) -> bool:
    """Whether a katakana word and an English word are the same name or loanword.

    Long skeletons may differ at the end (an inflection: -tion/-ting); short ones must be
    equal and also sound alike with their vowels (ルイス/Ruiz, not サンゴ/Oceanic)."""
    k, kspell = kata
    e, espell = english
    if k == e:
        return len(k) >= 4 or SequenceMatcher(None, kspell, espell).ratio() >= 0.6
    shortest = min(len(k), len(e))
    return shortest >= 4 and _common_prefix(k, e) >= 0.75 * max(len(k), len(e))


class LoanwordIndex:
    """English words of many blocks, indexed for matching katakana words quickly."""

    def __init__(self, texts: list[str]) -> None:
        self._by_prefix: dict[str, list[tuple[Word, int]]] = {}
        for i, text in enumerate(texts):
            for word in english_skeletons(text):
                self._by_prefix.setdefault(word[0][:2], []).append((word, i))

    def blocks_matching(self, kata: Word) -> set[int]:
        """The indexes of the texts that have a word alike to `kata`."""
        return {i for word, i in self._by_prefix.get(kata[0][:2], ()) if alike(kata, word)}
