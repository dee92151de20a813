"""Posts or stories a page marks by a repeated shape rather than by dates: a series' number
alone on its line over each headline (`Week 12-01`, `Week 12-02`, `Day 3`, `第12回`), a section's
label repeated over each headline (`Keyword: harvest`, `Keyword: festival`), or a story's
number before its headline in brackets (`1【Panda Twins Born at City Zoo】市动物园诞生双胞胎熊猫`,
`2【…】…`) or in a bracketed label before it (`【Story 1】Panda Twins … 市动物园…`). Each
such section is a post of its own (posts.py splits the page there), so each section's label
is read the same way: the series' number as site text, the headline as the post's title,
with its translation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A series' number alone on its line.
_SERIES = re.compile(
    r"^(?:(?:week|day|lesson|unit|part|episode|vol\.?|no\.?|#)\s?\d{1,4}(?:\s?[-–./]\s?\d{1,3})?"
    r"|第\s?\d{1,4}\s?[回話话課课期]|제\s?\d{1,4}\s?[화과회])$",
    re.IGNORECASE,
)
# A story's number (`1`, `1.`), then its English headline in brackets (accented letters, curly
# quotes and dashes allowed: `Farmers’ Drones — Again`; a number first where a capital follows it:
# `5G Towers Reach…`, `3 Towns Vote`), then (or not) the headline's translation.
_NUMBERED_HEADLINE = re.compile(
    r"^(?P<number>\d{1,3})[.．、]?\s?[【\[]\s?(?P<headline>(?:[A-Z]|\d+[A-Za-z\-]*\s?(?=[A-Z]))[\x20-\x5c\x5e-\x7e\u00c0-\u024f‘’“”–—…]{3,120}?)"
    r"\s?[】\]]\s?(?P<rest>.*)$"
)
# A section's label with its word (`Keyword: harvest`, `今日の単語：harvest`): one head, repeated.
_HEADED = re.compile(r"^(?P<head>[^:：\d]{2,20}?)\s?[:：]\s?(?P<word>\S[^:：]{0,30})$")
# A story's label in brackets with its number, then its English headline (and its translation):
# `【Story 2】Night Trains Return to the Coast 夜间列车重返海岸线`, `[News 3] …` (a number alone in
# brackets is a note's or a citation's: `[1] …`).
_LABELLED_HEADLINE = re.compile(
    r"^(?P<label>[【\[]\s?(?:Story|News|Item|No\.?|故事|新闻|新聞|ニュース|뉴스|기사)\s?(?P<number>\d{1,3})\s?[】\]])"
    r"\s?[A-Z][A-Za-z'’,\-]*(?: [A-Za-z'’,\-]+){1,13}(?:\s|$)",
    re.IGNORECASE,
)
MIN_POSTS = 2
SERIES_CHARS = 24
HEADED_CHARS = 50
SHORT_LINE = 200
HEADLINE_REACH = 2  # lines from a series' number to its headline


def numbered_headline(text: str) -> tuple[str, str, int, str] | None:
    """(the story's label as written, the headline line without it, the story's number, the
    English headline alone where its brackets end it, else "") for a line such as
    `1【Panda Twins Born at City Zoo】市动物园诞生双胞胎熊猫` or `【Story 2】Night Trains Return
    夜间列车重返`; None for any other line."""
    if text[:1].isdigit():
        m = _NUMBERED_HEADLINE.match(text)
        if m is None:
            return None
        rest = m.group("rest").strip()
        head = m.group("headline").strip()
        return m.group("number"), f"{head} {rest}".strip(), int(m.group("number")), head
    if text[:1] not in "【[":
        return None
    m = _LABELLED_HEADLINE.match(text)
    if m is None:
        return None
    return m.group("label").strip(), text[m.end("label") :].strip(), int(m.group("number")), ""


def marked_starts(
    shown: list[tuple[int, str]], is_headline: Callable[[str], bool]
) -> tuple[tuple[int, ...], bool]:
    """The line numbers where each marked post starts (its series' number, its label or its
    numbered headline), when the page holds two or more in one shape, and whether each starts
    with a section's label (`Keyword: harvest`, kept aside from its post); else ((), False).
    `shown`: the page's non-blank lines as (line number, normalised text), a long one as ""."""
    series: list[int] = []
    numbered: list[tuple[int, int]] = []
    headed: dict[str, list[int]] = {}  # a label's head → the lines it stands on over a headline

    def over_headline(p: int) -> bool:
        return any(u and is_headline(u) for _, u in shown[p + 1 : p + 1 + HEADLINE_REACH])

    for p, (k, t) in enumerate(shown):
        if not t or len(t) > SHORT_LINE:
            continue
        if (t[:1].isdigit() or t[:1] in "【[") and (found := numbered_headline(t)) is not None:
            numbered.append((k, found[2]))
        elif len(t) <= SERIES_CHARS and _SERIES.match(t):
            if over_headline(p):
                series.append(k)
        elif (":" in t or "：" in t) and len(t) <= HEADED_CHARS and (m := _HEADED.match(t)) and over_headline(p):
            headed.setdefault(m.group("head").strip().casefold(), []).append(k)
    repeated = [ks for ks in headed.values() if len(ks) >= MIN_POSTS]
    if len(repeated) == 1 and not series and not numbered:
        return tuple(repeated[0]), True
    if len(series) >= MIN_POSTS and not numbered:
        return tuple(series), False
    counted = [n for _, n in numbered]
    if len(numbered) >= MIN_POSTS and not series and counted == list(range(counted[0], counted[0] + len(counted))):
        return tuple(k for k, _ in numbered), False
    return (), False
