"""Whether every line of a page is somewhere in what its import made: each non-blank line of the
source must be found, as normalised text, in some field of the lesson(s) (title and its
translation, blocks and their translations, notes, glossary entries, captions, exercises,
unplaced lines, site text and lines kept aside). The rewrites the importer makes on purpose are
allowed: a line's label or marker taken off (`例文：`, `【例句】1.`, `ex)`, `※1`), and a line
of a term glued to its gloss (`农民farmer`) kept as its two halves. For checks and the fidelity
figures, not for the import itself."""

from __future__ import annotations

import re
from collections.abc import Iterable

from library.importer import patterns as P
from library.importer.normalise import content_key, normalise
from library.importer.text import lesson_texts
from library.model import Lesson

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# Labels and markers an import takes off a line's start: a bracketed label (`【例文】`,
# `[ Examples ]`), a short label before a colon (`例文：`, `発音:`, `Example:`), `ex)`, a number.
_LEAD = re.compile(
    r"^(?:\s*(?:[\[【〔(（][^\]】〕)）]{1,20}[\]】〕)）]"
    r"|[^\s:：]{1,12}\s?[:：]"
    r"|(?:ex|e\.g|eg)\s?[).:]"
    r"|\d{1,3}\s?[.)、]"
    r"|[*・•\-–※]+\d{0,3}))+\s*",
    re.IGNORECASE,
)
# A line's words: a run of CJK script, or a run of anything else up to a space (a term glued to
# its gloss, `农民farmer`, is two words).
_WORDS = re.compile(rf"[{_CJK}]+|[^\s{_CJK}【】\[\]()（）/|]+")
# A link's or an image's target in Markdown (`[text](https://…)`): markup, not text.
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)\s]*\)")  # an image alone on its line: no text to study
_LINK_TARGET = re.compile(r"!?\[([^\[\]]*)\]\([^)\s]*\)")
# A line cut by the import into this many fields at most (an entry's term, sounds, part of speech
# and gloss; a headline and its translation), each held whole somewhere; a longer line (a page on
# one line, chunks cut at slashes) into pieces of this many words on average at least.
MAX_PIECES = 5
PIECE_WORDS = 3


def _forms(line: str) -> Iterable[str]:
    yield line
    yield P.NOTE_REF.sub("", line)
    yield P.NOTE_START.sub("", line)
    yield _LEAD.sub("", line, count=1)
    yield _LINK_TARGET.sub(r"\1", line)


def lost_lines(text: str, lessons: Lesson | Iterable[Lesson]) -> list[str]:
    """The non-blank lines of `text` found in no field of `lessons` (markup lines of a saved
    page, holding `<`, and a Markdown image alone on its line are not text)."""
    every = [lessons] if isinstance(lessons, Lesson) else list(lessons)
    held = "\0".join(content_key(t) for lesson in every for t in lesson_texts(lesson))
    lost: list[str] = []
    for raw in text.splitlines():
        line = normalise(raw.strip())
        if not line or "<" in raw or _IMAGE.fullmatch(line):
            continue
        keys = [content_key(f) for f in _forms(line)]
        if any(k and k in held for k in keys) or not content_key(line):
            continue
        rest = _LINK_TARGET.sub(r"\1", _LEAD.sub("", line, count=1))
        if _pieces(rest, held) > max(MAX_PIECES, len(rest.split()) // PIECE_WORDS):
            lost.append(raw.strip())
    return lost


def _pieces(line: str, held: str) -> int:
    """In how few runs of whole words, each held somewhere, the line is cut (the longest run
    first, from its start); more than the line has words where a word is held nowhere."""
    words = [k for k in (content_key(w) for w in _WORDS.findall(line)) if k]
    count, i = 0, 0
    while i < len(words):
        j = i
        while j < len(words) and "".join(words[i : j + 1]) in held:
            j += 1
        if j == i:
            return len(line) + MAX_PIECES
        count, i = count + 1, j
    return count
