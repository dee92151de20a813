"""Step: parse word-list entries in the forms learner pages use."""

from __future__ import annotations

import re

from library.importer.normalise import language_of
from library.model import GlossaryEntry

_POS_WORDS = (
    r"n|v|vt|vi|adj|adv|prep|conj|pron|int|interj|det|aux|num|abbr|phr|phr\.?\s?v|"
    r"noun|verb|adjective|adverb|preposition|conjunction|pronoun|phrase|phrasal verb|idiom|expression|"
    r"名詞|動詞|形容詞|副詞|前置詞|接続詞|代名詞|熟語|名|動|形|副|名词|动词|形容词|副词|명사|동사|형용사|부사"
)
_TERM = r"(?P<term>[A-Za-z][A-Za-z'’\-]*(?:[ ][A-Za-z'’\-]+){0,4})"
_POS = rf"(?P<pos>(?:{_POS_WORDS})\.?(?:\s?/\s?(?:{_POS_WORDS})\.?)?)"

# The brackets a part of speech stands in: (n.), [n], 【名詞】, 〈動〉, ‹動>, <動> (pages mix them).
_POS_OPEN = r"[(\[【〈‹<]"
_POS_CLOSE = r"[)\]】〉›>]"

_FORMS = [
    # term「訳」   (the gloss in Japanese corner brackets)
    re.compile(rf"^{_TERM}\s*[「『](?P<rest>[^」』]{{1,60}})[」』]\s*$"),
    # term – n. definition     (en dash, em dash, hyphen or colon between)
    re.compile(rf"^{_TERM}\s*[–—\-:]\s*{_POS}\s+(?P<rest>.+)$", re.IGNORECASE),
    # term (n.) definition 訳     /  term [n] definition  /  term 【名詞】 訳  /  term‹動>訳
    re.compile(rf"^{_TERM}\s*{_POS_OPEN}{_POS}{_POS_CLOSE}\s*[:：\-–]?\s*(?P<rest>.+)$", re.IGNORECASE),
    # term /IPA/ (品詞) 訳
    re.compile(rf"^{_TERM}\s*/(?P<ipa>[^/]{{1,40}})/\s*(?:[(\[]{_POS}[)\]])?\s*(?P<rest>.+)$", re.IGNORECASE),
    # term n. definition
    re.compile(rf"^{_TERM}\s+{_POS}\s+(?P<rest>.+)$", re.IGNORECASE),
    # term: 訳   term = 訳   term – definition
    re.compile(rf"^{_TERM}\s*(?:[:=]|\s[–—\-]\s)\s*(?P<rest>.+)$"),
    # term 訳 (the gloss glued on after a space)
    re.compile(rf"^{_TERM}\s+(?P<rest>[^\sA-Za-z].*)$"),
]
_SEPARATED = _FORMS[5]  # term: 訳, term = 訳, term – definition
_NUMBERING = re.compile(r"^(?:\(?\d{1,3}[.)）]|[•・●○◆■▶\-*])\s*")
# A headword line of a multi-line entry: `sensor (n.)`, its definition on the next line.
_HEADWORD = re.compile(rf"^{_TERM}\s*(?P<open>[(\[])?{_POS}(?(open)[)\]])$", re.IGNORECASE)
# A numbered entry with no separator: `1. sensor a device that …` (the definition starts with
# one of the words definitions start with).
_RUN_TOGETHER = re.compile(
    r"^(?P<term>[A-Za-z][A-Za-z'’\-]*(?:[ ][A-Za-z'’\-]+){0,2}?)\s+"
    r"(?P<rest>(?:a|an|the|to|someone|something|one|being|having|very|not|without|with|used|when|where|made|able|full|relating)\s.+)$"
)
_NUMBERED = re.compile(r"^\(?\d{1,3}[.)）]")
# Between entries written side by side (`sensor=センサー crack=ひび割れ`): after a gloss, before a term.
_SIDE_BY_SIDE = re.compile(r"(?<=[^\x00-\x7f])\s*(?:[/|、，,;；]\s*)?(?=[A-Za-z])")
_TRAILING_GLOSS = re.compile(r"^(?P<en>.*?[A-Za-z.)\]])\s*(?P<gloss>[^\x00-\x7f][^A-Za-z]*)$")


def parse_entries(line: str) -> list[GlossaryEntry]:
    """Every glossary entry one line holds: one, several written side by side, or none."""
    text = _NUMBERING.sub("", line).strip()
    if text.count("=") >= 2 or text.count(":") >= 2:
        parts = [p for p in _SIDE_BY_SIDE.split(text) if p.strip()]
        entries = [parse_entry(p) for p in parts]
        if len(parts) >= 2 and all(e is not None and e.translation for e in entries):
            return [e for e in entries if e is not None]
    entry = parse_entry(line)
    return [entry] if entry is not None else []


def parse_headword(line: str) -> GlossaryEntry | None:
    """The first line of an entry written over several lines (`sensor (n.)`), or None."""
    m = _HEADWORD.match(_NUMBERING.sub("", line).strip())
    return GlossaryEntry(term=m.group("term").strip(), pos=m.group("pos").strip()) if m else None


def add_definition(entry: GlossaryEntry, line: str) -> bool:
    """Fill a headword's definition and gloss from the line after it; whether it was one."""
    definition, translation = _split_rest(line.strip())
    if not definition and not translation:
        return False
    entry.definition, entry.translation = definition, translation
    return True


def parse_entry(line: str) -> GlossaryEntry | None:
    """A glossary entry from one line, or None if the line is not one."""
    text = _NUMBERING.sub("", line).strip()
    if len(text) > 300:
        return None
    entry = _by_form(text)
    if entry is None and _NUMBERED.match(line):
        m = _RUN_TOGETHER.match(text)
        if m:
            definition, translation = _split_rest(m.group("rest"))
            return GlossaryEntry(term=m.group("term"), definition=definition, translation=translation)
    return entry


def _by_form(text: str) -> GlossaryEntry | None:
    """The entry the first fitting one-line form reads from `text` (numbering removed)."""
    for form in _FORMS:
        m = form.match(text)
        if not m:
            continue
        groups = m.groupdict()
        term = groups["term"].strip()
        pos = (groups.get("pos") or "").strip()
        rest = groups["rest"].strip()
        if len(term.split()) > 4:
            continue
        definition, translation = _split_rest(rest)
        if not pos and not translation and form is not _SEPARATED:
            continue
        if not pos and form is _SEPARATED and not translation and len(definition.split()) < 2:
            continue
        return GlossaryEntry(term=term, pos=pos, definition=definition, translation=translation)
    return None


def _split_rest(rest: str) -> tuple[str, str]:
    """Split 'definition 訳' into the English definition and the CJK gloss."""
    lang = language_of(rest)
    if lang in ("ja", "zh", "ko"):
        m = _TRAILING_GLOSS.match(rest)
        if m and language_of(m.group("en")) == "en" and len(m.group("en").split()) >= 2:
            return m.group("en").strip(), m.group("gloss").strip()
        return "", rest
    m = _TRAILING_GLOSS.match(rest)
    if m and language_of(m.group("gloss")) in ("ja", "zh", "ko"):
        return m.group("en").strip(), m.group("gloss").strip()
    return rest, ""
