"""Step 6: anchor each note to the span of English it explains.

Evidence, strongest first: a marker in the English text itself; a marker inside a
translation placed on a paragraph (the Latin term before it names the span); the terms
the note names (its head word, a Latin gloss in brackets, the names it repeats), found in
order, since notes are numbered in the order of the text they explain.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from library.importer import patterns as P
from library.importer.normalise import is_han, is_kana
from library.model import Anchor, Block, Note

_PHRASE = re.compile(r"[A-Za-z][A-Za-z0-9\-]*(?:[ ][A-Za-z][A-Za-z0-9\-]*)*")
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "and",
    "or",
    "by",
    "with",
    "from",
    "is",
    "are",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "this",
    "that",
    "these",
    "those",
    "as",
    "be",
    "was",
    "were",
    "it",
    "they",
    "we",
    "he",
    "she",
    "own",
    "very",
    "more",
    "most",
    "such",
    "than",
    "not",
}
# A word begins after a non-letter: starting inside a long word would scan it once per letter.
_TERM_BEFORE = re.compile(
    r"(?:\((?P<paren>[A-Za-z][^()]{0,40})\)|(?<![A-Za-z])(?P<word>[A-Za-z][A-Za-z0-9\-]*))[\W_]{0,3}$"
)


@dataclass
class Candidate:
    """A term the note names, with how strongly the note points at it."""

    phrase: str
    weight: float
    modifier: bool = False


@dataclass
class InlineRef:
    """A marker found in running text: which block, and the character offset it stood at."""

    marker: str
    block: int
    offset: int


def key(marker: str) -> str:
    """Markers compare by their number and style, whatever spaces were around them."""
    return re.sub(r"\s", "", marker)


def candidates(text: str) -> list[Candidate]:
    """Latin-script terms the note names, strongest first."""
    weights: dict[str, float] = {}
    modifier_hits: dict[str, int] = {}
    counts: dict[str, int] = {}
    head = text[:30]
    for m in _PHRASE.finditer(text):
        phrase = m.group(0).strip()
        words = phrase.split()
        if len(words) > 6:
            continue
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        w = 1.0
        if m.start() < len(head):
            w += 3.0
        if before == "(" and m.start() >= 2 and not text[m.start() - 2].isascii() and after == ")":
            w += 2.0
        parts = [(phrase, w)]
        if len(words) > 1:
            parts += [(word, w * (0.8 if k == len(words) - 1 else 0.5)) for k, word in enumerate(words)]
        for p, pw in parts:
            if p.lower() in _STOP or len(p) < 2:
                continue
            weights[p] = weights.get(p, 0.0) + pw
        counts[phrase] = counts.get(phrase, 0) + 1
        if before and (is_han(before) or (is_kana(before) and "\u30a0" <= before <= "\u30ff")):
            modifier_hits[phrase] = modifier_hits.get(phrase, 0) + 1
    out = [Candidate(p, w, modifier=modifier_hits.get(p, 0) * 2 > counts.get(p, 0) > 0) for p, w in weights.items()]
    out.sort(key=lambda c: (-c.weight, -len(c.phrase)))
    return out


def find(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where `phrase` occurs in `text` as whole words, its last word allowed an inflection."""
    return [(m.start(), m.end()) for m in _phrase_pattern(phrase).finditer(text)]


def first(text: str, phrase: str) -> tuple[int, int] | None:
    """Where `phrase` first occurs in `text` as `find` finds it (one search, not every place)."""
    m = _phrase_pattern(phrase).search(text)
    return (m.start(), m.end()) if m else None


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = phrase.split()
    last = re.escape(words[-1])
    stem = last[:-1] if words[-1].lower().endswith("y") else last
    head = r"\s+".join(re.escape(w) for w in words[:-1])
    tail = rf"(?:{last}(?:s|es|ed|d|ing|'s|’s)?|{stem}(?:ies|ied))"
    lead = head + r"\s+" if head else ""
    # Short all-capital names (AI, NOAA) match in capitals only; words match in any case.
    flags = 0 if phrase.isupper() and len(phrase) <= 4 else re.IGNORECASE
    return re.compile(rf"(?<![A-Za-z0-9]){lead}{tail}(?![A-Za-z0-9])", flags)


# How far before a marker the term it follows may start: a candidate phrase is at most six
# words, and reading the whole text before every marker made a line of markers quadratic.
REF_WINDOW = 200
# Paragraphs a term is tried in before it is given up: a term whose words are on every
# paragraph but never side by side would otherwise be tried on every paragraph for every note.
TERM_TRIES = 64
_TOKEN = re.compile(r"[a-z0-9]+")


def anchor_notes(notes: list[Note], blocks: list[Block], english_refs: list[InlineRef]) -> None:
    """Set `anchor` on each note that the evidence places (in place)."""
    previous = (-1, -1)
    refs = {key(r.marker): r for r in english_refs}
    if not notes:
        return  # most pages: the indexes below would be built for nothing
    translation_refs = _translation_refs(blocks)
    words = _word_index(blocks)
    for note in notes:
        # (a label the text starts with is not said twice: `taxi boat taxi boat` is no phrase of the text)
        named = note.label and not note.text.startswith(note.label)
        cands = candidates(note.label + " " + note.text if named else note.text)
        anchor = _from_english_ref(refs.get(key(note.marker)), blocks, cands)
        if anchor is None:
            anchor = _from_translation_ref(translation_refs.get(key(note.marker), []), blocks, cands)
        if anchor is None:
            anchor = _from_terms(blocks, cands, previous, words)
        note.anchor = anchor
        if anchor is not None:
            previous = (anchor.block, anchor.start)


def _from_english_ref(ref: InlineRef | None, blocks: list[Block], cands: list[Candidate]) -> Anchor | None:
    if ref is None:
        return None
    text = blocks[ref.block].text
    lo = max(0, ref.offset - REF_WINDOW)
    end = lo + len(text[lo : ref.offset].rstrip())  # the term ends where the marker's spaces begin
    for cand in cands:
        for hit in _phrase_pattern(cand.phrase).finditer(text, lo, ref.offset):
            if hit.end() == end:
                return Anchor(ref.block, hit.start(), hit.end())
    word = _WORD_BEFORE.search(text, lo, ref.offset)
    if word:
        return Anchor(ref.block, word.start(1), word.end(1))
    return None


_WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z0-9][A-Za-z0-9\-'’]*)[\W_]{0,2}$")  # from a word's start


def _translation_refs(blocks: list[Block]) -> dict[str, list[tuple[int, str, int]]]:
    """Every marker in the translations, by its key: (block, translation, where the marker
    starts), in text order; gathered once instead of once a note."""
    found: dict[str, list[tuple[int, str, int]]] = {}
    for pos, block in enumerate(blocks):
        for translation in block.translations.values():
            for m in P.NOTE_REF.finditer(translation):
                found.setdefault(key(m.group(0)), []).append((pos, translation, m.start()))
    return found


def _from_translation_ref(
    places: list[tuple[int, str, int]], blocks: list[Block], cands: list[Candidate]
) -> Anchor | None:
    for pos, translation, at in places:
        before = _TERM_BEFORE.search(translation, max(0, at - REF_WINDOW), at)
        if before:
            term = (before.group("paren") or before.group("word")).strip()
            hit = first(blocks[pos].text, term)
            if hit:
                return Anchor(pos, *hit)
        for cand in cands:
            hit = first(blocks[pos].text, cand.phrase)
            if hit:
                return Anchor(pos, *hit)
    return None


def _word_index(blocks: list[Block]) -> dict[str, list[int]]:
    """The paragraphs each lower-cased word (a run of letters and digits) stands in, in order."""
    index: dict[str, list[int]] = {}
    for pos, block in enumerate(blocks):
        if block.kind == "paragraph":
            for word in set(_TOKEN.findall(block.text.lower())):
                index.setdefault(word, []).append(pos)
    return index


def _paragraphs_with(phrase: str, words: dict[str, list[int]]) -> list[int]:
    """The paragraphs that can hold `phrase` as `find` finds it: those with its first word (a
    one-word phrase: in one of the forms `find` allows), in order."""
    lowered = phrase.lower()
    head = _TOKEN.search(lowered)
    if head is None:
        return []
    if head.group(0) != lowered:  # more words, or a hyphen: the first run stands as written
        return words.get(head.group(0), [])
    stem = lowered[:-1] if lowered.endswith("y") else lowered
    forms = {lowered + s for s in ("", "s", "es", "ed", "d", "ing")} | {stem + "ies", stem + "ied"}
    found: set[int] = set()
    for form in forms:
        found.update(words.get(form, ()))
    return sorted(found)


def _from_terms(
    blocks: list[Block], cands: list[Candidate], previous: tuple[int, int], words: dict[str, list[int]]
) -> Anchor | None:
    """The strongest term the text contains, at its first place from the previous note's paragraph on.
    `words`: the paragraphs each word stands in (`_word_index`)."""
    for cand in cands:
        places = _paragraphs_with(cand.phrase, words)
        if not places:
            continue  # most terms a note names (other products, sites) are not in the article
        later = bisect_left(places, previous[0])
        chosen: tuple[int, int, int] | None = None
        # From the previous note's paragraph on first, then the first place in the text.
        for pos in [*places[later : later + TERM_TRIES], *places[: min(later, TERM_TRIES)]]:
            hit = first(blocks[pos].text, cand.phrase)
            if hit:
                chosen = (pos, *hit)
                break
        if chosen is not None:
            pos, start, end = chosen
            if cand.modifier:
                start = _extend_left(blocks[pos].text, start)
            return Anchor(pos, start, end)
    return None


def _extend_left(text: str, start: int) -> int:
    """Take in the English word before a term the note writes with a modifier (生成AI → generative AI)."""
    # The word (Latin letters and hyphens, starting with a letter) and then only spaces up to
    # the term, found by walking back from the term: an end-anchored search tries every start.
    head = text[:start]
    end = len(head.rstrip())
    if end == len(head):
        return start  # no space between the word and the term
    first = end
    while first > 0 and _word_char(head[first - 1]):
        first -= 1
    while first < end and head[first] == "-":
        first += 1
    word = head[first:end]
    if word and word.lower() not in _STOP and word[0].islower():
        return first
    return start


def _word_char(ch: str) -> bool:
    return ch == "-" or (ch.isascii() and ch.isalpha())
