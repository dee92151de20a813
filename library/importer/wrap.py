"""Step 4, first: lines the page hard-wrapped are one line again, and an address alone on its
line is the page's link, not text to study."""

from __future__ import annotations

import re

from library.importer import patterns as P
from library.importer import split as K
from library.importer.glossary import parse_headword
from library.importer.split import Line

_WRAP_END = re.compile(r"[.!?:;\"”’)\]…]$")
# A line ending in one of these words has not ended its sentence, whatever the next line starts with.
_OPEN_END = frozenset(
    "the a an of to in on at for and or but with from by as that its their his her our your is are was were".split()
)
# A line that is an address alone (`https://…`, `www.…`): a link of its own, never the rest of
# the sentence (or the title) above it, although it starts in lower case.
_ADDRESS_LINE = re.compile(r"^\S*(?:https?://|www\.)\S*$")


def _stands_alone(text: str) -> bool:
    """A lower-case line that is not the rest of a wrapped sentence: an address, or a
    headword opening a word-list entry (`rain garden (n.)`)."""
    return bool(_ADDRESS_LINE.match(text)) or is_headword(text)


def is_headword(text: str) -> bool:
    """`rain garden (n.)`: a term and its part of speech in brackets, alone on the line (with
    no brackets, `as a verb` could end a sentence)."""
    return text[-1:] in ")]" and parse_headword(text) is not None


def rejoin_wrapped(lines: list[Line]) -> None:
    """An English sentence hard-wrapped over several lines (no blank line between, or one
    where the pieces cannot stand as paragraphs; the next line starting in lower case, the
    line before not ending a sentence) is one line again."""
    head: Line | None = None
    # The pieces of the head's sentence, joined once at its end: adding each piece to the
    # head's text and testing the whole text's end again made many short lines quadratic.
    pieces: list[str] = []
    for line in lines:
        joinable = (
            head is not None
            and not line.kind
            and line.lang == "en"
            and _continues(line, pieces[-1])
            and not _WRAP_END.search(pieces[-1])
            and not _stands_alone(line.text)
            and parse_headword(line.text) is None
        )
        if joinable:
            pieces.append(line.text)
            line.kind = K.WRAPPED
            continue
        _join(head, pieces)
        head = line if not line.kind and line.lang == "en" and not P.MARKDOWN_HEADING.match(line.text) else None
        if head is not None and line.text[:1].islower() and _stands_alone(line.text):
            head = None  # nothing wraps onto an address or a headword
        pieces = [line.text] if head is not None else []
    _join(head, pieces)


def _continues(line: Line, before: str) -> bool:
    """Whether a line goes on with the sentence before it: right under it, starting in lower
    case or after an open word (`the`); across one blank line too, where the piece before
    does not end its sentence: neither can stand as a paragraph (the import says it joined
    them)."""
    if line.gap > 1:
        return False
    return line.text[:1].islower() or before.rsplit(" ", 1)[-1] in _OPEN_END


def mark_address_lines(lines: list[Line]) -> None:
    """An address alone on its line that no note claimed as its source is the page's link
    (to the story, to the site): site text, kept and said, not a paragraph to study."""
    for line in lines:
        if not line.kind and line.lang == "en" and _ADDRESS_LINE.match(line.text):
            line.kind = K.JUNK


def _join(head: Line | None, pieces: list[str]) -> None:
    """Give a head line the text of the lines wrapped onto it."""
    if head is not None and len(pieces) > 1:
        head.text = " ".join(pieces)
