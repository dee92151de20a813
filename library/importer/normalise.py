"""Step 2: normalise text (spaces, full-width forms) and tell scripts apart."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_HAS_FULLWIDTH = re.compile(r"[\uff01-\uff5e]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


# Full-width letters, digits and the brackets and signs that structure a page (notes,
# sources, word lists) become ASCII; CJK sentence punctuation (，！？；％ …) stays as written.
_STRUCTURAL = "()[]{}:=/*#@&+-_<>|"
_FULLWIDTH = {
    c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F) if chr(c - 0xFEE0).isalnum() or chr(c - 0xFEE0) in _STRUCTURAL
}
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
# The scripts script_counts tells apart, as ranges of code points.
_SCRIPT_RANGES = {
    "L": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F)),  # Latin letters
    "K": ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)),  # kana
    "H": ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)),  # Han
    "G": ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)),  # Hangul
}


def _script_table() -> str:
    """A translate table over the Basic Multilingual Plane: each character to its script's
    letter above, anything else to a space (characters beyond it are left as they are)."""
    spans = sorted((lo, hi, letter) for letter, ranges in _SCRIPT_RANGES.items() for lo, hi in ranges)
    parts, at = [], 0
    for lo, hi, letter in spans:
        parts += [" " * (lo - at), letter * (hi - lo + 1)]
        at = hi + 1
    parts.append(" " * (0x10000 - at))
    return "".join(parts)


_SCRIPTS = _script_table()
_NOT_CONTENT = re.compile(r"[\W_]+")


# HTML elements a copied page leaves in its text. Only these names, in real tag syntax (an
# attribute always with a value), are taken for markup: `<Ctrl>`, `a<b and c>d` or `<than>`
# are text.
HTML_ELEMENTS = frozenset(
    "a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption "
    "center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset "
    "figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe "
    "img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup "
    "option output p param picture pre progress q rp rt ruby s samp script section select small source "
    "span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time "
    "title tr track tt u ul var video wbr".split()
)
# Values exclude `<` and `>`, so an unclosed tag is given up at the next one (linear).
_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]{0,9})"
    r"((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'=<>`]+))*)\s*/?>"
)
# Tags that break a line in a browser: taken out as a space, so the words on either side stay apart.
_BREAKING = frozenset("br p div li dd dt tr td th hr h1 h2 h3 h4 h5 h6 blockquote section article".split())
# Tags that open or close a block (a paragraph, a list item, a heading): a page pasted as one
# line of `<p>…</p><p>…</p>` holds its paragraphs apart by them, so each is a line break. A
# `<br>` or a table cell stays a space: it breaks a line inside one paragraph.
BLOCK_TAGS = frozenset("p div li dd dt tr hr h1 h2 h3 h4 h5 h6 blockquote section article".split())


def strip_html(text: str) -> tuple[str, list[str]]:
    """`text` without the HTML tags a copy-paste left in it (a block's tags as line breaks),
    and the tags taken out."""
    if "<" not in text:
        return text, []
    removed: list[str] = []

    def tag(m: re.Match[str]) -> str:
        name = m.group(2).lower()
        if name not in HTML_ELEMENTS or (m.group(1) and m.group(3)):  # a closing tag has no attributes
            return m.group(0)
        removed.append(m.group(0))
        if name in BLOCK_TAGS:
            return "\n"
        return " " if name in _BREAKING else ""

    return _TAG.sub(tag, text), removed


# The emphasised text cannot hold its own delimiter: an unclosed `**` or `__` is given up at
# the next one instead of scanning to the end of the line from every opener.
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
_EMOJI_CHARS = (
    "\U0001f000-\U0001faff\U00002600-\U000027bf\U0001f900-\U0001f9ff\ufe0f\u200d\u2b50\u2b55\u2934\u2935\u3297\u3299"
)
_EMOJI = re.compile(f"[{_EMOJI_CHARS}]+")
# Emoji as decoration: before a line's first word (a bullet, a heading's icon), or after the
# last word of a short line that ends as no sentence does (`Key words 📚`). Inside a sentence, or
# after its stop (`Have a nice day! 😊`), they are the writer's text and kept. The trailing run
# starts only where a run of emoji and spaces does (from inside one it was scanned again).
_EMOJI_LEAD = re.compile(rf"^[{_EMOJI_CHARS}\s]+")
_EMOJI_TRAIL = re.compile(rf"(?<![{_EMOJI_CHARS}\s])[{_EMOJI_CHARS}\s]+$")
_STOP = (".", "!", "?", "。", "！", "？", "…")

# Both as one character class (a class is scanned faster than an alternation).
_INVISIBLE_OR_EMOJI = re.compile("[" + _INVISIBLE.pattern[1:-1] + _EMOJI.pattern[1:-2] + "]")


def normalise(line: str) -> str:
    """NBSP and other spaces to one space, full-width ASCII forms to ASCII, no emoji or
    **bold** marks, trimmed. Tags and entities are text here (see strip_html)."""
    ascii_only = line.isascii()  # most English lines: the checks below that need other characters are skipped
    text = line if ascii_only or not _HAS_FULLWIDTH.search(line) else line.translate(_FULLWIDTH)
    # One search says whether there is anything invisible or emoji to take out (usually not).
    special = not ascii_only and _INVISIBLE_OR_EMOJI.search(text) is not None
    if special:
        text = _INVISIBLE.sub("", text)
    if "\\" in text:
        text = _LATEX.sub(_latex, text)
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(r"\2", text)
    if not text.isascii():
        if special:
            text = _decoration_off(text)
    elif "  " not in text and "\t" not in text:
        return text.strip()
    return _SPACES.sub(" ", text).strip()


# Stars, ticks and arrows in the emoji ranges are a list's bullets and a rating's marks wherever
# they stand (`★harbour 港 ★ferry フェリー`): a space, as before, not text.
_MARKS = re.compile("[★☆✦✧✩✪✫✬✭✮✯✰❖➤➢➣➔➜✓✔☑✅✗✘❌]+")


def _decoration_off(text: str) -> str:
    """The emoji that decorate a line taken off (those inside its text kept)."""
    text = _MARKS.sub(" ", _EMOJI_LEAD.sub("", text))
    trail = _EMOJI_TRAIL.search(text)
    if trail is not None and _heading_like(text[: trail.start()]):
        text = text[: trail.start()]
    return text


HEADING_WORDS = 5
HEADING_CHARS = 40
HEADING_CJK_CHARS = 7  # `今日の単語📚`; `とても楽しかった😊` is a sentence with no stop


def _heading_like(text: str) -> bool:
    """Short and ending as no sentence does: a heading or a label, which an emoji after it decorates."""
    if text.endswith(_STOP) or len(text.split()) > HEADING_WORDS:
        return False
    return len(text) <= (HEADING_CHARS if " " in text or text.isascii() else HEADING_CJK_CHARS)


# LaTeX commands pages paste for symbols ($\rightarrow$, \times): the symbols themselves.
_LATEX = re.compile(r"\$?\\(rightarrow|to|leftarrow|gets|Rightarrow|implies|Leftarrow|leftrightarrow|times|div|pm|"
                    r"approx|neq|ne|leq|le|geq|ge|cdot|ldots|dots|circ|degree)(?![A-Za-z])\$?")
_LATEX_SYMBOL = {
    "rightarrow": "→", "to": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "implies": "⇒",
    "Leftarrow": "⇐", "leftrightarrow": "↔", "times": "×", "div": "÷", "pm": "±", "approx": "≈",
    "neq": "≠", "ne": "≠", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "cdot": "·", "ldots": "…",
    "dots": "…", "circ": "°", "degree": "°",
}  # fmt: skip


def _latex(m: re.Match[str]) -> str:
    return _LATEX_SYMBOL[m.group(1)]


def _script(ch: str) -> str:
    """The script letter of `_SCRIPTS` for one character (" " for none of them)."""
    code = ord(ch)
    return _SCRIPTS[code] if code < len(_SCRIPTS) else " "


def is_kana(ch: str) -> bool:
    """Hiragana or katakana."""
    return _script(ch) == "K"


def is_han(ch: str) -> bool:
    """A CJK ideograph."""
    return _script(ch) == "H"


def is_hangul(ch: str) -> bool:
    """A Korean syllable or jamo."""
    return _script(ch) == "G"


def script_counts(text: str) -> tuple[int, int, int, int]:
    """(Latin letters, kana, Han, Hangul) in `text`."""
    # One pass to script letters, then four counts: several times faster than four searches.
    scripts = text.translate(_SCRIPTS)
    return scripts.count("L"), scripts.count("K"), scripts.count("H"), scripts.count("G")


_ANY_CJK = re.compile(
    r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"
)


def language_of(text: str) -> str:
    """'en' for Latin-script text; 'ja', 'zh' or 'ko' when CJK text dominates; '' for neither."""
    if text.isascii() or not _ANY_CJK.search(text):
        return "en" if _LATIN_RE.search(text) else ""
    latin, kana, han, hangul = script_counts(text)
    cjk = kana + han + hangul
    if cjk == 0 and latin == 0:
        return ""
    # A CJK character carries about as much as a short English word, so weigh them up.
    if cjk * 4 >= latin and (cjk >= 2 or latin == 0):
        if hangul >= max(kana, 1):
            return "ko"
        if kana:
            return "ja"
        return "zh"
    return "en" if latin else ""


def content_key(text: str) -> str:
    """Letters and digits only, case-folded: for comparing lines whatever their punctuation."""
    return _NOT_CONTENT.sub("", unicodedata.normalize("NFKC", text).casefold())
