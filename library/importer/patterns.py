"""The recognisers shared by the steps: note markers, sources, captions, junk, word lists."""

from __future__ import annotations

import re

# A note marker at the start of a line: ※1, *1, 注1, [1], (1), 【注1】.
NOTE_START = re.compile(
    r"^(?P<marker>※\s?\d{1,3}|\*\s?\d{1,3}|注\s?\d{1,3}|\[\d{1,3}\]|\(\d{1,3}\)|【注?\d{1,3}】)[\s.:):]*"
)
# The same markers inside running text.
NOTE_REF_CHARS = re.compile(r"[※*注\[【]")
NOTE_REF = re.compile(r"※\s?\d{1,3}|\*\d{1,3}(?!\d)|注\d{1,3}|\[\d{1,3}\]|【注?\d{1,3}】")

_SOURCE_WORDS = (
    r"資料來源|资料来源|参考資料|参考文献|出典|出所|引用元|引用|参考|参照|來源|来源|出處|出处|參考|출처|"
    r"Sources|Source|source|SOURCE|References|Reference"
)
_SOURCE_WORD_LIST = tuple(_SOURCE_WORDS.split("|"))


def has_source_word(text: str) -> bool:
    """Whether SOURCE could match: it needs one of its words (a quick test before the search)."""
    return any(w in text for w in _SOURCE_WORD_LIST)


# The two patterns below end at the end of the text. A search tries every start position
# and each attempt can scan to the end, so they are searched through `_AtEnd`, which
# starts where a match can begin (quantifiers are possessive and a match begins only where
# the bracket run before it does, so each attempt is short).
_SOURCE_RE = re.compile(
    rf"(?<![\s(\[【])[\s(\[【]*(?:(?P<word>{_SOURCE_WORDS})\s*+[:：]?\s*+)(?P<url>https?://[^\s)\]】]++)?"
    r"[^\S\n]*+[)\]】]?\s*$"
)
_URL_AT_END_RE = re.compile(r"(?<![\s(\[【])[\s(\[【]*(?P<url>https?://[^\s)\]】]++)[)\]】]?\s*$")
_URL_RUN_REVERSED = re.compile(r"[^\s)\]】]*")
_GAP_REVERSED = re.compile(r"[\s:：]*")
_OPENERS_REVERSED = re.compile(r"[\s(\[【]*")
_LONGEST_SOURCE_WORD = max(len(w) for w in _SOURCE_WORD_LIST)


class _AtEnd:
    """A pattern anchored at the end of the text, searched in time linear in the text."""

    def __init__(self, pattern: re.Pattern[str], word: int) -> None:
        self.pattern = pattern
        self.word = word  # how far before the last run of address characters the match may begin

    def match(self, text: str) -> re.Match[str] | None:
        """The pattern matched at the start of `text`."""
        return self.pattern.match(text)

    def search(self, text: str) -> re.Match[str] | None:
        """The leftmost match, as `re.search` finds it; only the tail of `text` can hold one:
        the last run of characters an address can hold, the gap and word before it, and the
        brackets and spaces before those."""
        end = len(text.rstrip())
        if end and text[end - 1] in ")]】":
            end -= 1
        rev = text[::-1]
        at = len(text) - end
        at = _URL_RUN_REVERSED.match(rev, at).end()  # type: ignore[union-attr]
        at = _GAP_REVERSED.match(rev, at).end()  # type: ignore[union-attr]
        at = min(len(text), at + self.word)
        at = _OPENERS_REVERSED.match(rev, at).end()  # type: ignore[union-attr]
        return self.pattern.search(text, len(text) - at)


SOURCE = _AtEnd(_SOURCE_RE, _LONGEST_SOURCE_WORD)
URL_AT_END = _AtEnd(_URL_AT_END_RE, 0)

_CAPTION_START = re.compile(r"^(FILE|PHOTO|IMAGE|PICTURE)\s*[-–—:]\s")
_CAPTION_CREDIT = re.compile(
    r"\((?:AP|AFP|REUTERS|Reuters|Getty|Kyodo|Xinhua|Yonhap|EPA|Photo|Image|Credit|Courtesy)\b[^)]*\)$"
)
_CAPTION_WORDS = ("AP Photo", "Getty Images", "REUTERS/", "Photo credit", "Photo:", "Image:", "Credit:")


def is_caption(text: str) -> bool:
    """A photo caption or credit line (FILE - …, … (AP Photo/…), Photo: …)."""
    return bool(
        _CAPTION_START.match(text)
        or (text.endswith(")") and _CAPTION_CREDIT.search(text))
        or _CAPTION_WORD.search(text) is not None
    )


_CAPTION_WORD = re.compile("|".join(re.escape(w) for w in _CAPTION_WORDS))  # one scan for all of them


JUNK = re.compile(
    r"^[^\w(（\[]*(?:share(?: this)?|tweet|print|email|e-mail|home|menu|search|subscribe|sign in|log in|login|"
    r"advertisement|related(?: articles| stories| posts)?|read more|more stories|comments?|"
    r"back to top|top of page|next|previous|prev|follow us.*|シェア(?:する)?|ツイート|ホーム|メニュー|"
    r"関連記事|続きを読む|広告|スポンサーリンク|ページトップへ?|トップへ戻る|コメント|目次|"
    r"分享|返回顶部|相关文章|广告|공유|광고)\W*$",
    re.IGNORECASE,
)
CALL_TO_ACTION = re.compile(
    r"\b(?:subscribe|sign up|newsletter|follow us|like this (?:story|article|post)|share this|click here|"
    r"download (?:our|the) app|advertisement|sponsored)\b|購読|登録してください|フォローして|シェアして|"
    r"订阅|关注我们|구독",
    re.IGNORECASE,
)
_BAR_CHARS = re.compile(r"[|｜/•·・]|\s{2}")
_BAR = re.compile(r"\s*(?:[|｜/•·・]|\s{2,})\s*")


def is_chrome(text: str) -> bool:
    """Site chrome: a menu or share bar, a call to action, a copyright line."""
    if JUNK.match(text) or COPYRIGHT.match(text) or DECORATION.match(text):
        return True
    if _BAR_CHARS.search(text):
        parts = [p for p in _BAR.split(text) if p]
        if len(parts) >= 2 and all(JUNK.match(p) for p in parts):
            return True
    return len(text) <= 80 and len(text.split()) <= 12 and bool(CALL_TO_ACTION.search(text))


COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved)", re.IGNORECASE)
BULLET_NAV = re.compile(r"^(?:[^|｜]{1,20}[|｜]){2,}[^|｜]{0,20}$")
DECORATION = re.compile(r"^[\W_]+$")
SECTION_LABEL = re.compile(
    r"^(?:【[^】]{1,12}】|\[[^\]]{1,12}\]|■\s?\S{1,12}|(?:和訳|日本語訳|翻訳|訳|中文翻译|译文|翻譯|번역|Translation))\s*[:：]?$"
)

WORDLIST_HEADING = re.compile(
    r"^(?:#+\s*)?(?:words in this story|vocabulary(?: list)?|word list|key ?words|glossary|useful words|"
    r"words to know|new words|key vocabulary|key terms|単語(?:リスト|帳)?|重要(?:単語|語句)|語彙|語句|"
    r"ボキャブラリー|词汇(?:表)?|生词|单词|詞彙|單字|단어(?:장)?|어휘|핵심 ?단어)\s*[:：]?$",
    re.IGNORECASE,
)
EXAMPLE = re.compile(r"^(?:e\.g\.|ex\.|example|例文|例|用例|例句|예문)\s*[:：.]\s*(?P<text>.+)$", re.IGNORECASE)
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+)$")
BULLET = re.compile(r"^(?:[•・●○◆◇■□▶►▸‣∙\-*+]|\d{1,3}[.)])\s+(?=\S)")
