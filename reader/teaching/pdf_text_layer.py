"""The text layer of the PDFs the app writes: kanji that copy, search and read aloud as themselves.

Qt's PDF engine writes each font's ToUnicode map from the font's own character map, taking the
lowest code point drawn with a glyph. Japanese fonts such as IPAex draw a Kangxi radical (⼼ U+2F3C)
or a CJK radical (⻄ U+2EC4) and its ideograph (心, 西) with one glyph, so the PDF prints right but
its text says ⼼ and ⻄: a learner's copied sentence no longer matches the dictionary or a search.

`fix_text_layer` rewrites those maps after the PDF is written: each radical becomes the ideograph
that shares its glyph in that font (the NFKC equivalent where it is one of them), or for a Kangxi
radical of a font not found here, its NFKC equivalent. The objects are put back with new stream
lengths and a new cross-reference table; a PDF of any other make is left as it is."""

from __future__ import annotations

import logging
import os
import re
import unicodedata
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

KANGXI = range(0x2F00, 0x2FE0)
SUPPLEMENT = range(0x2E80, 0x2F00)
# The ideographs a radical may share a glyph with: the unified block and extension A.
IDEOGRAPHS = "".join(map(chr, [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)]))

_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_XREF_ROW = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")


def is_radical(char: str) -> bool:
    return ord(char) in KANGXI or ord(char) in SUPPLEMENT


def _plain(name: str) -> str:
    """A font's name as compared: no spaces, no case, no style after a hyphen ("NotoSansCJKjp-Regular")."""
    return name.split("-")[0].replace(" ", "").lower()


@lru_cache(maxsize=16)
def font_radicals(base_font: str) -> dict[str, str]:
    """Each radical the font draws with an ideograph's glyph, and that ideograph ({} if the font is not here).

    The PDF names a font by its PostScript name (IPAexGothic, DejaVuSans): the installed family
    of that name without its spaces is the one printed with."""
    from PySide6.QtGui import QFont, QFontDatabase, QRawFont

    family = next((f for f in QFontDatabase.families() if _plain(f) == _plain(base_font)), None)
    if family is None:
        return {}
    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid() or _plain(raw.familyName()) != _plain(base_font):
        return {}
    by_glyph: dict[int, str] = {}
    for char, glyph in zip(IDEOGRAPHS, raw.glyphIndexesForString(IDEOGRAPHS), strict=True):
        if glyph:
            by_glyph.setdefault(glyph, char)
    radicals = "".join(map(chr, [*SUPPLEMENT, *KANGXI]))
    found: dict[str, str] = {}
    for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True):
        if not glyph or glyph not in by_glyph:
            continue
        nfkc = unicodedata.normalize("NFKC", char)
        same = len(nfkc) == 1 and nfkc != char and raw.glyphIndexesForString(nfkc)[0] == glyph
        found[char] = nfkc if same else by_glyph[glyph]
    return found


def ideograph_for(base_font: str) -> Callable[[str], str]:
    """The character a radical in this font's text stands for (other characters unchanged)."""
    shared = font_radicals(base_font)

    def fix(char: str) -> str:
        if char in shared:
            return shared[char]
        if ord(char) in KANGXI:
            return unicodedata.normalize("NFKC", char)
        return char

    return fix


def _fix_hex(hexdigits: bytes, fix: Callable[[str], str]) -> bytes:
    if len(hexdigits) % 4:
        return hexdigits
    text = bytes.fromhex(hexdigits.decode("ascii")).decode("utf-16-be", errors="surrogatepass")
    fixed = "".join(fix(c) for c in text)
    return hexdigits if fixed == text else fixed.encode("utf-16-be").hex().upper().encode("ascii")


def fix_cmap(cmap: bytes, fix: Callable[[str], str]) -> bytes:
    """A ToUnicode CMap with its destinations' radicals replaced (source codes untouched)."""

    def fix_chars(section: re.Match[bytes]) -> bytes:
        body = section.group(2)
        # each line: <code> <destination>
        out = re.sub(rb"(<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]*)>",
                     lambda m: m.group(1) + b"<" + _fix_hex(m.group(2), fix) + b">", body)
        return section.group(1) + out + section.group(3)

    def fix_ranges(section: re.Match[bytes]) -> bytes:
        def one(m: re.Match[bytes]) -> bytes:
            low, high, rest = m.group(1), m.group(2), m.group(3)
            if rest.startswith(b"["):
                return b"<%s> <%s> " % (low, high) + _HEX.sub(lambda h: b"<" + _fix_hex(h.group(1), fix) + b">", rest)
            start = _HEX.fullmatch(rest)
            if start is None or len(start.group(1)) != 4:
                return m.group(0)
            first, count = int(start.group(1), 16), int(high, 16) - int(low, 16) + 1
            if not any(is_radical(chr(first + i)) for i in range(count) if first + i < 0xD800):
                return m.group(0)
            items = b" ".join(b"<" + _fix_hex(b"%04X" % (first + i), fix) + b">" for i in range(count))
            return b"<%s> <%s> [%s]" % (low, high, items)

        body = re.sub(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)", one, section.group(2))
        return section.group(1) + body + section.group(3)

    cmap = re.sub(rb"(beginbfchar)(.*?)(endbfchar)", fix_chars, cmap, flags=re.S)
    return re.sub(rb"(beginbfrange)(.*?)(endbfrange)", fix_ranges, cmap, flags=re.S)


class _Pdf:
    """A PDF with one classic cross-reference table, cut into its objects (as Qt writes them)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        at = data.rindex(b"startxref")
        self.xref_at = int(data[at + len(b"startxref"):].split()[0])
        if not data.startswith(b"xref", self.xref_at):
            raise ValueError("not a classic cross-reference table")
        trailer = data.index(b"trailer", self.xref_at)
        self.trailer = data[trailer:at]
        if b"/Prev" in self.trailer:
            raise ValueError("an updated PDF")
        self.rows: list[tuple[int, int, bytes]] = []  # (object number, offset, n/f)
        lines = data[self.xref_at + 4:trailer].split(b"\n")
        number = 0
        for line in (raw.strip() for raw in lines):
            if not line:
                continue
            row = _XREF_ROW.match(line)
            if row is None:
                number = int(line.split()[0])
                continue
            self.rows.append((number, int(row.group(1)), row.group(3)))
            number += 1
        used = sorted((offset, num) for num, offset, kind in self.rows if kind == b"n")
        if not used:
            raise ValueError("no objects")
        self.head = data[:used[0][0]]
        self.objects: dict[int, bytes] = {}
        self.order = [num for _, num in used]
        for (offset, num), end in zip(used, [o for o, _ in used[1:]] + [self.xref_at], strict=True):
            chunk = data[offset:end]
            found = _OBJ.match(chunk)
            if found is None or int(found.group(1)) != num:
                raise ValueError(f"object {num} is not where the table says")
            self.objects[num] = chunk

    def integer(self, num: int) -> int:
        return int(self.objects[num].split(b"obj", 1)[1].split(b"endobj")[0].strip())

    def stream(self, num: int) -> tuple[bytes, bytes, bytes]:
        """An object's dictionary, its stream's bytes (decoded) and what its filter is."""
        chunk = self.objects[num]
        start = chunk.index(b"<<")
        head = re.match(rb"(<<.*?>>)\s*stream\r?\n", chunk[start:], re.S)
        if head is None:
            raise ValueError(f"object {num} has no stream")
        dictionary = head.group(1)
        length = re.search(rb"/Length\s+(\d+)(\s+(\d+)\s+R)?", dictionary)
        if length is None:
            raise ValueError(f"object {num} has no length")
        size = self.integer(int(length.group(1))) if length.group(2) else int(length.group(1))
        body = chunk[start + head.end():start + head.end() + size]
        flate = b"/FlateDecode" in dictionary
        if b"/Filter" in dictionary and not flate:
            raise ValueError(f"object {num} has a filter other than Flate")
        return dictionary, zlib.decompress(body) if flate else body, b"flate" if flate else b""

    def set_stream(self, num: int, dictionary: bytes, content: bytes, kind: bytes) -> None:
        body = zlib.compress(content) if kind == b"flate" else content
        dictionary = re.sub(rb"/Length\s+\d+(\s+\d+\s+R)?", b"/Length %d" % len(body), dictionary, count=1)
        self.objects[num] = b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (num, dictionary, body)

    def to_bytes(self) -> bytes:
        out, offsets = bytearray(self.head), {}
        for num in self.order:
            offsets[num] = len(out)
            out += self.objects[num]
        xref_at = len(out)
        out += b"xref\n"
        rows = sorted(self.rows)
        first = 0
        while first < len(rows):  # one subsection for each run of numbers
            last = first
            while last + 1 < len(rows) and rows[last + 1][0] == rows[last][0] + 1:
                last += 1
            out += b"%d %d\n" % (rows[first][0], last - first + 1)
            for num, offset, kind in rows[first:last + 1]:
                generation = b"65535" if kind == b"f" and num == 0 else b"00000"
                where = offsets[num] if kind == b"n" else offset
                out += b"%010d %s %s \n" % (where, generation, kind)
            first = last + 1
        out += self.trailer + b"startxref\n%d\n%%%%EOF\n" % xref_at
        return bytes(out)


def fix_pdf_bytes(data: bytes) -> bytes:
    """The PDF with every font's ToUnicode radicals replaced by their ideographs (unchanged if none)."""
    try:
        pdf = _Pdf(data)
    except (ValueError, IndexError) as error:
        log.info("PDF text layer left as it is: %s", error)
        return data
    changed = False
    for num in list(pdf.order):
        chunk = pdf.objects[num]
        target = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", chunk)
        if target is None or int(target.group(1)) not in pdf.objects:
            continue
        name = re.search(rb"/BaseFont\s*/([^\s/<>\[\]()]+)", chunk)
        base = name.group(1).decode("latin-1").split("+")[-1] if name else ""
        try:
            dictionary, cmap, kind = pdf.stream(int(target.group(1)))
        except (ValueError, zlib.error) as error:
            log.info("a ToUnicode map left as it is: %s", error)
            continue
        fixed = fix_cmap(cmap, ideograph_for(base))
        if fixed != cmap:
            pdf.set_stream(int(target.group(1)), dictionary, fixed, kind)
            changed = True
    return pdf.to_bytes() if changed else data


def fix_text_layer(path: Path) -> None:
    """Rewrite a PDF written here so that its text copies as it prints (see the module's text)."""
    data = path.read_bytes()
    fixed = fix_pdf_bytes(data)
    if fixed is data:
        return
    part = path.with_name(path.name + ".text-layer")
    part.write_bytes(fixed)
    os.replace(part, path)
