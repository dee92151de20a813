"""Dictionary phrases in a lesson's text: a run of two to four words the dictionary has as one entry
("prime minister" 首相, "interest rates" 金利), glossed and looked up as one, over the whole run, rather
than word by word (春 + 牧師). A phrase stays within its sentence, its words stand one space apart
(no comma or dash between) and it neither begins nor ends with a word sentences are made of
("an issue", "able to" are not phrases of their text). The longest phrase wins."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from itertools import pairwise

from library.wordforms import WORD_RE

MAX_WORDS = 4
_GAP = re.compile(r"[ \t\u00a0]+")  # what stands between a phrase's words
_EDGE_WORDS = frozenset(
    "a an the of to in on at by for from with into onto about over under up out off down upon as and or but nor "
    "so if than then that this these those there here it its is are was were be been being am will would shall "
    "should can could may might must has have had do does did not no i me my you your he him his she her we us "
    "our they them their who whom whose which what when where why how".split()
)

# candidate phrases (lower case, as written) → those the dictionary (or the word list, or my notes) has
Known = Callable[[list[str]], set[str]]


@dataclass(frozen=True)
class Phrase:
    """A dictionary phrase of a text: its span, its words' spans and its words as written."""

    start: int
    end: int
    words: tuple[tuple[int, int], ...]
    text: str


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]


def _runs_around(text: str, words: list[tuple[int, int, str]], at: int) -> Iterable[tuple[int, int]]:
    """(first, last) word indexes of every candidate run of 2..MAX_WORDS words that holds word `at`."""
    for first in range(max(0, at - MAX_WORDS + 1), at + 1):
        for last in range(max(at, first + 1), min(len(words), first + MAX_WORDS)):
            run = words[first : last + 1]
            if run[0][2].lower() in _EDGE_WORDS or run[-1][2].lower() in _EDGE_WORDS:
                continue
            if all(_GAP.fullmatch(text[a[1] : b[0]]) for a, b in pairwise(run)):
                yield first, last


def _phrase(text: str, words: list[tuple[int, int, str]], first: int, last: int) -> Phrase:
    run = words[first : last + 1]
    return Phrase(run[0][0], run[-1][1], tuple((a, b) for a, b, _w in run),
                  " ".join(w.replace("’", "'").lower() for _a, _b, w in run))


def candidates(text: str, spans: Iterable[tuple[int, int]], skip: Collection[int] = ()) -> list[Phrase]:
    """Every candidate phrase of a text that holds one of the words at `spans` (start, end); no word of a
    candidate starts at an offset in `skip` (names) or is written in another script."""
    words = _words(text)
    index = {start: i for i, (start, _end, _w) in enumerate(words)}
    out: dict[tuple[int, int], Phrase] = {}
    for start, _end in spans:
        at = index.get(start)
        if at is None:
            continue
        for first, last in _runs_around(text, words, at):
            if (first, last) in out:
                continue
            run = words[first : last + 1]
            if any(a in skip or not w.isascii() for a, _b, w in run):
                continue
            out[(first, last)] = _phrase(text, words, first, last)
    return list(out.values())


def longest(found: Iterable[Phrase]) -> list[Phrase]:
    """Of phrases found in one text, the longest wherever they overlap (the earlier of two as long), in text order."""
    chosen: list[Phrase] = []
    taken: list[tuple[int, int]] = []
    for phrase in sorted(found, key=lambda p: (-len(p.words), p.start)):
        if all(phrase.end <= a or phrase.start >= b for a, b in taken):
            chosen.append(phrase)
            taken.append((phrase.start, phrase.end))
    return sorted(chosen, key=lambda p: p.start)


def phrase_at(text: str, start: int, end: int, known: Known) -> Phrase | None:
    """The longest dictionary phrase of a text that holds the word at start..end, None when there is none."""
    found = candidates(text, [(start, end)])
    if not found:
        return None
    has = known(sorted({p.text for p in found}))
    best = longest(p for p in found if p.text in has)
    return next((p for p in best if p.start <= start and end <= p.end), None)


def dictionary_known(first_senses: Callable[[list[str]], dict[str, object]]) -> Known:
    """A Known of a dictionary's batch lookup (Dictionary.first_senses): the candidates it has an entry for."""
    return lambda texts: set(first_senses(texts)) if texts else set()
