"""A drill page's study aids around each sentence: a button's label (`訳を表示`), a grammar
line (`文型: SVO`), the sentence again in slash chunks with their word-for-word translation
(`I decided / to go / 私は決めた / 行くことを`). None of them is the sentence's translation
(that is the labelled one, `自然な和訳: …`) nor a paragraph of its own: they are site text.
"""

from __future__ import annotations

import re
from collections import Counter

from library.importer import split as K
from library.importer.labels import is_label
from library.importer.split import Line

CJK = ("ja", "zh", "ko")
# A button that shows or hides a translation or an answer.
_REVEAL = re.compile(
    r"^(?:(?:訳|和訳|翻訳|答え|解答|正解)を?(?:表示|見る|隠す)(?:する)?|(?:显示|顯示|查看|隐藏|隱藏)(?:翻译|翻譯|译文|譯文|答案)?"
    r"|(?:번역|해석|정답)\s?(?:보기|숨기기)|(?:show|hide) (?:the )?(?:translation|answer)s?)$",
    re.IGNORECASE,
)
# A short label and a code of capitals: a sentence pattern (`文型: SVO`, `句型：S + V + C`).
_GRAMMAR = re.compile(r"^[^\s:：]{1,6}\s*[:：]\s*[SVOCM](?:\s*[+/・]?\s*[SVOCMi’'])+\.?$")
# A button's label is short; repeated after each sentence, it is the page's, not the text's.
BUTTON_CHARS = 10
_STOP = re.compile(r"[。．.!?！？]$")
_WORDS = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}[.)]|\(\d{1,3}\)|[①-⑳])\s*")


def mark_drill_aids(lines: list[Line]) -> None:
    """Buttons, grammar lines and slash-chunk repeats of the sentence before: site text."""
    short = Counter(ln.text for ln in lines if not ln.kind and ln.lang in CJK and _is_short(ln.text))
    last_english: Line | None = None
    for k, line in enumerate(lines):
        if line.kind:
            continue
        button = short[line.text] >= 2 and line.lang in CJK and _is_short(line.text) and not is_label(line.text)
        if button or _REVEAL.match(line.text) or _GRAMMAR.match(line.text):
            line.kind = K.JUNK
        elif line.lang == "en" and " / " in line.text and last_english is not None and _same_words(line, last_english):
            line.kind = K.JUNK  # the sentence again, chunk by chunk
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            if nxt is not None and not nxt.kind and nxt.gap == 0 and nxt.lang in CJK and " / " in nxt.text:
                nxt.kind = K.JUNK  # its word-for-word translation
        elif line.lang == "en":
            last_english = line


def _is_short(text: str) -> bool:
    return len(text) <= BUTTON_CHARS and not _STOP.search(text)


def _same_words(line: Line, before: Line) -> bool:
    words = _WORDS.findall(line.body.lower())
    return len(words) >= 3 and words == _WORDS.findall(_NUMBERED.sub("", before.body).lower())
