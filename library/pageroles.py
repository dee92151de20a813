"""The roles a line of a lesson's page may have, and a role given to a line as the importer's
kinds say it (library/pagelines.py lays the user's decisions over the lines with it)."""

from __future__ import annotations

import re
from enum import StrEnum

from library.importer import patterns as P
from library.importer import split as K
from library.importer.glossary import parse_entries, parse_entry
from library.importer.split import Line
from library.markers import next_marker
from library.model import GlossaryEntry
from library.termpairs import pairs_of


class Role(StrEnum):
    """What a line of the page is in the lesson."""

    TITLE = "title"
    TITLE_TRANSLATION = "title_translation"
    CAPTION = "caption"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TRANSLATION = "translation"
    NOTE = "note"
    GLOSSARY = "glossary"
    EXERCISE = "exercise"
    SITE = "site"
    UNPLACED = "unplaced"


# The roles a user may give a line: every role but none.
SETTABLE = (
    Role.TITLE,
    Role.TITLE_TRANSLATION,
    Role.CAPTION,
    Role.HEADING,
    Role.PARAGRAPH,
    Role.TRANSLATION,
    Role.NOTE,
    Role.GLOSSARY,
    Role.EXERCISE,
    Role.SITE,
    Role.UNPLACED,
)

SETTABLE_NAMES = frozenset(str(r) for r in SETTABLE)

# The importer's line kinds as roles: a word list's heading, example and definition lines are
# part of the glossary; a note's source line part of the note; a label, a repeated caption
# and page chrome are site text (kept aside, not shown in the lesson).
ROLE_OF_KIND: dict[K.Kind, Role] = {
    K.UNDECIDED: Role.UNPLACED,
    K.TITLE: Role.TITLE,
    K.TITLE_TRANSLATION: Role.TITLE_TRANSLATION,
    K.CAPTION: Role.CAPTION,
    K.CAPTION_DUP: Role.CAPTION,
    K.HEADING: Role.HEADING,
    K.PARAGRAPH: Role.PARAGRAPH,
    K.WORDLIST: Role.GLOSSARY,
    K.ENTRY: Role.GLOSSARY,
    K.EXAMPLE: Role.GLOSSARY,
    K.ENTRY_BODY: Role.GLOSSARY,
    K.NOTE: Role.NOTE,
    K.NOTE_CONT: Role.NOTE,
    K.SOURCE: Role.NOTE,
    K.JUNK: Role.SITE,
    K.LABEL: Role.SITE,
    K.CJK: Role.UNPLACED,
    K.PAIR: Role.TRANSLATION,
    K.TRANSLATION: Role.TRANSLATION,
    K.SPEAKER: Role.PARAGRAPH,
    K.WRAPPED: Role.PARAGRAPH,
    K.EXERCISE: Role.EXERCISE,
}

# Lines whose text the importer moved onto another line (a hard-wrapped sentence's rest, a
# speaker's name): the line they joined shows it, so the page view does not show them twice.
FOLDED = frozenset({K.WRAPPED, K.SPEAKER})


class DecisionError(ValueError):
    """A decision that cannot be made (a line or role that does not exist); a one-line reason."""


class NothingToChange(DecisionError):
    """A decision that would change nothing (a line given the role it has): refused, as no undo step."""


class NoSuchTarget(DecisionError):
    """A translation given a block it cannot translate: one there is not, or the line's own."""


# What a heading or paragraph given another role is made, as the reason for its translation says it.
_MADE = {
    Role.TITLE: "the title",
    Role.TITLE_TRANSLATION: "the title's translation",
    Role.CAPTION: "a caption",
    Role.TRANSLATION: "a translation",
    Role.NOTE: "a note",
    Role.GLOSSARY: "a glossary entry",
    Role.EXERCISE: "part of an exercise",
    Role.SITE: "site text",
    Role.UNPLACED: "an unplaced line",
}


def paragraph_made(role: Role, heading: bool = False) -> str:
    """Why a translation is unplaced whose heading or paragraph was given `role` (no block's)."""
    return f"its {'heading' if heading else 'paragraph'} was made {_MADE.get(role, str(role))}"


def entries_of(text: str) -> tuple[GlossaryEntry, ...]:
    """A line's glossary entries as the importer reads them; the whole line as one term where it reads none."""
    pairs = pairs_of(text)  # `harbour 港 ferry フェリー`: one entry a pair, as the line cut into its pairs gives
    if pairs:
        return tuple(e for pair in pairs for e in entries_of(pair))
    found = parse_entries(text)
    if found:
        return tuple(found)
    entry = parse_entry(text)
    if entry is not None:
        return (entry,)
    # A line the user calls an entry, in no shape the importer reads: `term definition`.
    term, _, rest = text.partition(" ")
    return (GlossaryEntry(term=term, definition=rest.strip()),)


_NOTE_MARKER = re.compile(r"\s")


def _stanza_from(lines: list[Line], i: int) -> None:
    """The lines of line i's stanza from line i on: a stanza of their own, starting at line i (a stanza
    is named by its first line's index, as the importer numbered the lines)."""
    if i >= len(lines) or lines[i].stanza is None:
        return
    old, start = lines[i].stanza, lines[i].index
    for ln in lines[i:]:
        if ln.stanza != old:
            break
        ln.stanza = start


# A line that ends as a sentence or a clause does (the importer's reading of an English line: no heading).
_SENTENCE_END = re.compile(r"[.!?;:,…\"”’)\]]$")
HEADING_WORDS = 8  # the importer's longest heading


def _untitled(lines: list[Line], old: Line, title: Line) -> K.Kind:
    """What the old title is when another line is made the title: what the importer takes such a line for
    among the English lines (a short line before a longer one a heading, else a paragraph), a translation
    line where it is in the translation's language (the aligner places it), never site text."""
    if old.lang in ("ja", "zh", "ko"):
        return K.CJK
    if old.lang != "en":
        return K.UNDECIDED
    text = old.body
    at = next((k for k, ln in enumerate(lines) if ln is old), len(lines))
    nxt = next(
        (ln for ln in lines[at + 1 :] if ln is not title and ln.kind in (K.HEADING, K.PARAGRAPH) and ln.lang == "en"),
        None,
    )
    words = len(text.split())
    short = words <= HEADING_WORDS and not _SENTENCE_END.search(text) and text[:1].isupper()
    return K.HEADING if short and nxt is not None and len(nxt.body.split()) > words else K.PARAGRAPH


def set_role(lines: list[Line], i: int, role: Role) -> None:
    """Give line i a role, as the importer's kinds say it (the old title, when another line is
    made the title, becomes what the importer would take it for: a page has one title)."""
    line = lines[i]
    if line.stanza is not None and line.stanza != line.index and role in (Role.HEADING, Role.PARAGRAPH):
        # A line the importer joined to the English line above it (a paragraph given sentence by
        # sentence): a block of its own now, the stanza's lines after it going on with it.
        _stanza_from(lines, i)
        if role == ROLE_OF_KIND.get(line.kind):
            return
    # What it is already: the importer's reading of it (a stanza, a same-line translation) stays. A
    # translation may be given another paragraph; a placed one made unplaced is held back from the aligner
    # (a Japanese line reads as unplaced until the aligner places it: that role is no "already" for it).
    if role == ROLE_OF_KIND.get(line.kind) and role != Role.TRANSLATION and line.kind != K.CJK:
        return
    if line.stanza is not None and line.stanza == line.index:
        _stanza_from(lines, i + 1)  # the stanza's lines after it go on without it
    line.same_line_translation = ""
    line.stanza = None
    line.repeated = False
    if role == Role.TITLE:
        for other in lines:
            if other.kind == K.TITLE and other is not line:
                other.kind = _untitled(lines, other, line)
        line.kind = K.TITLE
    elif role == Role.HEADING:
        line.kind = K.HEADING
    elif role == Role.PARAGRAPH:
        line.kind = K.PARAGRAPH
    elif role == Role.TRANSLATION:
        # Placed by hand (assemble is told where); a sentence pair's half stays one, joined as pairs are.
        line.kind = K.PAIR if line.kind == K.PAIR else K.CJK
    elif role == Role.NOTE:
        m = P.NOTE_START.match(line.text)
        above = next((ln for ln in reversed(lines[:i]) if ln.kind not in FOLDED), None)
        if m:
            line.kind, line.marker = K.NOTE, _NOTE_MARKER.sub("", m.group("marker"))
        elif above is not None and above.kind in (K.NOTE, K.NOTE_CONT, K.SOURCE):
            line.kind = K.NOTE_CONT  # goes on the note above
        else:
            # A note of its own with no marker: the lesson's next one, in the style of its others.
            others = [ln.marker for ln in lines if ln.kind == K.NOTE and ln.marker and ln is not line]
            line.kind, line.marker = K.NOTE, next_marker(others)
    elif role == Role.GLOSSARY:
        line.kind = K.ENTRY
        line.entries = entries_of(line.text)
    elif role == Role.EXERCISE:
        # Part of the exercise right above it, or the start of one.
        above = next((ln for ln in reversed(lines[:i]) if ln.kind not in FOLDED), None)
        start = above.exercise if above is not None and above.kind == K.EXERCISE else None
        line.kind, line.exercise = K.EXERCISE, start if start is not None else i
    elif role == Role.SITE:
        line.kind = K.JUNK
    elif role == Role.UNPLACED:
        line.kind = K.UNDECIDED
    elif role == Role.CAPTION:
        line.kind = K.CAPTION  # kept with the lesson's captions, out of the body
    elif role == Role.TITLE_TRANSLATION:
        for other in lines:  # a page has one title translation: the old one is unplaced
            if other.kind == K.TITLE_TRANSLATION and other is not line:
                other.kind = K.UNDECIDED
        line.kind = K.TITLE_TRANSLATION
    else:
        raise DecisionError(f"a line cannot be given the role {role!r}")
