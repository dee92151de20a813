"""Build one QTextDocument per lesson: every paragraph followed by its (hidden) translation block."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from library.model import MADE_UNPLACED, Lesson, Note
from reader.ui.safe_text import SafeDocument
from reader.ui.themes import Theme

# Block kinds, kept in each QTextBlock's userState so hit-testing needs no lookup table.
TITLE, CAPTION, HEADING, PARA, TRANS, PROMPT, UNPLACED, EXERCISE = range(8)
KIND_NAMES = ("title", "caption", "heading", "para", "trans", "prompt", "unplaced", "exercise")


@dataclass(frozen=True)
class DocStyle:
    """How the article looks: theme, faces, size, the translation language and interface words."""

    theme: Theme
    body_family: str
    ja_family: str | None
    size: float = 13.0
    translation_lang: str | None = None
    tr: Callable[[str], str] = str
    glosses: bool = False  # leave room above each line of English for a gloss (reader/article/glosses.py)


@dataclass
class BuiltDoc:
    """The document and the maps from lesson positions to document positions."""

    doc: QTextDocument
    lesson: Lesson
    para_block: dict[int, int] = field(default_factory=dict)  # lesson block index → QTextBlock number
    extra_block: dict[int, int] = field(default_factory=dict)  # lesson block index → translation/prompt block
    owner: dict[int, int] = field(default_factory=dict)  # QTextBlock number → lesson block index
    starts: dict[int, int] = field(default_factory=dict)  # lesson block index → document position of its text
    inserts: dict[int, list[int]] = field(default_factory=dict)  # text offsets where a marker was inserted
    insert_len: dict[int, list[int]] = field(default_factory=dict)
    has_translation: set[int] = field(default_factory=set)
    title_extra: int = -1  # QTextBlock number of the title's translation (hidden at first); -1: it has none

    def doc_span(self, index: int, start: int, end: int) -> tuple[int, int]:
        """Document positions of a span of lesson block `index`'s text, skipping inserted markers."""
        at, lens = self.inserts.get(index, []), self.insert_len.get(index, [])
        base = self.starts[index]
        shift_start = sum(lens[: bisect.bisect_right(at, start)])
        shift_end = sum(lens[: bisect.bisect_left(at, end)])
        return base + start + shift_start, base + end + shift_end


def _families(primary: str, ja: str | None, ja_first: bool = False) -> list[str]:
    fams = [primary] + ([ja] if ja else [])
    return list(reversed(fams)) if ja_first and ja else fams


def _char(style: DocStyle, scale: float = 1.0, *, bold: bool = False, italic: bool = False,
          color: str | None = None, ja_first: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies(_families(style.body_family, style.ja_family, ja_first))
    fmt.setFontPointSize(style.size * scale)
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    fmt.setForeground(QColor(color or style.theme.text))
    return fmt


def _block(top: float, bottom: float, line: int = 150, indent: float = 0.0, bg: str | None = None) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLineHeight(line, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if indent:
        fmt.setLeftMargin(indent)
        fmt.setRightMargin(indent / 2)
    if bg:
        fmt.setBackground(QColor(bg))
    return fmt


def _note_format(base: QTextCharFormat, href: str, theme: Theme, marker: bool) -> QTextCharFormat:
    fmt = QTextCharFormat(base)
    fmt.setAnchor(True)
    fmt.setAnchorHref(href)
    if marker:
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        fmt.setForeground(QColor(theme.accent))
        fmt.setFontWeight(QFont.Weight.DemiBold)
    else:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor(theme.accent))
    return fmt


def _marker_pattern(notes: list[Note]) -> re.Pattern[str] | None:
    markers = sorted({n.marker for n in notes if n.marker}, key=len, reverse=True)
    if not markers:
        return None
    return re.compile("|".join(re.escape(m) for m in markers))


def translation_lang(lesson: Lesson, wanted: str | None) -> str | None:
    """The translation language to show for a lesson."""
    if wanted:
        return wanted
    if lesson.translation_language:
        return lesson.translation_language
    for b in lesson.blocks:
        if b.all_translations:
            return next(iter(b.all_translations))
    return None


def build_document(lesson: Lesson, style: DocStyle) -> BuiltDoc:
    """Lay the lesson out as title, captions, headings, paragraphs; translations start hidden."""
    doc = SafeDocument()  # lesson text goes in as text; still, nothing it might name is ever loaded
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(28)
    base_font = QFont()
    base_font.setFamilies(_families(style.body_family, style.ja_family))
    base_font.setPointSizeF(style.size)
    doc.setDefaultFont(base_font)
    built = BuiltDoc(doc, lesson)
    theme, tr, s = style.theme, style.tr, style.size
    lang = translation_lang(lesson, style.translation_lang)
    note_index = {id(n): i for i, n in enumerate(lesson.notes)}
    by_block: dict[int, list[Note]] = {}
    for n in lesson.notes:
        if n.anchor is not None:
            by_block.setdefault(n.anchor.block, []).append(n)
    markers = _marker_pattern(lesson.notes)

    body = _char(style)
    trans_fmt = _char(style, 0.94, color=theme.translation_fg, ja_first=True)
    muted = _char(style, 0.9, italic=True, color=theme.muted)
    cur = QTextCursor(doc)
    first = True

    def new_block(fmt: QTextBlockFormat, kind: int, owner: int = -1) -> int:
        nonlocal first
        if first:
            cur.setBlockFormat(fmt)
            first = False
        else:
            cur.insertBlock(fmt)
        blk = cur.block()
        blk.setUserState(kind)
        if owner >= 0:
            built.owner[blk.blockNumber()] = owner
        return blk.blockNumber()

    new_block(_block(0, s * 0.6, 120), TITLE)
    cur.insertText(lesson.title, _char(style, 1.75, bold=True))
    if lesson.title_translation:  # under the title, as a paragraph's translation is under its paragraph
        built.title_extra = new_block(_block(0, s * 0.9, 160, s * 1.8, theme.translation_bg), TRANS)
        title_fmt = _char(style, 1.1, color=theme.translation_fg, ja_first=True)
        cur.insertText(one_block(lesson.title_translation), title_fmt)
        cur.block().setVisible(False)
    for caption in lesson.captions:
        new_block(_block(0, s * 0.5, 130), CAPTION)
        cur.insertText(caption, _char(style, 0.85, italic=True, color=theme.muted))

    # One format object per kind: a long book has thousands of blocks.
    heading_block, para_block = _block(s * 1.1, s * 0.4, 120), _block(0, s * 0.85)
    if style.glosses:
        # Qt adds a proportional line height's extra below each line: 190% leaves 0.9 of a line
        # between lines, and the top margin as much above the first, for a gloss half a line high.
        para_block = _block(QFontMetricsF(base_font).height() * 0.9, s * 0.85, 190)
    trans_block = _block(0, s * 0.9, 160, s * 1.8, theme.translation_bg)
    prompt_block = _block(0, s * 0.9, 140, s * 1.8)
    heading_char = _char(style, 1.3, bold=True)
    no_translation, add_one = tr("No translation yet.") + " ", tr("Add one…")
    link = QTextCharFormat(muted)
    link.setAnchor(True)
    link.setForeground(QColor(theme.accent))
    link.setFontUnderline(True)
    for index, block in enumerate(lesson.blocks):
        if block.kind == "heading":
            built.para_block[index] = new_block(heading_block, HEADING, index)
            built.starts[index] = cur.position()
            cur.insertText(block.text, heading_char)
            continue
        built.para_block[index] = new_block(para_block, PARA, index)
        built.starts[index] = cur.position()
        _insert_paragraph(cur, built, index, block.text, sorted(
            by_block.get(index, []), key=lambda n: n.anchor.start if n.anchor else 0), note_index, body, theme)
        text = block.translation(lang) if lang else block.translation()
        if text:
            built.has_translation.add(index)
            built.extra_block[index] = new_block(trans_block, TRANS, index)
            _insert_marked(cur, text, markers, lesson.notes, trans_fmt, theme)
        else:
            built.extra_block[index] = new_block(prompt_block, PROMPT, index)
            cur.insertText(no_translation, muted)
            link.setAnchorHref(f"add:{index}")
            cur.insertText(add_one, link)
        cur.block().setVisible(False)

    _insert_exercises(lesson, style, new_block, cur)
    # What the importer could not place, then what the user's own changes left unplaced (each saying what).
    by_change = [item for item in lesson.unplaced if unplaced_by_change(item.reason)]
    for items, heading in (([i for i in lesson.unplaced if i not in by_change], "Not placed by the importer"),
                           (by_change, "Left unplaced by your changes")):
        if not items:
            continue
        new_block(_block(s * 1.6, s * 0.4, 120), HEADING)
        cur.insertText(tr(heading) + f" ({len(items)})", _char(style, 1.05, bold=True))
        for item in items:
            new_block(_block(0, s * 0.5, 140, s * 1.2), UNPLACED)
            cur.insertText(item.text, _char(style, 0.9, color=theme.muted, ja_first=item.lang != "en"))
            if item in by_change:
                cur.insertText(f" ({tr(item.reason)})", _char(style, 0.8, color=theme.muted))
    return built


def unplaced_by_change(reason: str) -> bool:
    """Whether an unplaced item is so because of a change the user made to the page (the library says what
    became of the item's paragraph: "its paragraph was deleted", "its heading was made a note", …; or that
    the user made the line unplaced)."""
    return reason.startswith(("its paragraph ", "its heading ")) or reason == MADE_UNPLACED


def _insert_exercises(lesson: Lesson, style: DocStyle, new_block: Callable[[QTextBlockFormat, int], int],
                      cur: QTextCursor) -> None:
    """The page's exercises after the body: each under its title, its lines as plain text."""
    s, tr = style.size, style.tr
    title_char, line_char = _char(style, 1.15, bold=True), _char(style)
    line_block = _block(0, s * 0.45, 150, s * 1.2)
    for exercise in lesson.exercises:
        new_block(_block(s * 1.6, s * 0.5, 120), HEADING)
        cur.insertText(exercise.title or tr("Exercise"), title_char)
        for line in exercise.lines:
            new_block(line_block, EXERCISE)
            cur.insertText(line, line_char)  # insertText: the line is text, never markup


def _insert_paragraph(cur: QTextCursor, built: BuiltDoc, index: int, text: str, notes: list[Note],
                      note_index: dict[int, int], body: QTextCharFormat, theme: Theme) -> None:
    """English text with each noted span underlined and its marker set as a superscript after it."""
    pos = 0
    at: list[int] = []
    lens: list[int] = []
    for note in notes:
        assert note.anchor is not None
        start, end = note.anchor.start, note.anchor.end
        if start < pos or end > len(text) or start >= end:
            continue
        href = f"note:{note_index[id(note)]}"
        cur.insertText(text[pos:start], body)
        cur.insertText(text[start:end], _note_format(body, href, theme, marker=False))
        marker = note.marker or "*"
        cur.insertText(marker, _note_format(body, href, theme, marker=True))
        at.append(end)
        lens.append(len(marker))
        pos = end
    cur.insertText(text[pos:], body)
    built.inserts[index] = at
    built.insert_len[index] = lens


def _insert_marked(cur: QTextCursor, text: str, markers: re.Pattern[str] | None, notes: list[Note],
                   fmt: QTextCharFormat, theme: Theme) -> None:
    """Translation text with its note markers (※4…) made into note references, in one block whatever its lines."""
    text = one_block(text)
    pos = 0
    if markers is not None:
        index = {n.marker: i for i, n in reversed(list(enumerate(notes)))}
        for m in markers.finditer(text):
            cur.insertText(text[pos:m.start()], fmt)
            cur.insertText(m.group(), _note_format(fmt, f"note:{index[m.group()]}", theme, marker=True))
            pos = m.end()
    cur.insertText(text[pos:], fmt)


def one_block(text: str) -> str:
    """Text of several lines made to stay in one QTextBlock: QTextCursor.insertText starts a new block
    at each line break, and a translation is shown and hidden as one block. Qt's line separator breaks
    the line the same, is one character too (offsets hold) and is copied out as a line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\u2028")


def kind_of(user_state: int) -> str:
    """The name of a block kind stored in userState."""
    return KIND_NAMES[user_state] if 0 <= user_state < len(KIND_NAMES) else "other"

