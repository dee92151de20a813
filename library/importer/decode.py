"""Step 1: bytes to text. BOMs first, then strict UTF-8, then a charset detector."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from library.errors import ImportRefused
from library.limits import MAX_BYTES

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")

# Encodings learner pages come in; limiting the detector to them keeps it from picking
# an exotic code page for a short Japanese or Chinese page.
CANDIDATES = [
    "cp932",
    "shift_jis",
    "euc_jp",
    "iso2022_jp",
    "gb18030",
    "big5",
    "euc_kr",
    "utf_16",
    "cp1252",
    "latin_1",
]


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); ImportRefused with a one-line reason if it is not text."""
    if len(data) > MAX_BYTES:
        raise ImportRefused(f"file is too large ({len(data) // (1024 * 1024)} MB; the limit is 64 MB)")
    if not data.strip():
        raise ImportRefused("file is empty")
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise ImportRefused(f"file starts as {name} but is not valid {name} text") from exc
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        even = data[: len(data) - len(data) % 2]  # a file cut off mid-character loses only that byte
        try:
            return _checked(even.decode(utf16), utf16)
        except UnicodeDecodeError as exc:
            raise ImportRefused(f"file looks like {utf16} text but is not valid {utf16}") from exc
    if b"\x00" in data:
        raise ImportRefused("file is binary, not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    nearly = _nearly_utf8(data)
    if nearly is not None:
        return _checked(nearly, "utf-8")
    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is None:
        raise ImportRefused("cannot tell the file's text encoding (not UTF-8, Shift_JIS, EUC-JP, GB18030 or Big5)")
    return _checked(str(best), best.encoding)


def _nearly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a stray byte, a page pasted together), the bad ones shown as
    U+FFFD; None unless the rest is plainly UTF-8. In a page in another encoding (cp1252,
    Shift_JIS) most non-ASCII bytes do not decode as UTF-8; here nearly all of them do."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    decoded = len(text) - len(text.encode("ascii", "ignore")) - bad  # non-ASCII characters that decoded
    if bad <= max(8, len(text) // 2000) and decoded >= 5 * bad:
        return text
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes in every other position."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Refuse text that is mostly control characters (a binary file that decoded by chance)."""
    if not text.strip():
        raise ImportRefused("file is empty")
    sample = text[:20000]
    controls = len(_CONTROL.findall(sample))
    if controls > max(2, len(sample) // 100):
        raise ImportRefused("file is binary, not text")
    if "\ufffd" in sample and sample.count("\ufffd") > len(sample) // 50:
        raise ImportRefused(f"file is not readable as {encoding} text")
    return text, encoding
