"""Step 4: decide what each line is: title, caption, heading, paragraph, word list,
note, note continuation, translation candidate, or page chrome."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from library.importer import patterns as P
from library.importer import split as K
from library.importer.drills import mark_drill_aids
from library.importer.entryblocks import mark_entry_blocks
from library.importer.exercises import mark_exercises
from library.importer.glossary import NOTE_LABEL
from library.importer.headline import pair_headline_before
from library.importer.items import mark_items
from library.importer.labels import strip_labels
from library.importer.language import settle_languages
from library.importer.sections import mark_commentary
from library.importer.sitemeta import is_meta_line, is_navigation
from library.importer.split import Line
from library.importer.title import (
    is_cjk_byline,
    is_metadata,
    mark_cut_copies,
    mark_grouped_title_translation,
    mark_title,
    split_bilingual,
)
from library.importer.wordlists import (
    mark_english_definitions,
    mark_headword_lists,
    mark_tables,
    mark_two_line_entries,
    mark_unheaded_lists,
    mark_word_lists,
    mark_word_rows,
)
from library.importer.wrap import mark_address_lines, rejoin_wrapped, rejoin_wrapped_translations

CJK = ("ja", "zh", "ko")
CHROME_MAX = 160
RELATED_TITLE_WORDS = 14
_PASSED_OVER = (K.CAPTION_DUP, K.JUNK)
_SENTENCE_END = re.compile(r"[.!?;:,…\"”’)\]]$")


def classify(lines: list[Line]) -> None:
    """Set `kind` on every line (in place)."""
    settle_languages(lines)
    mark_entry_blocks(lines)  # first: a part of speech alone on each entry's line (`名詞`) reads like a button
    mark_drill_aids(lines)  # a drill's buttons (`显示翻译`) before the labels: a button is no label
    strip_labels(lines)
    mark_items(lines)  # before the site text: an item's label (`故事二：`) is kept aside as the items' own
    mark_tables(lines)  # before the site text: a table's bars read like a menu's
    _mark_chrome(lines)
    mark_commentary(lines)  # after the site text, which ends a section
    mark_exercises(lines)  # before captions: a quiz repeating the body's sentences is no caption
    _mark_byline_blocks(lines)
    _mark_captions(lines)
    mark_word_lists(lines)
    mark_unheaded_lists(lines)
    mark_headword_lists(lines)
    mark_two_line_entries(lines)
    mark_english_definitions(lines)
    mark_word_rows(lines)
    mark_cut_copies(lines)  # before the rejoining: the excerpt's cut-off copy is no sentence's start
    rejoin_wrapped(lines)  # after the word lists: their entry lines start in lower case too
    mark_grouped_title_translation(lines)  # before the rejoining: the title is no sentence's start
    rejoin_wrapped_translations(lines)
    _join_speakers(lines)
    _mark_commentary(lines)
    _mark_notes(lines)
    _mark_stray_words(lines)  # before the title: a category label is not a headline
    mark_title(lines)
    pair_headline_before(lines)
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


# A bare address is a line of its own, never the rest of a sentence.
_ADDRESS = re.compile(r"^\S*(?:https?://|www\.)\S*$")


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
        if P.is_chrome(t) or nav or _is_site_line(line) or (not t[:1].isascii() and _NAME_BOX.match(t)):
            line.kind = K.JUNK
        elif (
            P.SECTION_LABEL.match(line.text) or _COLON_LABEL.match(line.text) or P.BODY_LABEL.match(line.text)
        ) and not P.is_wordlist_heading(line.text):
            line.kind = K.LABEL
        elif not line.lang:
            line.kind = K.JUNK


METADATA_CHARS = 80
# A box naming a person or a place (`人名: Amara Okonkwo`, `地名：Lagos`): a short label in
# another script, then a name in capitals, no sentence.
_NAME_BOX = re.compile(r"^[^\x00-\x7f\s]{1,4}\s?[:：]\s?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")
_META_HINT = re.compile(r"\d|[Bb]y\s|[:：]")


def _is_site_line(line: Line) -> bool:
    """English buttons and notices (`Leave a Reply`, a cookie notice), and a byline or a date
    standing anywhere (before the title the title step passes over them too); a bare address
    is left for the notes, whose source it may be."""
    if len(line.text) <= METADATA_CHARS and is_navigation(line.text):
        return True  # a menu or a breadcrumb, in any language
    if line.lang != "en":
        return line.lang in CJK and (is_cjk_byline(line.text) or is_meta_line(line.text))
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


# A caption marked by an arrow or a triangle is a line or two about the photo.
CAPTION_CHARS = 120


def _mark_captions(lines: list[Line]) -> None:
    """Photo captions: credit-like lines, and English lines the page repeats; kept once."""
    counts = Counter(line.text for line in lines if not line.kind)
    _mark_repeated_paragraphs(lines, counts)
    seen: set[str] = set()
    for line in lines:
        if not line.kind and len(line.text) <= CAPTION_CHARS and P.CAPTION_MARK.match(line.text):
            line.kind = K.CAPTION  # `▲ …`, `↑写真：…` in any language: the photo's caption, not a translation
            continue
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
        labelled = NOTE_LABEL.match(line.text) if ":" in line.text or "：" in line.text else None
        if labelled is not None and line.lang in (*CJK, "en"):
            # `Note: …` in words: a note of its own, its label the marker (shown without the label).
            line.kind, line.marker, line.shown = K.NOTE, labelled.group("label"), line.text[labelled.end() :]
            current = line
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


# The label over a commentary on the text (`【解説】`, `讲解：`, `해설`, `Grammar notes`).
_COMMENTARY = re.compile(
    r"^[【\[〔(（■●◆]?\s*(?:解説|解说|解說|講解|讲解|해설|ポイント|commentary|explanation|grammar(?: notes?)?)"
    r"\s*[】\]〕)）]?\s*[:：]?$",
    re.IGNORECASE,
)


COMMENTARY_LABEL_CHARS = 24


def _mark_commentary(lines: list[Line]) -> None:
    """The lines under a commentary's label are one note, marked by the label: English quoted
    in it (`"will be repaired" 是被动语态。`, `"The work will take three months."`) is the
    commentary's, not a paragraph. It ends at a line another step has read, or at a blank
    line before English that is not quoted."""
    for k, line in enumerate(lines):
        if line.kind not in (K.LABEL, K.UNDECIDED) or len(line.text) > COMMENTARY_LABEL_CHARS:
            continue
        if not _COMMENTARY.match(line.text):
            continue
        body = []
        for nxt in lines[k + 1 :]:
            if nxt.kind or (nxt.gap > 0 and nxt.lang == "en" and nxt.text[:1] not in _QUOTES):
                break
            body.append(nxt)
        if not body:
            continue
        line.kind = K.LABEL
        body[0].kind, body[0].marker = K.NOTE, line.text.strip("【】[]〔〕()（）■●◆:： ")
        body[0].shown = body[0].text
        for nxt in body[1:]:
            nxt.kind = K.NOTE_CONT


_QUOTES = "\"“‘'「『"


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
        ends = _SENTENCE_END.search(line.text) is not None and not _headline_question(words)
        short = len(words) <= 8 and not ends and line.text[:1].isupper()
        if short and nxt is not None and len(nxt.text.split()) > len(words):
            line.kind = K.HEADING
        else:
            line.kind = K.PARAGRAPH


def _headline_question(words: list[str]) -> bool:
    """A question written as a headline is (`Why Do Cats Sleep So Much?`): each word of four
    letters or more with a capital, not a sentence (`Do you like cats?`)."""
    if not words or not words[-1].endswith("?"):
        return False
    long_words = [w for w in words if len(w.strip("?\"“”'’")) >= 4]
    return bool(long_words) and all(w[:1].isupper() for w in long_words)


# A sentence's end, then the next sentence's start: the line holds two sentences or more.
_SENTENCES = re.compile(r"[a-z0-9][.!?][\"”’]?\s+[A-Z\"“]")


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
        if any(ln.kind == K.PARAGRAPH and _SENTENCES.search(ln.text) for ln in stanza):
            continue  # an English line of several sentences is a paragraph, each with its translation under it
        key = stanza[0].index
        for line in stanza:
            line.stanza = key
            if line.kind == K.CJK:
                line.kind = K.PAIR
