"""Hostile containers and structured files, made at test time: EPUBs, lesson packs, JSON lessons,
dictionaries. docs/robustness.md lists what the app does with each.

Each maker writes one file into a folder and returns its path.
"""

from __future__ import annotations

import base64
import io
import json
import random
import struct
import zipfile
from pathlib import Path
from typing import Any

from library.importer.epub import write_epub
from library.packs import FORMAT

PAGE = b"Town Gets a New Library\n\nThe town of Elm opened a new library on Monday.\n"


def chapter(body: str, title: str = "Chapter", declaration: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    """An XHTML chapter."""
    return (f'{declaration}<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head>'
            f"<body>{body}</body></html>")


def english(n: int, seed: int = 1) -> str:
    """`n` paragraphs of English of a few words each, different every time (so they compress as text does)."""
    rng = random.Random(seed)
    words = ("the city park river opened families walked children played grass officials said years build "
             "new beside water morning library town council people market school").split()
    return "".join(f"<p>{' '.join(rng.choice(words) for _ in range(12)).capitalize()}.</p>" for _ in range(n))


def _epub_with(members: dict[str, bytes | str], spine: list[str]) -> bytes:
    """An EPUB whose package lists `spine` (member names under OEBPS/) in reading order."""
    items = "".join(f'<item id="i{k}" href="{n}" media-type="application/xhtml+xml"/>'
                    for k, n in enumerate(dict.fromkeys(spine)))
    ids = {n: f"i{k}" for k, n in enumerate(dict.fromkeys(spine))}
    refs = "".join(f'<itemref idref="{ids[n]}"/>' for n in spine)
    opf = ('<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Hostile book</dc:title></metadata>'
           f"<manifest>{items}</manifest><spine>{refs}</spine></package>")
    container = ('<?xml version="1.0"?><container version="1.0"'
                 ' xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                 '<rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml", container, zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/content.opf", opf, zipfile.ZIP_DEFLATED)
        for name, data in members.items():
            z.writestr(f"OEBPS/{name}", data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def epub_spine_repeat(folder: Path) -> Path:
    """One ~1 MB chapter listed 200 times in the spine."""
    p = folder / "spine_repeat.epub"
    p.write_bytes(_epub_with({"c.xhtml": chapter(english(9000))}, ["c.xhtml"] * 200))
    return p


def _replace_member(data: bytes, name: str, xml: str) -> bytes:
    """The EPUB `data` with member `name` replaced by `xml`."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            z.writestr(info, xml if info.filename == name else src.read(info), info.compress_type)
    return out.getvalue()


def _good_epub() -> bytes:
    return write_epub("Park book", [("c1.xhtml", chapter(english(5)))])


def epub_xxe(folder: Path) -> Path:
    """container.xml reads /etc/passwd through an external entity."""
    p = folder / "xxe.epub"
    p.write_bytes(_replace_member(_good_epub(), "META-INF/container.xml",
                                  '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                  '<container><rootfiles><rootfile full-path="&x;"/></rootfiles></container>'))
    return p


def epub_billion_laughs(folder: Path) -> Path:
    """content.opf with nested entities that expand to gigabytes."""
    lol = '<!ENTITY a "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9))
    p = folder / "billion_laughs.epub"
    p.write_bytes(_replace_member(_good_epub(), "OEBPS/content.opf",
                                  f'<?xml version="1.0"?><!DOCTYPE package [{lol}]>'
                                  '<package><metadata><title>&j;</title></metadata></package>'))
    return p


def epub_malformed_xml(folder: Path) -> Path:
    """container.xml that is not well-formed."""
    p = folder / "malformed_xml.epub"
    p.write_bytes(_replace_member(_good_epub(), "META-INF/container.xml", "<container><rootfiles><rootfile"))
    return p


def _zip_one(name: str, data: bytes, method: int) -> tuple[bytes, int]:
    """A zip holding the EPUB's usual members and `name`; also where `name`'s data starts."""
    base = zipfile.ZipFile(io.BytesIO(_good_epub()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in base.infolist():
            if info.filename != f"OEBPS/{name}":
                z.writestr(info, base.read(info), info.compress_type)
        z.writestr(f"OEBPS/{name}", data, method)
    raw = out.getvalue()
    start = raw.rindex(b"PK\x03\x04", 0, raw.index(f"OEBPS/{name}".encode()))  # its local header
    name_len, extra_len = struct.unpack_from("<HH", raw, start + 26)
    return raw, start + 30 + name_len + extra_len


def epub_corrupt_deflate(folder: Path) -> Path:
    """The chapter's deflate stream has garbage in the middle."""
    raw, at = _zip_one("c1.xhtml", chapter(english(400)).encode(), zipfile.ZIP_DEFLATED)
    data = bytearray(raw)
    data[at + 40: at + 80] = b"\xff" * 40
    p = folder / "corrupt_deflate.epub"
    p.write_bytes(bytes(data))
    return p


def epub_bad_crc(folder: Path) -> Path:
    """A stored chapter with one byte changed (its CRC no longer matches)."""
    raw, at = _zip_one("c1.xhtml", chapter(english(5)).encode(), zipfile.ZIP_STORED)
    data = bytearray(raw)
    data[at + 200] ^= 0x20
    p = folder / "bad_crc.epub"
    p.write_bytes(bytes(data))
    return p


def epub_unknown_method(folder: Path) -> Path:
    """The chapter says it is compressed with method 99 (no such method)."""
    raw, at = _zip_one("c1.xhtml", chapter(english(5)).encode(), zipfile.ZIP_STORED)
    data = bytearray(raw)
    struct.pack_into("<H", data, raw.rindex(b"PK\x03\x04", 0, at) + 8, 99)  # the local header's method
    central = raw.rindex(b"PK\x01\x02", 0, raw.rindex(b"OEBPS/c1.xhtml"))  # and the central directory's
    struct.pack_into("<H", data, central + 10, 99)
    p = folder / "unknown_method.epub"
    p.write_bytes(bytes(data))
    return p


JA = "市は月曜日、川沿いに新しい公園を開きました。"
EN = "The city opened a new park beside the river on Monday."


def epub_encoded(folder: Path, encoding: str) -> Path:
    """A chapter written in `encoding` (UTF-16 with its mark, or Shift_JIS), declared in its XML."""
    body = f"<h1>The River Park</h1><p>{EN}</p><p>{JA}</p><p>Families walked along the water.</p>"
    text = chapter(body, "The River Park", f'<?xml version="1.0" encoding="{encoding}"?>')
    data = text.encode("utf-16") if encoding == "UTF-16" else text.encode(encoding)
    p = folder / f"chapter_{encoding.lower().replace('-', '_')}.epub"
    p.write_bytes(_epub_with({"c.xhtml": data}, ["c.xhtml"]))
    return p


# --- lesson packs ------------------------------------------------------------------------

def pack(path: Path, members: dict[str, bytes], manifest: dict[str, Any], method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A pack with these members and manifest."""
    with zipfile.ZipFile(path, "w", method) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def manifest(*entries: dict[str, Any], version: Any = 1) -> dict[str, Any]:
    """A pack manifest listing `entries`."""
    return {"format": FORMAT, "version": version, "lessons": list(entries)}


def entry(source: str = "lessons/1/source", name: str = "a.txt", edits: str | None = None) -> dict[str, Any]:
    """One manifest entry."""
    return {"source": source, "source_name": name, **({"edits": edits} if edits else {})}


def noise_page(size: int, seed: int = 2) -> bytes:
    """An English page of about `size` bytes that compresses only ~1.3× (so no ratio check stops it)."""
    rng = random.Random(seed)
    words = base64.b32encode(rng.randbytes(size * 5 // 8)).decode().lower()
    body = " ".join(words[i: i + 7] for i in range(0, len(words), 7))
    return (PAGE.decode() + "\n" + body[:size]).encode()


def pack_shared_member(folder: Path, entries: int, size: int) -> Path:
    """`entries` manifest entries that all name one member of `size` bytes."""
    return pack(folder / "shared_member.studypack", {"lessons/1/source": noise_page(size)},
                manifest(*[entry() for _ in range(entries)]))


def pack_long_version(folder: Path) -> Path:
    """A manifest whose version is a 5,001-digit number."""
    path = folder / "long_version.studypack"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", f'{{"format": "{FORMAT}", "version": 1{"0" * 5000}, "lessons": []}}')
        zf.writestr("lessons/1/source", PAGE)
    return path


def pack_corrupt_deflate(folder: Path) -> Path:
    """A pack whose source member's deflate stream is damaged."""
    path = pack(folder / "corrupt_deflate.studypack", {"lessons/1/source": noise_page(40000)}, manifest(entry()))
    raw = bytearray(path.read_bytes())
    at = raw.rindex(b"lessons/1/source", 0, raw.index(b"PK\x01\x02")) + len("lessons/1/source")
    raw[at + 300: at + 340] = b"\x00" * 40
    path.write_bytes(bytes(raw))
    return path


def pack_nested_bad_epub(folder: Path) -> Path:
    """A pack whose lesson is an EPUB with malformed XML."""
    bad = _replace_member(_good_epub(), "META-INF/container.xml", "<container><rootfiles><rootfile")
    return pack(folder / "nested_bad_epub.studypack", {"lessons/1/source": bad}, manifest(entry(name="book.epub")))


def pack_with_edits(folder: Path, name: str, edits: dict[str, Any]) -> Path:
    """A pack of one page whose edits file holds `edits`."""
    members = {"lessons/1/source": PAGE, "lessons/1/edits.json": json.dumps(edits).encode()}
    return pack(folder / f"{name}.studypack", members, manifest(entry(edits="lessons/1/edits.json")))


# --- JSON lessons ------------------------------------------------------------------------

GOOD_BLOCK = {"text": EN, "translations": {"ja": JA}}

MALFORMED_JSON: dict[str, str] = {
    "captions_a_number": json.dumps({"blocks": [GOOD_BLOCK], "captions": 5}),
    "title_an_object": json.dumps({"title": {"a": 1}, "blocks": [GOOD_BLOCK]}),
    "note_text_a_list": json.dumps({"blocks": [GOOD_BLOCK], "notes": [{"marker": "※1", "text": ["a", "note"]}]}),
    "translations_a_list": json.dumps({"blocks": [{"text": EN, "translations": ["ja", JA]}]}),
    "translation_a_number": json.dumps({"blocks": [{"text": EN, "translations": {"ja": 5}}]}),
    "notes_a_number": json.dumps({"blocks": [GOOD_BLOCK], "notes": 5}),
    "anchor_block_a_word": json.dumps({"blocks": [GOOD_BLOCK], "notes": [
        {"marker": "※1", "text": "a note", "anchor": {"block": "first", "text": "park"}}]}),
    "source_url_a_number": json.dumps({"blocks": [GOOD_BLOCK], "notes": [
        {"marker": "※1", "text": "a note", "anchor": "park", "source_url": 42}]}),
    "glossary_term_a_list": json.dumps({"blocks": [GOOD_BLOCK], "glossary": [{"term": ["park"]}]}),
    "language_a_list": json.dumps({"blocks": [GOOD_BLOCK], "translation_language": ["ja"]}),
    "nested_too_deep": '{"blocks": [' + "[" * 100000 + "]" * 100000 + "]}",
    "number_of_5001_digits": '{"blocks": [{"text": "x"}], "x": 1' + "0" * 5000 + "}",
}


def json_lesson(folder: Path, name: str, text: str) -> Path:
    """A .json lesson file."""
    p = folder / f"{name}.json"
    p.write_text(text, encoding="utf-8")
    return p


def dictionary_csv(path: Path, rows: int, seed: int = 3) -> Path:
    """A learner's dictionary of `rows` distinct rows."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("english,japanese,reading,note\n")
        for n in range(rows):
            word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
            fh.write(f"{word}{n % 97},公園{n},こうえん,a note about {word}\n")
    return path
