"""A page of English headlines only, each over its translation (a list of the day's news
headlines, `* term: gloss` lines between): no English sentence on it, yet each headline with its
translation is English to study. Such a page is imported, not refused: the first headline is
the lesson's title with its translation, each other headline a paragraph with its translation
(to be read and studied as the article's sentences are, none a heading over nothing), and the
import says it read the page as headlines only."""

from __future__ import annotations

import re
from itertools import pairwise

from library.importer import split as K
from library.importer.split import Line

# Two headlines each with its translation at least: one alone is a title over nothing.
MIN_HEADLINES = 2
_ENGLISH = (K.TITLE, K.HEADING, K.PARAGRAPH)
_TRANSLATION = (K.CJK, K.TITLE_TRANSLATION)
_TRANSLATED = frozenset(("ja", "zh", "ko"))
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


def translated_headlines(lines: list[Line]) -> int:
    """How many English lines of the page have a line in the translation's language right under
    them (no blank between)."""
    count = 0
    for ln, nxt in pairwise(lines):
        if ln.kind in _ENGLISH and ln.lang == "en" and nxt.kind in _TRANSLATION and nxt.lang in _TRANSLATED:
            count += nxt.gap == 0
    return count


def headlines_only(lines: list[Line]) -> bool:
    """Whether the page's English is headlines each over its translation (two or more), no
    English line of it ending as a sentence does."""
    if any(ln.lang == "en" and ln.kind in _ENGLISH and _SENTENCE_END.search(ln.text) for ln in lines):
        return False  # an article (most pages: the first sentence ends the look)
    return translated_headlines(lines) >= MIN_HEADLINES


def read_as_headlines(lines: list[Line]) -> bool:
    """On a page of headlines only, each headline over its translation made a paragraph (the
    title stays the title); whether the page is one."""
    if not headlines_only(lines):
        return False
    for ln, nxt in pairwise(lines):
        if ln.kind == K.HEADING and ln.lang == "en" and nxt.kind in _TRANSLATION and nxt.gap == 0:
            ln.kind = K.PARAGRAPH
    return True
