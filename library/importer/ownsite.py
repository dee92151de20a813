"""The site's own lines in the translation's language (a blog's name, `最新記事`, a campaign
line, a column's intro, related articles' titles, a contents list, a date) that no step placed:
site text, said as a guess, rather than unplaced among the translations the aligner could not
place. Decided by evidence in context, after the translations are placed:

- where it stands: outside the English body (before the first English line and the first
  translation, or after the last of both), or between site lines;
- that it pairs with nothing: no number nor Latin word shared with the English, no label of a
  translation over it, no English line right against it (a translation stands by its line);
- that it reads as site text: short (a title, a link, a list's item), or a line or two of blurb
  at the page's edge; or the same line repeated.

A line that fails any of these stays unplaced, for the user to place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set as AbstractSet

from library.importer import split as K
from library.importer.labels import ORIGINAL
from library.importer.split import Line
from library.model import Lesson

CJK = ("ja", "zh", "ko")
# A line of the site this long at most, at the page's edge (a blurb of a sentence or two) and
# between site lines (a link, a list's item).
EDGE_CHARS = 60
AMONG_CHARS = 30
_NUMBER = re.compile(r"\d+")
_LIST_NUMBER = re.compile(r"^\s*[(（]?\d{1,2}[.)．、）]\s*")
_LATIN = re.compile(r"[A-Za-z]{3,}")
_DATE = re.compile(r"\d{4}\s*[年./-]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}[./]\d{1,2}")
_ENGLISH = (K.PARAGRAPH, K.HEADING, K.TITLE, K.EXAMPLE, K.ENTRY, K.WORDLIST, K.PAIR)
_SITE = (K.JUNK, K.LABEL, K.CAPTION, K.CAPTION_DUP)


def above_title_site_text(lines: list[Line], lesson: Lesson, placed_by_hand: set[int]) -> None:
    """Before the translations are placed: the lines above the title that the evidence says are
    the site's (no line above the title is a paragraph's translation), so that the aligner does
    not weigh them as translations (a user confirming them as site text then changes nothing)."""
    title = next((ln.index for ln in lines if ln.kind == K.TITLE), -1)
    if title > 0:
        own_site_text(lines[: title + 1], lesson, placed_by_hand, whole=lines)


def own_site_text(
    lines: list[Line], lesson: Lesson, placed_by_hand: AbstractSet[int] = frozenset(), whole: list[Line] | None = None
) -> None:
    """Turn the unplaced lines of the translation's language that the evidence says are the
    site's into site text (Kind.JUNK, said by the caller), in place. `lines`: the lines to decide
    (`whole`: the page they stand in, when a part)."""
    left = [ln for ln in lines if ln.kind == K.CJK and ln.lang in CJK and ln.index not in placed_by_hand]
    if not left:
        return  # most pages
    lines = whole if whole is not None else lines
    english = [lesson.title or "", *(b.text for b in lesson.blocks)]
    # The paragraphs left without a translation in each language: a line of a length that
    # fits one of them may be its translation.
    open_sizes = {
        lang: [len(b.text) for b in lesson.blocks if b.kind == "paragraph" and lang not in b.translations]
        for lang in {ln.lang for ln in left}
    }
    words = {w.lower() for text in english for w in _LATIN.findall(text)}
    numbers = {n for text in english for n in _NUMBER.findall(text.replace(",", ""))}
    body = [ln.index for ln in lines if ln.kind in (K.PARAGRAPH, K.HEADING, K.TRANSLATION)]
    first, last = (min(body), max(body)) if body else (len(lines), -1)
    seen = Counter(ln.text for ln in lines)
    # Above the title no line is a paragraph's translation, whatever its length.
    title = next((ln.index for ln in lines if ln.kind == K.TITLE), -1)
    candidates = {
        ln.index for ln in left
        if _pairs_with_nothing(lines, ln, words, numbers)
        and (ln.index < title or not _fits_a_paragraph(ln, open_sizes[ln.lang]))
    }
    for line in left:
        if line.index not in candidates:
            continue
        size = len(line.text)
        if seen[line.text] > 1:
            site = True
        elif line.index < first or line.index > last:
            # A blurb line, or a column's intro of several lines in a row at the page's top.
            site = size <= EDGE_CHARS or (line.index < first and _in_a_run(lines, line, candidates))
        else:
            site = size <= AMONG_CHARS and _among_site_lines(lines, line, candidates)
        if site:
            line.kind = K.JUNK


# A translation's length against its paragraph's, in characters: broad, for "may be".
RATIO = (0.2, 1.0)


def _fits_a_paragraph(line: Line, sizes: list[int]) -> bool:
    """Whether the line is as long as a translation of a paragraph left without one."""
    return any(RATIO[0] * size <= len(line.text) <= RATIO[1] * size for size in sizes)


def _pairs_with_nothing(lines: list[Line], line: Line, words: set[str], numbers: set[str]) -> bool:
    """Whether nothing ties the line to the English: a shared number or name, a translation's
    label over it, an English line right above or under it."""
    if line.label_role or line.maybe_note:
        return False
    text = _LIST_NUMBER.sub("", line.text)  # (a list's own number is no number of the text)
    if not _DATE.search(text) and any(n in numbers for n in _NUMBER.findall(text.replace(",", ""))):
        return False
    if any(w.lower() in words for w in _LATIN.findall(line.text)):
        return False
    k = line.index
    above = lines[k - 1] if k else None
    below = lines[k + 1] if k + 1 < len(lines) else None
    if above is not None and above.kind == K.LABEL and above.label_role not in (None, ORIGINAL):
        return False
    for near, gap in ((above, line.gap), (below, below.gap if below is not None else 1)):
        if near is not None and gap == 0 and near.lang == "en" and near.kind in _ENGLISH:
            return False
    return True


def _in_a_run(lines: list[Line], line: Line, candidates: set[int]) -> bool:
    """Whether the line stands with another such line right above or under it, no blank between."""
    k = line.index
    return (k - 1 in candidates and not line.gap) or (k + 1 in candidates and not lines[k + 1].gap)


def _among_site_lines(lines: list[Line], line: Line, candidates: set[int]) -> bool:
    """Whether the run of such lines the line stands in lies between site lines."""
    lo = line.index
    while lo - 1 >= 0 and (lo - 1) in candidates:
        lo -= 1
    hi = line.index
    while hi + 1 < len(lines) and (hi + 1) in candidates:
        hi += 1
    before = lines[lo - 1] if lo else None
    after = lines[hi + 1] if hi + 1 < len(lines) else None
    return all(near is None or near.kind in _SITE for near in (before, after))


_SENTENCE_END = ("。", "！", "？", ".", "!", "?", "」", "』", "”")


def trailing_site_list(lines: list[Line], placed_by_hand: set[int]) -> None:
    """Before the translations are placed: a list of short lines at the page's end, after the
    last English line and a blank line (`往期推荐` over two titles, `あわせて読みたい` …), none
    ending as a sentence does and none sharing a number or a name with the English, under
    translations that do end as sentences: the site's related links, site text (not lines for
    the aligner to share out among the paragraphs). `placed_by_hand`: lines the user placed."""
    last_english = max((ln.index for ln in lines if ln.kind in (K.PARAGRAPH, K.HEADING)), default=-1)
    run: list[Line] = []
    for line in reversed(lines[last_english + 1 :]):
        if line.kind not in (K.CJK, K.JUNK) or line.lang not in CJK or line.index in placed_by_hand:
            break  # (a line the user placed is a translation whatever its shape)
        run.append(line)
        if line.gap:
            break
    run.reverse()
    if len(run) < 2 or not run[0].gap or any(ln.gap for ln in run[1:]):
        return
    above = [ln for ln in lines[last_english + 1 : run[0].index] if ln.kind == K.CJK]
    if not above or not all(ln.text.endswith(_SENTENCE_END) for ln in above):
        return  # no translations above it, or translations in its own shape: not told apart
    english = [ln.text for ln in lines if ln.lang == "en"]
    words = {w.lower() for text in english for w in _LATIN.findall(text)}
    numbers = {n for text in english for n in _NUMBER.findall(text.replace(",", ""))}
    if all(
        line.kind == K.JUNK
        or (len(line.text) <= AMONG_CHARS and not line.text.endswith(_SENTENCE_END)
            and _pairs_with_nothing(lines, line, words, numbers))
        for line in run
    ):
        for line in run:
            line.kind = K.JUNK
