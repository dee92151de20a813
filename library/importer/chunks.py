"""Lines that alternate English and translation chunks (`English / 訳 / English / 訳`, or
sentence, translation, sentence, translation with no separator), split into the English and
its translation.

A change of script alone is weak evidence (a Japanese sentence names `ChatGPT`, an English one
quotes `東京`), so a boundary counts only where the page marks it: a separator between the two
chunks, or a sentence ending on the chunk before it.
"""

from __future__ import annotations

import re

from library.importer.normalise import language_of

# Kana, Han, Hangul, and the CJK and full-width punctuation that belongs with them.
_CJK_CHARS = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uff00-\uffef"
_HAS_CJK = re.compile(f"[{_CJK_CHARS}]")
# A stretch of Latin-script text: from a letter (or an opening quote before one) up to the next
# CJK character.
_LATIN_STRETCH = re.compile(rf"[\"“‘'(]?[A-Za-z\u00c0-\u024f][^{_CJK_CHARS}]*")
_SEPARATORS = "/|／｜"
_STRIP = f" \t{_SEPARATORS}"
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][a-z]+)?")
_EN_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")
_CJK_SENTENCE_END = re.compile(r"[。！？.!?」』)）]$")
_CJK_PAUSE = re.compile(r"[。！？.!?」』)）、，,；;：:]$")
_EN_SENTENCE_START = re.compile(r"^[\"“‘'(]?[A-Z]")
# A chunk with no separator beside it is English only when it is a sentence this long.
SENTENCE_WORDS = 4
CJK = ("ja", "zh", "ko")
# The shortest translation, over its English in characters, that is taken for one (a Chinese
# translation runs to about a third of its English).
MIN_RATIO = 0.15
# After an English sentence's end, the opening quote or the number the translation starts with
# (the Latin stretch runs on up to the first CJK character).
_OPENER_AFTER_END = re.compile(r"[.!?][\"”’)]?\s+([“‘\"'(（「『]?\d[\d,.]*|[“‘「『(（])$")
_BRACKETED = re.compile(r"^[(（\[【〔［][^)）\]】〕］]*[)）\]】〕］]$")


# A line that starts with a short label in the translation's script and a colon.
_LEADING_LABEL = re.compile(r"[^\x00-\x7f\s]{1,6}\s?[:：]")


def split_chunks(text: str) -> tuple[str, str] | None:
    """(English, translation) for a line alternating English chunks with translation chunks,
    each boundary marked by a separator or a sentence end; else None."""
    if text.isascii() or not _HAS_CJK.search(text):
        return None
    if _LEADING_LABEL.match(text):
        return None  # `答案：1. T …`, `例句: …`: a labelled line (an answer, an example), not chunks in turn
    chunks = _chunks(text)
    english = [c for is_en, c in chunks if is_en]
    translated = [c for is_en, c in chunks if not is_en]
    if not english or not translated:
        return None
    joined = " ".join(english)
    # The English, put back together, is a sentence (or several): a list of `term / 訳` is not.
    if not (_EN_SENTENCE_START.match(joined) and _EN_SENTENCE_END.search(joined)):
        return None
    if any(_BRACKETED.match(c) for c in translated):
        return None  # `（英文）`, `【訳】`: a label before a part, for the label step to read
    if sum(map(len, translated)) < MIN_RATIO * len(joined):
        return None  # too short to translate all that English: names or glosses within it
    # The language of the whole translation: a chunk of kanji alone (`毎月、`) reads as Chinese.
    lang = language_of("".join(translated))
    if lang not in CJK:
        return None
    return joined, _join_translation(translated, lang)


def line_chunks(text: str) -> list[tuple[bool, str]] | None:
    """The line as (is English, text) chunks in order, as split_chunks reads them; None for a
    line of one script or a labelled line."""
    if text.isascii() or not _HAS_CJK.search(text) or _LEADING_LABEL.match(text):
        return None
    return _chunks(text)


def _join_translation(chunks: list[str], lang: str) -> str:
    """The translation chunks as one text: where a chunk ends mid-phrase (slash reading's
    `町が / 古いフェリーを`), the page's ` / ` stays so the learner still sees the chunks."""
    out = chunks[0]
    for chunk in chunks[1:]:
        if not _CJK_PAUSE.search(out):
            out += " / "
        elif lang == "ko":
            out += " "
        out += chunk
    return out


def _chunks(text: str) -> list[tuple[bool, str]]:
    """The line as (is English, text) chunks in order, a Latin stretch counted as English only
    where a separator or a sentence end marks its boundaries; the rest stays with the
    translation around it."""
    out: list[tuple[bool, str]] = []
    pending = ""  # translation text gathered since the last English chunk
    last = 0
    for m in _LATIN_STRETCH.finditer(text):
        before = pending + text[last : m.start()]
        stretch, end = m.group(), m.end()
        cut = max(map(stretch.rfind, _SEPARATORS))
        if cut > 0 and not _WORD.search(stretch, cut):
            # `May. / 5月に…`: what follows the last separator opens the next chunk.
            stretch, end = stretch[: cut + 1], m.start() + cut + 1
        opener = _OPENER_AFTER_END.search(stretch) if end < len(text) else None
        if opener:
            # `…at night. “我們…` `…in October. 10월에 …`: the quote or number opens the translation.
            stretch, end = stretch[: opener.start(1)], m.start() + opener.start(1)
        after = text[end : end + 1]
        core = stretch.strip(_STRIP)
        if _is_english_chunk(before, stretch, core, bool(after)):
            if before.strip(_STRIP):
                out.append((False, before.strip(_STRIP)))
            out.append((True, core))
            pending = ""
        else:
            pending = before + stretch
        last = end
    rest = (pending + text[last:]).strip(_STRIP)
    if rest:
        out.append((False, rest))
    return out


def _is_english_chunk(before: str, stretch: str, core: str, cjk_after: bool) -> bool:
    """Whether a Latin stretch is a chunk of the English rather than a name in the translation."""
    words = _WORD.findall(core)
    if not words:
        return False
    head = before.rstrip(" \t")
    sep_before = not head or head[-1] in _SEPARATORS
    sep_after = not cjk_after or stretch.rstrip(" \t")[-1:] in _SEPARATORS
    if head and not sep_before and not _CJK_SENTENCE_END.search(head):
        return False  # glued to the translation before it, which had not ended
    if sep_before and sep_after and (head or cjk_after):
        return True
    # No separator on one side: the chunk must be a whole sentence to stand on its own.
    return len(words) >= SENTENCE_WORDS and bool(_EN_SENTENCE_START.match(core) and _EN_SENTENCE_END.search(core))
