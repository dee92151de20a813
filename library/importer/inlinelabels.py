"""A line holding both parts, each behind its label and often an emoji flag
(`🇺🇸 English Sentence: The park opens… 🇰🇷 한국어 해석: 공원이…`, `英文：… 🇯🇵日本語訳：…`): cut
before the second label, so that each part is a line with its label (labels.py takes the labels
off and pairs the parts). Cut only where the label names the language that follows it and the
text before it is in the other language.
"""

from __future__ import annotations

import re

from library.importer.labelwords import (
    _ALTERNATIVE_WORDS,
    _ORIGINAL_WORDS,
    _TRANSLATION_WORDS,
    ORIGINAL,
    _fits,
    _role,
)
from library.importer.normalise import language_of

# A label inside the line: after a space or a sentence's end, an emoji or a mark or two before
# it (a flag, `▶`), a short qualifier (`한국어 해석`, `自然な和訳`), the label's word and a colon.
_MID = re.compile(
    r"(?<=[\s.!?。！？」』)）])(?P<deco>[^\w\s:：]{1,8}\s?)?"
    r"(?P<qual>[^\s:：\[\]【】()（）\d.!?。！？]{1,6}?\s?)??"
    rf"(?P<label>{_ALTERNATIVE_WORDS}|{_TRANSLATION_WORDS}|{_ORIGINAL_WORDS})\s*[:：]\s*(?=\S)",
    re.IGNORECASE,
)
CJK = ("ja", "zh", "ko")


def split_labelled(text: str) -> list[str] | None:
    """The line's labelled parts, or None where it holds no second labelled part in the other
    language."""
    if text.isascii() or (":" not in text and "：" not in text):
        return None  # most lines
    parts: list[str] = []
    start = 0
    for m in _MID.finditer(text):
        if m.start() <= start:
            continue
        before = text[start : m.start()].strip()
        after = text[m.end() :]
        role = _role(m.group("label"))
        lang_after, lang_before = language_of(after), language_of(before)
        if not before or not _fits(role, lang_after):
            continue
        if (lang_before in CJK) if role == ORIGINAL else (lang_before == "en"):
            # (a label between two parts of one language, `別訳:` after `訳:…`, is no cut)
            parts.append(before)
            start = m.start() + len(m.group("deco") or "")
    if not parts:
        return None
    parts.append(text[start:].strip())
    return parts
