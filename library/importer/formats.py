"""Which reader a file needs, by its name and its first bytes; and files that hold several lessons."""

from __future__ import annotations

import re
from pathlib import PurePath

from library.errors import ImportRefused
from library.importer.decode import decode
from library.importer.normalise import normalise
from library.importer.posts import find_posts
from library.importer.text import no_cycle_collection, parse_text
from library.model import SEVERAL_POSTS, SITE_TEXT, ImportWarning, Lesson

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
FORMATS = ("text", "html", "epub", "markdown", "tsv", "json")


def is_book(data: bytes, name: str = "") -> bool:
    """Whether a file is a book (an EPUB: one lesson per chapter). Every caller asks this, so
    a file is taken for a book in one place only."""
    from library.importer.epub import is_epub

    return PurePath(name).suffix.lower() == ".epub" or is_epub(data)


def sniff(data: bytes, name: str = "") -> str:
    """'html', 'epub', 'markdown', 'tsv', 'json' or 'text'."""
    from library.importer.tutor import looks_like_json_lesson

    ext = PurePath(name).suffix.lower()
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if is_book(data, name):
        return "epub"
    if ext in (".html", ".htm", ".xhtml", ".shtml", ".mht") or _HTML_START.match(head):
        return "html"
    if ext in (".md", ".markdown", ".mdown"):
        return "markdown"
    if ext == ".tsv":
        return "tsv"
    if ext == ".json" or looks_like_json_lesson(data):
        return "json"
    return "text"


def parse_page(data: bytes, name: str = "", kind: str | None = None) -> Lesson:
    """Bytes of a page to a lesson (not stored); ImportRefused with a one-line reason.
    `kind` is sniff's answer, when the caller has asked it already."""
    kind = kind or sniff(data, name)
    if kind != "text":
        return parse_formatted(data, name, kind)
    text, encoding = decode(data)
    with no_cycle_collection():
        lesson = parse_text(text)
    lesson.source_name = name
    lesson.encoding = encoding
    return lesson


def parse_document(data: bytes, name: str = "") -> list[Lesson]:
    """Bytes of any supported file to its lessons: one, one per chapter for a book, or one
    per post for a page that holds several."""
    from library.importer.epub import read_book

    if is_book(data, name):
        return [chapter.lesson for chapter in read_book(data, name).chapters]
    return [lesson for lesson, _ in parse_pages(data, name)]


def parse_pages(data: bytes, name: str = "", kind: str | None = None) -> list[tuple[Lesson, bytes]]:
    """Bytes of a page to its lessons, each with the bytes it keeps as its source: the page's
    own, or for a page of several posts each post's text (UTF-8); what stood before the first
    post (the site's header) is kept with the first lesson as site text."""
    kind = kind or sniff(data, name)
    if kind != "text":
        return [(parse_formatted(data, name, kind), data)]
    text, encoding = decode(data)
    split = find_posts(text)
    if split.starts:
        posts = _parse_posts(text, split.starts, name, split.labelled)
        if posts is not None:
            return posts
    with no_cycle_collection():
        lesson = parse_text(text)
    lesson.source_name = name
    lesson.encoding = encoding
    # Posts were found, but not in one template, or not each with English prose of its own
    # (or one of them was refused alone): one lesson, and the report says so.
    unsure = split.unsure or (normalise(text.split("\n")[split.starts[0]].strip()) if split.starts else "")
    if unsure:
        lesson.warnings.append(ImportWarning(SEVERAL_POSTS, unsure, 0.5))
    return [(lesson, data)]


def _parse_posts(
    text: str, starts: tuple[int, ...], name: str, labelled: bool = False
) -> list[tuple[Lesson, bytes]] | None:
    """One lesson per post, or None when a post is refused on its own (the page is then one lesson).
    `labelled`: each post opens with its section's label (`Keyword: harvest`), kept aside."""
    raw = text.split("\n")
    out: list[tuple[Lesson, bytes]] = []
    for k, (a, b) in enumerate(zip(starts, [*starts[1:], len(raw)], strict=True)):
        label = normalise(raw[a].strip()) if labelled else ""
        a += 1 if labelled else 0
        try:
            with no_cycle_collection():
                lesson = parse_text("\n".join(raw[a:b]))
        except ImportRefused:
            return None
        if label:
            lesson.dropped.insert(0, label)
        if k == 0:
            # Before the first post: the site's name, menus, a greeting. Kept with it as site text.
            header = [normalise(t.strip()) for t in raw[: starts[0]] if t.strip()]
            lesson.dropped[:0] = header
            lesson.warnings[:0] = [ImportWarning(SITE_TEXT, t, 0.6) for t in header]
        lesson.source_name = name
        lesson.encoding = "utf-8"  # the post's text, as stored
        # Its own text only, so that importing it again (from a lesson pack) gives the same lesson.
        out.append((lesson, "\n".join(raw[a:b]).encode("utf-8")))
    return out


def parse_formatted(data: bytes, name: str, kind: str) -> Lesson:
    """One lesson from a file that is not plain text (an EPUB gives its chapters as sections)."""
    from library.importer.epub import book_as_one_lesson, read_book
    from library.importer.html import parse_html
    from library.importer.markdown import parse_markdown
    from library.importer.tutor import parse_json, parse_tsv

    if kind == "epub":
        return book_as_one_lesson(read_book(data, name))
    readers = {"html": parse_html, "markdown": parse_markdown, "tsv": parse_tsv, "json": parse_json}
    return readers[kind](data, name)
