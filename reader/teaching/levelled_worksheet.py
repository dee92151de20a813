"""The levelled worksheet: the lesson with only its words above a chosen level blanked (the first
time each comes), a word bank of those words mixed with distractors of the same level and part of
speech (cefrpy's list, inflected by lemminflect as the gap needs), and an answer key on its own page.
The list's levels by part of speech and the distractor pools are read from a per-machine table
(library/study/distractor_table.py), worked out once: a first worksheet reads a few rows of it."""

from __future__ import annotations

import html
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from library.model import Lesson
from library.study.distractor_table import pool, tag_levels
from library.study.glosses import Gloss, words_above
from reader.teaching.excluded_words import excluded
from reader.teaching.handout import BLANK, html_document, print_pdf
from reader.teaching.level_report import english_blocks

# cefrpy's tags by family, and lemminflect's word classes for them
FAMILIES = {"NOUN": ("NN", "NNS"), "VERB": ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ"), "ADJ": ("JJ",), "ADV": ("RB",)}

BANK_COLUMNS = 6  # words a row of the word bank holds on an A4 page
KEY_COLUMNS = 3  # answers a row of the answer key holds
KEY_ROWS = 30  # rows of the answer key an A4 page holds under its heading; more go on to the next page
NOWRAP = "white-space: nowrap"  # "best-known" in one piece, as a pupil copies it


class NothingAbove(Exception):
    """The lesson has no word above the chosen level: a worksheet of it would have no gap."""

    def __init__(self, level: str) -> None:
        super().__init__(f"No words above {level} in this lesson — choose a lower level")
        self.level = level


@dataclass(frozen=True)
class Blank:
    """One gap: the word it hides, its number, level, word class and form (Penn tag)."""

    number: int
    gloss: Gloss
    upos: str
    tag: str


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def word_class(word: str, level: str | None) -> tuple[str, str, str]:
    """(lemma, word class, Penn tag) of a word as written: the class the level list gives this
    level (berths: NOUN, NNS), else the first lemminflect knows."""
    import lemminflect

    lower = word.lower()
    by_pos = {k: v for k, v in lemminflect.getAllLemmas(lower).items() if k in FAMILIES}
    choices = [(upos, lemmas[0].lower()) for upos, lemmas in by_pos.items() if lemmas]
    listed = tag_levels([lower, *(lem for _u, lem in choices)])  # one query
    # The class the list gives the form itself at this level (berths: NNS), else its lemma's.
    fitting = ([(u, lem) for u, lem in choices if _level_as(listed, lower, u) == level]
               or [(u, lem) for u, lem in choices if _level_as(listed, lem, u) == level] or choices)
    if not fitting:
        return lower, "NOUN", "NN"
    upos, lemma = fitting[0]
    tags = [t for t, forms in lemminflect.getAllInflections(lemma, upos).items() if lower in (f.lower() for f in forms)]
    base = FAMILIES[upos][0]
    # The form its ending shows: community is NN and belongings NNS, though lemminflect lists both
    # as either; pledged is VBD (or VBN), accumulating VBG.
    ending = _ending(lower)
    shown = [t for t in tags if _TAG_ENDINGS.get(t, "") == ending]
    return lemma, upos, (shown[0] if shown else tags[0] if tags else base)


# The ending each inflected form has in English, as a gap and its distractors must share it.
_TAG_ENDINGS = {"NNS": "s", "VBZ": "s", "VBD": "ed", "VBN": "ed", "VBG": "ing"}


def _ending(word: str) -> str:
    """-ing, -ed, -s or "" (a base form, or an irregular one) of a lower-case word."""
    return next((e for e in ("ing", "ed", "s") if word.endswith(e) and len(word) > len(e) + 2), "")


def _level_as(listed: dict[str, dict[str, str]], lemma: str, upos: str) -> str | None:
    """The level the list gives a lemma in one word class (None when it does not list it so), of
    `listed`: tag_levels of it."""
    levels = listed.get(lemma, {})
    return next((levels[t] for t in FAMILIES[upos] if t in levels), None)


@lru_cache(maxsize=64)
def _forms(level: str, upos: str) -> dict[str, dict[str, str]]:
    """The distractor pool of a level and word class (distractor_table.pool): lemma → {tag: its
    form}, alphabetically, offensive and sensitive words left out (see `excluded_words`)."""
    return {lemma: forms for lemma, forms in pool(level, upos).items() if not excluded(lemma)}


def _pool(level: str, upos: str) -> tuple[str, ...]:
    """Lemmas the list puts at `level` in word class `upos` (its base form: NN, VB, JJ, RB), alphabetically.
    Words it also takes for names, words lemminflect does not know, and words rarer than Zipf
    3.5 (about three in a million words: corpulence, heathenish) are left out: the list levels many
    rare words, which a distractor must not be; so are offensive and sensitive words."""
    return tuple(_forms(level, upos))


def distractors(blanks: list[Blank], avoid: set[str], seed: str) -> list[tuple[str, Blank]]:
    """One distractor for every two answers (at least two), each of the level (±1, as the lesson shows
    it) and word class of an answer and in its form (a gap for "mitigates" gets a distractor in -s: a lemma lemminflect
    cannot put in that form is passed over, never offered in its base form), none a word of the
    lesson nor an excluded one; the same lesson always gets the same ones."""
    rng = random.Random(seed)
    wanted = max(2, (len(blanks) + 1) // 2) if blanks else 0
    # Every form the gaps have gets its distractor first (an -ed gap, an -ing gap, a plural), then
    # the gaps in turn: a pupil cannot rule a word out by its ending alone.
    firsts = list({b.tag: b for b in reversed(blanks)}.values())[::-1]
    order = sorted(firsts, key=lambda b: b.number) + [b for b in blanks if b not in firsts]
    out: list[tuple[str, Blank]] = []
    for k in range(wanted * 3):
        if len(out) >= wanted:
            break
        blank = order[k % len(order)]
        level = blank.gloss.level or "B2"
        forms = _forms(level, blank.upos)
        candidates = [w for w in forms if w not in avoid]
        for lemma in rng.sample(candidates, min(len(candidates), 30)):  # some picks are refused: more tries
            # The pool has a lemma's form only where it is common and near the level too (a common
            # lemma may have a rare form, canon → canons, or an easy one, test → testing, A2).
            form = forms[lemma].get(blank.tag, "")
            ending = _TAG_ENDINGS.get(blank.tag, "")
            if (form and form not in avoid and not excluded(form, lemma)
                    and (not ending or _ending(form.lower()) == ending or not _ending(blank.gloss.word.lower()))):
                avoid.add(form)
                avoid.add(lemma)
                out.append((form, blank))
                break
    return out


def make_blanks(lesson: Lesson, level: str) -> list[Blank]:
    """The gaps: each word above `level` the first time it comes, numbered in reading order. Two gaps
    never sit side by side ("(9) ___ (10) ___" leaves a pupil nothing to go on): a word with only
    spaces or punctuation between it and the gap before it is not blanked."""
    firsts = words_above(english_blocks(lesson), level, lesson.glossary, None)
    ordered = sorted(firsts, key=lambda g: (g.block, g.start))
    texts = {i: b.text for i, b in enumerate(lesson.blocks)}
    out: list[Blank] = []
    for gloss in ordered:
        before = out[-1].gloss if out else None
        if before is not None and before.block == gloss.block and not any(
            c.isalnum() for c in texts.get(gloss.block, "")[before.end:gloss.start]
        ):
            continue
        _lemma, upos, tag = word_class(gloss.word, gloss.level)
        out.append(Blank(len(out) + 1, gloss, upos, tag))
    return out


def worksheet_html(lesson: Lesson, level: str, blanks: list[Blank], bank: list[str], ja: str | None, body: str,
                   labels: dict[str, str]) -> str:
    """The worksheet, then its answer key on a page of its own, as rich text (lesson text escaped)."""
    ja_font = f"'{ja}'" if ja else "sans-serif"
    parts = [
        "<html><head><style>"
        f"body {{ font-family: '{body}', {ja_font}; }}"
        "h1 { font-size: 18pt; margin-bottom: 4pt; } h2 { font-size: 13pt; margin-top: 12pt; }"
        "p { margin-top: 0; margin-bottom: 9pt; line-height: 150%; }"
        "</style></head><body>",
        f"<h1>{_esc(lesson.title)} — {_esc(labels['title'].format(level=level))}</h1>",
        "<p>Name: ____________________________\u2003\u2003Date: ______________</p>",
    ]
    rows = "".join(
        "<tr>" + "".join(f"<td align='center' width='{100 // BANK_COLUMNS}%' style='{NOWRAP}'><b>{_esc(w)}</b></td>"
                         for w in bank[k:k + BANK_COLUMNS]) + "</tr>"
        for k in range(0, len(bank), BANK_COLUMNS)
    )
    parts.append(f"<h2>{_esc(labels['bank'])}</h2><table border='1' cellspacing='0' cellpadding='6' width='100%' "
                 f"style='border-color:#888'>{rows}</table><p></p>")
    by_block: dict[int, list[Blank]] = {}
    for blank in blanks:
        by_block.setdefault(blank.gloss.block, []).append(blank)
    for index, block in enumerate(lesson.blocks):
        if block.kind == "heading":
            parts.append(f"<h2>{_esc(block.text)}</h2>")
            continue
        text, pos, out = block.text, 0, []
        for blank in sorted(by_block.get(index, []), key=lambda b: b.gloss.start):
            out.append(_esc(text[pos:blank.gloss.start]) + f"<b>({blank.number})</b>{BLANK}")
            pos = blank.gloss.end
        parts.append(f"<p>{''.join(out)}{_esc(text[pos:])}</p>")
    parts += key_pages(lesson.title, blanks, labels)
    parts.append("</body></html>")
    return "".join(parts)


def key_pages(title: str, blanks: list[Blank], labels: dict[str, str]) -> list[str]:
    """The answer key, KEY_COLUMNS answers a row, each page of it starting on a page of its own with
    its heading: a key longer than a page says on the next that it continues."""
    per_page = KEY_COLUMNS * KEY_ROWS
    more = labels.get("continued") or f"{labels['key']} (continued)"
    out = []
    for start in range(0, max(len(blanks), 1), per_page):
        heading = labels["key"] if start == 0 else more
        out.append(f"<h1 style='page-break-before: always'>{_esc(title)} — {_esc(heading)}</h1>")
        chunk = blanks[start:start + per_page]
        rows = "".join(
            "<tr>" + "".join(
                f"<td width='{100 // KEY_COLUMNS}%' style='{NOWRAP}'><b>{b.number}.</b> {_esc(b.gloss.word)}"
                f" <i>({_esc(b.gloss.level or '')})</i></td>" for b in chunk[k:k + KEY_COLUMNS]) + "</tr>"
            for k in range(0, len(chunk), KEY_COLUMNS)
        )
        out.append(f"<table cellspacing='0' cellpadding='3' width='100%'>{rows}</table>")
    return out


def write_worksheet(lesson: Lesson, level: str, path: Path, labels: dict[str, str]) -> tuple[list[Blank], list[str]]:
    """Write the levelled worksheet and its key to `path` (PDF); returns the gaps and the word bank.
    A lesson with no word above `level` is `NothingAbove`, and no file is written: a worksheet with
    no gap is no worksheet."""
    blanks = make_blanks(lesson, level)
    if not blanks:
        raise NothingAbove(level)
    lesson_words = {w.lower() for _i, t in english_blocks(lesson) for w in t.replace("’", "'").split()}
    avoid = {b.gloss.word.lower() for b in blanks} | {w.strip(".,;:!?\"'()") for w in lesson_words}
    extra = [form for form, _b in distractors(blanks, avoid, lesson.title + level)]
    bank = sorted({b.gloss.word.lower() if not b.gloss.word.isupper() else b.gloss.word for b in blanks} | set(extra),
                  key=str.lower)
    doc = html_document(lambda ja, body: worksheet_html(lesson, level, blanks, bank, ja, body, labels))
    print_pdf(doc, path, f"{lesson.title} — {labels['title'].format(level=level)}")
    return blanks, bank
