"""Step 4b: the title, weighed among the page's first lines: never a date, a link, a file
name or a byline, and a banner only when nothing better stands there; a title written in
both languages is split, and a translated title on the next line is paired with it."""

from __future__ import annotations

import re
from itertools import pairwise

from library.importer import patterns as P
from library.importer import split as K
from library.importer.sitemeta import is_meta_line, is_navigation, is_role_byline
from library.importer.split import Line

# A line holding both languages is taken for the title only among the page's first lines.
TITLE_WINDOW = 12
TITLE_WORDS = 20
TRANSLATED_TITLE_CHARS = 40
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"^(?:\d{{1,3}}\.\s+)?(?:(?:posted|published|updated|date)\s*(?:on)?\s*[:：]?\s*)?(?:[a-z]+day,?\s+)?"
    # a time before the date: `Updated 10:42, 5 April 2026`
    rf"(?:\d{{1,2}}:\d{{2}}(?:\s?[ap]\.?m\.?)?,?\s+)?"
    rf"(?:\d{{4}}\s?[-/.年]\s?\d{{1,2}}\s?[-/.月]\s?\d{{1,2}}日?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|"
    # with no year, after its weekday or before it (`Monday, May 5`, `May 5 (Mon)`, `5月5日(月)`)
    rf"(?:[a-z]+day,?\s+){_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s?\((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)|"
    rf"\d{{1,2}}\s?[月월]\s?\d{{1,2}}\s?[日일](?:\s?[(（][月火水木金土日월화수목금토일][)）]|\s?(?:星期|周|週)[一二三四五六日天])?)"
    rf"(?:[\s,|·-]+\d{{1,2}}:\d{{2}}.{{0,12}})?"
    # a reading time after the date: `May 20, 2024 • 5min`, `2020.07.01 | 3 min read`
    rf"(?:\s*[•·|/-]\s*\d{{1,3}}\s?min(?:ute)?s?(?: read)?)?$",
    re.IGNORECASE,
)
# A part's number alone on its line: `Chapter 1`, `Lesson 3`, `Unit 2:`, `第3課`, `제2과`.
_PART_NUMBER = re.compile(
    r"^(?:(?:chapter|lesson|unit|part|episode|week|day|issue|vol\.?|no\.)\s*\d{1,3}(?:[-./]\d{1,3})?|第\s?\d{1,3}\s?[課章回話]|제\s?\d{1,3}\s?[과장화])\s*[.:：]?$",
    re.IGNORECASE,
)
# A weekday alone on its line, or naming a series (`Monday`, `Mon.`, `月曜日の英語`, `星期三`,
# `월요일의 영어`): the day the site files the post under, not its title.
_WEEKDAY = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.)$"
    r"|^(?:[月火水木金土日]曜日?|(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|[월화수목금토일]요일)(?:(?:の|의\s?)\S{1,8})?$",
    re.IGNORECASE,
)
# The last word of a sentence cut off mid-phrase (`… to build a`, `… across the`): a title does
# not end so. (No particle here: `Lights Are Back On` is a headline.)
_OPEN_END = frozenset(
    "the a an to of and or but for with by from that as into than its their his her our your my "
    "is are was were will would can could has have had who which whose because if very at".split()
)
_ELLIPSIS = ("…", "...")
CUT_COPY_WORDS = 4
_URL_LINE = re.compile(r"^\S*(?:https?://|www\.)\S*$")
_FILE_NAME = re.compile(r"^[\w\-. ]{1,80}\.(?:txt|html?|docx?|pdf|md|epub|mp3|mp4|m4a)$", re.IGNORECASE)
# "By Jane Smith", "Written by …", "Author: …": a name, not "By the River"; a date may follow
# the name (`By Aya Kato | 2025.05.12`, `By Aya Kato, May 12, 2025`).
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_BYLINE = re.compile(
    rf"^(?:[Bb]y\s+{_NAME}|(?i:(?:written|posted) by)\s+\S.*|(?i:author|reporter|writer)\s*[:：]\s*\S.*)$"
)
_BYLINE_DATED = re.compile(rf"^[Bb]y\s+{_NAME}(?:\s*[|｜·•,/–—-]\s*|\s+on\s+)(?P<date>\S.{{5,40}})$")
# A byline in Chinese, Japanese or Korean: the writer's label and a short name (`文：王小明`,
# `記者：李文`, `글: 김하나`), or a Korean name before 기자 (`김하나 기자`). A label before a
# sentence (a full stop in it) is not one.
_CJK_BYLINE = re.compile(
    r"^(?:(?:文|撰文|作者|記者|记者|編集|编辑|取材|文・写真|文/写真|撮影|攝影|摄影|イラスト|글|기자|취재|촬영)\s?[:：/／]\s?"
    r"[^\s:：。.!?！？][^:：。.!?！？]{0,19}|[가-힣]{2,4}\s?기자)$"
)
_BANNER_WORDS = re.compile(
    r"\b(?:english|news|learn(?:ing)?|lessons?|daily|weekly|blog|podcast|magazine|channel|online|study|edition|club)\b",
    re.IGNORECASE,
)
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# The English half ends in a non-space and what stands between the halves is taken once
# (atomic): a lazy half before `\s*…\s*` read a run of spaces again for every length it tried.
_BILINGUAL = re.compile(
    rf"^(?P<en>[A-Za-z0-9\"“‘'][^{_CJK}]{{2,}}?[^{_CJK}\s])(?>\s*[|｜/／:：\-–—]?\s*)(?P<tr>[{_CJK}「『(（][^\n]*)$"
)
_SENTENCE_END = ("。", "！", "？", ".", "!", "?", ",", ";", "、")


def is_metadata(text: str) -> bool:
    """A date, a link, a file name or a byline: never the title."""
    if _URL_LINE.match(text) or _DATE.match(text) or _FILE_NAME.match(text) or _BYLINE.match(text):
        return True
    if text[:1] in "Bb" and (m := _BYLINE_DATED.match(text)) is not None and _DATE.match(m.group("date")):
        return True
    return is_cjk_byline(text) or is_role_byline(text) or is_meta_line(text) or is_navigation(text)


def is_cjk_byline(text: str) -> bool:
    """`文：王小明`, `김하나 기자`: a writer's name in the translation's script."""
    return len(text) <= 30 and _CJK_BYLINE.match(text) is not None and len(text.split()) <= 4


def is_date(text: str) -> bool:
    """A date (`May 3, 2024`, `2024年5月3日`, `Posted on 2024-05-03`), with a time or a reading time after it."""
    return bool(_DATE.match(text))


def is_banner(text: str) -> bool:
    """The site's name in capitals (EASY ENGLISH NEWS DAILY): a title only if nothing better stands near."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and text.upper() == text and _BANNER_WORDS.search(text) is not None


def is_weekday(text: str) -> bool:
    """`Monday`, `月曜日の英語`, `星期三`, `월요일의 영어`: a day the site files a post under."""
    return len(text) <= 16 and _WEEKDAY.match(text) is not None


def _days_in_turn(lines: list[Line], k: int) -> list[Line]:
    """The other weekdays alone on their lines further down the page, in the first one's
    language: the page's parts are days."""
    lang = lines[k].lang
    return [ln for ln in lines[k + 1 :] if ln.lang == lang and not ln.kind and is_weekday(ln.text)]


def cut_off(text: str) -> bool:
    """A sentence cut off: ending with `…` or mid-phrase (`… to build a`)."""
    if text.endswith(_ELLIPSIS):
        return True
    last = text.rsplit(None, 1)[-1].casefold() if text else ""
    return last in _OPEN_END


def guessed_title(text: str) -> bool:
    """A title that reads as no clear headline: cut off, a single word, or starting as a word
    list's headword does (in lower case, or with an item's number)."""
    lower = text[:1].islower() and not text[1:2].isupper()  # (`iPhone Sales Rise`, `eBay …` are names)
    return cut_off(text) or lower or " " not in text.strip() or _LIST_NUMBER.match(text) is not None


def mark_cut_copies(lines: list[Line]) -> None:
    """A sentence cut off (`… for people who…`) among the page's first lines, the same words
    starting the English line after it: the site's excerpt of the article, site text (before the
    wrapped lines are rejoined, which would join the copy onto the sentence)."""
    english = [ln for ln in lines[:TITLE_WINDOW] if ln.lang == "en" and not ln.kind]
    for line, nxt in pairwise(english):
        if nxt.index - line.index > 2 or not cut_off(line.text):
            continue
        start = line.text.removesuffix("…").removesuffix("...").rstrip()
        if len(start.split()) >= CUT_COPY_WORDS and len(nxt.text) > len(start) and nxt.text.startswith(start):
            line.kind = K.JUNK


def _starts_next(lines: list[Line], title: Line) -> bool:
    """The title is the start of the English line after it (`The city council voted to build a
    new` over `The city council voted to build a new bridge.`): a sentence cut off, or a
    headline the article opens with; which, the page does not say."""
    nxt = next((ln for ln in lines[title.index + 1 : title.index + 4] if ln.lang == "en" and not ln.kind), None)
    return nxt is not None and len(nxt.text) > len(title.body) and nxt.text.startswith(title.body)


def headline(text: str) -> bool:
    """Reads like a headline: short, and not ending as a sentence or clause does."""
    return len(text.split()) <= TITLE_WORDS and not text.endswith((".", ",", ";"))


# The site's label in brackets before the title (`【毎日の英語 Reminder】: …`, `[English News] …`):
# a short bracketed run, not a note's number, then a colon or a space.
_SITE_LABEL = re.compile(r"^(?P<label>【[^】\d][^】]{0,23}】|\[[^\]\d][^\]]{0,23}\])\s*[:：|｜\-–—]?\s*(?P<rest>\S.*)$")
# The same label alone on its line above the headline (`【毎日の英語 Reminder】:`, `[English News Today]`).
_LABEL_ALONE = re.compile(r"^(?:【[^】\d][^】]{0,39}】|\[[^\]\d][^\]]{0,39}\])\s*[:：]?$")
BANNER_NAME_WORDS = 4


def site_label(text: str) -> tuple[str, str] | None:
    """(the label, the title) for a headline after the site's bracketed label, or None: the
    rest must read as an English headline of two words or more, starting with a capital."""
    m = _SITE_LABEL.match(text) if text[:1] in "【[" else None
    if m is None:
        return None
    rest = m.group("rest")
    if not rest[:1].isupper() or not rest.isascii() or len(rest.split()) < 2 or not headline(rest):
        return None
    return m.group(0)[: m.start("rest")].strip(), rest


def _names_the_site(english: str) -> bool:
    """The English half of a bilingual line is the site's name (`English News`, `Daily English
    Lessons`): a few words, each a word sites are named with (`English Lessons Go Online` is a
    headline)."""
    words = english.split()
    return len(words) <= BANNER_NAME_WORDS and all(_BANNER_WORDS.fullmatch(w.strip(".,:;!|")) for w in words)


def mark_title(lines: list[Line]) -> None:
    """Choose the title among the first lines; the dates, links, bylines and banners passed
    over on the way become site text."""
    passed: list[Line] = []
    banners: list[Line] = []
    chosen: Line | None = None
    for k, line in enumerate(lines):
        if line.kind:
            continue
        if is_metadata(line.text) and chosen is None:
            passed.append(line)
            continue
        if is_weekday(line.text) and chosen is None:
            days = _days_in_turn(lines, k)
            if line.lang == "en" and days:
                break  # `Monday`, later `Tuesday`: the page's first section, its heading
            # `Monday`: a title only if nothing better; `月曜日の英語` never (no English title),
            # nor the days after it (`星期一` … `星期二`): site text, as the first is.
            (banners if line.lang == "en" else passed).append(line)
            passed += days if line.lang != "en" else []
            continue
        if line.text[:1] in "【[" and _LABEL_ALONE.match(line.text) and chosen is None:
            banners.append(line)  # the site's label alone on its line: a title only if nothing better
            continue
        labelled = site_label(line.text) if line.text[:1] in "【[" and not line.part_label else None
        if line.lang != "en" and labelled is None and _PART_NUMBER.match(line.text) and chosen is None:
            banners.append(line)  # `第12回`, `제12화`: the series' number, not this lesson's title
            continue
        if line.lang != "en" and labelled is None:
            split = split_bilingual(line.text) if k < TITLE_WINDOW else None
            if split is not None and _names_the_site(split[0]):
                banners.append(line)  # the site's name in both languages: a title only if nothing better
                continue
            if split is not None:
                chosen = line
                line.shown, line.same_line_translation = split
                break
            continue
        if labelled is not None:
            # The site's label before the headline: kept aside as site text, the title after it.
            line.site_label, line.shown = labelled
            chosen = line
            break
        text = P.MARKDOWN_HEADING.sub(r"\g<text>", line.text)
        if is_metadata(text):
            passed.append(line)
            continue
        if is_banner(text) or _PART_NUMBER.match(text):
            banners.append(line)  # `Lesson 3` alone names a part, not this lesson: a title only if nothing better
            continue
        if headline(text) and _section_word(lines, k):
            banners.append(line)  # the section's name over the headline (`Local`): site text
            continue
        if headline(text):
            chosen = line
            line.shown = text
        break  # the title, or the article's first sentence: no title stands after it
    if chosen is None and banners:
        chosen = banners.pop(0)
        chosen.title_guessed = True  # a banner, a part's number, a weekday: for want of a headline
        split = split_bilingual(chosen.text) if not chosen.text.isascii() else None
        if split is not None:
            chosen.shown, chosen.same_line_translation = split
    for line in [*passed, *banners]:
        line.kind = K.JUNK
    if chosen is None:
        return
    chosen = _headline_after_date(lines, chosen)
    chosen.kind = K.TITLE
    chosen.title_guessed = chosen.title_guessed or guessed_title(chosen.body) or _starts_next(lines, chosen)
    _pass_over_dateline(lines, chosen)
    if not chosen.same_line_translation and not any(ln.kind == K.TITLE_TRANSLATION for ln in lines):
        _pair_same_line_translation(lines, chosen)
    _pass_over_day_under_translation(lines, chosen)


SITE_NAME_WORDS = 2


def _headline_after_date(lines: list[Line], chosen: Line) -> Line:
    """The site's name, its date line, then the story's headline (`Daily English` /
    `2024-05-02` / `City Opens a Night Market`): the headline after the date wins over the
    line before it (two words, or a few that sites are named with), which is site text."""
    k = chosen.index
    if k + 2 >= len(lines) or chosen.same_line_translation or len(chosen.text.split()) > BANNER_NAME_WORDS:
        return chosen
    if len(chosen.text.split()) > SITE_NAME_WORDS and not _BANNER_WORDS.search(chosen.text):
        return chosen  # a short headline of its own, not a name sites are called by
    date, head = lines[k + 1], lines[k + 2]
    if date.kind not in (K.UNDECIDED, K.JUNK) or date.gap > 1 or not is_date(date.text):
        return chosen
    if head.kind or head.lang != "en" or head.gap > 1 or len(head.text.split()) < 3 or not headline(head.text):
        return chosen
    if is_metadata(head.text) or not head.text[:1].isupper():
        return chosen
    chosen.kind, chosen.shown = K.JUNK, None
    date.kind = K.JUNK
    head.shown = head.text
    return head


def _section_word(lines: list[Line], k: int) -> bool:
    """A single capitalised word right above a longer headline (`Local`, `Science`): the
    section the story is filed under, not its title."""
    text = lines[k].text
    if " " in text or not text[:1].isupper() or not text.isalpha():
        return False
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    if nxt is None or nxt.kind or nxt.lang != "en" or nxt.gap > 0:
        return False
    return len(nxt.text.split()) >= 3 and headline(nxt.text) and not is_metadata(nxt.text)


GROUPED_TITLE_LINES = 2
# A title is shorter than the longest translated line under it; a hard-wrapped sentence's first
# line (the full width of the page) is not.
GROUPED_TITLE_SHARE = 0.7


def mark_grouped_title_translation(lines: list[Line]) -> None:
    """The translations grouped after the article, the title's first (before the wrapped
    lines are rejoined, which would take it for a sentence's start): the page's first lines
    in the translation's language stand together after a blank line, the first short and
    ending as no sentence does, the lines under it ending as sentences, at least as many
    English lines before them as translations after it."""
    start = next((ln for ln in lines if not ln.kind and ln.lang in ("ja", "zh", "ko")), None)
    if start is None or start.gap == 0 or len(start.text) > TRANSLATED_TITLE_CHARS:
        return
    if start.text.endswith(_SENTENCE_END) or is_metadata(start.text) or split_bilingual(start.text):
        return
    group = [start]
    for line in lines[start.index + 1 :]:
        if line.gap > 0 or line.lang != start.lang or line.kind:
            break
        group.append(line)
    if len(group) <= GROUPED_TITLE_LINES or not all(ln.text.endswith(_SENTENCE_END) for ln in group[1:]):
        return
    if len(start.text) > GROUPED_TITLE_SHARE * max(len(ln.text) for ln in group[1:]):
        return
    english = [ln for ln in lines[: start.index] if ln.lang == "en" and not ln.kind]
    if len(english) >= len(group) and headline(english[0].text):
        start.kind = K.TITLE_TRANSLATION


def _pass_over_dateline(lines: list[Line], title: Line) -> None:
    """A date, a byline or a weekday right under the title (`Posted on March 9, 2025`, `By …`,
    `月曜日`) is the post's metadata, site text as it would be above the title."""
    for line in lines[title.index + 1 : title.index + 3]:
        if line.kind or line.gap > 1 or not (is_metadata(line.text) or _lone_day(lines, line)):
            break
        line.kind = K.JUNK


def _pass_over_day_under_translation(lines: list[Line], title: Line) -> None:
    """A weekday under the title's translation (`… / 町が道具図書館を開設 / 月曜日`): site text too."""
    k = title.index + 1
    if k + 1 < len(lines) and lines[k].kind == K.TITLE_TRANSLATION:
        line = lines[k + 1]
        if not line.kind and line.gap <= 1 and _lone_day(lines, line):
            line.kind = K.JUNK


def _lone_day(lines: list[Line], line: Line) -> bool:
    """A weekday that is no heading of a page of days (`Monday` … `Tuesday` in English)."""
    return is_weekday(line.text) and (line.lang != "en" or not _days_in_turn(lines, line.index))


def split_bilingual(text: str) -> tuple[str, str] | None:
    """(English title, translated title) from a line that holds both, or None."""
    m = _BILINGUAL.match(text)
    if not m:
        return None
    english, translated = m.group("en").strip(), m.group("tr").strip()
    if len(english.split()) < 2 or not headline(english) or len(translated) > TRANSLATED_TITLE_CHARS:
        return None
    return (english, translated) if not translated.endswith(_SENTENCE_END) else None


BYLINES_UNDER_TITLE = 2


def _pair_same_line_translation(lines: list[Line], title: Line) -> None:
    """The line right after the title (a byline or date between passed over), when it is a
    short line in another language that does not end as a sentence: the title's translation."""
    k = title.index + 1
    while k < len(lines) and k <= title.index + BYLINES_UNDER_TITLE and lines[k].kind == K.JUNK and lines[k].gap == 0:
        k += 1  # a byline or a date between the title and its translation: passed over
    if k >= len(lines):
        return
    nxt = lines[k]
    if k > title.index + 1 and nxt.gap > 0:
        return  # past a byline, the translation stands right under it
    if nxt.kind or nxt.lang not in ("ja", "zh", "ko") or len(nxt.text) > TRANSLATED_TITLE_CHARS:
        return
    if nxt.text.endswith(_SENTENCE_END) or _LIST_NUMBER.match(nxt.text) or _over_english(lines, nxt):
        return
    nxt.kind = K.TITLE_TRANSLATION


# An item's number at the start of a line (`1. `, `2) `, `①`): the first of a list, not a title.
_LIST_NUMBER = re.compile(r"^(?:\d{1,2}[.)．]\s|[①-⑳])")


def _over_english(lines: list[Line], line: Line) -> bool:
    """A line past a blank under the title, with an English line right under it, then past a
    blank the same again (a line in its language, an English line right under it): it stands
    over that English line, as each translation does on a page that puts them first."""
    k = line.index + 1
    if line.gap == 0 or k + 2 >= len(lines):
        return False
    below, nxt, its_english = lines[k], lines[k + 1], lines[k + 2]
    if below.gap or below.lang != "en" or below.kind:
        return False
    return nxt.gap > 0 and nxt.lang == line.lang and its_english.gap == 0 and its_english.lang == "en"


# A page's <title> names the site too: `Bees Return to City Parks | Easy News`, `Easy News - Bees …`.
# Begins only where a run of spaces does: from every space of a long run it read the run again.
_SITE_SEPARATOR = re.compile(r"(?<!\s)\s+(?:[|｜\-–—]|::)\s+")
# How much each source's word counts: og:title and an <h1> in the article are written for the
# article; an <h1> on a page with no article element likely is; an <h1> outside the page's
# article is a logo more often than not; a part of <title> may be the site's; a part that
# names the site counts against whatever agrees with it.
_WEIGHTS = {"og": 2.0, "h1_article": 2.0, "h1": 1.5, "h1_outside": 0.5, "title": 1.0, "site": -2.0}
# The chosen title is a guess when another candidate scores within this much of it.
SURE_MARGIN = 0.5


def _same(a: str, b: str) -> bool:
    """Two candidates name the same title: equal, or one holds the other (a subtitle, a site name cut off)."""
    a, b = a.casefold(), b.casefold()
    return a == b or (min(len(a), len(b)) >= 12 and (a in b or b in a))


def title_parts(title: str) -> tuple[list[str], str]:
    """A <title>'s parts that may be the article's title, and the part that names the site ("" if none)."""
    parts = [p.strip() for p in _SITE_SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return parts, ""
    site = min((parts[0], parts[-1]), key=len)  # a site's name is the short end
    return [p for p in parts if p is not site], site


def score_html_title(title: str, og_title: str, h1: str, h1_where: str) -> tuple[str, bool]:
    """The article's title among a page's <title> (its site name split off), og:title and <h1>
    (`h1_where`: "h1_article", "h1" or "h1_outside"), each weighed by its source and by the
    others agreeing; and whether that was a guess (another candidate scored nearly as well)."""
    parts, site = title_parts(title)
    og_parts, og_site = title_parts(og_title)
    # (text, weight, group). <title> and og:title are both the site's metadata, often written
    # together: agreeing, they are one voice (the stronger counts), not two. The <h1> first:
    # of equal scores, the title the reader sees on the page is taken.
    sources = [(h1, _WEIGHTS[h1_where], "h1")] if h1 else []
    sources += [(p, _WEIGHTS["og"], "meta") for p in og_parts] + [(p, _WEIGHTS["title"], "meta") for p in parts]
    sources += [(s, _WEIGHTS["site"], "site") for s in (site, og_site) if s]
    candidates = [t for t, w, _ in sources if w > 0 and t]
    if not candidates:
        return "", False

    def score(text: str) -> float:
        voices: dict[str, float] = {}
        for t, w, group in sources:
            if _same(t, text):
                voices[group] = max(voices.get(group, w), w) if w > 0 else min(voices.get(group, w), w)
        total = sum(voices.values())
        if is_metadata(text):
            total -= 5
        if is_banner(text):
            total -= 1
        return total

    best = max(candidates, key=score)
    rivals = [score(t) for t in candidates if not _same(t, best)]
    return best, bool(rivals) and max(rivals) > score(best) - SURE_MARGIN
