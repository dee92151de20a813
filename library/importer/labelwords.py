"""The words a label is made of, by the role they name (the original, its translation, an
alternative translation), and which language each role's part is in: read by labels.py, which
takes labels off their lines, and by inlinelabels.py, which cuts a line before its second label."""

from __future__ import annotations

import re

CJK = ("ja", "zh", "ko")
ORIGINAL, TRANSLATION, ALTERNATIVE = "original", "translation", "alternative"

# The head word of a label, by the role it names.
_ORIGINAL_WORDS = (
    r"原文|英文(?:釋義|释义)?|英語|영문|원문|영어|English(?: sentence| text)?|Original(?: sentence| text)?|"
    r"Text|本文|正文|본문"
)
_TRANSLATION_WORDS = (
    r"訳|和訳|翻訳|日本語訳|訳文|意訳|直訳|全訳|译文|翻译|翻譯|譯文|中譯|中译|译|譯|中文(?:翻译|翻譯)?|번역|해석|"
    r"日本語|한국어|한국말|우리말|"
    r"Translation|Japanese|Korean|Chinese"
)
_ALTERNATIVE_WORDS = r"別訳|别译|別譯|另译|另譯|다른 번역|Alternative(?: translation)?|Another translation"
_ROLE_OF = (
    (re.compile(rf"^(?:{_ALTERNATIVE_WORDS})$", re.IGNORECASE), ALTERNATIVE),
    (re.compile(rf"^(?:{_TRANSLATION_WORDS})$", re.IGNORECASE), TRANSLATION),
    (re.compile(rf"^(?:{_ORIGINAL_WORDS})$", re.IGNORECASE), ORIGINAL),
)


def _role(word: str) -> str:
    return next(role for pattern, role in _ROLE_OF if pattern.match(word))


def _fits(role: str, lang: str) -> bool:
    """A label is read only where the part is in the language it names."""
    return (role == ORIGINAL and lang == "en") or (role != ORIGINAL and lang in CJK)
