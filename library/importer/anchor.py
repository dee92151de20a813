"""Step 6: anchor each note to the span of English it explains.

Evidence, strongest first: a marker in the English text itself; a marker inside a
translation placed on a paragraph (the Latin term before it names the span); the terms
the note names (its head word, a Latin gloss in brackets, the names it repeats), found in
order, since notes are numbered in the order of the text they explain.
"""

from __future__ import annotations

import re
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


def anchor_notes(notes: list[Note], blocks: list[Block], english_refs: list[InlineRef]) -> None:
    """Set `anchor` on each note that the evidence places (in place)."""
    previous = (-1, -1)
    refs = {key(r.marker): r for r in english_refs}
    lowered = [b.text.lower() if b.kind == "paragraph" else "" for b in blocks]
    for note in notes:
        cands = candidates(note.label + " " + note.text if note.label else note.text)
        anchor = _from_english_ref(refs.get(key(note.marker)), blocks, cands)
        if anchor is None:
            anchor = _from_translation_ref(note.marker, blocks, cands)
        if anchor is None:
            anchor = _from_terms(blocks, cands, previous, lowered)
        note.anchor = anchor
        if anchor is not None:
            previous = (anchor.block, anchor.start)


def _from_english_ref(ref: InlineRef | None, blocks: list[Block], cands: list[Candidate]) -> Anchor | None:
    if ref is None:
        return None
    text = blocks[ref.block].text[: ref.offset]
    for cand in cands:
        for start, end in find(text, cand.phrase):
            if end == len(text.rstrip()):
                return Anchor(ref.block, start, end)
    m = re.search(r"(?<![A-Za-z0-9])([A-Za-z0-9][A-Za-z0-9\-'’]*)[\W_]{0,2}$", text)  # from a word's start
    if m:
        return Anchor(ref.block, m.start(1), m.end(1))
    return None


def _from_translation_ref(marker: str, blocks: list[Block], cands: list[Candidate]) -> Anchor | None:
    for pos, block in enumerate(blocks):
        for translation in block.translations.values():
            for m in P.NOTE_REF.finditer(translation):
                if key(m.group(0)) != key(marker):
                    continue
                before = _TERM_BEFORE.search(translation[: m.start()])
                if before:
                    term = (before.group("paren") or before.group("word")).strip()
                    hits = find(block.text, term)
                    if hits:
                        return Anchor(pos, *hits[0])
                for cand in cands:
                    hits = find(block.text, cand.phrase)
                    if hits:
                        return Anchor(pos, *hits[0])
    return None


def _from_terms(
    blocks: list[Block], cands: list[Candidate], previous: tuple[int, int], lowered: list[str]
) -> Anchor | None:
    """The strongest term the text contains, at its first place from the previous note's paragraph on.
    `lowered`: each block's text lower-cased (empty for blocks that are not paragraphs)."""
    everything = "\n".join(lowered)
    for cand in cands:
        probe = cand.phrase.lower()[:-1] if len(cand.phrase) > 3 else cand.phrase.lower()
        if probe not in everything:
            continue  # most terms a note names (other products, sites) are not in the article
        first: tuple[int, int, int] | None = None  # the first place in the text, if none is later
        chosen: tuple[int, int, int] | None = None
        for pos, block in enumerate(blocks):
            if probe not in lowered[pos]:
                continue
            hits = find(block.text, cand.phrase)
            if hits:
                first = first or (pos, *hits[0])
                if pos >= previous[0]:
                    chosen = (pos, *hits[0])
                    break
        chosen = chosen or first
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
