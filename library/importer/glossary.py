"""Step: parse word-list entries in the forms learner pages use."""

from __future__ import annotations

import re

from library.importer import patterns as P
from library.importer.normalise import language_of
from library.model import GlossaryEntry

_POS_WORDS = (
    r"n|v|vt|vi|adj|adv|prep|conj|pron|int|interj|det|aux|num|abbr|phr|phr\.?\s?v|"
    r"noun|verb|adjective|adverb|preposition|conjunction|pronoun|phrase|phrasal verb|idiom|expression|"
    r"自・他動詞|他動詞|自動詞|名詞|動詞|形容詞|副詞|前置詞|接続詞|代名詞|熟語|名|動|形|副|名词|动词|形容词|副词|动|명사|동사|형용사|부사|명|동|형|부"
)
# A word of a term may carry its inflection in parentheses: `glove(s)`, `guess(ed)`, `day(s) off`.
_TERM = r"(?P<term>[A-Za-z][A-Za-z'’\-]*(?:\([a-z]{1,3}\))?(?:[ ][A-Za-z'’\-]+(?:\([a-z]{1,3}\))?){0,4})"
_POS = rf"(?P<pos>(?:{_POS_WORDS})\.?(?:\s?/\s?(?:{_POS_WORDS})\.?)?)"

# The brackets a part of speech stands in: (n.), [n], ［動］, 【名詞】, 〈動〉, 〔名〕, ‹動>, <動> (pages mix them).
_POS_OPEN = r"[(\[［【〈〔‹<]"
_POS_CLOSE = r"[)\]］】〉〕›>]"
# A label of another wording in square brackets (`〔他〕`, `[타동사]`, `【自・他動詞】`): a few
# characters of the translation's script (a pronunciation's `[taɪd]` is none); in round ones only
# an abbreviation (`(vt.)`) or a word ending as parts of speech do (`(他動詞)`, `(타동사)`):
# `(図書館)` after a term is its gloss.
_LABEL = r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af・･/／]{0,5}"
_ROUND_LABEL = r"[a-z]{1,4}\.(?:\s?[a-z]{1,4}\.)?|[^\s()（）\x00-\x7f]{0,4}(?:詞|词|사)"
# A term, then its part of speech in brackets (`library〔名〕…`, `quiet 【形容詞】 …`): an entry's start.
POS_IN_BRACKETS = re.compile(rf"^{_TERM}\s*{_POS_OPEN}{_POS}{_POS_CLOSE}", re.IGNORECASE)
# A part of speech alone on its line (`名詞`, `noun`, `(n.)`, `【動】`): a field of an entry written over lines.
POS_ALONE = re.compile(rf"^{_POS_OPEN}?{_POS}{_POS_CLOSE}?$", re.IGNORECASE)
# A part of speech, then the rest of the entry on the same line (`名詞 フェリー`, `n. a boat that …`).
POS_LEAD = re.compile(rf"^{_POS_OPEN}?{_POS}(?:{_POS_CLOSE}\s*|\s+)(?P<rest>\S.*)$", re.IGNORECASE)

# A pronunciation: between slashes, or in square brackets with a sign only phonetic script has
# (`[ˈsʌmɪt]`, not `[US]`); a phrase's may come word by word (`/ˈiːvnɪŋ/ /trɪp/`).
IPA_SIGNS = "ˈˌːəɪʊʌæɒɔθðʃʒŋɜɑɚɝɛ"
_IPA = (
    rf"(?P<ipa>(?:/[^/\s][^/]{{0,38}}/|\[(?=[^\]]{{0,38}}[{IPA_SIGNS}])[^\]\s][^\]]{{0,38}}\])"
    rf"(?:\s*/[^/\s][^/]{{0,38}}/){{0,3}})"
)

_FORMS = [
    # term「訳」   term :「訳」   (the gloss in Japanese corner brackets, a colon before it or not)
    re.compile(rf"^{_TERM}\s*(?:[:：=]\s*)?[「『](?P<rest>[^」』]{{1,60}})[」』]\s*$"),
    # term – n. definition     (en dash, em dash, hyphen or colon between)
    re.compile(rf"^{_TERM}\s*[–—\-:]\s*{_POS}\s+(?P<rest>.+)$", re.IGNORECASE),
    # term (n.) /IPA/ 訳   (the part of speech before the pronunciation; `(a.)` for an adjective)
    re.compile(
        rf"^{_TERM}\s*{_POS_OPEN}(?P<pos>(?:{_POS_WORDS}|a)\.?){_POS_CLOSE}\s*{_IPA}\s*(?P<rest>.+)$",
        re.IGNORECASE,
    ),
    # term n. /IPA/ 訳   (the same with no brackets)
    re.compile(rf"^{_TERM}\s+{_POS}\s*{_IPA}\s*(?P<rest>.+)$", re.IGNORECASE),
    # term (n.) definition 訳     /  term [n] definition  /  term 【名詞】 訳  /  term‹動>訳
    re.compile(rf"^{_TERM}\s*{_POS_OPEN}{_POS}{_POS_CLOSE}\s*[:：\-–]?\s*(?P<rest>.+)$", re.IGNORECASE),
    # term 〔他〕 訳   term [타동사] 訳   term (vt.) 訳   (a label the list above does not know, short, in
    # brackets, between the term and a gloss in another script: a part of speech all the same)
    re.compile(
        rf"^{_TERM}\s*(?:[\[［【〔〈‹<](?P<pos>{_LABEL}){_POS_CLOSE}|[(（](?P<pos2>{_ROUND_LABEL})[)）])"
        r"\s*[:：\-–]?\s*(?P<rest>[^\x00-\x7f].*)$"
    ),
    # term /IPA/ (品詞) 訳   term /IPA/ [noun] – gloss   term [IPA] n. 訳   (a dash or colon before the gloss
    # is a separator)
    re.compile(
        rf"^{_TERM}\s*{_IPA}\s*(?:{_POS_OPEN}?{_POS}{_POS_CLOSE}?(?=\s))?\s*(?:[–—\-:]\s+)?(?P<rest>.+)$",
        re.IGNORECASE,
    ),
    # term n. definition
    re.compile(rf"^{_TERM}\s+{_POS}\s+(?P<rest>.+)$", re.IGNORECASE),
    # term:(n.)訳   (the part of speech in brackets after the separator)
    re.compile(rf"^{_TERM}\s*[:：=]\s*{_POS_OPEN}{_POS}{_POS_CLOSE}\s*(?P<rest>.+)$", re.IGNORECASE),
    # term(訳)/IPA/   (the gloss in brackets right after the term, the pronunciation after it)
    re.compile(rf"^{_TERM}\s*[(（](?P<rest>[^\x00-\x7f(（)）][^()（）]{{0,30}})[)）]\s*(?:{_IPA})?\s*$"),
    # term,訳。   (a comma, then the gloss in another script, a full stop after it; `2年かかる` opens with a number)
    re.compile(rf"^{_TERM}\s*[,，、]\s*(?P<rest>\d{{0,4}}[^\x00-\x7f][^A-Za-z]{{0,40}}?)[。．.]?$"),
    # term: 訳   term = 訳   term – definition
    _SEPARATED := re.compile(rf"^{_TERM}\s*(?:[:=]|\s[–—\-]\s)\s*(?P<rest>.+)$"),
    # term 訳 (the gloss glued on after a space)
    re.compile(rf"^{_TERM}\s+(?P<rest>[^\sA-Za-z].*)$"),
]
# A bullet, a number, or both (`- 1.government:政府`).
_NUMBERING = re.compile(r"^(?:[•・●○◆■▶\-*－–−‐]\s*(?:\(?\d{1,3}[.)）])?|\(?\d{1,3}[.)）]|\[\d{1,3}\])\s*")
# A headword line of a multi-line entry: `sensor (n.)`, its definition on the next line.
# A space or a bracket stands between the term and its part of speech: `By admin` is not `By admi` (n).
_HEADWORD = re.compile(rf"^{_TERM}(?:\s*(?P<open>[(\[])|\s+){_POS}(?(open)[)\]])$", re.IGNORECASE)
# A numbered entry with no separator: `1. sensor a device that …` (the definition starts with
# one of the words definitions start with).
_RUN_TOGETHER = re.compile(
    r"^(?P<term>[A-Za-z][A-Za-z'’\-]*(?:[ ][A-Za-z'’\-]+){0,2}?)\s+"
    r"(?P<rest>(?:a|an|the|to|someone|something|one|being|having|very|not|without|with|used|when|where|made|able|full|relating)\s.+)$"
)
_NUMBERED = re.compile(r"^\(?\d{1,3}[.)）]")
# Between entries written side by side (`sensor=センサー crack=ひび割れ`): after a gloss, before a term.
_SIDE_BY_SIDE = re.compile(r"(?<=[^\x00-\x7f])\s*(?:[/|、，,;；*•・]\s*)?(?=[A-Za-z])")
# A definition, then its gloss in another script (`the land next to the sea 해안`), a separator
# between or not (`… next to the sea : 해안`).
_TRAILING_GLOSS = re.compile(r"^(?P<en>.*?[A-Za-z.)\]])\s*(?P<sep>[:：=|/–—]\s*)?(?P<gloss>[^\x00-\x7f][^A-Za-z]*)$")


# The gloss first, then the term (`中道左派 center-left`, `检疫 — quarantine`, `宇宙 "dark age"`,
# `参加者 attendee / participant` with two words for it):
# a short run of another script, a separator or a space, and a Latin term of a few words.
_GLOSS_FIRST = re.compile(
    r"^(?P<gloss>[^\sA-Za-z|｜][^A-Za-z|｜]{0,29}?)\s*(?:[|｜:：=–—]\s*|\s)"
    r"(?P<term>[(\"“]?[A-Za-z][A-Za-z'’\-()\"”. /,]{0,40}?)\s*[|｜]?$"
)
GLOSS_FIRST_TERM_WORDS = 5
_TERM_ENDS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ)\"”.'’")
# A row of a pasted table (`検疫 | quarantine |`) and the rule under its header (`---|---|`).
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$")
_LATIN_START = re.compile(r"[A-Za-z]")
_CELL_SPLIT = re.compile(r"[|｜]")  # the cells are stripped after (`\s*[|]\s*` rescans a run of spaces)


def parse_gloss_first(line: str) -> GlossaryEntry | None:
    """An entry written gloss first, then the term, or None."""
    if line.rstrip(" |｜")[-1:] not in _TERM_ENDS or P.NOTE_START.match(line):
        return None  # the term ends the line; `※1 …とは generative AI` is a note
    m = _GLOSS_FIRST.match(_NUMBERING.sub("", line).strip())
    if m is None or language_of(m.group("gloss")) not in ("ja", "zh", "ko"):
        return None
    term = m.group("term").strip()
    if len(term.split()) > GLOSS_FIRST_TERM_WORDS:
        return None
    return GlossaryEntry(term=term, translation=m.group("gloss").strip())


def table_cells(line: str) -> list[str]:
    """The cells of a table row written with bars (`a | b |`), or [] for a line with no bar."""
    if "|" not in line and "｜" not in line:
        return []
    return [c.strip() for c in _CELL_SPLIT.split(line.strip().strip("|｜").strip())]


def parse_table_row(line: str) -> GlossaryEntry | None:
    """A two-cell table row holding a Latin term and its gloss in another script, either way
    round (`政府 | government |`, `government | 政府`), or None."""
    cells = table_cells(line)
    if len(cells) != 2 or not all(cells):
        return None
    for term_at in (0, 1):
        term, gloss = cells[term_at], cells[1 - term_at]
        # A note in another script after the term (`Social Democrat (SPD) ; SPDは略称`) stays with the gloss.
        head, sep, rest = term.partition(";")
        if not head[:1].isascii() or language_of(head) != "en" or language_of(gloss) not in ("ja", "zh", "ko"):
            continue
        if sep:
            term, gloss = head.strip(), f"{gloss}; {rest.strip()}"
        if len(term.split()) <= GLOSS_FIRST_TERM_WORDS:
            return GlossaryEntry(term=term, translation=gloss)
    return None


# The words an English definition starts with (`someone who…`, `a situation in which…`).
DEFINITION_OPENERS = frozenset(
    "a an the to someone something one being having very not without with used when where while made able "
    "full relating of in any".split()
)


def parse_english_definition(line: str) -> GlossaryEntry | None:
    """`fascist - someone who supports fascism`: a lower-case term of a few words, a dash or
    colon, and an English definition that starts as definitions do; or None."""
    m = _SEPARATED.match(_NUMBERING.sub("", line).strip())
    if m is None or not m.group("term")[:1].islower() or len(m.group("term").split()) > 3:
        return None
    rest = m.group("rest").strip()
    first = rest.split(" ", 1)[0].lower()
    if first not in DEFINITION_OPENERS or language_of(rest) != "en":
        return None
    return GlossaryEntry(term=m.group("term").strip(), definition=rest)


def parse_entries(line: str) -> list[GlossaryEntry]:
    """Every glossary entry one line holds: one, several written side by side, or none."""
    text = _NUMBERING.sub("", line).strip()
    if text.count("=") >= 2 or text.count(":") >= 2 or text.count("＝") >= 2:
        parts = _side_by_side(text)
        entries = [_with_example(p) for p in parts]
        if len(parts) >= 2 and all(e is not None and e.translation for e in entries):
            return [e for e in entries if e is not None]
    entry = parse_entry(line)
    if entry is None and not _LATIN_START.match(text):
        entry = parse_gloss_first(text)
    if entry is None:
        entry = parse_glued(text)
    return [entry] if entry is not None else []


_BRACKETS = str.maketrans({c: "(" for c in "(（「『"} | {c: ")" for c in ")）」』"})
# An example in brackets after an entry's gloss (`drill=电钻（borrow a drill 借电钻）`): English in it.
_BRACKETED_EXAMPLE = re.compile(r"^(?P<entry>.*?[^\s(（])\s*[(（](?P<example>[^()（）]*[A-Za-z][^()（）]*)[)）]$")


# Between entries: as above, or after an entry's example in brackets.
_BETWEEN_ENTRIES = re.compile(rf"{_SIDE_BY_SIDE.pattern}|(?<=[)）])\s+(?=[A-Za-z])")


def _side_by_side(text: str) -> list[str]:
    """The entries of a line holding several, cut before each term (never inside brackets)."""
    flat = text.translate(_BRACKETS)
    parts, start = [], 0
    for m in _BETWEEN_ENTRIES.finditer(text):
        if m.end() > start and flat.count("(", 0, m.start()) == flat.count(")", 0, m.start()):
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def _with_example(part: str) -> GlossaryEntry | None:
    """One entry of a line of several, with the example in brackets after its gloss."""
    m = _BRACKETED_EXAMPLE.match(part.strip())
    entry = parse_entry(m.group("entry") if m else part)
    if entry is not None and m is not None:
        entry.example = m.group("example").strip()
    return entry


# The term and its gloss with no space between, split where the script changes (`economy経済`,
# `경제economy`, `党章Party constitution`). A gloss is a word or phrase: one opening with a
# particle (`AIが…`, `AI는…`) or closing as a sentence does is the rest of a sentence.
_CJK_CHAR = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_PARTICLES = "がはをにでともへやのか가는은를을이의에와과도로"
# A phrase glossed gloss first may be long (`全面从严治党exercise full and strict governance over the Party`).
GLUED_TERM_WORDS = 9
_GLUED_TERM_FIRST = re.compile(rf"^{_TERM}(?P<gloss>(?![{_PARTICLES}])[{_CJK_CHAR}][^A-Za-z]{{0,29}})$")
_GLUED_GLOSS_FIRST = re.compile(
    rf"^(?P<gloss>[{_CJK_CHAR}](?:[^A-Za-z|｜:：=]{{0,29}}[{_CJK_CHAR}])?)"
    rf"(?P<term>[A-Za-z][A-Za-z'’\-]*(?:[ ][A-Za-z'’\-]+){{0,{GLUED_TERM_WORDS - 1}}})$"
)


def parse_glued(text: str) -> GlossaryEntry | None:
    """An entry written with no space between the term and its gloss, either way round, or None."""
    m = _GLUED_TERM_FIRST.match(text) or _GLUED_GLOSS_FIRST.match(text)
    if m is None:
        return None
    gloss = m.group("gloss").strip()
    if gloss[-1] in "。．.!?！？、，,":
        return None
    return GlossaryEntry(term=m.group("term").strip(), translation=gloss)


# A term alone on its line, numbered or not (`(1)unusual weather`): the first line of a two-line entry.
_TERM_LINE = re.compile(rf"^{_TERM}$")


def parse_term_line(line: str) -> tuple[str, bool] | None:
    """(term, whether it was numbered or bulleted) for a line holding only a term, or None."""
    text = _NUMBERING.sub("", line).strip()
    m = _TERM_LINE.match(text)
    return (m.group("term"), text != line.strip()) if m else None


def parse_headword(line: str) -> GlossaryEntry | None:
    """The first line of an entry written over several lines (`sensor (n.)`), or None."""
    m = _HEADWORD.match(_NUMBERING.sub("", line).strip())
    return GlossaryEntry(term=m.group("term").strip(), pos=m.group("pos").strip()) if m else None


def add_definition(entry: GlossaryEntry, line: str) -> bool:
    """Fill a headword's definition and gloss from the line after it; whether it was one."""
    definition, translation = split_rest(line.strip())
    if not definition and not translation:
        return False
    entry.definition, entry.translation = definition, translation
    return True


# A note the page labels in words (`Note: Six degrees is …`, `注意：…`): a note, never a term.
NOTE_LABEL = re.compile(r"^(?P<label>notes?|n\.b\.|nb|tip|注意|注|참고|备注|備註)\s*[:：]\s*(?=\S)", re.IGNORECASE)


def parse_entry(line: str) -> GlossaryEntry | None:
    """A glossary entry from one line, or None if the line is not one."""
    text = _NUMBERING.sub("", line).strip()
    if len(text) > 300 or NOTE_LABEL.match(text):
        return None
    entry = _by_form(text)
    if entry is None and _NUMBERED.match(line):
        m = _RUN_TOGETHER.match(text)
        if m:
            definition, translation = split_rest(m.group("rest"))
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
        pos = (groups.get("pos") or groups.get("pos2") or "").strip()
        rest = groups["rest"].strip()
        if len(term.split()) > 4:
            continue
        definition, translation = split_rest(rest)
        if not pos and not translation and form is not _SEPARATED:
            continue
        if not pos and form is _SEPARATED and not translation and len(definition.split()) < 2:
            continue
        if groups.get("ipa"):
            # The pronunciation: the entry has no field of its own for it, so it opens the definition.
            definition = f"{groups['ipa'].strip()} {definition}".rstrip()
        return GlossaryEntry(term=term, pos=pos, definition=definition, translation=translation)
    return None


def split_rest(rest: str) -> tuple[str, str]:
    """Split 'definition 訳' into the English definition and the CJK gloss."""
    lang = language_of(rest)
    if lang in ("ja", "zh", "ko"):
        m = _TRAILING_GLOSS.match(rest)
        # (one English word is a definition only where a separator stands before the gloss: `crop=収穫`)
        if m and language_of(m.group("en")) == "en" and (len(m.group("en").split()) >= 2 or m.group("sep")):
            return m.group("en").strip(), m.group("gloss").strip()
        return "", rest
    m = _TRAILING_GLOSS.match(rest)
    if m and language_of(m.group("gloss")) in ("ja", "zh", "ko"):
        return m.group("en").strip(), m.group("gloss").strip()
    return rest, ""


# A row of bare English terms (`harbour ferry lighthouse tide`, `harbour, ferry, tide`): lower
# case, no word a sentence is made with, no stop; commas, slashes or wide spaces between terms
# of several words.
_ROW_SPLIT = re.compile(r"\s*[,/;、，·•]\s*|\s{2,}|\t")
_ROW_TERM = re.compile(r"^[a-z][a-z'’\-]*(?: [a-z][a-z'’\-]*){0,2}$")
ROW_TERMS_MAX = 12
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with and or but is are was were be been will would can could "
    "has have had it its this that these those he she they we you i his her their our not no as so if "
    "then than there here do does did".split()
)


def is_function_word_term(term: str) -> bool:
    """Whether a would-be term holds a word sentences are made with (`to the`, `is`): a title's
    or a sentence's piece rather than a headword."""
    return any(w.lower() in _FUNCTION_WORDS for w in term.split())


def parse_word_row(line: str) -> list[GlossaryEntry]:
    """The terms of a row of bare English terms, one a term, or [] for a line that is not one."""
    if len(line) > 120 or line[-1:] in ".!?\"”:":
        return []  # (most lines of an article end as sentences: ruled out before any search)
    text = _NUMBERING.sub("", line).strip()
    if not text[:1].islower() or not text.isascii():
        return []
    items = [i for i in _ROW_SPLIT.split(text) if i]
    if len(items) == 1:
        items = text.split()  # single spaces between: each word a term
    if len(items) > ROW_TERMS_MAX or not all(_ROW_TERM.match(i) for i in items):
        return []
    if any(w in _FUNCTION_WORDS for i in items for w in i.split()):
        return []
    return [GlossaryEntry(term=i) for i in items]
