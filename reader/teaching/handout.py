"""Handouts: a lesson as a PDF (translations, glossary, notes, questions), a gap-fill worksheet and its key.

Only QtGui is used (QTextDocument laid out and printed by QPdfWriter), so the command line
can make a PDF with an offscreen QGuiApplication. Qt embeds the fonts it draws with; the
Japanese face is a real Japanese font found on the system (IPAex Gothic, Noto CJK…).
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageRanges, QPageSize, QPdfWriter, QTextDocument

from library.model import Lesson
from reader.article.document import translation_lang
from reader.teaching.blanks import Gap, lesson_gaps
from reader.teaching.pagination import pages_with_text, paginate, set_up_pages
from reader.teaching.pdf_text_layer import fix_text_layer
from reader.ui.fonts import japanese_family, reading_family
from reader.ui.safe_text import SafeDocument

BLANK = "\u00a0" + "_" * 10  # a gap a pupil can write in, never parted from its number
BODY_PT = 11.0


@dataclass
class HandoutOptions:
    """What the tutor chose to print."""

    translations: bool = False
    notes: bool = False
    glossary: bool = False
    questions: bool = False
    worksheet: bool = False
    answers: bool = False


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _gapped(text: str, gaps: list[Gap], numbers: dict[Gap, int], fill: list[str] | None) -> str:
    """A paragraph's HTML with its glossary words blanked (and numbered), or filled in for the key."""
    out, pos = [], 0
    for gap in gaps:
        out.append(_esc(text[pos : gap.start]))
        n = numbers[gap]
        if fill is None:
            out.append(f"<span style='color:#555'>({n})</span>{BLANK}")
        else:
            out.append(f"<span style='color:#555'>({n})</span>\u00a0<u><b>{_esc(text[gap.start : gap.end])}</b></u>")
        pos = gap.end
    out.append(_esc(text[pos:]))
    return "".join(out)


def _noted(text: str, spans: list[tuple[int, int, str]]) -> str:
    """A paragraph's HTML with each noted span followed by its note marker as a superscript."""
    out, pos = [], 0
    for start, end, marker in sorted(spans):
        if start < pos:
            continue
        out.append(_esc(text[pos:end]) + f"<sup>{_esc(marker)}</sup>")
        pos = end
    out.append(_esc(text[pos:]))
    return "".join(out)


def _meaning(translation: str) -> str:
    """A word-list entry's meaning after its term in the answer key ("" where it has none)."""
    text = " ".join(translation.split())
    return f" <span class='tr'>{_esc(text)}</span>" if text else ""


def build_html(lesson: Lesson, options: HandoutOptions, ja_family: str | None, body_family: str) -> str:
    """The handout as rich text for QTextDocument."""
    ja = f"'{ja_family}'" if ja_family else "sans-serif"
    body_fonts = f"'{body_family}', {ja}"
    key = options.answers
    sheet = options.worksheet or key
    parts = [
        "<html><head><style>"
        f"body {{ font-family: {body_fonts}; }}"
        "h1 { font-size: 18pt; margin-bottom: 4pt; }"
        "h2 { font-size: 13pt; margin-top: 12pt; margin-bottom: 3pt; }"
        "p { margin-top: 0; margin-bottom: 9pt; line-height: 140%; }"
        f"p.tr {{ font-family: {ja}, {body_fonts}; margin-left: 18pt; color: #333; font-size: 10pt; }}"
        "p.cap { font-style: italic; color: #555; font-size: 9pt; }"
        "p.q { margin-left: 18pt; }"
        f"td {{ font-family: {body_fonts}; padding: 3pt; }}"
        "</style></head><body>"
    ]
    title = lesson.title
    if sheet:
        title += " — Answer key" if key else " — Worksheet"
    parts.append(f"<h1>{_esc(title)}</h1>")
    if sheet and not key:  # where a student writes who they are
        parts.append("<p>Name: ____________________________\u2003\u2003Date: ______________</p>")
    if not sheet:
        parts += [f"<p class='cap'>{_esc(c)}</p>" for c in lesson.captions]

    gaps = lesson_gaps(lesson) if sheet else []
    by_block: dict[int, list[Gap]] = defaultdict(list)
    for gap in gaps:
        by_block[gap.block].append(gap)
    numbers = {gap: n for n, gap in enumerate(gaps, start=1)}
    if sheet:
        if key:
            parts.append("<p><i>Answers are underlined.</i></p>")
        else:
            parts.append("<p><i>Fill each gap with a word from the word bank. Change its form if you need to.</i></p>")
            parts.append(_word_bank(lesson))

    lang = translation_lang(lesson, None)
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    if options.notes and not sheet:
        for note in lesson.notes:
            if note.anchor is not None:
                spans[note.anchor.block].append((note.anchor.start, note.anchor.end, note.marker or "*"))
    questions: dict[int, list[str]] = defaultdict(list)
    for q in lesson.questions:
        questions[q.block].append(q.text)
    q_number = 0
    for index, block in enumerate(lesson.blocks):
        if block.kind == "heading":
            parts.append(f"<h2>{_esc(block.text)}</h2>")
            continue
        if sheet:
            body = _gapped(block.text, by_block.get(index, []), numbers, [] if key else None)
        else:
            body = _noted(block.text, spans.get(index, []))
        parts.append(f"<p>{body}</p>")
        text = block.translation(lang) if lang else block.translation()
        if options.translations and text and not sheet:
            parts += [f"<p class='tr'>{_esc(line)}</p>" for line in text.split("\n") if line.strip()]
        if options.questions and not sheet:
            for asked in questions.get(index, []):
                q_number += 1
                parts.append(f"<p class='q'><b>Q{q_number}.</b> {_esc(asked)}</p>")

    if key and gaps:
        parts.append("<h2>Answers</h2>")
        # The word as the text has it, the word list's term, and its meaning where the list gives one.
        parts += [
            f"<p>({n}) {_esc(lesson.blocks[g.block].text[g.start : g.end])}"
            f" — <i>{_esc(lesson.glossary[g.entry].term)}</i>{_meaning(lesson.glossary[g.entry].translation)}</p>"
            for g, n in numbers.items()
        ]
    if options.questions and sheet:
        q_all = [q for q in lesson.questions]
        if q_all:
            parts.append("<h2>Questions</h2>")
            for n, q in enumerate(q_all, start=1):
                answer = f" <i>— {_esc(q.answer)}</i>" if key and q.answer else ""
                parts.append(f"<p class='q'><b>Q{n}.</b> {_esc(q.text)}{answer}</p>")
    if options.glossary and not sheet and lesson.glossary:
        parts.append(f"<h2>{_esc(lesson.glossary_heading or 'Words in this lesson')}</h2>")
        parts.append("<table cellspacing='0' width='100%'>")
        for g in lesson.glossary:
            extra = " ".join(x for x in (g.definition, g.translation) if x)
            parts.append(
                f"<tr><td width='22%'><b>{_esc(g.term)}</b></td><td width='10%'><i>{_esc(g.pos)}</i></td>"
                f"<td>{_esc(extra)}</td></tr>"
            )
        parts.append("</table>")
    if options.notes and not sheet and lesson.notes:
        parts.append("<h2>Notes</h2>")
        for note in lesson.notes:
            head = _esc(note.marker + (" " + note.label if note.label else ""))
            paras = note.paragraphs or [""]
            # no bold here: a synthetic bold Japanese face is drawn twice, which doubles the PDF's text
            parts.append(f"<p class='tr'><span style='color:#8a3b12'>{head}</span> {_esc(paras[0])}</p>")
            parts += [f"<p class='tr'>{_esc(p)}</p>" for p in paras[1:]]
            if note.source_url:
                parts.append(f"<p class='tr'>Source: {_esc(note.source_url)}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def _word_bank(lesson: Lesson) -> str:
    """The word bank: the glossary's terms in a boxed row, alphabetically (not in the order of the gaps)."""
    terms = sorted({g.term for g in lesson.glossary}, key=str.lower)
    cells = "".join(f"<td align='center'><b>{_esc(t)}</b></td>" for t in terms)
    return (
        "<h2>Word bank</h2><table border='1' cellspacing='0' cellpadding='6' width='100%' "
        f"style='border-color:#888; border-style:solid'><tr>{cells}</tr></table><p></p>"
    )


def build_document(lesson: Lesson, options: HandoutOptions) -> QTextDocument:
    """The handout laid out as a QTextDocument."""
    return html_document(lambda ja, body: build_html(lesson, options, ja, body))


def html_document(make_html: Callable[[str | None, str], str]) -> QTextDocument:
    """A printable document in the handouts' faces, from rich text made for them (Japanese, body
    family); every lesson text in it must be escaped."""
    ja = japanese_family()
    body = reading_family()
    doc = SafeDocument()
    font = QFont()
    font.setFamilies([body] + ([ja] if ja else []))
    font.setPointSizeF(BODY_PT)
    for tag in ("liga", "clig"):  # "ﬁ" as one glyph would make the PDF's text unsearchable for "fi"
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setHtml(make_html(ja, body))
    return doc


def write_pdf(lesson: Lesson, path: Path, options: HandoutOptions) -> None:
    """Write the handout to `path` as an A4 PDF with its fonts embedded."""
    print_pdf(build_document(lesson, options), path, lesson.title)


def print_pdf(doc: QTextDocument, path: Path, title: str) -> None:
    """Print a laid-out document to `path` as an A4 PDF (headings kept with their text, fonts embedded)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Study Reader")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    # Laid out for the page here (not by print_) so that headings and lone lines can be kept with their text.
    printable = doc.clone()  # a fresh layout: the fonts are measured for the PDF, not for the screen
    page = set_up_pages(printable, writer)
    paginate(printable, page)
    printed = QPageRanges()
    printed.addRange(1, pages_with_text(printable, page))  # no blank page after the last line
    writer.setPageRanges(printed)
    printable.print_(writer)
    del writer  # the file is complete once the writer is gone
    if not path.exists():
        raise OSError(f"the PDF was not written to {path}")
    fix_text_layer(path)  # kanji that share a radical's glyph copy as kanji
