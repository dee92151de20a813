"""Labels that name a part of the text: `原文:`, `[和訳]`, `自然な和訳:`, `English Sentence:`,
`한국어 해석:`, `【译文】` alone on its line. A label names what follows: it is taken out of the
text (kept aside with the lesson) and decides the line's role — the original, its translation,
or an alternative translation. Where a page labels its items, the labels also say which
translation goes with which English line: an item is an English line and the translations
labelled around it (before or after), up to the next item marker (`①`, `2.`) or the next
label of a role the item already has; an alternative translation belongs to the item of the
translation before it.
"""

from __future__ import annotations

import re
from collections import Counter

from library.importer import split as K
from library.importer.normalise import language_of
from library.importer.split import Line
from library.importer.title import is_weekday

CJK = ("ja", "zh", "ko")
ORIGINAL, TRANSLATION, ALTERNATIVE = "original", "translation", "alternative"
CONTINUED = "continued"  # a line right under a labelled one, in its language: more of the same part

# The head word of a label, by the role it names.
_ORIGINAL_WORDS = (
    r"原文|英文(?:釋義|释义)?|英語|영문|원문|영어|English(?: sentence| text)?|Original(?: sentence| text)?|Text"
)
_TRANSLATION_WORDS = (
    r"訳|和訳|翻訳|日本語訳|訳文|意訳|直訳|全訳|译文|翻译|翻譯|譯文|中譯|中译|译|譯|中文(?:翻译|翻譯)?|번역|해석|"
    r"日本語|한국어|한국말|우리말|"
    r"Translation|Japanese|Korean|Chinese"
)
_ALTERNATIVE_WORDS = r"別訳|别译|別譯|另译|另譯|다른 번역|Alternative(?: translation)?|Another translation"
# An item's marker before its first label: `①`, `(2)`, `3.`.
_ITEM = r"^(?P<item>[①-⑳]|\(\d{1,2}\)|（\d{1,2}）|\d{1,2}[.)．])?\s*"
# A short qualifier before the head word: `自然な和訳`, `한국어 해석`, `Natural translation`.
_QUALIFIER = r"(?P<qual>[^\s:：\[\]【】()（）《》〈〉<>\d]{1,6}?\s?)??"
LABEL = re.compile(
    _ITEM + r"(?P<open>[\[【(（《〈<])?" + _QUALIFIER
    + rf"(?P<label>{_ALTERNATIVE_WORDS}|{_TRANSLATION_WORDS}|{_ORIGINAL_WORDS})"
    r"(?(open)[\]】)）》〉>]\s*[:：]?|\s*[:：])\s*",
    re.IGNORECASE,
)
# A label alone on its line with no colon nor brackets (`英文`, `한국어 번역`, `English`).
LABEL_ALONE = re.compile(
    _ITEM + _QUALIFIER + rf"(?P<label>{_ALTERNATIVE_WORDS}|{_TRANSLATION_WORDS}|{_ORIGINAL_WORDS})\s*$", re.IGNORECASE
)
ALONE_CHARS = 14
_ROLE_OF = (
    (re.compile(rf"^(?:{_ALTERNATIVE_WORDS})$", re.IGNORECASE), ALTERNATIVE),
    (re.compile(rf"^(?:{_TRANSLATION_WORDS})$", re.IGNORECASE), TRANSLATION),
    (re.compile(rf"^(?:{_ORIGINAL_WORDS})$", re.IGNORECASE), ORIGINAL),
)
# The characters a label holds after its word: lines without one of them are not tried.
# (One scan of a character class: a test of each mark in turn cost a call per mark and line.)
_LABEL_MARKS = re.compile(r"[:：\]】)）》〉>]")


def is_label(text: str) -> bool:
    """Whether a whole line is a label (`【译文】`, `한국어 번역`, `原文:`)."""
    m = LABEL.match(text) or LABEL_ALONE.match(text)
    return m is not None and m.end() == len(text)


def _role(word: str) -> str:
    return next(role for pattern, role in _ROLE_OF if pattern.match(word))


def _fits(role: str, lang: str) -> bool:
    """A label is read only where the part is in the language it names."""
    return (role == ORIGINAL and lang == "en") or (role != ORIGINAL and lang in CJK)


def _qualifier_fits(qual: str | None, word: str) -> bool:
    """A qualifier is a word of the label's own script (`自然な`, `한국어`), not the end of a sentence."""
    if not qual:
        return True
    q = qual.strip()
    return q.isascii() == word.isascii() and (not q.isascii() or q.istitle())


def strip_labels(lines: list[Line]) -> None:
    """Take labels off the lines they start, and label lines alone off the line they name.
    A label alone on its line names the next line only where the page repeats it (one per
    item); a label met once is a group's heading (`英文`, `한국어 번역`), for the aligner to read."""
    alone: dict[int, tuple[str, str]] = {}  # line index → (label text, role)
    # The page's labels by their word, alone or before their text: `訳：` alone on one item and
    # before the text on the others is one label per item all the same.
    repeated: Counter[str] = Counter()
    before: list[tuple[Line, str]] = []  # translations labelled at their start, with the label's word
    for line in lines:
        if line.kind:
            continue
        if _LABEL_MARKS.search(line.text):
            m = LABEL.match(line.text)
        elif len(line.text) <= ALONE_CHARS:
            m = LABEL_ALONE.match(line.text)
        else:
            continue
        if m is None or not _qualifier_fits(m.group("qual"), m.group("label")) or is_weekday(line.text):
            continue  # (`月曜日の英語`, `월요일의 영어`: the day's series, site text for the title step)
        role = _role(m.group("label"))
        if role == ORIGINAL and m.group("qual") and line.text[:1] in "[【":
            continue  # `[오늘의 영어]`, `【毎日の英語】`: a series' name in brackets, the site's label (title.py)
        rest = line.text[m.end() :]
        if not rest:
            alone[line.index] = (line.text, role)
            repeated[m.group("label").lower()] += 1
            continue
        lang = language_of(rest)
        if _fits(role, lang):
            repeated[m.group("label").lower()] += 1
            line.shown, line.lang, line.part_label = rest, lang, line.text[: m.end()].strip()
            line.label_role, line.label_name = role, _name(m)
            line.item_start = bool(m.group("item"))
            if role != ORIGINAL:
                before.append((line, m.group("label").lower()))
    for index, (text, role) in alone.items():
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if nxt is None or nxt.kind or nxt.gap > 1 or not _fits(role, nxt.lang):
            continue
        lines[index].kind, lines[index].label_role = K.LABEL, role
        if repeated[_bare(text)] >= 2:  # one per item: it names the lines under it
            m = LABEL.match(text) or LABEL_ALONE.match(text)
            assert m is not None
            nxt.label_role, nxt.label_name, nxt.item_start = role, _name(m), bool(m.group("item"))
            _continued(lines, nxt)
    for line, word in before:
        if repeated[word] >= 2:  # `訳：…` on each item: the unlabelled lines right under one are more of it
            _continued(lines, line)


def _continued(lines: list[Line], first: Line) -> None:
    """The lines right under a labelled line, in its language and with no label of their own:
    more of the part it names (the translation's second sentence, or its second line)."""
    for more in lines[first.index + 1 :]:
        if more.kind or more.gap or more.lang != first.lang or more.label_role or LABEL.match(more.text):
            break
        more.label_role = CONTINUED


def _name(m: re.Match[str]) -> str:
    """The label as a name, its qualifier with it and no marker: `自然な和訳`, `直訳`."""
    return ((m.group("qual") or "") + m.group("label")).lower()


def _bare(text: str) -> str:
    """A label without its item marker: `①【訳】` and `②【訳】` are the same label."""
    m = LABEL.match(text) or LABEL_ALONE.match(text)
    return m.group("label").lower() if m else text


def labelled_items(lines: list[Line]) -> dict[int, int]:
    """Where a page labels its items: each labelled translation's line index → the index of
    the English line of its item (a heading or a paragraph)."""
    if not any(ln.label_role in (TRANSLATION, ALTERNATIVE) for ln in lines):
        return {}
    out: dict[int, int] = {}
    english: int | None = None
    translations: list[int] = []
    has_main = False
    main_name = ""

    def close() -> None:
        if english is not None:
            for i in translations:
                out[i] = english

    for line in lines:
        if line.kind in (K.JUNK, K.LABEL, K.CAPTION_DUP, K.SPEAKER, K.WRAPPED):
            continue
        role = line.label_role
        is_english = line.kind in (K.PARAGRAPH, K.HEADING) and line.block is not None
        if role is None and is_english:
            role = ORIGINAL  # an unlabelled English line before a labelled translation (`(訳) …`)
        if role is None or (role == ORIGINAL and not is_english):
            close()
            english, translations, has_main = None, [], False
            continue
        if role == TRANSLATION and has_main and line.label_name != main_name:
            role = ALTERNATIVE  # another kind of translation of the same item (`直訳` after `自然な和訳`)
        new_item = line.item_start or (role == ORIGINAL and english is not None) or (
            role == TRANSLATION and has_main
        )
        if new_item:
            close()
            english, translations, has_main = None, [], False
        if role == ORIGINAL:
            english = line.index
        else:
            translations.append(line.index)
            if role == TRANSLATION and not has_main:
                has_main, main_name = True, line.label_name
    close()
    return out
