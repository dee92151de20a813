"""Step 4, first: lines the page hard-wrapped are one line again, and an address alone on its
line is the page's link, not text to study."""

from __future__ import annotations

import re

from library.importer import patterns as P
from library.importer import split as K
from library.importer.glossary import parse_headword
from library.importer.labels import ORIGINAL
from library.importer.split import Line

CJK = ("ja", "zh", "ko")
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
    line before not ending a sentence) is one line again. Across a blank line the pieces
    must make a sentence: the first starts with a capital, the last ends with a stop."""
    head: Line | None = None
    # The pieces of the head's sentence, joined once at its end: adding each piece to the
    # head's text and testing the whole text's end again made many short lines quadratic.
    pieces: list[str] = []
    chain: list[int] = []  # where in `lines` each piece joined onto the head stands
    k = 0
    # After a chain across blank lines was cut, its lines are read again with no blank joined
    # (each is read twice at most: the page stays linear).
    no_blank_upto = -1
    while k <= len(lines):  # one step past the end, to close the last chain
        line = lines[k] if k < len(lines) else None
        joinable = (
            line is not None
            and head is not None
            and not line.kind
            and line.lang == "en"
            and (line.gap == 0 or (k > no_blank_upto and pieces[0][:1].isupper()))
            and _continues(line, pieces[-1])
            and not _WRAP_END.search(pieces[-1])
            and not _stands_alone(line.text)
            and parse_headword(line.text) is None
        )
        if joinable:
            assert line is not None
            pieces.append(line.text)
            chain.append(k)
            line.kind = K.WRAPPED
            k += 1
            continue
        cut = _across_blank_cut(lines, head, pieces, chain)
        if cut is not None:
            # Pieces across a blank line that do not make a sentence: each stands as it is.
            for j in chain[cut:]:
                lines[j].kind = K.UNDECIDED
            _join(head, pieces[: cut + 1])
            no_blank_upto = chain[-1]
            head, pieces, k, chain = None, [], chain[cut], []
            continue
        _join(head, pieces)
        if line is None:
            break
        head = line if not line.kind and line.lang == "en" and not P.MARKDOWN_HEADING.match(line.text) else None
        if head is not None and line.text[:1].islower() and _stands_alone(line.text):
            head = None  # nothing wraps onto an address or a headword
        pieces = [line.text] if head is not None else []
        chain = []
        k += 1


# How a sentence ends: pieces joined across a blank line must make one.
_SENTENCE_CLOSE = re.compile(r"[.!?…\"”’)]$")


def _across_blank_cut(lines: list[Line], head: Line | None, pieces: list[str], chain: list[int]) -> int | None:
    """Where a chain of pieces joined across blank lines must be cut (the position in `chain`
    of the first piece after a blank), when they do not make a sentence: the head does not
    start one (a capital) or the last piece does not end one. None: the chain stands."""
    if head is None:
        return None
    first_blank = next((n for n, j in enumerate(chain) if lines[j].gap), None)
    if first_blank is None:
        return None
    if head.text[:1].isupper() and _SENTENCE_CLOSE.search(pieces[-1]):
        return None
    return first_blank


def _continues(line: Line, before: str) -> bool:
    """Whether a line goes on with the sentence before it: right under it, starting in lower
    case or after an open word (`the`); across one blank line too, where the piece before
    does not end its sentence: neither can stand as a paragraph (the import says it joined
    them)."""
    if line.gap > 1:
        return False
    return line.text[:1].islower() or before.rsplit(" ", 1)[-1] in _OPEN_END


# A translation's sentence ends with one of these; a line ending otherwise was broken mid-sentence.
_CJK_END = frozenset("。．！？!?.」』）)…")
# A line before a break is long (the page's width); a heading's translation is shorter.
WRAP_HEAD_CHARS = 10
# A line opening a part of its own: a note's marker, a bullet, a number, a label in brackets.
_OWN_START = re.compile(r"^(?:[※*＊注【\[〔•・●○◆■▶►→\-]|[(（](?=\d|注|※|[a-zA-Z]\W)|\d{1,3}[.)）])")
# A break after a comma is inside a sentence whatever the line's length.
_CJK_COMMA = frozenset("、，,")


def rejoin_wrapped_translations(lines: list[Line]) -> None:
    """A translation's sentence hard-wrapped over two or three lines (no blank line between,
    the same language, no stop at the break, the last line ending the sentence) is one line
    again: joined with nothing between in Japanese and Chinese, a space in Korean."""
    k = 0
    while k < len(lines):
        head = lines[k]
        end = k + 1
        if (
            not head.kind
            and head.lang in CJK
            and (len(head.text) >= WRAP_HEAD_CHARS or head.text[-1] in _CJK_COMMA or _in_group(lines, k))
            and head.text[-1] not in _CJK_END
            and not _OWN_START.match(head.text)
        ):
            while end < len(lines) and lines[end - 1].text[-1] not in _CJK_END and _goes_on(head, lines[end]):
                end += 1
        if end - k > 1 and lines[end - 1].text[-1] in _CJK_END:
            joiner = " " if head.lang == "ko" else ""
            rest = [ln.text for ln in lines[k + 1 : end]]
            head.text = joiner.join([head.text, *rest])
            if head.shown is not None:  # a label taken off its start (`訳：…`): what is shown goes on too
                head.shown = joiner.join([head.shown, *rest])
            for line in lines[k + 1 : end]:
                line.kind = K.WRAPPED
        k = end


GROUP_LOOK_BACK = 60  # lines looked at above a short line for its group's label


def _in_group(lines: list[Line], k: int) -> bool:
    """Whether line k stands in a group of translations under its label (`日本語訳`, `翻訳`): no
    heading's translation there, so a short line before a break is a sentence's start too."""
    for j in range(k - 1, max(-1, k - 1 - GROUP_LOOK_BACK), -1):
        line = lines[j]
        if line.kind == K.LABEL:
            return line.label_role != ORIGINAL
        if line.kind not in (K.UNDECIDED, K.WRAPPED) or line.lang not in CJK:
            return False
    return False


def _goes_on(head: Line, line: Line) -> bool:
    """Whether a line goes on with the translation's sentence `head` began: right under it, in its language."""
    return not line.kind and line.gap == 0 and line.lang == head.lang and not _OWN_START.match(line.text)


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
