"""A page that reached us as one long line (its line breaks lost in a copy): English
paragraphs, their translations and word-list entries in turn. It is cut into segments where
the script changes after a sentence's end and before each entry's mark, and laid out as its
many-line form would be, so the steps after read it alike."""

from __future__ import annotations

import re

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# An English sentence's end before text in the translation's script; a translated sentence's
# end before English or an entry's mark; the mark of an entry (`*robot:(n.)…`, `• lend: …`).
# A gloss, then its term in lower case (`农民 farmer`): an entry written gloss first.
_GLOSS_THEN_TERM = (
    rf"[{_CJK}][^A-Za-z。！？.!?:：=\s]{{0,29}}?\s*(?:[:：=]\s*)?[a-z][a-z'’\-]*(?: [a-z][a-z'’\-]*){{0,3}}"
)
# Not the stop of a part of speech in brackets (`robot:(n.)ロボット`).
_NOT_POS = "".join(rf"(?<!\([a-z]{{{n}}})" for n in range(1, 6))
_BOUNDARY = re.compile(
    rf"{_NOT_POS}[.!?][\"”’)]?\s*(?=[“‘]?[{_CJK}「『])|[。！？」』]\s*(?=[A-Za-z*•])"
    # a translation opening with a number (`… in October. 10월에 …`)
    rf"|[.!?][\"”’)]?\s+(?=[“‘]?\d[\d,.]*[{_CJK}])"
    # either side of a rule between parts (`… 摘む ──── Each robot …`)
    rf"|(?<!\s)\s+(?=[─━═]{{2,}})|(?<=[─━═])\s+"
    rf"|(?<!\s)\s+(?=[*•]\s?[A-Za-z][A-Za-z'’\- ]{{0,30}}[:：])"  # from a run of spaces' start only
    # before two entries or more written gloss first, then English or the page's end
    rf"|[。！？」』]\s*(?=(?:{_GLOSS_THEN_TERM}\s*){{2,}}(?:[A-Z\"“]|$))"
)
# The end of an entry's gloss before the next English sentence.
_GLOSS_END = re.compile(rf"(?<=[{_CJK})）])\s+(?=[A-Z\"“])")
_ENTRY = re.compile(r"^[*•]\s?[A-Za-z]")
_HAS_CJK = re.compile(rf"[{_CJK}]")
ONE_LINE_CHARS = 150
ONE_LINE_CHANGES = 2
_SMALL = frozenset("a an the of to in on for and at by with from as or".split())
TITLE_WORDS_MIN = 2
TITLE_WORDS_MAX = 14


def split_one_line(text: str) -> str | None:
    """The page laid out over lines (a blank line before each paragraph and each list), or
    None when the text is not one long line of both languages in turn."""
    stripped = text.strip()
    if "\n" in stripped or len(stripped) < ONE_LINE_CHARS:
        return None
    cuts = [m.end() if not m.group(0)[:1].isspace() else m.start() for m in _BOUNDARY.finditer(stripped)]
    if len(cuts) < ONE_LINE_CHANGES:
        return None
    segments: list[str] = []
    unmarked: set[int] = set()  # the segments that are entries with no mark
    last = 0
    for cut in [*cuts, len(stripped)]:
        piece = stripped[last:cut].strip()
        if _ENTRY.match(piece) and not _HAS_CJK.search(piece) and cut < len(stripped):
            continue  # an entry's mark and part of speech (`*robot:(n.)`): its gloss comes after
        last = cut
        if not piece:
            continue
        if _ENTRY.match(piece):
            segments += [p.strip() for p in _GLOSS_END.split(piece) if p.strip()]
        elif run := _unmarked_entries(piece):
            unmarked.update(range(len(segments), len(segments) + len(run[0])))
            segments += [*run[0], run[1]] if run[1] else run[0]
        else:
            segments.append(piece)
    if len(segments) < ONE_LINE_CHANGES + 1:
        return None
    title, first = headline_before(segments[0])
    if title:
        segments[:1] = [title, first]
        unmarked = {k + 1 for k in unmarked}
    out: list[str] = []
    previous = ""
    for k, seg in enumerate(segments):
        kind = "entry" if _ENTRY.match(seg) or k in unmarked else _script(seg)
        if k and (kind == "en" or (kind == "entry" and previous != "entry")):
            out.append("")  # a new paragraph or a new list
        out.append(seg)
        previous = kind
    return "\n".join(out)


_FIRST_LETTER = re.compile(r"[^\W\d_]")


def _script(segment: str) -> str:
    """"en" for a segment whose first letter is Latin (`1台の…` is a translation), else "tr"."""
    m = _FIRST_LETTER.search(segment)
    return "en" if m is not None and m.group().isascii() else "tr"


# An entry with no mark, run on with the next (`ferry: フェリー tide 潮`): a term of a few words,
# a separator or none, and a short gloss in the other script with no sentence's end in it.
_UNMARKED = re.compile(
    rf"(?<![A-Za-z'’\-])(?P<entry>[A-Za-z][A-Za-z'’\-]{{0,39}}(?: [A-Za-z'’\-]{{1,40}}){{0,3}}[ \t]{{0,3}}"
    rf"(?:[:：=][ \t]{{0,3}})?"
    rf"(?:\([a-z]{{1,5}}\.?\)[ \t]{{0,3}})?"
    rf"[{_CJK}][^A-Za-z。！？.!?:：=]{{0,29}}?)"
    rf"(?=\s+[A-Za-z]|\s*$)"
)
# The same gloss first (`农民 farmer 买家 buyer`): a gloss with no space or sentence's end in it, a
# term in lower case; then the next gloss, English starting with a capital, or the page's end.
_UNMARKED_GLOSS_FIRST = re.compile(rf"(?P<entry>{_GLOSS_THEN_TERM})(?=\s*[{_CJK}]|\s+[A-Z\"“]|\s*$)")
UNMARKED_MIN = 2


def _unmarked_entries(piece: str) -> tuple[list[str], str] | None:
    """A segment opening with two entries or more written without marks: the entries and the
    English after them (or ""); None when it does not."""
    form = _UNMARKED if piece[:1].isascii() else _UNMARKED_GLOSS_FIRST
    run: list[str] = []
    at = 0
    while m := form.match(piece, at):
        run.append(m.group("entry").strip())
        at = m.end()
        while at < len(piece) and piece[at].isspace():
            at += 1
    rest = piece[at:].strip()
    if len(run) < UNMARKED_MIN or (rest and not rest[:1].isascii()):
        return None  # what follows the entries is English (a translation's words are no entries)
    return run, rest


def headline_before(text: str) -> tuple[str, str]:
    """(headline, the rest) when the first segment opens with a headline run on into the
    first sentence (`City Library Lends Out Robots The city library now …`), else ("", text):
    the sentence starts at the last capital before a lower-case word, among the words written
    as a headline's are (capitals, and the small words between)."""
    words = text.split()
    run = 0
    while run < len(words) and (words[run][:1].isupper() or words[run].lower() in _SMALL or words[run][:1].isdigit()):
        run += 1
    starts = [p for p in range(TITLE_WORDS_MIN, min(run, TITLE_WORDS_MAX + 1)) if words[p][:1].isupper()]
    starts = [p for p in starts if p + 1 < len(words) and words[p + 1][:1].islower()]
    if not starts or run >= len(words):
        return "", text
    p = starts[-1]
    return " ".join(words[:p]), " ".join(words[p:])
