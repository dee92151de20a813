"""The recognisers shared by the steps: note markers, sources, captions, junk, word lists."""

from __future__ import annotations

import re

# A note marker at the start of a line: ※1, *1, 注1, [1], (1), 【注1】.
# After ※ and a number, a counter or unit means a number in the text (※2つの…, ※3年), not a note.
_NOT_A_MARK = r"(?![0-9つ人年月日回個本件分時歳才%％割倍番位点名枚台かヶカ万億千百十])"
NOTE_START = re.compile(
    r"^(?P<marker>※\s?\d{1,3}" + _NOT_A_MARK + r"|\*\s?\d{1,3}|注\s?\d{1,3}|\[\d{1,3}\]|\(\d{1,3}\)|【注?\d{1,3}】)"
    r"[\s.:):]*"
)
# The same markers inside running text.
NOTE_REF_CHARS = re.compile(r"[※*注\[【]")
NOTE_REF = re.compile(r"※\s?\d{1,3}" + _NOT_A_MARK + r"|\*\d{1,3}(?!\d)|注\d{1,3}|\[\d{1,3}\]|【注?\d{1,3}】")

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
    r"ブックマーク|いいね|分享|收藏|转发|轉發|点赞|點讚|打印|列印|返回顶部|相关文章|广告|공유(?:하기)?|스크랩|좋아요|"
    r"인쇄|광고)\W*$",
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
_BAR_WORDS = re.compile(r"[\s|｜/•·・]+")
SHARE_BAR_CHARS = 40


def is_chrome(text: str) -> bool:
    """Site chrome: a menu or share bar, a call to action, a copyright line."""
    if JUNK.match(text) or COPYRIGHT.match(text) or DECORATION.match(text):
        return True
    if _BAR_CHARS.search(text):
        parts = [p for p in _BAR.split(text) if p]
        if len(parts) >= 2 and all(JUNK.match(p) for p in parts):
            return True
    if " " in text and len(text) <= SHARE_BAR_CHARS:
        # Buttons side by side with single spaces, a count after some (`シェア 12 ツイート`, `공유하기 스크랩`).
        words = [w for w in _BAR_WORDS.split(text) if w and not w.isdigit()]
        if len(words) >= 2 and all(JUNK.match(w) for w in words):
            return True
    return len(text) <= 80 and len(text.split()) <= 12 and bool(CALL_TO_ACTION.search(text))


# A site's buttons and notices in English, read word by word (as the player's labels below):
# a short line made only of interface words, one of them a button's or a notice's own
# (`Share on Facebook`, `Leave a Reply`, `Previous article`, `Comments (3)`, `Skip to content`,
# `Take the quiz`), or a cookie or comment-form notice.
_INTERFACE_CORE = frozenset(
    "share facebook twitter linkedin whatsapp pinterest reddit telegram email e-mail print comment comments "
    "reply replies subscribe newsletter cookie cookies skip navigation toggle previous next loading download "
    "advertisement sponsored login logout signup quiz video bookmark listen scroll copy link".split()
)
_INTERFACE_WORDS = _INTERFACE_CORE | frozenset(
    "on this the a an to our us your all main content article articles post posts story stories page link copy "
    "leave in log sign up with continue scroll accept settings preferences privacy policy pdf like see also more "
    "read back top and or for of it x via now here click take short watch listen along out".split()
)
_INTERFACE_TOKEN = re.compile(r"[a-z][a-z'’-]*|\d+")
INTERFACE_WORDS_MAX = 8
NOTICE = re.compile(
    r"\b(?:uses? cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies|"
    r"email address will not be published|required fields are marked)\b",
    re.IGNORECASE,
)
# A post's byline by a handle, anywhere on the page: `By admin`, `Posted by editor_kim`.
HANDLE_BYLINE = re.compile(r"^(?:by|posted by|written by)\s+@?[\w.\-]{2,30}(?:\s[\w.\-]{2,30})?$", re.IGNORECASE)
# Tried only where a word starts: from anywhere, a long word would be read again from each letter.
_ANY_ADDRESS = re.compile(r"(?<!\S)(?=\S*?(?:https?://|www\.))\S+")


def is_interface_line(text: str) -> bool:
    """A site's button, link label or notice in English, with nothing of the article on the line."""
    if len(text) > 200:
        return False
    low = text.lower()
    # Each notice holds one of these words: most lines are ruled out without a search.
    if ("cookie" in low or "published" in low or "required" in low) and NOTICE.search(text):
        return True
    if text.count(" ") > 2 * INTERFACE_WORDS_MAX:
        return False  # a long line: more words than a button has (an address counts as one)
    if low[:1] in "bpw" and HANDLE_BYLINE.match(text):
        return True
    tokens = _INTERFACE_TOKEN.findall(_ANY_ADDRESS.sub(" ", low) if "/" in text else low)
    if not tokens or len(tokens) > INTERFACE_WORDS_MAX:
        return False
    words = [t for t in tokens if not t.isdigit()]
    return all(w in _INTERFACE_WORDS for w in words) and any(w in _INTERFACE_CORE for w in words)


# An audio player's labels: `Listen`, `Play audio`, `Speed: 0.75x | 1x | 1.25x`, `03:25 / 05:10`.
_PLAYER_CORE = {"listen", "play", "pause", "audio", "mp3", "speed", "playback", "slow", "normal", "fast"}
_PLAYER_WORDS = _PLAYER_CORE | {"to", "this", "the", "story", "article", "lesson", "download", "speed:", "audio:"}
_PLAYER_CJK = ("音声", "再生", "音频", "播放", "듣기", "재생", "倍速")
_PLAYER_TOKEN = re.compile(r"\d(?:\.\d+)?\s?[x×倍]|\d{1,2}:\d{2}")
_PLAYER_HINT = re.compile(
    r"listen|play|pause|audio|mp3|speed|slow|normal|fast|\d\s?[x×倍]|\d:\d|音声|再生|音频|播放|듣기|재생", re.IGNORECASE
)
_PLAYER_SPLIT = re.compile(r"[\s|/·,、：]+|:(?!\d)")


def is_player(text: str) -> bool:
    """An audio player's or speed control's labels, with nothing else on the line."""
    if len(text) > 80 or not _PLAYER_HINT.search(text):
        return False  # one search rules out nearly every line
    tokens = [t for t in _PLAYER_SPLIT.split(text.lower()) if t]
    if not tokens:
        return False
    core = False
    for t in tokens:
        cjk = len(t) <= 8 and any(w in t for w in _PLAYER_CJK)
        if _PLAYER_TOKEN.fullmatch(t) or cjk or t in _PLAYER_CORE:
            core = True
        elif t not in _PLAYER_WORDS:
            return False
    return core


# A feed's or blog's footer: `The post … appeared first on …`, `Filed under: …`, `Tags: …`.
FEED_FOOTER = re.compile(
    r"^(?:the post .{1,150} appeared first on .{1,80}|this (?:entry|post|article) was posted in .{1,150}|"
    r"continue reading.{0,80}|read the (?:full|rest of the) (?:story|article|post).{0,80}|"
    r"(?:filed|posted) under:? .{1,100}|tags?: .{1,150}|posted by .{1,80}? at \d{1,2}:\d{2}.{0,200})$",
    re.IGNORECASE,
)
# The heading of a list of other posts; the short title lines under it are site text too.
RELATED = re.compile(
    r"^\W*(?:related(?: posts| articles| stories| reading)?|you (?:may|might) also like|recommended(?: for you)?|"
    r"popular posts|おすすめ記事|関連記事|人気記事|相关(?:文章|阅读)|推荐阅读|관련 기사|추천 기사)\W*$",
    re.IGNORECASE,
)

COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved)", re.IGNORECASE)
BULLET_NAV = re.compile(r"^(?:[^|｜]{1,20}[|｜]){2,}[^|｜]{0,20}$")
DECORATION = re.compile(r"^[\W_]+$")
SECTION_LABEL = re.compile(
    r"^(?:【[^】]{1,12}】|\[[^\]]{1,12}\]|■\s?\S{1,12}|(?:(?:中文|日本語|韓国語|한국어|국문)\s?)?"
    r"(?:和訳|訳|翻訳|翻译|翻譯|译文|譯文|中譯|中译|번역|해석)|Translation|英文|原文|参考|参照)\s*[:：]?$"
)

WORDLIST_HEADING = re.compile(
    r"^(?:#+\s*)?(?:words in this story|vocabulary(?: list)?|word list|key ?words|glossary|useful words|"
    r"words to know|new words|key vocabulary|key terms|単語(?:リスト|帳)?|重要(?:単語|語句)|語彙|語句|"
    r"ボキャブラリー|词汇(?:表)?|生词|单词|詞彙|單字|단어(?:장)?|어휘|핵심 ?단어)\s*[:：]?$",
    re.IGNORECASE,
)
# A word-list heading in other words: a step or section number before it (`STEP 3`, `2.`,
# `【`, `■`), words around the list word (`Today's Key Words`, `今日の単語`, `Vocabulary Learning`).
_HEADING_LEAD = re.compile(
    r"^(?:#+\s*)?(?:(?:step|part|section|unit|lesson)\s*\d{1,2}\s*[.:：\-–]?\s*|\d{1,2}[.)]\s*|[【\[■□◆●▶►]\s*)+",
    re.IGNORECASE,
)
_HEADING_TAIL = re.compile(r"\s*[】\]]?\s*[:：]?\s*$")
_LIST_WORD = re.compile(
    r"\b(?:vocabulary|words|word list|glossary|key ?terms|expressions|phrases)\b|"
    r"単語|語彙|語句|ボキャブラリー|フレーズ|词汇|生词|单词|短语|詞彙|單字|生詞|短語|字卡|词卡|詞卡|단어|어휘|표현",
    re.IGNORECASE,
)
# A heading at the start of a paragraph: `Key words: sensor – n. …`. The head ends in a
# non-space and the spaces after it are taken once (atomic): a lazy head before `\s*` read a
# run of spaces again for every length it tried.
HEADING_INLINE = re.compile(r"^(?P<head>[^:：]{1,39}?[^:：\s])(?>\s*)[:：]\s*(?P<rest>\S.*)$")


def is_wordlist_heading(text: str) -> bool:
    """A line that reads like a word list's heading: the list word with little around it."""
    if len(text) > 60:
        return False  # headings are short; the searches below need not scan a paragraph
    if WORDLIST_HEADING.match(text):
        return True
    core = _HEADING_TAIL.sub("", _HEADING_LEAD.sub("", text, count=1))
    if not core or len(core) > 40 or core[-1] in ".!?。！？" or not _LIST_WORD.search(core):
        return False
    return len(core.split()) <= 5 if core.isascii() else len(core) <= 14


# An example line under an entry: `Example: …`, `ex) …`, or the label in brackets with the
# example's number after it (`[ Examples ]1. …`, `【例文】1. …`, `〔例句〕…`).
EXAMPLE = re.compile(
    r"^(?:(?:e\.g\.|ex\.|examples?|例文|例|用例|例句|예문)\s*[:：.]|ex\)|"
    r"[\[【〔(（]\s*(?:examples?|例文|例句|用例|예문|例)\s*[\]】〕)）]\s*[:：]?)"
    r"\s*(?:\d{1,2}[.)]\s*)?(?P<text>.+)$",
    re.IGNORECASE,
)
# The example label alone on its line, the examples numbered under it (`[ Examples ]`, `【例文】`).
EXAMPLE_LABEL = re.compile(
    r"^[\[【〔(（]?\s*(?:examples?|例文|例句|用例|예문|例)\s*[\]】〕)）]?\s*[:：]?$", re.IGNORECASE
)
# The next example of a numbered run under an example line (`2. We planted beans …`).
EXAMPLE_NEXT = re.compile(r"^\d{1,2}[.)]\s*(?P<text>[A-Z\"“‘'].+)$")
# A label alone on its line over the article's text (`Article:`, `Text:`, `本文：`, `본문`): it
# names the part after it.
BODY_LABEL = re.compile(
    r"^(?:(?:the\s)?(?:article|text|story|full (?:text|story|article)|main text|reading)\s?[:：]|"
    r"(?:本文|正文|内文|內文|原文全文|본문|기사 ?본문)\s?[:：]?)$",
    re.IGNORECASE,
)
# A photo's caption marked by the arrow or triangle pointing at it (`▲ 夜班公交车…`, `△ …`,
# `↑写真：…`), or by its label (`写真：…`, `사진=…`).
CAPTION_MARK = re.compile(
    r"^(?:[▲△▴▵]|↑\s?(?:写真|画像|사진|照片|图片|圖片|photo)|(?:写真|사진|照片|图片|圖片)\s?[:：=])\s*\S"
)
# A label alone on its line over the original's group (`英文`, `原文:`).
PART_LABEL_ORIGINAL = re.compile(r"^[【\[]?(?:英文|原文)[】\]]?\s*[:：]?$")
# A speaker's name alone on its line: `Narrator:`, `Man:`, `Dr. Kim:`, `A:`.
SPEAKER = re.compile(r"^[A-Z][A-Za-z.'’-]*(?: [A-Z0-9][A-Za-z.'’-]*){0,2}\s?[:：]$")
# A bullet glyph before a line of body text (a dash or a number may be the text's own).
BULLET_GLYPH = re.compile(r"^[•・●○◆◇■□▶►▸‣∙➤✓✔]\s*")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+)$")
BULLET = re.compile(r"^(?:[•・●○◆◇■□▶►▸‣∙\-*+]|\d{1,3}[.)])\s+(?=\S)")
