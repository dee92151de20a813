"""A page of several items, each a short story under its own title (`1. Town Opens a Night
Library`, `例題3` over a headline, `三十七.` then `新闻标题: …`, `故事二：` over `The Lost Umbrella
遺失的雨傘`): each item's title is a heading, its translation the heading's, and the item's
label is taken off (kept aside with the lesson, as labels.py keeps its labels).

A label stands alone on its line over the title, or at the start of the title's line (and of
its translation's). The page is read so only where two items or more have a title and, under
it, a story of their own: numbered headlines with no story under them (a list of the day's
headlines) stay as they are.
"""

from __future__ import annotations

import re

from library.importer import patterns as P
from library.importer import split as K
from library.importer.sitemeta import is_navigation
from library.importer.split import Line
from library.importer.title import headline, is_banner, is_metadata, split_bilingual

CJK = ("ja", "zh", "ko")
_NUMBER = r"(?:\d{1,3}|[〇一二三四五六七八九十百]{1,5})"
_WORD = r"例題|例题|問題|问题|故事|短文|ニュース|뉴스|이야기|Story|Item|News|No\."
# An item's label alone on its line: `例題3`, `三十七.`, `故事二:`, `第5話`, `Story 2`, `4.`.
_LABEL_ALONE = re.compile(
    rf"^(?:(?:{_WORD})\s?第?{_NUMBER}\s?(?:話|则|則|個|个)?\s?[.:、)]?|第{_NUMBER}\s?(?:話|则|則|個|个|回)?\s?[.:、)]?|"
    rf"{_NUMBER}\s?[.、)])$",
    re.IGNORECASE,
)
# An item's label at the start of its title's line: `1. `, `13.`, `三十七、`, `新闻标题: `, `Headline 2: `.
_LABEL_BEFORE = re.compile(
    rf"^(?P<label>{_NUMBER}\s?[.、)]\s?|(?:新聞標題|新闻标题|標題|标题|見出し|헤드라인|Headline|Title)\s?\d{{0,3}}\s?:\s?|"
    rf"(?:{_WORD})\s?第?{_NUMBER}\s?[:.、)]\s?|[【\[]\s?(?:{_WORD})\s?第?{_NUMBER}\s?[】\]]\s?)(?=\S)",
    re.IGNORECASE,
)
# A title in both languages, one in brackets after the other (`好心的麵包師(The Kind Baker)`).
_BRACKETED_PAIR = re.compile(r"^(?P<a>[^()（）]+?)\s?[(（](?P<b>[^()（）]+)[)）]$")
_FIRST = frozenset("【[0123456789〇一二三四五六七八九十百第例問问故短ニ뉴이SsIiNn新標标見헤HhTt")
TITLE_WORDS = 14
STORY_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")
# How far under its title an item's story may start (its translation and a label between).
STORY_REACH = 3
MIN_ITEMS = 2


def mark_items(lines: list[Line]) -> None:
    """Each item's title a heading (its label kept aside), where the page holds two items or more."""
    items = [found for k in range(len(lines)) if (found := _item_at(lines, k)) is not None]
    if len(items) < MIN_ITEMS:
        return
    # No English line before the first item: its title, under a label of its own, is the page's.
    first = items[0][0].index if items[0][0] is not None else items[0][1]  # the first item's label, or title
    untitled = not any(_may_be_title(ln) for ln in lines[:first])
    for n, (label, title, label_text, rest) in enumerate(items):
        if label is not None:
            label.kind = K.LABEL
        for near in (title - 1, title + 1):
            if 0 <= near < len(lines):
                _strip_translation_label(lines[near])
        if n == 0 and untitled and (not label_text or label_text[:1] in "【["):
            # The lesson's title: the title step reads it (a bracketed label as the site's, kept aside).
            # A title with a number on its line stays a heading: the title step reads a line as written.
            continue
        line = lines[title]
        line.kind = K.HEADING
        bilingual = _title_pair(rest)
        if bilingual is not None:
            line.shown, line.same_line_translation = bilingual
        else:
            line.shown = rest
        if label_text:
            line.part_label = label_text


def _may_be_title(line: Line) -> bool:
    """An English line above the items the title step may take for the lesson's title (not a
    menu, a date or a byline)."""
    if line.kind or line.lang != "en" or not headline(line.text):
        return False
    text = line.text
    return not (P.is_chrome(text) or P.BULLET_NAV.match(text) or is_navigation(text) or is_metadata(text))


def _item_at(lines: list[Line], k: int) -> tuple[Line | None, int, str, str] | None:
    """(the label line, the title's position, the label taken off the title, the title's text)
    for an item whose title is line `k`; else None."""
    line = lines[k]
    if line.kind or not line.lang:
        return None
    above = lines[k - 1] if k and line.gap == 0 else None
    label = above if above is not None and not above.kind and is_item_label(above.text) else None
    m = _LABEL_BEFORE.match(line.text) if line.text[:1] in _FIRST else None
    if label is None and m is None:
        return None
    rest = line.text[m.end() :] if m is not None else line.text
    bilingual = _title_pair(rest)
    english = rest if bilingual is None else bilingual[0]
    if not _is_title(english) or not _story_under(lines, k):
        return None
    return label, k, m.group("label").strip() if m is not None else "", rest


def _title_pair(text: str) -> tuple[str, str] | None:
    """(English, translation) of a title written in both languages on its line, else None."""
    if text.isascii():
        return None
    m = _BRACKETED_PAIR.match(text)
    if m is not None:
        a, b = m.group("a").strip(), m.group("b").strip()
        if b.isascii() and not a.isascii():
            return b, a
        if a.isascii() and not b.isascii():
            return a, b
    return split_bilingual(text)


def is_item_label(text: str) -> bool:
    """An item's label alone on its line (`例題3`, `三十七.`, `故事二:`, `第12回`)."""
    return text[:1] in _FIRST and _LABEL_ALONE.match(text) is not None


def _is_title(text: str) -> bool:
    """An English headline: a few words, a capital first, no sentence's end, no banner."""
    words = text.split()
    return (
        2 <= len(words) <= TITLE_WORDS
        and text.isascii()
        and text[:1].isupper()
        and headline(text)
        and not _SENTENCE_END.search(text)
        and not any(mark in text for mark in (" – ", " - ", ":", "="))  # a word list's entry, not a title
        and not is_banner(text)
    )


def _story_under(lines: list[Line], k: int) -> bool:
    """Whether an English sentence of the item's own follows its title, before the next item."""
    for line in lines[k + 1 : k + 1 + STORY_REACH]:
        if line.lang in CJK and not line.kind:
            continue  # the title's translation
        if line.kind or line.lang != "en":
            return False
        return len(line.text.split()) >= STORY_WORDS and bool(_SENTENCE_END.search(line.text))
    return False


def _strip_translation_label(line: Line) -> None:
    """The title's translation with the item's label taken off (`1. 町に夜の図書館が開館`)."""
    if line.kind or line.lang not in CJK or line.text[:1] not in _FIRST:
        return
    m = _LABEL_BEFORE.match(line.text)
    if m is not None and m.end() < len(line.text):
        line.shown, line.part_label = line.text[m.end() :], m.group("label").strip()
