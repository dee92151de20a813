"""Step 4: decide what each line is: title, caption, heading, paragraph, word list,
note, note continuation, translation candidate, or page chrome."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from library.importer import patterns as P
from library.importer import split as K
from library.importer.exercises import mark_exercises
from library.importer.glossary import (
    TABLE_RULE,
    add_definition,
    parse_english_definition,
    parse_entries,
    parse_headword,
    parse_table_row,
    parse_term_line,
    table_cells,
)
from library.importer.language import settle_languages
from library.importer.normalise import language_of
from library.importer.split import Line
from library.importer.title import is_metadata, mark_title, split_bilingual
from library.importer.wrap import is_headword, mark_address_lines, rejoin_wrapped
from library.model import GlossaryEntry

CJK = ("ja", "zh", "ko")
CHROME_MAX = 160
RELATED_TITLE_WORDS = 14
_PASSED_OVER = (K.CAPTION_DUP, K.JUNK)
_SENTENCE_END = re.compile(r"[.!?;:,…\"”’)\]]$")


def classify(lines: list[Line]) -> None:
    """Set `kind` on every line (in place)."""
    settle_languages(lines)
    _strip_part_labels(lines)
    _mark_tables(lines)  # before the site text: a table's bars read like a menu's
    _mark_chrome(lines)
    mark_exercises(lines)  # before captions: a quiz repeating the body's sentences is no caption
    _mark_byline_blocks(lines)
    _mark_captions(lines)
    _mark_word_lists(lines)
    _mark_unheaded_lists(lines)
    _mark_headword_lists(lines)
    _mark_two_line_entries(lines)
    _mark_english_definitions(lines)
    rejoin_wrapped(lines)  # after the word lists: their entry lines start in lower case too
    _join_speakers(lines)
    _mark_notes(lines)
    _mark_stray_words(lines)  # before the title: a category label is not a headline
    mark_title(lines)
    _mark_bilingual_headings(lines)
    mark_address_lines(lines)
    _mark_english(lines)
    for line in lines:
        if not line.kind:
            line.kind = K.CJK if line.lang in CJK else K.JUNK
    _mark_sentence_pairs(lines)
    for line in lines:
        md = P.MARKDOWN_HEADING.match(line.text) if line.shown is None else None
        if md:
            line.shown = md.group("text")  # a heading's `#` marks are layout (a word list's, a chapter's)


# A list of headwords, each with its definition on the next line, needs this many to be read
# as a list where no heading says so.
HEADWORD_PAIRS = 2


def _mark_headword_lists(lines: list[Line]) -> None:
    """Entries written over two lines (`rain garden (n.)`, then its definition) with no heading
    over them: two or more such pairs in a row are a word list (said: the list was guessed)."""
    i = 0
    while i < len(lines):
        k, pairs = i, 0
        while (
            k + 1 < len(lines)
            and not lines[k].kind
            and not lines[k + 1].kind
            and lines[k + 1].gap == 0
            and is_headword(lines[k].text)
            and not is_headword(lines[k + 1].text)
        ):
            k, pairs = k + 2, pairs + 1
        if pairs >= HEADWORD_PAIRS:
            j, _found = _take_entries(lines, i)
            lines[i].unheaded = True
            i = max(j, k)
        else:
            i = k + 1 if pairs else i + 1


# A bare address is a line of its own, never the rest of a sentence.
_ADDRESS = re.compile(r"^\S*(?:https?://|www\.)\S*$")


def _strip_part_labels(lines: list[Line]) -> None:
    """`原文: …`, `訳: …`, `Translation: …` before a part of the text: the label says which
    part it is and is not text; it stays only where the part is not in the language it names."""
    for line in lines:
        m = P.PART_LABEL.match(line.text) if line.text[:1] in P.PART_LABEL_MARKS or any(
            c in line.text for c in ":："
        ) else None
        if m is None:
            continue
        rest = line.text[m.end() :]
        lang = language_of(rest)
        original = m.group("label").lower() in P.ORIGINAL_LABELS
        if (original and lang == "en") or (not original and lang in CJK):
            line.shown, line.lang, line.part_label = rest, lang, line.text[: m.end()].strip()


def _mark_chrome(lines: list[Line]) -> None:
    """Navigation, share prompts, copyright lines, decoration, section labels, audio players,
    feed footers, and lists of related posts."""
    related = False  # under a "Related posts" heading: its short title lines are site text
    for line in lines:
        if line.kind:
            continue  # a table's rows, read before
        if not line.lang:
            line.kind = K.JUNK
            continue
        short = related and line.lang == "en" and len(line.text.split()) <= RELATED_TITLE_WORDS
        if short and (not _SENTENCE_END.search(line.text) or P.BULLET.match(line.text)):
            line.kind = K.JUNK
            continue
        related = bool(P.RELATED.match(line.text))
        if related or P.is_player(line.text) or P.FEED_FOOTER.match(line.text):
            line.kind = K.JUNK
            continue
        if len(line.text) > CHROME_MAX:
            continue  # menus, share bars, labels and copyright lines are short
        t = P.BULLET.sub("", line.text) if line.lang != "en" else line.text
        nav = P.BULLET_NAV.match(line.text) and not P.NOTE_START.match(line.text)
        if P.is_chrome(t) or nav or _is_site_line(line):
            line.kind = K.JUNK
        elif (P.SECTION_LABEL.match(line.text) or _COLON_LABEL.match(line.text)) and not P.is_wordlist_heading(
            line.text
        ):
            line.kind = K.LABEL
        elif not line.lang:
            line.kind = K.JUNK


METADATA_CHARS = 80
_META_HINT = re.compile(r"\d|[Bb]y\s|[:：]")


def _is_site_line(line: Line) -> bool:
    """English buttons and notices (`Leave a Reply`, a cookie notice), and a byline or a date
    standing anywhere (before the title the title step passes over them too); a bare address
    is left for the notes, whose source it may be."""
    if line.lang != "en":
        return False
    if P.is_interface_line(line.text):
        return True
    # A date holds a digit and a byline a `by`, an author's label or a colon: a quick test first.
    text = line.text
    if len(text) > METADATA_CHARS or not _META_HINT.search(text):
        return False
    return is_metadata(text) and not _ADDRESS.match(text)


# A short label in CJK script ending in a colon, alone on its line (`例句:`, `深度講解：`, `해설:`):
# it names the part after it and is no text of its own (never the title's translation).
_COLON_LABEL = re.compile(r"^[^\x00-\x7f\s]{1,8}\s?[:：]$")


_DATED = re.compile(r"\d{4}\s?[.\-/年]\s?\d{1,2}\s?[.\-/月]\s?\d{1,2}")
BYLINE_WORDS = 4
_GLYPHS = frozenset("•・●○◆◇■□▶►▸‣∙➤✓✔")  # the glyphs BULLET_GLYPH starts with


def _mark_byline_blocks(lines: list[Line]) -> None:
    """A news site's byline block: bulleted short lines in a row (`• Daniel Ryu`, `• 승인
    2017.10.10 23:35`, `• 댓글 0`), one of them dated. Its lines are site text, the name too."""
    k = 0
    while k < len(lines):
        end = k
        while (
            end < len(lines)
            and lines[end].text[:1] in _GLYPHS
            and P.BULLET_GLYPH.match(lines[end].text)
            and (end == k or lines[end].gap == 0)
        ):
            end += 1
        block = lines[k:end]
        short = all(len(ln.text.split()) <= BYLINE_WORDS + 1 for ln in block)
        if len(block) >= 2 and short and any(_DATED.search(ln.text) for ln in block):
            for line in block:
                if not line.kind:
                    line.kind = K.JUNK
        k = max(end, k + 1)


def _mark_captions(lines: list[Line]) -> None:
    """Photo captions: credit-like lines, and English lines the page repeats; kept once."""
    counts = Counter(line.text for line in lines if not line.kind)
    _mark_repeated_paragraphs(lines, counts)
    seen: set[str] = set()
    for line in lines:
        if line.kind or line.lang != "en":
            continue
        repeated = counts[line.text] > 1 and len(line.text.split()) >= 4 and not line.kept_repeat
        if repeated or P.is_caption(line.text):
            line.kind = K.CAPTION_DUP if line.text in seen else K.CAPTION
            seen.add(line.text)


def _mark_repeated_paragraphs(lines: list[Line], counts: Counter[str]) -> None:
    """An English sentence the page shows twice (the script, then again with its translation)
    is a paragraph, not a caption, when one of its copies has a translation right after it:
    that copy is kept, the others are passed over and said to be."""
    translated: dict[str, str] = {}  # the kept copy's text → its translation's
    for line, nxt in pairwise(lines):
        if line.kind or line.lang != "en" or counts[line.text] < 2 or nxt.kind or nxt.lang not in CJK:
            continue
        if _SENTENCE_END.search(line.text) and line.text not in translated:
            translated[line.text] = nxt.text
            line.kept_repeat = True
    after: list[Line | None] = [*lines[1:], None]
    for copy, then in zip(lines, after, strict=True):
        if copy.text in translated and not copy.kind and not copy.kept_repeat:
            copy.kind, copy.repeated = K.CAPTION_DUP, True
            if then is not None and not then.kind and then.text == translated[copy.text]:
                then.kind = K.CAPTION_DUP  # the same translation again: kept once, with the kept copy


def _mark_word_lists(lines: list[Line]) -> None:
    """Word lists under a heading, in any of its wordings or at the start of a paragraph."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind:
            i += 1
            continue
        inline = _inline_heading(line.text)
        if inline is None and not P.is_wordlist_heading(line.text):
            i += 1
            continue
        j, found = _take_entries(lines, i + 1)
        if found or inline is not None:
            line.kind = K.WORDLIST
            if inline is not None:
                line.shown, line.entries = inline
        i = j if found else i + 1


def _inline_heading(text: str) -> tuple[str, tuple[GlossaryEntry, ...]] | None:
    """`Key words: sensor – n. …`: the heading and the entries after it, or None."""
    m = P.HEADING_INLINE.match(text) if ":" in text or "：" in text else None
    if not m or not P.is_wordlist_heading(m.group("head")):
        return None
    entries = parse_entries(m.group("rest"))
    return (m.group("head"), tuple(entries)) if entries else None


def _take_entries(lines: list[Line], j: int) -> tuple[int, int]:
    """Mark a list's entries from line j on: one-line entries, headwords with their definition
    line, example lines; (the line after the list, how many entry lines)."""
    found = 0
    headword: GlossaryEntry | None = None  # a headword still waiting for its definition line
    while j < len(lines):
        nxt = lines[j]
        if nxt.kind in _PASSED_OVER:
            j += 1
            continue
        if nxt.kind:
            break
        if found and P.EXAMPLE.match(nxt.text):
            nxt.kind = K.EXAMPLE
        elif (head := parse_headword(nxt.text)) is not None:
            nxt.kind, nxt.entries, headword = K.ENTRY, (head,), head
            found += 1
        elif headword is not None and add_definition(headword, nxt.text):
            nxt.kind, headword = K.ENTRY_BODY, None
        elif entries := parse_entries(nxt.text):
            nxt.kind, nxt.entries, headword = K.ENTRY, tuple(entries), None
            found += 1
        else:
            break
        j += 1
    return j, found


# A list with no heading: at least this many entries, on short lines, each glossed briefly.
UNHEADED_MIN_ENTRIES = 3
UNHEADED_MAX_LINE = 80
UNHEADED_MAX_GLOSS = 30


def _mark_unheaded_lists(lines: list[Line]) -> None:
    """Word lists with no heading, found by their shape: short lines in a row, each a Latin
    term, a separator and a brief gloss in another script."""
    i = 0
    while i < len(lines):
        run: list[tuple[Line, list[GlossaryEntry]]] = []
        j = i
        while j < len(lines):
            entries = _unheaded_entries(lines[j])
            if not entries:
                break
            run.append((lines[j], entries))
            j += 1
        # Alone, a line is an entry when a list mark or a part of speech in brackets says so.
        lone = len(run) == 1 and (_marked_entry(run[0][0].text) or _POS_IN_BRACKETS.search(run[0][0].text) is not None)
        if lone or (sum(len(e) for _, e in run) >= UNHEADED_MIN_ENTRIES and len(run) >= 2):
            for line, entries in run:
                line.kind, line.entries = K.ENTRY, tuple(entries)
            run[0][0].unheaded = True
        i = max(j, i + 1)


# A line that a list mark and a separator make an entry even alone between paragraphs
# (`*provocation: 도발, 자극`, `• sensor = 传感器`); not a note's `*1`.
_MARKED_ENTRY = re.compile(r"^[*•●・◆■▶►\-]\s*(?!\d)[A-Za-z][^:：=「]{0,40}(?:[:：=]|「)")
UNHEADED_MARKED_GLOSS = 60
_POS_IN_BRACKETS = re.compile(
    r"^[A-Za-z][A-Za-z'’\- ]{0,40}\s*[【〈‹<(\[]"
    r"(?:他動詞|自動詞|名詞|動詞|形容詞|副詞|名词|动词|形容词|副词|명사|동사|형용사|부사|n|v|adj|adv)\.?[】〉›>)\]]"
)


def _marked_entry(text: str) -> bool:
    return _MARKED_ENTRY.match(text) is not None


def _unheaded_entries(line: Line) -> list[GlossaryEntry]:
    if line.kind or len(line.text) > UNHEADED_MAX_LINE or line.text.isascii():
        return []  # an entry's gloss is in another script
    entries = parse_entries(line.text)
    if not entries:
        return []
    longest = UNHEADED_MARKED_GLOSS if _marked_entry(line.text) else UNHEADED_MAX_GLOSS
    # A gloss is a word or phrase; a translation that starts with a name is a sentence.
    if all(
        e.translation and len(e.translation) <= longest and e.translation[-1] not in "。．.!?！？"
        for e in entries
    ):
        return entries
    return []


def _mark_tables(lines: list[Line]) -> None:
    """A pasted two-column table of terms and glosses (`検疫 | quarantine |`), either way round:
    a word list, headed by its header row where a `---|---` rule stands under one."""
    i = 0
    while i < len(lines):
        header = None
        start = i
        if i + 1 < len(lines) and len(table_cells(lines[i].text)) == 2 and TABLE_RULE.match(lines[i + 1].text):
            header, start = lines[i], i + 2
        rows: list[tuple[Line, GlossaryEntry]] = []
        j = start
        while j < len(lines) and not lines[j].kind and (entry := parse_table_row(lines[j].text)) is not None:
            rows.append((lines[j], entry))
            j += 1
        if rows and (header is not None or len(rows) >= 2):
            for line, entry in rows:
                line.kind, line.entries = K.ENTRY, (entry,)
            if header is not None:
                header.kind, header.shown = K.WORDLIST, " / ".join(table_cells(header.text))
            else:
                rows[0][0].unheaded = True  # rows with no header: a list found by its shape
        i = max(j, i + 1)


# A gloss line under a term line (`(1)unusual weather` / `→ 異常気象`), an arrow or sign optional.
_GLOSS_LEAD = re.compile(r"^[→⇒➡=＝:：]\s*")
_GLOSS_END = "。．.!?！？"
TERM_LINE_CHARS = 60


def _mark_two_line_entries(lines: list[Line]) -> None:
    """Entries written over two lines: a term alone on its line, then its gloss alone on the
    next, weighed by the marks that say so (a number or bullet on the term, an arrow before
    the gloss) and by how many such pairs the page holds; each is said to be a guess."""
    found: list[tuple[Line, Line, str, str, int]] = []
    for k, line in enumerate(lines):
        if line.kind or line.lang != "en" or len(line.text) > TERM_LINE_CHARS:
            continue  # a term alone on its line is short
        term = parse_term_line(line.text)
        nxt = next((ln for ln in lines[k + 1 : k + 3] if ln.kind not in _PASSED_OVER), None)
        if term is None or nxt is None or nxt.kind or nxt.lang not in CJK or nxt.gap > 1:
            continue
        lead = _GLOSS_LEAD.match(nxt.text)
        gloss = nxt.text[lead.end() :] if lead else nxt.text
        if not gloss or len(gloss) > UNHEADED_MAX_GLOSS or gloss[-1] in _GLOSS_END or P.BULLET.match(gloss):
            continue  # a bulleted line after a bulleted line is the next item of a list, not a gloss
        found.append((line, nxt, term[0], gloss, int(term[1]) + int(lead is not None)))
    marked = sum(1 for *_, marks in found if marks)
    for line, nxt, term_text, gloss, marks in found:
        if marks >= 2 or (marks == 1 and marked >= 2):
            line.kind, line.entries, line.unheaded = K.ENTRY, (GlossaryEntry(term=term_text, translation=gloss),), True
            nxt.kind = K.ENTRY_BODY


def _mark_english_definitions(lines: list[Line]) -> None:
    """An English-only list with no heading (`fascist - someone who supports fascism`), found
    where two or more such lines stand with only example lines (`ex) …`) between them."""
    run: list[tuple[Line, GlossaryEntry]] = []
    examples: list[Line] = []

    def close() -> None:
        if len(run) >= 2:
            for line, entry in run:
                line.kind, line.entries = K.ENTRY, (entry,)
            for line in examples:
                line.kind = K.EXAMPLE
            run[0][0].unheaded = True

    for line in lines:
        if line.kind in _PASSED_OVER:
            continue
        text = line.text
        # A definition line has a dash or a colon after its term: most lines have neither.
        separated = " - " in text or " – " in text or " — " in text or ":" in text
        entry = parse_english_definition(text) if separated and not line.kind and line.lang == "en" else None
        if entry is not None:
            run.append((line, entry))
        elif run and not line.kind and P.EXAMPLE.match(line.text):
            examples.append(line)
        else:
            close()
            run, examples = [], []
    close()


_STRAY_WORD = re.compile(r"^[a-z]{2,20}$")


def _mark_stray_words(lines: list[Line]) -> None:
    """One lower-case word alone between blank lines (`past`, `news`, a blog's category or tag)
    is site text: no headline, heading or sentence is one uncapitalised word."""
    for k, line in enumerate(lines):
        if line.kind or line.lang != "en" or not _STRAY_WORD.match(line.text):
            continue
        alone_after = k + 1 == len(lines) or lines[k + 1].gap > 0
        if (line.gap > 0 or k == 0) and alone_after:
            line.kind = K.JUNK


def _join_speakers(lines: list[Line]) -> None:
    """A speaker's name alone on its line goes with the English line it introduces
    (`Narrator:` + `The city…` → one paragraph `Narrator: The city…`)."""
    for line, nxt in pairwise(lines):
        if line.kind or nxt.kind or nxt.lang != "en" or line.lang != "en" or not P.SPEAKER.match(line.text):
            continue
        if nxt.gap == 0 and not P.SPEAKER.match(nxt.text):
            line.kind = K.SPEAKER
            nxt.shown = f"{line.text} {nxt.body}"


def _mark_notes(lines: list[Line]) -> None:
    """Lines starting with a note marker, source lines, and the note's continuation paragraphs.

    A continuation is an unmarked line of the note's language that follows the note more
    closely than the note follows what stood before it (fewer blank lines). Where the page
    spaces everything alike the line stays a candidate, and alignment decides later.
    """
    english_refs = _english_markers(lines)
    current: Line | None = None
    for line in lines:
        if line.kind in _PASSED_OVER:
            continue
        if line.kind:
            current = None
            continue
        m = P.NOTE_START.match(line.text)
        if m:
            marker = re.sub(r"\s", "", m.group("marker"))
            # (1) and [1] open notes only when the text refers to them, or in CJK text.
            if marker[0] in "([" and line.lang not in CJK and marker not in english_refs:
                current = None
                continue
            line.kind = K.NOTE
            line.marker = marker
            current = line
            continue
        if current is None:
            continue
        if _is_source_line(line.text):
            line.kind = K.SOURCE
            continue
        if (line.lang == current.lang and line.lang in CJK) or (line.lang == "en" and current.lang == "en"):
            if line.gap < current.gap:
                line.kind = K.NOTE_CONT
                continue
            if line.gap == current.gap and line.lang in CJK:
                line.kind = K.CJK
                line.maybe_note = True
                continue
        current = None


def _is_source_line(text: str) -> bool:
    m = P.SOURCE.match(text)
    return bool(m and (m.group("url") or len(text) < 40) and m.group(0).strip() == text.strip())


def _english_markers(lines: list[Line]) -> set[str]:
    refs: set[str] = set()
    for line in lines:
        if line.lang == "en" and not line.kind and P.NOTE_REF_CHARS.search(line.text, 1):
            for m in P.NOTE_REF.finditer(line.text[1:]):
                refs.add(re.sub(r"\s", "", m.group(0)))
    return refs


# A section title in both languages is short.
SECTION_TITLE_WORDS = 8


def _mark_bilingual_headings(lines: list[Line]) -> None:
    """A section title written in both languages on one line (`Survey Results 調査結果`): a
    heading, with the other half as its translation."""
    for line in lines:
        if line.kind or line.text.isascii() or (line.gap == 0 and line.index > 0):
            continue  # a section title stands after a blank line
        split = split_bilingual(line.text)
        if split is not None and len(split[0].split()) <= SECTION_TITLE_WORDS:
            line.kind = K.HEADING
            line.shown, line.same_line_translation = split


def _mark_english(lines: list[Line]) -> None:
    """Headings and paragraphs among the remaining English lines."""
    english = [ln for ln in lines if not ln.kind and ln.lang == "en"]
    for k, line in enumerate(english):
        if P.BULLET_GLYPH.match(line.body):
            line.shown = P.BULLET_GLYPH.sub("", line.body)  # the glyph is layout, not text
        if _ADDRESS.match(line.text):
            line.kind = K.JUNK  # a bare address is the site's link, not the article's text
            continue
        md = P.MARKDOWN_HEADING.match(line.text)
        if md:
            line.kind = K.HEADING
            line.shown = md.group("text")
            continue
        words = line.text.split()
        nxt = english[k + 1] if k + 1 < len(english) else None
        short = len(words) <= 8 and not _SENTENCE_END.search(line.text) and line.text[:1].isupper()
        if short and nxt is not None and len(nxt.text.split()) > len(words):
            line.kind = K.HEADING
        else:
            line.kind = K.PARAGRAPH


def _mark_sentence_pairs(lines: list[Line]) -> None:
    """A stanza (lines with no blank line between them) alternating English and translation
    line by line is one paragraph given sentence by sentence: its English lines join into
    one block and its translation lines into that block's translation."""
    stanzas: list[list[Line]] = []
    for line in lines:
        if line.gap > 0 or not stanzas:
            stanzas.append([])
        stanzas[-1].append(line)
    for stanza in stanzas:
        kinds = [ln.kind for ln in stanza]
        if len(stanza) < 4 or any(k not in (K.PARAGRAPH, K.CJK) for k in kinds):
            continue
        if any(a == b for a, b in pairwise(kinds)) or any(ln.maybe_note for ln in stanza):
            continue
        key = stanza[0].index
        for line in stanza:
            line.stanza = key
            if line.kind == K.CJK:
                line.kind = K.PAIR
