"""The lesson checked for the two languages mixed up: a paragraph that is largely in the
translation's script, or a translation that holds a whole English sentence, is a line the
steps could not cut apart. Neither is taken silently: each is said in the import report."""

from __future__ import annotations

import re

from library.model import MIXED_LANGUAGES, ImportWarning, Lesson

_CJK_CHAR = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LATIN_LETTER = re.compile("[A-Za-z]")
# A paragraph with this share of its letters in the translation's script reads as a translation.
CJK_SHARE = 0.4
# An English sentence: a capital, then at least this many more words, up to a sentence's end; or a
# run of this many words and more with no end (a sentence cut off from its stop).
_ENGLISH_SENTENCE = re.compile(
    r"(?<![A-Za-z'’\-])"
    r"(?:[A-Z][a-z']*(?:[ ,]+[A-Za-z][A-Za-z'’\-]*){3,}[.!?]|(?:[A-Za-z][A-Za-z'’\-]*[ ,]+){6,}[A-Za-z])"
)


def mixed_language_warnings(lesson: Lesson) -> list[ImportWarning]:
    """A warning for each block that reads as the translation's language, and for each
    translation (placed or not) that holds an English sentence."""
    out: list[ImportWarning] = []
    for block in lesson.blocks:
        text = block.text
        if not text.isascii() and _CJK_CHAR.search(text):
            cjk = len(_CJK_CHAR.findall(text))
            if cjk >= CJK_SHARE * (cjk + len(_LATIN_LETTER.findall(text))):
                out.append(ImportWarning(MIXED_LANGUAGES, text, 0.4))
        for translated in block.translations.values():
            if _ENGLISH_SENTENCE.search(translated):
                out.append(ImportWarning(MIXED_LANGUAGES, translated, 0.4))
    for item in lesson.unplaced:
        if item.lang in ("ja", "zh", "ko") and _ENGLISH_SENTENCE.search(item.text):
            out.append(ImportWarning(MIXED_LANGUAGES, item.text, 0.4))
    return out
