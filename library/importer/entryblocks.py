"""Step 4, word-list entries written over several lines (the term, its pronunciation, its part
of speech, an English definition, the gloss, an example and the example's translation, each on
a line of its own), and the examples written under an entry with no label."""

from __future__ import annotations

import re

from library.importer import patterns as P
from library.importer import split as K
from library.importer.glossary import (
    DEFINITION_OPENERS,
    IPA_SIGNS,
    POS_ALONE,
    POS_LEAD,
    parse_entries,
    parse_term_line,
    split_rest,
)
from library.importer.split import Line
from library.model import GlossaryEntry

CJK = ("ja", "zh", "ko")
# A pronunciation alone on its line (`/ˈbrɪdʒ/`, `[ˈbrɪdʒ]`).
IPA_LINE = re.compile(r"^\s*(?:/[^/\s][^/]{0,38}/|\[[^\]\s][^\]]{0,38}\])\s*$")
# The same under a term that nothing else marks as an entry's: in square brackets, with a sign
# only phonetic script has (`[ˈferi]`, not `[Photo]` or `[1]`).
_FIELD_IPA = re.compile(rf"^\s*(?:/[^/\s][^/]{{0,38}}/|\[(?=[^\]]{{0,38}}[{IPA_SIGNS}])[^\]\s][^\]]{{0,38}}\])\s*$")
TERM_CHARS = 40
GLOSS_CHARS = 40
EXAMPLE_WORDS = 3  # an example is a sentence: this many words at least
_SENTENCE_END = '.!?"”’)'
_WORD = re.compile(r"[a-z][a-z'’\-]*")
_LABELLED = re.compile(r"^(?:ex|e\.g|eg)\.\s", re.IGNORECASE)


def _stem(term: str) -> str:
    """The part of a term's first word its forms share (`study` → `stud`, `make` → `mak`)."""
    first = term.split()[0].lower() if term.split() else ""
    return first[:-1] if len(first) > 3 and first[-1] in "ey" else first


def is_example_sentence(text: str) -> bool:
    """An English sentence (a capital or a quote, a few words, a sentence's end)."""
    return (
        (text[:1].isupper() or text[:1] in "\"“‘'")
        and text[-1:] in _SENTENCE_END
        and len(text.split()) >= EXAMPLE_WORDS
    )


def example_of(entry: GlossaryEntry, line: Line) -> bool:
    """Whether an English line right under an entry, with no label, is its example: a sentence
    using the entry's term (`★storm(嵐)` over `The storm closed the school.`)."""
    if line.kind or line.gap or line.lang != "en" or not is_example_sentence(line.text):
        return False
    if _LABELLED.match(line.text) or P.EXAMPLE.match(line.text):
        return False  # a labelled example (`Ex. …`, `例: …`), which the list's step reads with its label
    return _uses_term(entry.term, line.text)


# An example under a list's entry marked with a dash or a bullet (`- The turbine turned slowly.`).
_DASHED = re.compile(r"^[\-–—・•]\s+(?P<text>[A-Z\"“‘'].+)$")


def dashed_example(entry: GlossaryEntry, line: Line) -> str | None:
    """The example a dashed line right under an entry holds (a sentence using its term), or None."""
    m = _DASHED.match(line.text) if not line.kind and not line.gap and line.lang == "en" else None
    if m is None or not is_example_sentence(m.group("text")) or not _uses_term(entry.term, m.group("text")):
        return None
    return m.group("text")


def example_translation(line: Line) -> bool:
    """A line right under an example that is its translation (not the next entry)."""
    if line.kind or line.gap or line.lang not in CJK or line.text.isascii():
        return False
    return not parse_entries(line.text)


def examples_under(lines: list[Line], k: int, entry: GlossaryEntry, labelled: bool = False) -> int:
    """The end of the example with no label under the entry ending at line k-1 (or, `labelled`,
    with its label: `例文: …`), and of its translation under it: k when there is none (the lines
    are not marked). An example with no label is short, and what follows it is a blank line,
    another entry or the page's end: English going on under it is the article's next paragraph."""
    while k < len(lines):  # (one example after another, each with its translation)
        line = lines[k]
        has_label = labelled and not line.kind and not line.gap and P.EXAMPLE.match(line.text) is not None
        if not has_label and not (example_of(entry, line) and len(line.text.split()) <= EXAMPLE_MAX_WORDS):
            break
        end = k + 1
        if end < len(lines) and example_translation(lines[end]):
            end += 1
        if not has_label and not _list_goes_on(lines, end, entry):
            break
        k = end
    return k


EXAMPLE_MAX_WORDS = 20


def _list_goes_on(lines: list[Line], k: int, entry: GlossaryEntry) -> bool:
    """After an example: the page's end, a blank line, the next entry, or another example."""
    if k >= len(lines) or lines[k].gap:
        return True
    text = lines[k].text
    return P.EXAMPLE.match(text) is not None or example_of(entry, lines[k]) or bool(parse_entries(text))


# A term with its pronunciation after it, alone on the line (`ferry /ˈferi/`, `ferry [ˈferi]`).
# (The term ends at a character that is no space: a lazy term before `\s*` rescans a run of spaces.)
_TERM_IPA = re.compile(r"^(?P<term>[^/\[\]]*[^/\[\]\s])\s*(?P<ipa>/[^/\s][^/]{0,38}/|\[[^\]\s][^\]]{0,38}\])$")


def _term_line(line: Line) -> tuple[str, str] | None:
    """(term, pronunciation) of a line holding only a term (`ferry`, `rain garden`), perhaps with
    its pronunciation after it (`ferry /ˈferi/`), or None."""
    text = line.text
    if line.kind or line.lang != "en" or len(text) > TERM_CHARS or text[-1:] in '.!?"”’)':
        return None
    with_ipa = _TERM_IPA.match(text) if text[-1:] in "/]" else None
    term = parse_term_line(with_ipa.group("term") if with_ipa else text)
    if term is None or P.is_chrome(text):
        return None  # (`Share` over a line is a button)
    return term[0], with_ipa.group("ipa") if with_ipa else ""


def _field_line(line: Line | None) -> bool:
    """A pronunciation or a part of speech alone on its line (or the part of speech before the
    gloss, `名詞 フェリー`): what makes the line above a term."""
    if line is None or line.kind or line.gap:
        return False
    text = line.text
    if _FIELD_IPA.match(text) or POS_ALONE.match(text) or _pos_and_rest(text):
        return True
    labelled = _field_label(text)
    return labelled is not None and labelled[0] != "translation"  # (`訳：` under a title is its translation)


def _pos_and_rest(text: str) -> tuple[str, str, str] | None:
    """(part of speech, definition, gloss) of a line starting with a part of speech
    (`名詞 フェリー`, `n. 渡轮`, `n. a boat that carries people`), or None."""
    m = POS_LEAD.match(text)
    if m is None:
        return None
    rest = m.group("rest")
    definition, gloss = split_rest(rest)
    # A bare `v`, `n` before English is a word of a sentence; with its stop, or before a gloss, a part of speech.
    if not gloss and not (m.group("pos").endswith(".") and rest.split(" ", 1)[0].lower() in DEFINITION_OPENERS):
        return None
    return m.group("pos"), definition, gloss


# A field under a term named by its label (`発音：/…/`, `품사: 명사`, `뜻: 그늘`, `释义：…`), and the
# example's translation (`訳：…`, `해석: …`; the example's own label is P.EXAMPLE's).
_FIELD_LABEL = re.compile(
    r"^(?:(?P<ipa>発音記号|発音|발음|发音|發音|音标|音標|pronunciation|ipa)|(?P<pos>品詞|품사|词性|詞性|part of speech)"
    r"|(?P<gloss>意味|뜻|의미|释义|釋義|意思|meaning)|(?P<definition>定義|英英|영영|definition)"
    r"|(?P<translation>訳|和訳|日本語訳|해석|번역|翻译|翻譯|译文|譯文))\s?[:：]\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _field_label(text: str) -> tuple[str, str] | None:
    """(the field a label names, the text after it), or None."""
    m = _FIELD_LABEL.match(text) if ":" in text or "：" in text else None
    if m is None:
        return None
    name = next(k for k in ("ipa", "pos", "gloss", "definition", "translation") if m.group(k))
    return name, m.group("rest").strip()


def _read_block(lines: list[Line], k: int, term: str, ipa: str) -> tuple[GlossaryEntry, int, bool]:
    """The entry whose term is on line k, read from the lines under it in the order pages write
    them; (the entry, the line after it, whether a pronunciation or part of speech marked it)."""
    entry = GlossaryEntry(term=term)
    definition = ""
    example: list[str] = []
    translated = False  # the last example has its translation
    # The fields read so far, in order: 1 pronunciation, 2 part of speech, 3 definition, 4 gloss, 5 example.
    field = 1 if ipa else 0
    marked = bool(ipa)
    j = k + 1
    while j < len(lines):
        line = lines[j]
        text = line.text
        if line.kind or line.gap:
            break
        labelled_field = _field_label(text)
        if labelled_field is not None:
            name, rest = labelled_field
            if name == "translation":
                if field != 5 or translated:
                    break  # a translation's label under no example: the next part of the page
                example.append(rest)
                translated = True
            elif name == "ipa":
                ipa, field = rest, max(field, 1)
            elif name == "pos":
                entry.pos, field = rest.strip("()[]【】〔〕"), max(field, 2)
            elif name == "definition":
                definition, field = rest, max(field, 3)
            else:
                entry.translation, field = rest, max(field, 4)
            marked = True
        elif field < 1 and _FIELD_IPA.match(text):
            ipa, field, marked = text.strip(), 1, True
        elif field < 2 and (pos := POS_ALONE.match(text)):
            entry.pos, field, marked = pos.group("pos"), 2, True
        elif field < 2 and (lead := _pos_and_rest(text)):
            entry.pos, definition, entry.translation = lead
            field, marked = (4 if entry.translation else 3), True
        elif _term_line(line) is not None and _field_line(lines[j + 1] if j + 1 < len(lines) else None):
            break  # the next entry's term
        elif field <= 5 and (labelled := P.EXAMPLE.match(text)):
            example.append(labelled.group("text"))
            field, translated = 5, False
        elif field == 5 and line.lang in CJK and not translated:
            example.append(text)
            translated = True
        elif field == 5 and example_of(entry, line):
            example.append(text)  # another example
            translated = False
        elif field < 3 and line.lang == "en" and not (field >= 1 and example_of(entry, line)):
            definition, field = text, 3
        elif field < 4 and line.lang in CJK and len(text) <= GLOSS_CHARS and _gloss_shaped(text):
            entry.translation, field = text, 4
        elif field == 4 and _term_line(line) is not None and _gloss_line(lines[j + 1] if j + 1 < len(lines) else None):
            break  # the next entry's term over its gloss (`drizzle` / `이슬비` / `humid` / `습한`)
        elif field == 4 and not definition and line.lang == "en" and not is_example_sentence(text):
            definition = text  # the definition after the gloss
        elif field < 5 and line.lang == "en" and is_example_sentence(text):
            example.append(text)
            field = 5
        else:
            break
        j += 1
    entry.definition = f"{ipa} {definition}".strip()
    entry.example = "\n".join(example)
    return entry, j, marked


def _gloss_line(line: Line | None) -> bool:
    """A short line in the translation's language right under the line before, shaped as a gloss."""
    return (
        line is not None
        and not line.kind
        and not line.gap
        and line.lang in CJK
        and len(line.text) <= GLOSS_CHARS
        and _gloss_shaped(line.text)
    )


def _gloss_shaped(text: str) -> bool:
    """A gloss is a word or a phrase: no sentence's stop, no note's marker."""
    return text[-1:] not in "。．！？" and P.NOTE_START.match(text) is None


def _plain_block(entry: GlossaryEntry, headed: bool, in_list: bool) -> bool:
    """An entry with no pronunciation nor part of speech that still reads as one: an English
    definition starting as definitions do, and a gloss; under a heading, a gloss; a term in
    lower case over its gloss, with an example using it or among such entries."""
    first = entry.definition.split(" ", 1)[0].lower()
    if not entry.translation:
        return False
    if headed or first in DEFINITION_OPENERS:
        return True
    return entry.term[:1].islower() and (in_list or _uses_term(entry.term, entry.example.split("\n", 1)[0]))


def _uses_term(term: str, sentence: str) -> bool:
    """Whether a sentence holds a form of the term (`vegetables` for `vegetable`)."""
    stem = _stem(term)
    return bool(stem) and any(w.startswith(stem) for w in _WORD.findall(sentence.lower()))


def mark_entry_blocks(lines: list[Line]) -> None:
    """Entries written over several lines, one after another (blank lines or the next term
    between them): each a term alone on its line, with a pronunciation or a part of speech alone
    under it, or with a definition and a gloss (a gloss alone under a word list's heading).
    With no heading over them they are said to be a list found by its shape."""
    k = 0
    while k < len(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        term = _term_line(lines[k])
        headed = k > 0 and (lines[k - 1].kind == K.WORDLIST or P.is_wordlist_heading(lines[k - 1].text))
        if term is None or not (term[1] or _field_line(nxt) or _plain_start(lines, k, term[0], headed)):
            k += 1
            continue
        start = k
        blocks: list[tuple[int, int, GlossaryEntry, bool]] = []
        while k < len(lines) and (term := _term_line(lines[k])) is not None:
            entry, end, marked = _read_block(lines, k, *term)
            if end == k + 1 or not (marked or _plain_block(entry, headed, bool(blocks))):
                break
            blocks.append((k, end, entry, marked))
            k = end
        # One entry alone with no heading: a pronunciation or a part of speech, and a gloss or a definition.
        alone = len(blocks) == 1 and blocks[0][3] and bool(blocks[0][2].translation or blocks[0][2].pos)
        if not blocks or not (headed or len(blocks) >= 2 or alone):
            k = start + 1
            continue
        if headed:
            lines[start - 1].kind = K.WORDLIST
        for first, end, entry, _marked in blocks:
            lines[first].kind, lines[first].entries = K.ENTRY, (entry,)
            for line in lines[first + 1 : end]:
                line.kind = K.ENTRY_BODY
        lines[start].unheaded = not headed


def _plain_start(lines: list[Line], k: int, term: str, headed: bool) -> bool:
    """The line under a term: an English definition starting as definitions do (`a boat that …`),
    or a gloss under a heading, or a gloss over an example using the term (in lower case: a
    section's title over its translation and a paragraph is no entry)."""
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    if nxt is None or nxt.kind or nxt.gap:
        return False
    if nxt.lang in CJK and len(nxt.text) <= GLOSS_CHARS and _gloss_shaped(nxt.text):
        if headed:
            return True
        then = lines[k + 2] if k + 2 < len(lines) else None
        return term[:1].islower() and then is not None and example_of(GlossaryEntry(term=term), then)
    return nxt.lang == "en" and nxt.text.split(" ", 1)[0].lower() in DEFINITION_OPENERS
