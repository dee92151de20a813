"""A commentary section (`【解説】`, `【讲解】`, `해설:`, `Commentary`) alone on its line, over
the lines that explain the text: one note, English examples and all. An English example or
quote inside it (`"stop the rain from coming in"`) is part of the explanation, not a paragraph
of the article; the section ends at the next label or heading, or at an English line that
reads as the article going on (a sentence not quoted, not an example).
"""

from __future__ import annotations

import re

from library.importer import patterns as P
from library.importer import split as K
from library.importer.split import Line

# A commentary section's label, alone on its line.
COMMENTARY = re.compile(
    r"^[【\[■]?\s*(?P<word>解説|解說|讲解|講解|注释|注釋|文法(?:解説|ポイント)?|语法(?:讲解|说明)?|語法(?:講解|說明)?|"
    r"ポイント|해설|설명|문법(?: 설명)?|Commentary|Grammar(?: notes?| points?)?|Notes)\s*[】\]]?\s*[:：]?$",
    re.IGNORECASE,
)
# An English line of the section: quoted, an example, a pattern (`stop A from ~ing`), or short.
_QUOTED = re.compile(r"^(?:[\"“'‘「『(（]|e\.g\.|ex\)|例|→|[-•・*]\s)", re.IGNORECASE)
EXAMPLE_WORDS = 6


# A commentary line: the label and the commentary on one line (`註：…`, `解説：…`, `【解説】…`,
# `※解説 …`), under the translation it comments on.
_WORDS = r"註釈?|注釈|注释|注釋|註釋|解説|解說|讲解|講解|해설"
# Japanese and Chinese write no space after a word: one after the label's word marks it too
# (`注釈 rubbish は…`). Not in Korean, which spaces its words (`해설 위원은…` is a sentence).
_SPACED_WORDS = r"註釈?|注釈|注释|注釋|註釋|解説|解說|讲解|講解"
_INLINE = re.compile(
    rf"^(?:[【\[]\s*(?P<b>{_WORDS}|注|ポイント)\s*[】\]]\s*[:：]?|※?\s?(?P<c>{_WORDS})\s*[:：]|※?\s?(?P<k>{_SPACED_WORDS})\s)\s*(?=\S)"
)
_INLINE_FIRST = frozenset("【[※註注解讲講해")
# A bare `※` before a comment (no number after it: `※1` is a note's marker, `※2つの` a number).
_KOME = re.compile(r"^※\s?(?=[^\d\s])")


def mark_commentary(lines: list[Line]) -> None:
    """Each commentary section a note: its label kept aside, the lines under it the note's text;
    each commentary line a note, its label the marker."""
    _mark_commentary_lines(lines)
    k = 0
    while k < len(lines):
        m = COMMENTARY.match(lines[k].text) if lines[k].kind in (K.UNDECIDED, K.LABEL) else None
        if m is None:
            k += 1
            continue
        body = _section(lines, k + 1)
        if not body:
            k += 1
            continue
        lines[k].kind = K.LABEL
        first = lines[body[0]]
        first.kind, first.marker = K.NOTE, m.group("word")
        for i in body[1:]:
            lines[i].kind = K.NOTE_CONT
        k = body[-1] + 1


def _mark_commentary_lines(lines: list[Line]) -> None:
    """`註：…`, `【解説】…`, and a bare `※ …` right under a translation (the page's own comment on
    it): notes, each marked by its label, not lines of the translation above."""
    for k, line in enumerate(lines):
        if line.kind or line.lang == "en" or line.text[:1] not in _INLINE_FIRST:
            continue
        m = _INLINE.match(line.text)
        if m is not None:
            line.kind, line.marker = K.NOTE, m.group("b") or m.group("c") or m.group("k")
            line.shown = line.text[m.end() :]
            continue
        above = lines[k - 1] if k else None
        kome = _KOME.match(line.text)
        if kome and above is not None and line.gap == 0 and above.lang == line.lang:
            line.kind, line.marker, line.shown = K.NOTE, "※", line.text[kome.end() :]


def _section(lines: list[Line], start: int) -> list[int]:
    """The lines of a section opened above `start`: up to the next label, heading or English
    sentence of the article; none unless the section explains in the page's other language."""
    out: list[int] = []
    for line in lines[start:]:
        if line.kind or (out and line.gap > 1) or _ends_section(line):
            break
        out.append(line.index)
    return out if any(lines[i].lang != "en" for i in out) else []


def _ends_section(line: Line) -> bool:
    if COMMENTARY.match(line.text) or P.SECTION_LABEL.match(line.text) or P.WORDLIST_HEADING.match(line.text):
        return True
    if line.lang != "en":
        return False
    return not (_QUOTED.match(line.text) or len(line.text.split()) < EXAMPLE_WORDS)
