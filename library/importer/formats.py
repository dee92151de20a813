"""Which reader a file needs, by its name and its first bytes; and files that hold several lessons."""

from __future__ import annotations

import re
from pathlib import PurePath

from library.importer.decode import decode
from library.importer.text import no_cycle_collection, parse_text
from library.model import Lesson

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
    """Bytes of any supported file to its lessons: one, or one per chapter for a book."""
    from library.importer.epub import read_book

    if is_book(data, name):
        return [chapter.lesson for chapter in read_book(data, name).chapters]
    return [parse_page(data, name)]


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
