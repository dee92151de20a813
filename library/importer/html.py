"""Saved web pages (and EPUB chapters): find the article, turn it into lines, run the text steps.

Nothing is fetched: images, iframes and embedded objects are dropped, and only http(s)
links are kept, as note sources. Headings, paragraphs, list items, table rows and
definition lists become lines; bold words are remembered to anchor notes the text steps
could not anchor; figure captions become the lesson's captions.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from library.errors import ImportRefused
from library.importer.decode import decode
from library.importer.nesting import flatten
from library.importer.normalise import language_of, normalise
from library.importer.patterns import WORDLIST_HEADING
from library.importer.title import score_html_title
from library.model import TITLE_GUESSED, Anchor, ImportWarning, Lesson

# Elements that never hold article text.
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "form",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "button",
    "input",
    "select",
    "textarea",
    "img",
    "picture",
    "video",
    "audio",
    "source",
    "link",
    "meta",
    "head",
    "aside",
)
# Site chrome by class or id: ads, share widgets, comments, related posts, menus.
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:ad|ads|advert|advertisement|banner|share|sharing|social|sns|comments?|respond|related|"
    r"sidebar|widget|breadcrumbs?|menu|navbar|nav|cookie|newsletter|subscribe|popup|modal|pagination|"
    r"author-box|tags|tagcloud|footer|header|masthead|promo|sponsor|pr-box|toc)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "table",
    "tbody",
    "thead",
    "tr",
    "figure",
    "figcaption",
    "hr",
    "center",
    "address",
    "body",
    "header",
    "footer",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_BOLD = {"b", "strong"}
_SOURCE_WORD = re.compile(r"(?:出典|出所|引用元|参考|参照|Source|来源|出处|출처|參考)\s*[:：]?\s*$", re.IGNORECASE)
_NOTE_OR_SOURCE = re.compile(r"^\s*(?:※\s?\d|\*\s?\d|注\s?\d|\[\d|\(\d|（\d|【)|出典|出所|Source|来源|出处|출처")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)
_POS_CELL = re.compile(
    r"^[(\[（]?(?:n|v|vt|vi|adj|adv|prep|conj|pron|phr|noun|verb|adjective|adverb|名詞?|動詞?|形容詞|副詞|"
    r"名词|动词|형용사|명사|동사|부사)\.?[)\]）]?$",
    re.IGNORECASE,
)


@dataclass
class Extracted:
    """What the page yields before the text steps: its lines and the structure around them."""

    title: str = ""
    title_guessed: bool = False  # the page's title sources disagreed and none was backed by another
    lines: list[str] = field(default_factory=list)
    bold: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


def decode_html(data: bytes) -> tuple[str, str]:
    """Bytes of a page to text: a BOM, then the page's declared charset, then detection."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        m = _META_CHARSET.search(data[:4096])
        if m:
            name = m.group(1).decode("ascii", "replace").lower()
            try:
                codecs.lookup(name)
                return data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(data)


def parse_html(data: bytes, name: str = "") -> Lesson:
    """Bytes of a saved web page to a lesson (not stored)."""
    text, encoding = decode_html(data)
    lesson = lesson_from_html(text)
    lesson.source_name = name
    lesson.encoding = encoding
    return lesson


def lesson_from_html(markup: str) -> Lesson:
    """HTML text to a lesson; ImportRefused when it holds no English article."""
    from library.importer.text import parse_text

    page = extract(markup)
    if not page.lines:
        raise ImportRefused("page has no article text")
    lines = list(page.lines)
    if page.title and language_of(page.title) == "en" and not any(_plain(ln) == page.title for ln in lines[:3]):
        lines.insert(0, "# " + page.title)
    lesson = parse_text("\n\n".join(lines), html_tags=False)  # the parser read the tags: what is left is text
    if page.title and language_of(page.title) == "en":
        lesson.title = page.title
        lesson.warnings = [w for w in lesson.warnings if w.kind != TITLE_GUESSED]  # the page names its title
        if page.title_guessed:
            lesson.warnings.insert(0, ImportWarning(TITLE_GUESSED, page.title, 0.6))
    _captions_from_figures(lesson, page.captions)
    _anchor_by_bold(lesson, page.bold)
    return lesson


def _plain(line: str) -> str:
    return line.lstrip("#").strip()


def extract(markup: str) -> Extracted:
    """The article's lines, title, bold words and figure captions."""
    tree = LexborHTMLParser(flatten(markup))
    out = Extracted()
    title_node = tree.css_first("title")
    og = tree.css_first('meta[property="og:title"]')
    h1 = tree.css_first("article h1, main h1")
    where = "h1_article"
    if h1 is None:
        h1 = tree.css_first("h1")
        where = "h1_outside" if tree.css_first("article, main") is not None else "h1"
    out.title, out.title_guessed = score_html_title(
        normalise(title_node.text()) if title_node is not None else "",
        normalise(og.attributes.get("content") or "") if og is not None else "",
        normalise(h1.text(separator=" ")) if h1 is not None else "",
        where,
    )
    root = _article_root(tree)
    if root is None:
        return out
    for node in list(root.traverse()):
        if node.tag in _DROP_TAGS or (node is not root and _is_chrome(node)):
            node.decompose()
    for tag in ("header", "footer"):
        for node in root.css(tag):
            if node.css_first("h1") is None:
                node.decompose()
    _Walker(out).walk(root)
    return out


def _is_chrome(node: LexborNode) -> bool:
    attrs = node.attributes
    if node.tag in ("header", "footer") and node.css_first("h1") is None:
        return True
    if attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true":
        return True
    role = attrs.get("role") or ""
    if role in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(names.strip()) and bool(_CHROME.search(names))


def _article_root(tree: LexborHTMLParser) -> LexborNode | None:
    """<article> or <main> where the page has one, else the block holding most paragraph text."""
    for selector in ("article", "main", "[role=main]"):
        found = tree.css(selector)
        if found:
            return max(found, key=lambda n: len(n.text()))
    body = tree.body
    if body is None:
        return None
    scores: dict[int, tuple[LexborNode, float]] = {}
    for p in body.css("p, li, h2, h3, td, dd, pre"):
        length = len(p.text(deep=True).strip())
        parent = p.parent
        depth = 1.0
        while parent is not None and depth > 0.2:
            key = parent.mem_id
            node, score = scores.get(key, (parent, 0.0))
            scores[key] = (node, score + length * depth)
            parent = parent.parent
            depth /= 2
    if not scores:
        return body
    best, best_score = max(scores.values(), key=lambda x: x[1])
    if best_score < 0.5 * len(body.text().strip()) * 0.5:
        return body
    return best


class _Walker:
    """Turns an element tree into lines in reading order."""

    def __init__(self, out: Extracted) -> None:
        self.out = out
        self.parts: list[tuple[str, str | None]] = []
        self.heading = 0
        self.caption = False
        self.consumed: set[int] = set()
        self.bold_depth = 0
        self.has_td: dict[int, bool] = {}

    def walk(self, root: LexborNode) -> None:
        """Every node under `root` in document order, with a stack of its own (nesting is as
        deep as the page makes it, past Python's recursion limit): entering a node may push
        its children and then its leaving."""
        stack: list[tuple[LexborNode, bool]] = [(root, True)]
        while stack:
            node, entering = stack.pop()
            if not entering:
                self._leave(node)
            elif self._enter(node):
                stack.append((node, False))
                stack.extend((child, True) for child in reversed(list(node.iter(include_text=True))))

    def _enter(self, node: LexborNode) -> bool:
        """Take in what a node says by itself; whether its children are to be walked."""
        tag = node.tag
        if tag == "-text":
            self.parts.append((node.text(deep=False), None))
            return False
        if tag in ("-comment", "-doctype") or tag in _DROP_TAGS or node.mem_id in self.consumed:
            return False
        if tag == "br":
            self.parts.append(("\n", None))
            return False
        if tag == "a":
            href = (node.attributes.get("href") or "").strip()
            text = node.text(separator=" ")
            self.parts.append((text, href if href.startswith(("http://", "https://")) else None))
            return False
        if tag in _BOLD:
            # Bold inside bold is read once, with the outer one (each would read all below it).
            if not self.bold_depth:
                bold = normalise(node.text(separator=" "))
                if bold and language_of(bold) == "en":
                    self.out.bold.append(bold)
            self.bold_depth += 1
        if tag == "tr":
            self._flush()
            cells = [normalise(c.text(separator=" ")) for c in node.css("td, th")]
            # A header row (only <th> cells) labels the columns; it is layout, not content.
            if node.css_first("td") is not None or not self._has_td(node.parent):
                self._row(cells)
            return False
        if tag == "dt":
            self._flush()
            dd = node.next
            while dd is not None and dd.tag != "dd" and dd.tag == "-text":
                dd = dd.next
            term = normalise(node.text(separator=" "))
            if dd is not None and dd.tag == "dd":
                self._emit(f"{term}: {normalise(dd.text(separator=' '))}")
                self.consumed.add(dd.mem_id)
            else:
                self._emit(term)
            return False
        block = tag in _BLOCK_TAGS
        if block:
            self._flush()
        level = _HEADINGS.get(tag or "", 0)
        if level:
            self.heading = level
        if tag == "figcaption":
            self.caption = True
        return True

    def _leave(self, node: LexborNode) -> None:
        """Close what entering a node opened."""
        tag = node.tag
        if tag in _BLOCK_TAGS:
            self._flush()
        if _HEADINGS.get(tag or "", 0):
            self.heading = 0
        if tag == "figcaption":
            self.caption = False
        if tag in _BOLD:
            self.bold_depth -= 1

    def _has_td(self, table: LexborNode | None) -> bool:
        """Whether a row's parent holds a data cell (asked once per parent, not once per row)."""
        if table is None:
            return False
        key = table.mem_id
        if key not in self.has_td:
            self.has_td[key] = table.css_first("td") is not None
        return self.has_td[key]

    def _row(self, cells: list[str]) -> None:
        cells = [c for c in cells if c]
        if not cells:
            return
        if len(cells) >= 3 and _POS_CELL.match(cells[1]):
            pos = cells[1].strip("()[]（）")
            self._emit(f"{cells[0]} ({pos}) {' '.join(cells[2:])}")
        elif len(cells) == 2:
            self._emit(f"{cells[0]}: {cells[1]}")
        else:
            self._emit(" ".join(cells))

    def _flush(self) -> None:
        if not self.parts:
            return
        parts, self.parts = self.parts, []
        text = "".join(t for t, _ in parts)
        linked = _NOTE_OR_SOURCE.search(text) is not None
        if linked:
            text = ""
            for t, href in parts:
                if href is None or normalise(t) == href:
                    text += t
                elif _SOURCE_WORD.search(text):
                    text += href
                else:
                    text += f"{t} {href}"
        for raw in text.split("\n"):
            line = normalise(raw)
            if not line:
                continue
            if self.caption:
                self.out.captions.append(line)
            if self.heading and language_of(line) == "en" and not WORDLIST_HEADING.match(line):
                self.out.headings.append(line)
                if self.heading == 1 and line == self.out.title:
                    self._emit(f"# {line}")
                else:
                    self._emit(f"{'#' * max(2, self.heading)} {line}")
            else:
                self._emit(line)

    def _emit(self, line: str) -> None:
        line = normalise(line)
        if line:
            self.out.lines.append(line)


def _captions_from_figures(lesson: Lesson, captions: list[str]) -> None:
    """A figure's caption is the lesson's caption, not a paragraph (kept once)."""
    for caption in captions:
        for pos in [i for i, b in enumerate(lesson.blocks) if b.text == caption and not b.translations]:
            remove_block(lesson, pos)
            if caption not in lesson.captions:
                lesson.captions.append(caption)
            break


def remove_block(lesson: Lesson, pos: int) -> None:
    """Take a block out of a lesson, keeping notes anchored to the blocks after it."""
    del lesson.blocks[pos]
    for note in lesson.notes:
        if note.anchor is None:
            continue
        if note.anchor.block == pos:
            note.anchor = None
        elif note.anchor.block > pos:
            note.anchor.block -= 1


def _anchor_by_bold(lesson: Lesson, bold: list[str]) -> None:
    """A note the text steps left unanchored goes on a bold term that the note names."""
    taken = {(n.anchor.block, n.anchor.start) for n in lesson.notes if n.anchor is not None}
    for note in lesson.notes:
        if note.anchor is not None:
            continue
        named = note.text.casefold()
        for term in sorted(set(bold), key=len, reverse=True):
            if term.casefold() not in named:
                continue
            for i, block in enumerate(lesson.blocks):
                m = re.search(rf"\b{re.escape(term)}\b", block.text, re.IGNORECASE)
                if m and (i, m.start()) not in taken:
                    note.anchor = Anchor(i, m.start(), m.end())
                    taken.add((i, m.start()))
                    break
            if note.anchor is not None:
                break
