"""Markdown (and plain English text written in paragraphs) to the lines the text steps read.

Markdown wraps a paragraph over several lines; the text steps read one paragraph per
line, so wrapped lines are joined. `#` and underlined headings, lists, emphasis, links and
images are reduced to their text; a link in a note or source line keeps its address.
"""

from __future__ import annotations

import re

from library.importer.decode import decode
from library.importer.normalise import language_of
from library.model import Lesson

# A thematic break longer than this is not taken for one: it goes on as a line of the page,
# which the text steps keep aside and report.
RULE_CHARS = 80
_FENCE = re.compile(r"^\s*(```|~~~)")
# Patterns here are written so that no attempt scans past the next opener of its kind (an
# unclosed `![`, `[`, `(`, `<`, `*` or `**` is given up at the next one): each character is then
# read a bounded number of times, and a line of a thousand unclosed openers stays linear.
# A heading's closing hashes and spaces are stripped by hand (`_heading_text`): a lazy group
# followed by `\s*#*\s*$` tries every split of a run of spaces.
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_LIST = re.compile(r"^\s{0,6}(?:[-*+]|\d{1,3}[.)])\s+")
_BULLET = re.compile(r"^\s{0,6}[-*+]\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_ADDRESS = r"(?:[^\s()]|\([^\s()]*\))"  # an address, with parentheses only in balanced pairs
_IMAGE = re.compile(r"!\[([^\][]*)\]\((?:[^()]|\([^()]*\))*+\)")
_LINK = re.compile(rf"\[([^\][]+)\]\(({_ADDRESS}+?)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1|(?<![\w*])\*(?=[^\s\d])([^*]+?)(?<=\S)\*(?!\w)|`([^`]+)`"
)
_NOTE_LINE = re.compile(r"^\s*(?:※\s?\d|\*\s?\d|注\s?\d|\[\d|\(\d|（\d|【)|出典|出所|Source|来源|出处|출처")
_FRONT_MATTER_TITLE = re.compile(r"^title\s*:\s*(.*)", re.IGNORECASE)


def parse_markdown(data: bytes, name: str = "") -> Lesson:
    """Bytes of a Markdown or plain-text file to a lesson (not stored)."""
    from library.importer.text import parse_text

    text, encoding = decode(data)
    lesson = parse_text("\n\n".join(markdown_lines(text)))
    lesson.source_name = name
    lesson.encoding = encoding
    return lesson


def markdown_lines(text: str) -> list[str]:
    """One line per heading, paragraph and list item, in page order."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    para: list[str] = []
    title = ""
    i = 0
    if raw and raw[0].strip() == "---":
        end = next((k for k in range(1, min(len(raw), 40)) if raw[k].strip() in ("---", "...")), 0)
        for line in raw[1:end]:
            m = _FRONT_MATTER_TITLE.match(line)
            if m:
                title = _unquoted(m.group(1))
        i = end + 1 if end else 0
    if title:
        out.append(f"# {inline(title)}")

    def flush() -> None:
        if para:
            joined = " ".join(p.strip() for p in para)
            out.append(inline(joined))
            para.clear()

    fenced = False
    while i < len(raw):
        line = raw[i]
        i += 1
        if _FENCE.match(line):
            flush()
            fenced = not fenced
            continue
        if fenced:
            if line.strip():
                out.append(line.strip())
            continue
        if not line.strip():
            flush()
            continue
        if para and _SETEXT.match(line):
            level = 1 if "=" in line else 2
            heading = " ".join(p.strip() for p in para)
            para.clear()
            out.append(f"{'#' * level} {inline(heading)}")
            continue
        if _RULE.match(line) and len(line) <= RULE_CHARS:
            flush()
            continue
        m = _ATX.match(line)
        if m:
            flush()
            out.append(f"{m.group(1)} {inline(_heading_text(m.group(2)))}")
            continue
        if _LIST.match(line):
            flush()
            para.append(_BULLET.sub("", line, count=1))
            # A list item's wrapped lines are indented under it.
            while i < len(raw) and raw[i].startswith(("  ", "\t")) and raw[i].strip() and not _LIST.match(raw[i]):
                para.append(raw[i])
                i += 1
            flush()
            continue
        stripped = _QUOTE.sub("", line)
        # A note, or a change of language, starts a new paragraph; a hard break (two trailing
        # spaces) ends one.
        if _NOTE_LINE.match(stripped) or (para and language_of(stripped) != language_of(para[-1])):
            flush()
        para.append(stripped)
        if line.endswith("  "):
            flush()
    flush()
    return [ln for ln in out if ln.strip()]


def _heading_text(text: str) -> str:
    """An ATX heading's text without its closing hashes and the spaces around them."""
    return text.rstrip().rstrip("#").rstrip()


def _unquoted(value: str) -> str:
    """A front-matter value without the quotes around it and the spaces after it."""
    if value[:1] in ("'", '"'):
        value = value[1:]
    value = value.rstrip()
    return value[:-1] if value[-1:] in ("'", '"') else value


def inline(text: str) -> str:
    """Emphasis, code, images and links reduced to text (a note's link keeps its address).
    HTML tags are left to the text steps, which take out real ones and say so."""
    text = _IMAGE.sub("", text)
    keep_urls = bool(_NOTE_LINE.match(text))

    def link(m: re.Match[str]) -> str:
        label, url = m.group(1), m.group(2)
        if keep_urls and url.startswith(("http://", "https://")):
            return url if label == url else f"{label} {url}"
        return label

    text = _LINK.sub(link, text)
    text = _AUTOLINK.sub(r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    return re.sub(r"\s{2,}", " ", text).strip()
