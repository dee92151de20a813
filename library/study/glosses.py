"""Short Japanese glosses over a lesson's hard words (as Kindle's Word Wise does): which words are
hard for a threshold, and what each one's gloss is (the lesson's word list, then my own note or
meaning, each only when written in Japanese, then the dictionary's first ranked sense; of each its
first Japanese part, never English: `gloss_of`), worked out once per lesson."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from library.model import GlossaryEntry
from library.study.compounds import parts_of
from library.study.levels import LEVELS, first_names, names_first, word_level
from library.study.phrases import Phrase, candidates, longest
from library.study.sentence_pos import pos_in_sentence
from library.study.words import sentence_at
from library.wordforms import WORD_RE, lemma_of, listed

# The View menu's thresholds: a CEFR level and above, or the words I have not marked known.
THRESHOLDS = ("B2", "C1", "unknown")
# "Only words unknown to me" still leaves the first two levels alone: a learner who has marked
# nothing yet would otherwise see "the" and "train" glossed.
UNKNOWN_FROM = "B1"
GLOSS_CHARS = 8  # a few characters: the gloss must fit over its word
_SENTENCE_END = re.compile(r"[.!?。！？]+[\"”’)]*(?=\s|$)")
# Kana, kanji and half-width kana: a gloss in any other script would not help a Japanese reader.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_CUT = re.compile(r"[;；,、，/(（]")  # a gloss is its first sense only

if TYPE_CHECKING:
    from library.study.dictionary import Dictionary

# words, and each one's part of speech where it first stands → the first Japanese sense of each
# (the words, each one's part of speech where it first stands, and that sentence) → each one's first sense
Lookup = Callable[[list[str], dict[str, str | None], dict[str, str]], dict[str, str]]


@dataclass(frozen=True)
class Gloss:
    """One gloss: the span of a word in a block's English text, its gloss and where it came from."""

    block: int
    start: int
    end: int
    word: str
    text: str
    source: str  # "glossary", "note" (my note or meaning) or "dictionary"
    level: str | None


def trim(text: str, chars: int = GLOSS_CHARS) -> str:
    """The first sense of a gloss, cut to a few characters (with … when cut; English at a space)."""
    first = _CUT.split(text.strip(), maxsplit=1)[0].strip() or text.strip()
    if len(first) <= chars:
        return first
    cut = first[: chars - 1]
    if first.isascii() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut + "…"


_JAPANESE_RUN = re.compile(_JAPANESE.pattern + r"(?:.*" + _JAPANESE.pattern + r")?")


def gloss_of(*texts: str, chars: int = GLOSS_CHARS) -> str:
    """The gloss these texts give, the first that has one: the first Japanese part of a meaning
    ("a large body of ice; 氷河" → 氷河, "to compensate 補う" → 補う), cut to a few characters; "" when none
    has a Japanese part. Every gloss goes through here, so no gloss is ever English."""
    for text in texts:
        for part in _CUT.split(text):
            run = _JAPANESE_RUN.search(part)
            if run:
                return trim(run.group(), chars)
    return ""


def names_in(texts: Iterable[str]) -> set[str]:
    """Lower-cased words the text writes capitalised inside a sentence and never in lower case, first
    names that start a sentence before another capitalised word (levels.first_names), and words that
    only ever start a sentence that the level list has as names first (levels.names_first): names of
    people, places and firms, which are not glossed (as levels.level_text leaves them out)."""
    capital: set[str] = set()
    lower: set[str] = set()
    leading: set[str] = set()  # a sentence's first word before another capitalised word: perhaps a first name
    starting: set[str] = set()  # capitalised words that start a sentence: perhaps names (levels.names_first)
    for text in texts:
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        start, k, first = True, 0, None
        for m in WORD_RE.finditer(text):
            while k < len(ends) and ends[k] <= m.start():
                start, k = True, k + 1
            word = m.group()
            if word[0].islower():
                lower.add(word.lower())
            elif start and word[0].isupper():
                starting.add(word.lower())
            elif not start and word[0].isupper():
                capital.add(word.lower())
                if first is not None and text[first.end():m.start()].isspace():
                    leading.add(first.group().lower())
            first = m if start and word[0].isupper() else None
            start = False
    return (capital - lower - {"i"}) | first_names(leading - lower) | names_first(starting - capital - lower)


def name_spans(text: str, lower: set[str]) -> set[int]:
    """Starts of the capitalised words that stand next to another capitalised word ("Hong Kong",
    "World Bank"): parts of a name, whatever case the text writes them in elsewhere. A sentence's
    first word counts only when the text never writes it in lower case ("However Microsoft" glosses)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    words: list[tuple[int, int, str, bool]] = []  # start, end, word, first of its sentence
    start, k = True, 0
    for m in WORD_RE.finditer(text):
        while k < len(ends) and ends[k] <= m.start():
            start, k = True, k + 1
        words.append((m.start(), m.end(), m.group(), start))
        start = False
    out: set[int] = set()
    for (a, a_end, first, a_start), (b, _b_end, second, b_start) in pairwise(words):
        # Neighbours only: a space between them, no comma or sentence end.
        if b_start or not text[a_end:b].isspace() or not (first[0].isupper() and second[0].isupper()):
            continue
        out.add(b)
        if not a_start or first.lower() not in lower:
            out.add(a)
    return out


def is_hard(level: str | None, threshold: str, known: bool) -> bool:
    """Whether a word of this level gets a gloss at this threshold (unlisted words never do, nor does a
    word the learner marked known, whatever the threshold: marking it known takes its gloss away)."""
    if level is None or known:
        return False
    rank = LEVELS.index(level)
    if threshold == "unknown":
        return rank >= LEVELS.index(UNKNOWN_FROM)
    return rank >= LEVELS.index(threshold if threshold in LEVELS else "B2")


def glossary_glosses(glossary: list[GlossaryEntry]) -> dict[str, str]:
    """Lemma → gloss of the lesson's own word list: its Japanese translation (or a definition written
    in Japanese); an entry with an English definition only leaves its word to my notes and the dictionary."""
    out: dict[str, str] = {}
    for entry in glossary:
        text = gloss_of(entry.translation, entry.definition)
        if entry.term.strip() and text:
            out.setdefault(lemma_of(entry.term.strip().lower()), text)
    return out


def find_glosses(blocks: list[tuple[int, str]], threshold: str, *, glossary: dict[str, str],
                 own: dict[str, str], known: set[str], lookup: Lookup | None, bare: bool = False,
                 saved_names: Collection[str] = ()) -> list[Gloss]:
    """The glosses of a lesson's English blocks ((index, text) pairs), in text order. A word of the
    lesson's word list or with my own note takes that gloss; others the dictionary's, when there is one.
    A dictionary phrase that holds a hard word ("prime minister") is glossed once, over the whole phrase,
    in place of its words' glosses (library.study.phrases). Names are not glossed: those the text
    shows (`names_in`, `name_spans`) and those I saved as names (`saved_names`, lower case)."""
    names = names_in(text for _i, text in blocks) | set(saved_names)
    lowered = {m.group().lower() for _i, text in blocks for m in WORD_RE.finditer(text) if m.group()[0].islower()}
    found: list[tuple[int, int, int, str, str, str | None]] = []
    wanted: dict[str, str] = {}  # lemma → the form to look up
    told: dict[str, str | None] = {}  # that form → its part of speech where it first stands
    sentences: dict[str, str] = {}  # and that sentence, which tells which of its senses is meant
    lemmas: dict[str, str] = {}  # a lesson repeats its words: each is lemmatised once
    skipped: dict[int, set[int]] = {}  # block → starts of the names in it
    compounds: dict[str, bool] = {}
    # block → the capitalised words of the word list that the names rule skipped ("Prime", "Minister" in
    # "Prime Minister Kenji Tanaka"): a dictionary phrase of them is a title or an office, glossed as a phrase
    titled: dict[int, list[tuple[int, int]]] = {}

    def by_parts(lemma: str) -> bool:
        """A compound the list lacks ("ten-year") whose every part I know is known (library.study.compounds)."""
        if "-" not in lemma or not known:
            return False
        if lemma not in compounds:
            slots = parts_of([lemma]).get(lemma)
            compounds[lemma] = bool(slots) and all(any(p in known for p in parts) for parts in slots or ())
        return compounds[lemma]

    for index, text in blocks:
        paired = name_spans(text, lowered)
        for m in WORD_RE.finditer(text):
            word = m.group()
            lower = word.replace("’", "'").lower()
            if lower in names or m.start() in paired or not word.isascii():
                skipped.setdefault(index, set()).add(m.start())
                if word.isascii() and word[0].isupper() and word_level(lower) is not None:
                    titled.setdefault(index, []).append((m.start(), m.end()))
                continue
            level = word_level(lower)
            if level is None or (threshold in LEVELS and LEVELS.index(level) < LEVELS.index(threshold)):
                continue
            lemma = lemmas.get(lower) or lemmas.setdefault(lower, lemma_of(lower))
            if not is_hard(level, threshold, lemma in known or lower in known or by_parts(lemma)):
                continue
            found.append((index, m.start(), m.end(), word, lemma, level))
            if lemma not in glossary and lemma not in own and lower not in own and lemma not in wanted:
                wanted[lemma] = lower
                told[lower] = pos_in_sentence(text[: m.start()], word, text[m.end() :])
                sentences[lower] = sentence_at(text, m.start(), m.end())
    texts = dict(blocks)
    spans: dict[int, list[tuple[int, int]]] = {}
    for index, start, end, *_rest in found:
        spans.setdefault(index, []).append((start, end))
    phrases = {index: candidates(texts[index], where, skipped.get(index, set())) for index, where in spans.items()}
    for index, where in titled.items():
        phrases.setdefault(index, []).extend(_title_phrases(texts[index], where, skipped.get(index, set()),
                                                            threshold, known))
    asked = sorted({p.text for found_in in phrases.values() for p in found_in} - {*glossary, *own, *known})
    ask = [*wanted.values(), *asked]  # one batch: the words and the phrases they stand in
    senses = lookup(ask, told, sentences) if lookup is not None and ask else {}
    out: list[Gloss] = []
    covered: set[tuple[int, int]] = set()  # (block, start) of the words glossed by their phrase
    for index, found_in in phrases.items():
        def has(p: Phrase) -> bool:
            return any(t in glossary or t in own or t in known or t in senses for t in _phrase_forms(p.text))

        for phrase in longest(p for p in found_in if has(p)):
            if any(t in known for t in _phrase_forms(phrase.text)):
                covered.update((index, a) for a, _b in phrase.words)
                continue  # marked known as a whole: neither it nor its words are glossed
            gloss = _phrase_gloss(index, texts[index], phrase, glossary, own, senses)
            if gloss.text or bare:  # (a phrase with no Japanese sense leaves its words their glosses)
                covered.update((index, a) for a, _b in phrase.words)
                out.append(gloss)
    for index, start, end, word, lemma, level in found:
        if (index, start) in covered:
            continue
        lower = word.replace("’", "'").lower()
        if lemma in glossary:
            text, source = glossary[lemma], "glossary"
        elif lemma in own or lower in own:
            text, source = own.get(lemma) or own[lower], "note"
        else:
            sense = senses.get(wanted.get(lemma, ""), "")
            text, source = gloss_of(sense), "dictionary"
        if text and not _JAPANESE.search(text):
            text = ""  # whatever a caller passed: a gloss is never English
        if text or bare:
            out.append(Gloss(index, start, end, word, text, source if text else "", level))
    return sorted(out, key=lambda g: (g.block, g.start))


def _phrase_forms(text: str) -> tuple[str, ...]:
    """A phrase as written and as its lemma ("interest rates", "interest rate"). One whose last word
    the word forms do not list ("across the alps", "Lake Grey": often a name) is taken as written:
    that word's lemma would be guessed, and the guess reads the frequency list (half a second, on a
    first worksheet), for no phrase of the dictionary."""
    if not listed(text.rsplit(" ", 1)[-1].lower()):
        return (text,)
    return (text, lemma_of(text))


def _title_phrases(text: str, where: list[tuple[int, int]], skipped: set[int], threshold: str,
                   known: set[str]) -> list[Phrase]:
    """The candidate phrases of capitalised words of the word list the names rule skipped ("Prime
    Minister", "Supreme Court" before a name), each holding a hard word; a name's own words stay out."""
    allowed = skipped - {a for a, _b in where}
    out = []
    for phrase in candidates(text, where, allowed):
        levels = [(text[a:b].lower(), word_level(text[a:b].lower())) for a, b in phrase.words]
        # (an unlisted word is never hard, and with nothing known no lemma is needed: a word's lemma
        # may be guessed, which loads the frequency list)
        if any(level is not None and is_hard(level, threshold, w in known or (bool(known) and lemma_of(w) in known))
               for w, level in levels):
            out.append(phrase)
    return out


def _phrase_gloss(index: int, text: str, phrase: Phrase, glossary: dict[str, str], own: dict[str, str],
                  senses: dict[str, str]) -> Gloss:
    """The gloss of a dictionary phrase: the word list's, my note's, else the dictionary's; its level
    the highest of its words'."""
    forms = _phrase_forms(phrase.text)
    levels = [lv for a, b in phrase.words if (lv := word_level(text[a:b])) is not None]
    level = max(levels, key=LEVELS.index) if levels else None
    mine = [(table[f], source) for table, source in ((glossary, "glossary"), (own, "note")) for f in forms
            if f in table]
    found, source = mine[0] if mine else (gloss_of(senses.get(phrase.text, "")), "dictionary")
    if found and not _JAPANESE.search(found):
        found = ""
    return Gloss(index, phrase.start, phrase.end, text[phrase.start : phrase.end], found, source if found else "",
                 level)


def level_after(level: str) -> str | None:
    """The level above `level` (None above C2): "the words above B1" are those from B2."""
    rank = LEVELS.index(level)
    return LEVELS[rank + 1] if rank + 1 < len(LEVELS) else None


def words_above(blocks: list[tuple[int, str]], level: str, glossary: list[GlossaryEntry],
                lookup: Lookup | None) -> list[Gloss]:
    """A pre-teach list: each word above `level` once (its first place), hardest first, with its gloss
    (the lesson's word list, else the dictionary's; "" when neither has one). Names are left out."""
    start = level_after(level)
    if start is None:
        return []
    found = find_glosses(blocks, start, glossary=glossary_glosses(glossary), own={}, known=set(), lookup=lookup,
                         bare=True)
    first: dict[str, Gloss] = {}
    for gloss in found:
        first.setdefault(lemma_of(gloss.word.replace("’", "'").lower()), gloss)
    return sorted(first.values(), key=lambda g: (-LEVELS.index(g.level or "A1"), g.word.lower()))


def dictionary_lookup(dictionary: Dictionary) -> Lookup | None:
    """The batch lookup of a dictionary file (its first Japanese sense per word), None without entries."""
    if not dictionary.has_entries():
        return None

    def lookup(words: list[str], pos: dict[str, str | None], sentences: dict[str, str]) -> dict[str, str]:
        return {w: s.headword for w, s in dictionary.first_senses(words, pos, sentences).items() if s.headword}

    return lookup
