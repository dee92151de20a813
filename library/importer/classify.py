"""Step 4: decide what each line is: title, caption, heading, paragraph, word list,
note, note continuation, translation candidate, or page chrome."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from library.importer import patterns as P
from library.importer.glossary import parse_entry
from library.importer.split import Line

CJK = ("ja", "zh", "ko")
CHROME_MAX = 160
_SENTENCE_END = re.compile(r"[.!?;:,…\"”’)\]]$")


def classify(lines: list[Line]) -> None:
    """Set `kind` on every line (in place)."""
    _mark_chrome(lines)
    _mark_captions(lines)
    _mark_word_lists(lines)
    _mark_notes(lines)
    _mark_title(lines)
    _mark_english(lines)
    for line in lines:
        if not line.kind:
            line.kind = "cjk" if line.lang in CJK else "junk"
    _mark_sentence_pairs(lines)


def _mark_chrome(lines: list[Line]) -> None:
    """Navigation, share prompts, copyright lines, decoration, section labels."""
    for line in lines:
        if not line.lang:
            line.kind = "junk"
            continue
        if len(line.text) > CHROME_MAX:
            continue  # menus, share bars, labels and copyright lines are short
        t = P.BULLET.sub("", line.text) if line.lang != "en" else line.text
        nav = P.BULLET_NAV.match(line.text) and not P.NOTE_START.match(line.text)
        if P.is_chrome(t) or nav:
            line.kind = "junk"
        elif P.SECTION_LABEL.match(line.text) and not P.WORDLIST_HEADING.match(line.text):
            line.kind = "label"
        elif not line.lang:
            line.kind = "junk"


def _mark_captions(lines: list[Line]) -> None:
    """Photo captions: credit-like lines, and English lines the page repeats; kept once."""
    counts = Counter(line.text for line in lines if not line.kind)
    seen: set[str] = set()
    for line in lines:
        if line.kind or line.lang != "en":
            continue
        repeated = counts[line.text] > 1 and len(line.text.split()) >= 4
        if repeated or P.is_caption(line.text):
            line.kind = "caption_dup" if line.text in seen else "caption"
            seen.add(line.text)


def _mark_word_lists(lines: list[Line]) -> None:
    """A word-list heading followed by entries (and their example lines)."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind or not P.WORDLIST_HEADING.match(line.text):
            i += 1
            continue
        entries: list[int] = []
        j = i + 1
        while j < len(lines):
            nxt = lines[j]
            if nxt.kind in ("caption_dup", "junk"):
                j += 1
                continue
            if nxt.kind:
                break
            if entries and P.EXAMPLE.match(nxt.text):
                nxt.kind = "example"
                j += 1
                continue
            entry = parse_entry(nxt.text)
            if entry is None:
                break
            nxt.kind = "entry"
            entries.append(j)
            j += 1
        if entries:
            line.kind = "wordlist"
        i = j if entries else i + 1


def _mark_notes(lines: list[Line]) -> None:
    """Lines starting with a note marker, source lines, and the note's continuation paragraphs.

    A continuation is an unmarked line of the note's language that follows the note more
    closely than the note follows what stood before it (fewer blank lines). Where the page
    spaces everything alike the line stays a candidate, and alignment decides later.
    """
    english_refs = _english_markers(lines)
    current: Line | None = None
    for line in lines:
        if line.kind in ("caption_dup", "junk"):
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
            line.kind = "note"
            line.data["marker"] = marker
            current = line
            continue
        if current is None:
            continue
        if _is_source_line(line.text):
            line.kind = "source"
            continue
        if (line.lang == current.lang and line.lang in CJK) or (line.lang == "en" and current.lang == "en"):
            if line.gap < current.gap:
                line.kind = "note_cont"
                continue
            if line.gap == current.gap and line.lang in CJK:
                line.kind = "note_cont?"
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


def _mark_title(lines: list[Line]) -> None:
    """The first English line that reads like a headline."""
    for line in lines:
        if line.kind:
            continue
        if line.lang != "en":
            continue
        text = P.MARKDOWN_HEADING.sub(r"\g<text>", line.text)
        if len(text.split()) <= 20 and not text.endswith((".", ",", ";")):
            line.kind = "title"
            line.data["text"] = text
        return


def _mark_english(lines: list[Line]) -> None:
    """Headings and paragraphs among the remaining English lines."""
    english = [ln for ln in lines if not ln.kind and ln.lang == "en"]
    for k, line in enumerate(english):
        md = P.MARKDOWN_HEADING.match(line.text)
        if md:
            line.kind = "heading"
            line.data["text"] = md.group("text")
            continue
        words = line.text.split()
        nxt = english[k + 1] if k + 1 < len(english) else None
        short = len(words) <= 8 and not _SENTENCE_END.search(line.text) and line.text[:1].isupper()
        if short and nxt is not None and len(nxt.text.split()) > len(words):
            line.kind = "heading"
        else:
            line.kind = "paragraph"


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
        if len(stanza) < 4 or any(k not in ("paragraph", "cjk") for k in kinds):
            continue
        if any(a == b for a, b in pairwise(kinds)):
            continue
        key = str(stanza[0].index)
        for line in stanza:
            line.data["stanza"] = key
            if line.kind == "cjk":
                line.kind = "pair"
