"""Swapping a page's languages: where the importer took the translation as the English and the
English as its translation, each pair's two sides change places.

The semantics: every heading or paragraph with a translation placed on it (by the import or by
hand) and that translation change roles. The translation line becomes the heading or paragraph
(its English), and the line that was the block becomes its translation, so each pair is kept. A
block the importer placed two translation lines on becomes the first of them, the others
paragraphs of their own after it. Lines in no pair (a paragraph with no translation, an
unplaced line, notes, the glossary, the title) keep their roles.

A swap that would leave no English body is refused: the lines that would be the body must
read less as a translation than the body does now (fewer kana and Hangul, or, on a page with
neither, fewer Han characters, for their letters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from library.importer import split as K
from library.importer.normalise import language_of, script_counts
from library.importer.split import Line

_BLOCKS = (K.HEADING, K.PARAGRAPH)
_TRANSLATED = (K.CJK, K.PAIR, K.TRANSLATION)
_LATIN = re.compile(r"[A-Za-z0-9]+")


def swap_pairs(lines: list[Line], forced: dict[int, tuple[Line, Line]]) -> bool:
    """Swap each placed pair's sides in `lines` (in place; `forced`: translation → its block's line,
    updated to the new placements). False where no pair is placed: nothing to swap."""
    present = {id(ln) for ln in lines}
    by_block: dict[int, list[Line]] = {}
    block_of: dict[int, Line] = {}
    for tr, tg in forced.values():
        if id(tr) in present and id(tg) in present and tg.kind in _BLOCKS and tr.kind in _TRANSLATED:
            by_block.setdefault(id(tg), []).append(tr)
            block_of[id(tg)] = tg
    if not by_block:
        return False
    # Kept over a re-import by its line: where the importer now reads the page the right way round,
    # a swap would take the English away, and it is not made (the re-import says it was not kept).
    body = [block_of[key].text for key in by_block]
    placed = [ln.text for group in by_block.values() for ln in group]
    if not swap_leaves_english(body, placed):
        return False
    for key, translations in by_block.items():
        block = block_of[key]
        translations.sort(key=lambda ln: lines.index(ln))
        first = translations[0]
        lang = translation_language(block.text) or first.lang
        for tr in translations:
            forced.pop(id(tr), None)
            tr.kind, tr.lang, tr.stanza = K.PARAGRAPH, "en", None
        first.kind = block.kind
        block.kind, block.lang, block.stanza = K.CJK, lang, None
        block.same_line_translation = ""
        forced[id(block)] = (block, first)
    return True


def translation_language(text: str) -> str:
    """The language a line reads as with its Latin words set aside (a translation that keeps names in Latin)."""
    lang = language_of(_LATIN.sub("", text))
    return lang if lang in ("ja", "zh", "ko") else ""


def foreign_share(texts: Iterable[str], han: bool) -> float:
    """How much of the texts' letters are kana and Hangul (or Han, `han`): 0 for English prose."""
    letters = foreign = 0
    for text in texts:
        latin, kana, hans, hangul = script_counts(text)
        letters += latin + kana + hans + hangul
        foreign += hans if han else kana + hangul
    return foreign / letters if letters else 0.0


def swap_leaves_english(body: list[str], translations: list[str]) -> bool:
    """True where the translations, made the body, would read more as English than the body does."""
    both = [*body, *translations]
    han = not any(script_counts(t)[1] or script_counts(t)[3] for t in both)
    return foreign_share(translations, han) < foreign_share(body, han)
