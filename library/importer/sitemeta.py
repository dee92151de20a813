"""The site's lines around an article's title, read by their shape: a menu or a breadcrumb
(short items between separators), a meta line (a date with the site's name or a view count),
a byline with the writer's role after the name. None of them is the title or its translation."""

from __future__ import annotations

import re

# Items of a menu or a breadcrumb stand between these, with a space either side.
# Only from the start of a run of spaces: from inside one, a long run would be scanned again from each space.
_SEPARATOR = re.compile(r"(?<!\s)\s+(?:[·•|｜/／>›»→]|::)\s+")
_SEPARATOR_CHARS = re.compile(r"[·•|｜/／>›»→]|::")
_TRAIL = frozenset(">›»→")  # a breadcrumb's: each item inside the one before
_MENU_LABEL = re.compile(r"^(?:menu|sections?|navigation|categories|browse|メニュー|菜单|菜單|메뉴)\s*[:：]\s*", re.I)
NAV_ITEM_WORDS = 3
NAV_ITEM_CHARS = 24
MENU_ITEMS = 4  # a menu with no label names this many sections at least
_ITEM_END = re.compile(r"[.!?。！？,;:：]$")


def _short_item(item: str) -> bool:
    item = item.strip()
    if not item or len(item) > NAV_ITEM_CHARS or _ITEM_END.search(item) or ":" in item or "：" in item:
        return False
    if item[:1].isascii() and item[:1].islower():
        return False  # a menu's sections are named with a capital: `night / used / shifts` is a word bank
    return len(item.split()) <= NAV_ITEM_WORDS


def is_navigation(text: str) -> bool:
    """A menu (`Menu: Top stories · Opinion · Video · Log in`, `Home · World · Sport · Contact`)
    or a breadcrumb (`News > Science > Environment`, `首页 > 新闻`): every item short, none a
    sentence. Two items are a breadcrumb only with its arrow, and a menu only with its label."""
    if not _SEPARATOR_CHARS.search(text):
        return False  # (most lines hold no separator: ruled out with one scan)
    label = _MENU_LABEL.match(text)
    rest = text[label.end() :] if label else text
    if not _SEPARATOR.search(rest):
        return False
    separators = {m.group(0).strip() for m in _SEPARATOR.finditer(rest)}
    items = _SEPARATOR.split(rest)
    if not all(_short_item(item) for item in items):
        return False
    if separators <= _TRAIL:
        return len(items) >= 2
    return len(items) >= (2 if label else MENU_ITEMS)


# A date in digits or with a month's name, anywhere on the line.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_IN = re.compile(
    rf"\d{{4}}\s?[-/.年]\s?\d{{1,2}}\s?[-/.月]\s?\d{{1,2}}日?|\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}",
    re.IGNORECASE,
)
# A count the site shows beside the date: `閲覧 508`, `1,204 views`, `阅读 1523`, `조회 34`.
# (A number may be written short: `1.2K`, `1.5万`, `1.2만`.)
_NUMBER = r"\d[\d,]*(?:\.\d+)?[kKmM万만]?"
_COUNTED = r"views?|reads?|likes?|comments?|shares?"
_COUNT = re.compile(
    rf"(?:閲覧|閲覧数|阅读|閱讀|浏览|瀏覽|조회|조회수|{_COUNTED}|PV|いいね|コメント|댓글|좋아요|공감|点赞|點讚|评论|評論)\s*[:：]?\s*{_NUMBER}"
    rf"|{_NUMBER}\s*(?:{_COUNTED}|回閲覧)",
    re.IGNORECASE,
)
META_WORDS = 8
META_CHARS = 40
# A count alone on its line (`1,234 views`, `閲覧数 532`, `조회수 1,204`), and a printed page's
# number (`page 1 of 8`, a PDF viewer's `You are on page 1 of 8`, `1 / 8`, `- 1 -`, `3ページ`): the
# site's, the viewer's or the print's, not the text.
_ONE_COUNT = rf"(?:{_COUNT.pattern})\s*(?:回|次|회|件|times)?"
# One count alone, or a few side by side (`Views 1,234 · Likes 20`).
_COUNT_ALONE = re.compile(rf"^{_ONE_COUNT}(?:\s*[·•|｜/]\s*{_ONE_COUNT}){{0,3}}$", re.IGNORECASE)
_PAGE_LINE = re.compile(
    r"^(?:(?:(?:you\s+are|you're)\s+(?:on|viewing)\s+|viewing\s+|showing\s+)?(?:page|p\.|pp\.|ページ|页|頁|페이지)\s*\d{1,4}(?:\s*(?:of|/|／)\s*\d{1,4})?|\d{1,4}\s*[/／]\s*\d{1,4}"
    r"|\d{1,4}(?:\s*[/／]\s*\d{1,4})?\s*(?:ページ|页|頁|페이지)|[-–—]\s*\d{1,4}\s*[-–—]|[\[(（]\d{1,4}\s*[/／]\s*\d{1,4}[\])）])$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?。！？]$")


def is_meta_line(text: str) -> bool:
    """The article's meta line (`Daily News 2024-05-02 閲覧 508`, `Easy English · May 2, 2024`):
    a date inside a short line that is no sentence; with a view count it may say more. With no
    date, a view count or a printed page's number alone on its line (`1,234 views`, `page 1 of 8`)."""
    date = _DATE_IN.search(text)
    if date is None:
        return len(text) <= META_CHARS and (_COUNT_ALONE.match(text) is not None or _PAGE_LINE.match(text) is not None)
    if _SENTENCE_END.search(text):
        return False
    rest = (text[: date.start()] + " " + text[date.end() :]).strip()
    if _COUNT.search(rest):
        return len(text.split()) <= 2 * META_WORDS
    return len(rest.split()) <= META_WORDS // 2 and not rest[:1].islower()


# A byline with the writer's role after the name: `By Emma Clarke, staff reporter`.
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_ROLE = r"(?i:reporter|correspondent|writer|editor|staff|contributor)s?"
_ROLE_BYLINE = re.compile(rf"^[Bb]y\s+{_NAME}\s*[,|·–—-]\s*(?:[A-Za-z]+\s+){{0,3}}{_ROLE}\.?$")


def is_role_byline(text: str) -> bool:
    """`By NAME, staff reporter`, `By NAME — Science Correspondent`."""
    return text[:1] in "Bb" and _ROLE_BYLINE.match(text) is not None
