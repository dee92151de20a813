"""EPUB books: the zip of XHTML they are. One lesson per chapter, in spine order.

A chapter is the unit a learner reads in one sitting and the unit its translations,
notes and word list belong to; one lesson per chapter keeps each chapter's progress,
search hits and glossary apart and keeps a 100,000-word book from becoming one huge
article. Chapters share a book title so the library can group them.

The zip is read with limits: entry count, sizes, compression ratio, and paths that
would leave the book are refused, so a hostile file cannot exhaust memory or disk.
"""

from __future__ import annotations

import codecs
import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from html import escape
from xml.etree import ElementTree as ET
from xml.parsers import expat

from library.errors import ImportRefused
from library.importer.html import lesson_from_html
from library.importer.normalise import normalise
from library.model import Block, Lesson

MAX_ENTRIES = 5000
MAX_ENTRY_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 100
_XHTML = ("application/xhtml+xml", "text/html")


@dataclass
class Chapter:
    """One chapter's lesson and the XHTML bytes it was read from."""

    lesson: Lesson
    data: bytes
    href: str


@dataclass
class Book:
    """A book's title and its chapters in reading order."""

    title: str
    chapters: list[Chapter] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def is_epub(data: bytes) -> bool:
    """A zip whose first entry is `mimetype` holding application/epub+zip (or that says so anywhere)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    return b"application/epub+zip" in data[:200]


def read_book(data: bytes, name: str = "") -> Book:
    """Bytes of an EPUB to its chapters' lessons; ImportRefused with a one-line reason."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, NotImplementedError, EOFError, ValueError) as exc:  # damaged, or a zip version
        raise ImportRefused("file is not a readable EPUB (the zip is damaged)") from exc
    with archive:
        names = _checked_names(archive)
        budget = _Budget()
        container = _read(archive, names, "META-INF/container.xml", budget)
        rootfile = _first(_xml(container, "META-INF/container.xml"), "rootfile")
        opf_path = _safe_path(rootfile.get("full-path", "") if rootfile is not None else "")
        if not opf_path or opf_path not in names:
            raise ImportRefused("EPUB has no package file (META-INF/container.xml names none that exists)")
        opf = _xml(_read(archive, names, opf_path, budget), opf_path)
        base = posixpath.dirname(opf_path)
        title_el = _first(opf, "title")
        title = normalise(title_el.text or "") if title_el is not None else ""
        manifest: dict[str, tuple[str, str, str]] = {}
        for item in _all(opf, "item"):
            href = _safe_path(posixpath.join(base, item.get("href", "")))
            manifest[item.get("id", "")] = (href, item.get("media-type", ""), item.get("properties", ""))
        book = Book(title=title or name)
        spine = [ref.get("idref", "") for ref in _all(opf, "itemref") if ref.get("linear", "yes") != "no"]
        seen: set[str] = set()
        for idref in spine:
            href, media, props = manifest.get(idref, ("", "", ""))
            if not href or media not in _XHTML or "nav" in props.split() or href not in names or href in seen:
                continue  # a chapter the spine lists again is the same chapter: one lesson, read once
            seen.add(href)
            raw = _read(archive, names, href, budget)
            text, encoding = chapter_text(raw)
            try:
                lesson = lesson_from_html(text)
            except ImportRefused:
                book.skipped.append(href)  # a cover, a table of contents, a page with no English
                continue
            lesson.source_name = f"{name}#{posixpath.basename(href)}" if name else posixpath.basename(href)
            lesson.encoding = encoding
            book.chapters.append(Chapter(lesson, raw, href))
    if not book.chapters:
        raise ImportRefused("EPUB has no chapters with English text")
    for k, chapter in enumerate(book.chapters, start=1):
        if not chapter.lesson.title or chapter.lesson.title == book.title:
            chapter.lesson.title = f"{book.title} — {k}"
    return book


def book_as_one_lesson(book: Book) -> Lesson:
    """The whole book as one lesson with a heading per chapter (for callers that want one)."""
    out = Lesson(title=book.title, source_name=book.title, encoding="utf-8")
    for chapter in book.chapters:
        lesson = chapter.lesson
        offset = len(out.blocks) + 1
        out.blocks.append(Block("heading", lesson.title))
        out.blocks += lesson.blocks
        for note in lesson.notes:
            if note.anchor is not None:
                note.anchor.block += offset
            out.notes.append(note)
        out.captions += [c for c in lesson.captions if c not in out.captions]
        out.glossary += lesson.glossary
        out.unplaced += lesson.unplaced
        out.dropped += lesson.dropped
        out.translation_language = out.translation_language or lesson.translation_language
    return out


def _checked_names(archive: zipfile.ZipFile) -> set[str]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ImportRefused(f"EPUB has too many files ({len(infos)}; the limit is {MAX_ENTRIES})")
    total = 0
    names: set[str] = set()
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_ENTRY_BYTES or total > MAX_TOTAL_BYTES:
            raise ImportRefused("EPUB unpacks to more than the size limit (a zip bomb or a damaged file)")
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise ImportRefused("EPUB is compressed beyond any real book's ratio (a zip bomb)")
        safe = _safe_path(info.filename)
        if safe:
            names.add(safe)
    return names


def _safe_path(path: str) -> str:
    """A path inside the book, or '' for one that would leave it (absolute, `..`, drive letters)."""
    path = path.replace("\\", "/").split("#", 1)[0]
    norm = posixpath.normpath(path) if path else ""
    if not norm or norm.startswith(("/", "../")) or norm == ".." or ":" in norm.split("/", 1)[0]:
        return ""
    return norm


class _Budget:
    """What has been unpacked so far: the limit counts what is read, not what the zip declares."""

    def __init__(self) -> None:
        self.read = 0

    def spend(self, n: int) -> None:
        """Count `n` more bytes read; ImportRefused past MAX_TOTAL_BYTES."""
        self.read += n
        if self.read > MAX_TOTAL_BYTES:
            raise ImportRefused("EPUB unpacks to more than the size limit (a zip bomb or a damaged file)")


def _read(archive: zipfile.ZipFile, names: set[str], path: str, budget: _Budget) -> bytes:
    if path not in names:
        raise ImportRefused(f"EPUB is missing {path}")
    info = archive.getinfo(path)
    try:
        with archive.open(info) as fh:
            data = fh.read(MAX_ENTRY_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as exc:
        # a bad CRC, corrupt deflate data, an unknown compression method, an encrypted entry
        reason = " ".join(str(exc).split())[:120]
        raise ImportRefused(f"EPUB's {path} cannot be unpacked (the zip is damaged: {reason})") from exc
    if len(data) > MAX_ENTRY_BYTES:
        raise ImportRefused("EPUB unpacks to more than the size limit (a zip bomb or a damaged file)")
    budget.spend(len(data))
    return data


class _EntityDeclared(Exception):
    """An XML file of the book declares entities."""


def _refuse_entities(*_args: object) -> None:
    raise _EntityDeclared


def _xml(data: bytes, path: str) -> ET.Element:
    """A package file's XML; ImportRefused for XML that is not well-formed or that declares entities
    (a real book's container and package files need none; declared ones are how XML bombs and
    external-entity reads work)."""
    check = expat.ParserCreate()
    check.EntityDeclHandler = _refuse_entities
    check.ExternalEntityRefHandler = _refuse_entities  # type: ignore[assignment]
    try:
        check.Parse(data, True)
        return ET.fromstring(data)
    except _EntityDeclared as exc:
        raise ImportRefused(f"EPUB's {path} declares XML entities (an XML bomb or an external entity)") from exc
    except (expat.ExpatError, ET.ParseError, ValueError, LookupError) as exc:  # Lookup: an unknown encoding
        reason = " ".join(str(exc).split())[:120]
        raise ImportRefused(f"EPUB's {path} is not well-formed XML ({reason})") from exc


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)


def chapter_text(raw: bytes) -> tuple[str, str]:
    """A chapter's text and encoding: its byte-order mark, else its XML declaration or meta charset
    (the XHTML rules), else UTF-8; bytes that do not decode become U+FFFD."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(encoding, errors="replace"), encoding.replace("-le", "").replace("-be", "")
    if raw.startswith((b"<\0?\0", b"\0<\0?")):  # UTF-16 without a mark: the declaration itself tells
        encoding = "utf-16-le" if raw[0] else "utf-16-be"
        return raw.decode(encoding, errors="replace"), "utf-16"
    found = _DECLARED.match(raw.lstrip()[:300]) or _META_CHARSET.search(raw[:2048])
    encoding = "utf-8"
    if found:
        try:
            info = codecs.lookup(found.group(1).decode("ascii"))
            # not a bytes-to-bytes codec (base64, zlib), nor UTF-16/32 on bytes that had no NULs above
            if info._is_text_encoding and "utf-16" not in info.name and "utf-32" not in info.name:
                encoding = info.name
        except LookupError:
            pass
    try:
        return raw.decode(encoding, errors="replace"), encoding
    except (UnicodeError, LookupError):
        return raw.decode("utf-8", errors="replace"), "utf-8"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _first(root: ET.Element, name: str) -> ET.Element | None:
    return next((el for el in root.iter() if _local(el.tag) == name), None)


def _all(root: ET.Element, name: str) -> list[ET.Element]:
    return [el for el in root.iter() if _local(el.tag) == name]


def write_epub(title: str, chapters: list[tuple[str, str]]) -> bytes:
    """A minimal valid EPUB 3 from (file name, XHTML text) chapters, in that order."""
    out = io.BytesIO()
    items = "".join(
        f'<item id="c{i}" href="{name}" media-type="application/xhtml+xml"/>' for i, (name, _) in enumerate(chapters)
    )
    refs = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
    opf = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">study-reader</dc:identifier><dc:title>{escape(title)}</dc:title>'
        "<dc:language>en</dc:language></metadata>"
        f"<manifest>{items}</manifest><spine>{refs}</spine></package>"
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", container, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/content.opf", opf, compress_type=zipfile.ZIP_DEFLATED)
        for name, text in chapters:
            z.writestr(f"OEBPS/{name}", text, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
