"""A heading or paragraph made a glossary entry takes the translation placed on it as its gloss: a word
list the import read as paragraphs (each term a paragraph, its gloss line taken for the term's
translation) is repaired by making its lines glossary entries, the term the English line and the gloss
the translation line (library/pagelines.py lays the decisions, then this)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from library.importer import split as K
from library.importer.glossary import parse_entries, parse_entry, split_rest
from library.importer.split import Line
from library.model import GlossaryEntry
from library.pageroles import FOLDED, Role, paragraph_made

# The languages a translation line is in.
CJK = frozenset({"ja", "zh", "ko"})

# Why a translation is unplaced whose heading or paragraph was made a glossary entry.
MADE_ENTRY = frozenset({paragraph_made(Role.GLOSSARY), paragraph_made(Role.GLOSSARY, True)})


def with_gloss(text: str, gloss: str) -> tuple[GlossaryEntry, ...] | None:
    """The entries of a line made a glossary entry, with `gloss` (its translation line) as the last one's
    gloss: the whole line the term where the importer reads no entry in it; None where the line's last
    entry has a gloss already (the translation is then no gloss of it)."""
    found = list(parse_entries(text))
    if not found:
        one = parse_entry(text)
        found = [one] if one is not None else [GlossaryEntry(term=text.strip())]
    last = found[-1]
    definition, translation = split_rest(gloss.strip())
    if (translation and last.translation) or (not translation and last.definition) or not (definition or translation):
        return None
    found[-1] = replace(
        last,
        definition=last.definition or definition,
        translation=last.translation or translation,
    )
    return tuple(found)


def take_glosses(
    lines: Sequence[Line], pairs: Sequence[tuple[Line, Line]], reasons: dict[int, str], roled: set[int]
) -> dict[int, Line]:
    """For each line made a glossary entry (pairs: translation line, the block line it was placed on, whose
    role took it off), the first of its translations still unplaced for that reason is its gloss: folded
    into the entry (a glossary line now, its reason gone). Returns gloss line (by id) → its entry's line."""
    out: dict[int, Line] = {}
    if not pairs:
        return out
    at = {id(ln): k for k, ln in enumerate(lines)}
    done: set[int] = set()
    for tr, tg in sorted(pairs, key=lambda p: at.get(id(p[0]), -1)):
        if id(tr) not in at or id(tg) not in at or id(tg) in done or id(tr) in out or id(tr) in roled:
            continue
        if tg.kind != K.ENTRY or tr.kind != K.UNDECIDED or reasons.get(id(tr)) not in MADE_ENTRY:
            continue
        entries = with_gloss(tg.body, tr.body)
        if entries is None:
            continue
        tg.entries = entries
        tr.kind = K.ENTRY_BODY  # part of the entry: shown as the glossary's, no translation of any block
        reasons.pop(id(tr), None)
        out[id(tr)] = tg
        done.add(id(tg))
    return out


def glosses_below(lines: Sequence[Line], roled: set[int]) -> dict[int, Line]:
    """A line in the translation's language the user made a glossary entry, right under an entry with no
    gloss: that entry's gloss (a term's gloss line the import left unplaced, made an entry with its term),
    as the importer reads a headword's next line. Returns gloss line (by id) → its entry's line."""
    out: dict[int, Line] = {}
    if not roled:
        return out
    above: Line | None = None
    for ln in lines:
        if ln.kind in FOLDED:
            continue
        if id(ln) in roled and ln.kind == K.ENTRY and ln.lang in CJK and above is not None and above.kind == K.ENTRY:
            entries = with_gloss(above.body, ln.body)
            if entries is not None:
                above.entries, ln.entries = entries, ()
                ln.kind = K.ENTRY_BODY
                out[id(ln)] = above
        above = ln
    return out


def pair_glosses(lines: Sequence[Line], reasons: dict[int, str]) -> dict[int, Line]:
    """The translation half of a sentence pair (a word list read as pairs: each term, then its gloss line)
    whose English half was made a glossary entry: that entry's gloss where it has none, else unplaced
    saying why, never left on no block. Returns gloss line (by id) → its entry's line."""
    out: dict[int, Line] = {}
    above: Line | None = None
    for ln in lines:
        if ln.kind in FOLDED:
            continue
        if ln.kind == K.PAIR and above is not None and above.kind == K.ENTRY:
            entries = with_gloss(above.body, ln.body)
            if entries is not None:
                above.entries = entries
                ln.kind = K.ENTRY_BODY  # part of the entry: shown as the glossary's
                out[id(ln)] = above
            else:
                ln.kind = K.UNDECIDED
                reasons[id(ln)] = paragraph_made(Role.GLOSSARY)
        above = ln
    return out
