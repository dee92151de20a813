"""A page that holds several posts (a blog's archive page, a feed copied whole): where each
post starts, so that each becomes a lesson of its own.

A post starts with a headline and its date next to it (the date before the title on every
post, or after it on every post: one template repeated). The page is split only when at least
two posts are found, all in the same template, and each holds English prose of its own;
where posts are found but one of those checks fails, the page stays one lesson and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from library.importer import patterns as P
from library.importer.items import is_item_label
from library.importer.normalise import language_of, normalise
from library.importer.postmarks import marked_starts
from library.importer.title import headline, is_banner, is_date, is_metadata

# A post's headline is short; its date is next to it, at most this many lines away (a byline between).
POST_TITLE_WORDS = 14
DATE_REACH = 2
# A line of the post's own prose: this many words, ending as a sentence does.
PROSE_WORDS = 8
_PROSE_END = re.compile(r"[.!?][\"”’)]?$")
DATE_CHARS = 60
_NUMBER_FIRST = frozenset("#NV第0123456789")
# Lines longer than this are neither a date nor a post's headline: not normalised here.
SHORT_LINE = 160


@dataclass(frozen=True)
class PostSplit:
    """Where a page's posts start (line numbers of the text, the first post's first), or
    why the page was kept whole although it seemed to hold several."""

    starts: tuple[int, ...] = ()
    unsure: str = ""  # the first post's headline, where posts were found but not split
    labelled: bool = False  # each post's first line is a section's label, kept aside from its text


def find_posts(text: str) -> PostSplit:
    """Where each post of a page starts; no starts when the page is one article."""
    raw = text.split("\n")
    shown: list[tuple[int, str]] = []  # (line number, normalised text) of the short non-blank lines
    for k, line in enumerate(raw):
        t = line.strip()
        if t and len(t) <= SHORT_LINE:
            shown.append((k, normalise(t)))
        elif t:
            shown.append((k, ""))  # a long line: neither a date nor a headline
    # Each date with the headline before it and the one after it, where there is one.
    dates = [(p, _headline_near(shown, p, -1), _headline_near(shown, p, 1))
             for p, (_, t) in enumerate(shown) if t and len(t) <= DATE_CHARS and is_date(t)]
    if len(dates) < 2:
        return _marked_posts(raw, shown)
    # The template: the side on which more dates have a headline (before, on a tie).
    side = 1 if sum(1 for d in dates if d[2] is not None) > sum(1 for d in dates if d[1] is not None) else -1
    heads: list[tuple[int, str]] = []  # (first line, headline)
    for p, before, after in dates:
        q = after if side == 1 else before
        if q is None:
            continue
        first = shown[min(p, q)][0]
        if not heads or first > heads[-1][0]:
            heads.append((first, shown[q][1]))
    if len(heads) < 2:
        return PostSplit()
    starts = tuple(first for first, _ in heads)
    bounds = [*starts[1:], len(raw)]
    prose = all(any(_is_prose(raw[k]) for k in range(a, b)) for a, b in zip(starts, bounds, strict=True))
    if len(heads) < len(dates) or not prose:
        return PostSplit(unsure=heads[0][1])
    return PostSplit(starts=starts)


def _marked_posts(raw: list[str], shown: list[tuple[int, str]]) -> PostSplit:
    """Posts marked by a repeated shape (a series' number over each headline, numbered headlines
    in brackets; postmarks.py): split where each holds English prose of its own, else kept whole
    and said."""
    starts, labelled = marked_starts(shown, _is_post_title)
    if not starts:
        return PostSplit()
    bounds = [*starts[1:], len(raw)]
    if all(any(_is_prose(raw[k]) for k in range(a, b)) for a, b in zip(starts, bounds, strict=True)):
        return PostSplit(starts=starts, labelled=labelled)
    return PostSplit(unsure=normalise(raw[starts[0]].strip()))


def _headline_near(shown: list[tuple[int, str]], p: int, step: int) -> int | None:
    """The headline next to the date at `shown[p]`, before it (step -1) or after it (step 1),
    passing over a byline or another date: its position, or None."""
    q = p + step
    while 0 <= q < len(shown) and abs(q - p) <= DATE_REACH:
        t = shown[q][1]
        if t and (is_metadata(t) or is_item_label(t)):
            q += step  # a byline, another date, the post's number alone (`第12回`)
            continue
        return q if t and _is_post_title(t) else None
    return None


# A post's number before its headline (`#12`, `No.12`, `第12回`, `Vol. 3`, `12.`): the blog's, not the headline's.
_POST_NUMBER = re.compile(
    r"^(?:#\s?\d{1,4}|No\.\s?\d{1,4}|Vol\.\s?\d{1,4}|第\s?\d{1,4}\s?[回話号號期]|\d{1,3}[.)])\s*[:：|\-–]?\s*"
)


def _is_post_title(text: str) -> bool:
    """A headline in English: a few words, a capital first, no sentence's end, no banner (a
    post's number before it passed over)."""
    if text[:1] in _NUMBER_FIRST:
        numbered = _POST_NUMBER.match(text)
        text = text[numbered.end() :] if numbered is not None else text
    words = text.split()
    return (
        2 <= len(words) <= POST_TITLE_WORDS
        and text[:1].isupper()
        and headline(text)
        and not is_banner(text)
        and not P.is_chrome(text)
        and not P.BULLET_NAV.match(text)
        and language_of(text) == "en"
    )


def _is_prose(line: str) -> bool:
    t = line.strip()
    return len(t.split()) >= PROSE_WORDS and bool(_PROSE_END.search(t)) and language_of(t) == "en"
