"""Which of a word's senses its sentence speaks of, told cheaply from the other words of the sentence
against each sense's English glosses: "bank" in a sentence about interest rates is 銀行, by a river 岸;
"plant" that workers lose their jobs at is 工場, not 植物; "sentence" a judge hands down is 刑 or 宣告,
not 文; "bill" that a senate passes is 法案, not 付け.

Two cues, each worth a few points of the table's score (dictionary.py subtracts them):
- the sentence and the gloss share a word ("interest rate" 金利 in "… raised its interest rate");
- the sentence and the gloss belong to the same field of the news (law, politics, finance, business,
  medicine, war, the world, the environment, nature): "judge … prison" and "penalty; sentence; punishment", "senate" and
  "bill (law)", "workers … jobs" and "factory; plant; mill". The fields are word lists of their own,
  not a word's senses: every sense of every word is judged by the same lists.
The word looked up is no cue for itself ("bank" is a finance word, but not in "the bank of the river").
A few set lookups a sense: nothing is read from disk, nothing at start-up.
"""

from __future__ import annotations

import re

# Points off a sense's score (lower is better) for a word shared with the sentence, and for a field
# shared with it. A sense of the word's part of speech there still comes first (sense_order's tuple).
SHARED_WORD_BONUS = 8
FIELD_BONUS = 12
# A gloss whose bracket names the sentence's matter ("bill (law)", "bank (of a river)") says which sense it
# is: the table's ranking set it back for narrowing the word; here it is the sense meant.
QUALIFIED_BONUS = 6
MAX_BONUS = 22
_BRACKET = re.compile(r"\(([^)]*)\)")

_WORD = re.compile(r"[a-z][a-z'’-]*")
# Words that say nothing of a sentence's matter, nor of a gloss's.
_STOP = frozenset(
    "a an the this that these those of in on at for with without by from to into onto as about over under after"
    " before than then and or but nor so yet if when while who whom whose which what where why how it its it's"
    " is are was were be been being am has have had do does did will would can could may might must shall should"
    " not no he she they we you i him her them us me my your his our their one ones someone something someone's"
    " one's oneself e.g. i.e. esp. usu. etc. also more most very some any all each every other such there here"
    " said says say new up down out off per two three last next first year years week month day time".split()
)
# The fields of the news a sentence and a sense may share; each word stands for its field in a sentence
# and in a gloss alike ("court", "crime", "penalty", "verdict" for the law).
_FIELDS: dict[str, frozenset[str]] = {
    "law": frozenset(
        "law legal court courts judge judges jury prison prisoner jail jailed convicted conviction guilty crime"
        " criminal murder theft fraud lawyer attorney trial verdict penalty punishment sentenced prosecutor"
        " prosecution accused suspect police arrest arrested lawsuit sue sued offence offense"
        " punish punished condemn judgment judgement legislative legislation statute".split()),
    "politics": frozenset(
        "parliament senate congress lawmaker lawmakers minister ministers government president election vote"
        " voter voters party parties legislative legislation law laws bill bills passed cabinet political politics"
        " opposition ruling seat seats mp mps assembly diet policy campaign referendum".split()),
    "finance": frozenset(
        "bank banks banking central interest rate rates loan loans lent lend lending money monetary financial"
        " finance inflation currency debt investor investors investment invest stock stocks share shares market"
        " markets bond bonds securities capital fund funds profit profits tax taxes budget deposit deposits"
        " payment credit economy economic".split()),
    "business": frozenset(
        "company companies firm firms factory factories plant plants worker workers job jobs industry industrial"
        " production produce output maker makers manufacturer manufacturing mill workshop equipment machinery"
        " enterprise business steel car cars shut closure staff employee employees union wage wages".split()),
    "medicine": frozenset(
        "hospital hospitals doctor doctors nurse nurses patient patients disease illness sick medical medicine"
        " drug drugs surgery cancer health clinic clinical treatment treated treat virus infection symptom"
        " symptoms cell cells invalid sufferer".split()),
    "war": frozenset(
        "army armies troops soldier soldiers military war attack attacked weapon weapons missile missiles fighting"
        " fired shelling rebel rebels navy forces battle combat bomb bombs explosive explosives".split()),
    "world": frozenset(
        "country countries foreign international nation nations overseas abroad export exports import imports"
        " diplomat diplomats diplomatic embassy border borders global".split()),
    "environment": frozenset(
        "emission emissions carbon co2 pollution polluting climate greenhouse exhaust fumes fuel fuels car cars"
        " factory factories energy renewable".split()),
    "nature": frozenset(
        "river rivers lake lakes sea shore coast water soil garden gardens grow grows grew seed seeds flower"
        " flowers leaf leaves tree trees vegetation forest forests crop crops farm farmer farmers wild".split()),
}
_FIELD_OF: dict[str, frozenset[str]] = {}
for _name, _words in _FIELDS.items():
    for _w in _words:
        _FIELD_OF[_w] = _FIELD_OF.get(_w, frozenset()) | {_name}


def stem(word: str) -> str:
    """A word without its plural's or past's ending, for matching only: "rates" and "rate", "jailed"
    and "jail", "companies" and "company" are one."""
    word = word.replace("’", "'").lower()
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ed", "es")) and not word.endswith(("ees", "eed")):
        return word[:-2] if word.endswith("ed") or word[-3] in "sxz" or word.endswith(("ches", "shes")) else word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class Context:
    """A sentence's cues for the senses of one of its words: its other words (stemmed) and their fields."""

    __slots__ = ("fields", "words")

    def __init__(self, sentence: str, word: str) -> None:
        own = {stem(w) for w in _WORD.findall(word.lower())}
        found = [w for w in _WORD.findall(sentence.lower()) if w not in _STOP]
        self.words = frozenset(stem(w) for w in found) - own
        fields: set[str] = set()
        for w in found:
            if stem(w) not in own:
                fields |= _FIELD_OF.get(w, frozenset()) | _FIELD_OF.get(stem(w), frozenset())
        self.fields = frozenset(fields)

    def __bool__(self) -> bool:
        return bool(self.words)

    def bonus(self, gloss: str, key: str = "") -> int:
        """Points off a sense's score for what its gloss shares with the sentence (0 for nothing)."""
        if not self.words:
            return 0
        own = stem(key) if key else ""
        found = [w for w in _WORD.findall(gloss.lower()) if w not in _STOP]
        stems = {stem(w) for w in found} - {own}
        bonus = SHARED_WORD_BONUS if stems & self.words else 0
        if self.fields:
            fields = self._fields_of(found, own)
            if fields & self.fields:
                bonus += FIELD_BONUS
        if bonus:
            inside = [w for b in _BRACKET.findall(gloss.lower()) for w in _WORD.findall(b) if w not in _STOP]
            if {stem(w) for w in inside} & self.words or self._fields_of(inside, own) & self.fields:
                bonus += QUALIFIED_BONUS
        return min(bonus, MAX_BONUS)

    @staticmethod
    def _fields_of(words: list[str], own: str) -> set[str]:
        fields: set[str] = set()
        for w in words:
            if stem(w) != own:
                fields |= _FIELD_OF.get(w, frozenset()) | _FIELD_OF.get(stem(w), frozenset())
        return fields

