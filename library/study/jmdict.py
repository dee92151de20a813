"""JMdict (as the `jamdict-data` package ships it) turned into ranked English→Japanese rows for learners.

Each English key keeps its best senses. Common, everyday words come first: JMdict's priority tags
say which words are everyday (ichi1: the "Ichimango" list of everyday words; spec1, gai1) and
which are merely frequent in newspapers (news1 and its nfXX bands). So "rice" gives 米 and ご飯
before the trade word 米穀 (news1 only). Senses marked archaic, rare or of a special register sink,
and so do sounds and mimetic words, a game's or a religion's terms, katakana loanwords (after a
kanji word as common) and senses listing the word among others (after one that is the word alone),
the more so from the third place of the list on (ひしひし: "acutely (feel); keenly; severely").
A verb is found under the noun a suru-noun glosses (中止 "suspension" under suspend, before
下げる "to hang; to suspend"), and an adverb under its adjective's senses (深刻, 厳しい "severe"
under severely), after the word's own glosses as common. A sense listing the word third or later
among three or more (手前 "skill; dexterity; artistry; ingenuity") comes after every sense that has
it first or second, however common, and "to be frugal" (a verb) after the adjective's own senses. The
word narrowed by a qualifier ("(immigrant) community": 植民地) or given after another word among four or
more ("tranquil; calm; quiet; peaceful") comes after the word itself, plain (コミュニティ, 穏やか), and a
verb glossed with its particle ("to compensate for") is found under the verb too, and a phrase
("according to") under its first word. The word narrowed by what follows it ("court (e.g. tennis
…)") comes after the word itself, and a compound of the plain word (オリーブ色
"olive (colour)") gives its place to it (オリーブ). An entry's priority tags are its first sense's:
a later one (汗 "sweat", then "moisture") comes after another entry's first as common. An adjectival
noun glossed by its noun of quality (不安定 "instability") is found under the adjective (unstable).
Of senses near-equal so far, the Japanese word more common in running text comes first (能力 before
体積 for "capacity"; japanese_frequency.py reads wordfreq's list once, for the build). "getting off"
is no sense of "getting" alone, as "according to" is of "according". A word JMdict glosses only with a
noun before it ("cabinet minister": 大臣) is found under the head noun too (minister), after the word's
own senses as common; and a word of no priority list with an archaic or rare sense (大殿) is old in all
its senses, after a common word.
Each row's rank is its score, so that a form's senses and its lemma's can be compared (dictionary.py).
Which of a word's senses fits its sentence (a noun, a verb, …) is sentence_pos.py's to say.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping

from library.study.dictionary_import import normalise_key
from library.study.japanese_frequency import frequency_penalty, japanese_frequencies

CHECK_EVERY = 5000  # rows read between looks at whether the build was cancelled (a few ms)
KEEP_PER_KEY = 12  # senses kept for one English key
MAX_KEY_WORDS = 4  # longer glosses are definitions, not keys
JMDICT_SOURCE = "jmdict"

Row = tuple[str, int, str, str, str, str, str]  # key, rank, source, headword, reading, gloss, pos
# score, derived (1) or its own gloss (0), order read, headword, reading, gloss, pos, the key plain in the gloss
Candidate = tuple[int, int, int, str, str, str, str, bool]
Progress = Callable[[float], None]  # the share of the build done, 0.0–1.0

_PAREN = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
_LEADING = re.compile(r"^(?:to be |to |a |an |the |one's |oneself )", re.IGNORECASE)
_NF = re.compile(r"^nf(\d\d)$")
# A two-word gloss "cooked rice" is a kind of rice: found under "rice" too, a little after its own words.
# Only for a lower-case modifier (a participle or an everyday adjective): "United States" is no kind of state.
_MODIFIERS = frozenset(
    "raw fresh white brown black red green blue yellow small large big little young old wild sweet sour bitter".split()
)
# Points added to a sense's score (lower is better).
PAREN_PENALTY = 1  # "(husked grains of) rice" is still rice; a note, "(e.g. to a computer)", costs nothing
_NOTES = ("e.g.", "esp.", "i.e.", "usu.", "incl.", "etc.")
ARTICLE_PENALTY = 3  # "a model" rather than "model"
HEAD_PENALTY = 3  # "cooked rice" under "rice"
# "cabinet minister" (大臣) is a minister too, and JMdict glosses the common word no other way: found under
# its head noun after the word's own senses as common, whatever the noun before it ("tax office" → office).
NOUN_HEAD_PENALTY = 14
RARE_PENALTY = 40
# A word of no priority list with a sense marked archaic or rare (大殿 "minister (of government); noble", then
# "nobleman's residence" (archaism)) is an old word in all its senses: after a common word of the same sense.
RARE_ENTRY_PENALTY = 14
REGISTER_PENALTY = 6
MIMETIC_PENALTY = 10  # "crash" gives 衝突 before the sound バタン
FIELD_PENALTY = 12  # a game's or a religion's word (槓子 for "kong") is not what a news reader means
LOANWORD_PENALTY = 4  # a katakana word of no priority list (インベスター) after a kanji word (投資家)
SHARED_PENALTY = 2  # a sense that is the word alone ("restriction") before one that lists it among many
POSITION_PENALTY = 2  # for each gloss before the word's after the second ("acutely; keenly; severely")
# The word as one synonym among many, from the third place of three or more on ("skill; dexterity;
# artistry; ingenuity" is 手前): after every sense that has it first or second, however common.
AMONG_MANY_PENALTY = 30
# "to be frugal" (惜しむ) is a verb that says what the adjective does: after the adjective's own senses (質素).
TO_BE_PENALTY = 4
# A qualifier before the word narrows it to another thing: "(immigrant) community" (植民地) is a kind of
# community, not the word itself (コミュニティ); "(husked grains of) rice" is still rice.
QUALIFIER_PENALTY = 12
# The word as one of many synonyms after another word ("crowd; community; group; herd", "tranquil;
# calm; quiet; peaceful"): after a sense that has it first (穏やか "calm; quiet; …").
SYNONYM_PENALTY = 8
SYNONYMS = 4  # glosses of this many parts or more list synonyms ("collision; crash; running into" does not)
# "to compensate for", "to cope with": found under the verb alone too, as a dictionary has it.
PHRASAL_PENALTY = 1
# "according to (someone)" (によると): found under "according" too, which is seldom written without it; so
# are "because of", "instead of", but not "getting off" (下車) or "getting up", a verb's -ing with its adverb.
PHRASE_PENALTY = 4
_PHRASE_ENDS = ("to", "of")
# A qualifier after the word narrows it to another thing: "olive (colour, color)", "court (e.g. tennis,
# basketball)", "to sustain (damage)"; a note ("(e.g. to a computer)"), a place of use ("(of a bus, boat, etc.)",
# "(from an illness)") or a definition ("(Internet video-sharing web site)") does not (_narrows).
TRAILING_PENALTY = 6
# An entry's priority tags are its form's, earned by its first sense: a later one ("moisture", the second of
# 汗 "sweat") comes after another entry's first sense as common (湿気 "moisture"), besides its place.
LATER_SENSE_PENALTY = 3
_PARTICLES = frozenset("for with on in to at of from about into up out off down over upon".split())
# "according to (someone)", "European (person)", "Japanese (language)", "of (them)", "teeth (and tusks)",
# "to speak (a language)": which sense, not another thing.
_SOMEONE = frozenset(
    "someone something somebody one one's oneself sth person people language them it him her us you and or a an"
    " the".split())
_MIMETIC = "onomatopoeic or mimetic word"
_FIELDS = frozenset((
    "mahjong", "hanafuda", "shogi", "go (game)", "card games", "sumo", "Buddhism", "Shinto", "Christianity",
    "martial arts", "horse-racing", "video game", "baseball", "kabuki", "noh", "skiing", "golf", "cards",
))
_KATAKANA = re.compile(r"^[\u30a0-\u30ffー・]+$")
_RARE = frozenset(("archaism", "obsolete term", "obscure term", "rare term", "rare", "dated term"))
_REGISTER = frozenset((
    "male term or language", "female term or language", "children's language", "vulgar expression or word",
    "slang", "derogatory", "jocular, humorous term", "poetical term", "manga slang", "Internet slang",
    "sensitive", "abbreviation", "yojijukugo", "proverb", "idiomatic expression",
    "colloquialism",  # 別荘 "villa", then "prison; jail" (colloquial): after 刑務所 for a prison
))
_POS_SHORT = (
    ("suru", "n., vs"),
    ("pre-noun", "adj."),
    ("adjectival noun", "adj. (na)"),
    ("adjective", "adj."),
    ("adverb", "adv."),
    ("noun", "n."),
    ("verb", "v."),
    ("expression", "exp."),
    ("conjunction", "conj."),
    ("pronoun", "pron."),
    ("interjection", "int."),
    ("prefix", "pref."),
    ("suffix", "suf."),
    ("counter", "ctr."),
)


class BuildCancelled(Exception):
    """The build was stopped before it ended (the window closed, say); nothing was written."""


def gloss_keys(gloss: str, noun: bool = True, noun_heads: bool = True) -> list[tuple[str, int]]:
    """The English keys a JMdict gloss is found under, each with its penalty (0 for the gloss itself):
    'access (e.g. to a computer)' → access; 'to access' → access; 'autonomy; self-government' → both;
    'cooked rice' (a noun) → cooked rice, and rice a little after; 'cabinet minister' → minister further
    after, unless `noun_heads` is false (a loanword: エンジェル "angel investor" is no investor's word)."""
    out: list[tuple[str, int]] = []
    parts = [_flatten(p) for p in gloss.split(";")]
    for place, part in enumerate(parts):
        plain = normalise_key(_PAREN.sub(" ", part))
        # A qualifier ("(husked grains of) rice", "to run (of ink)") narrows the sense; a note does not.
        notes = [m.group(0).strip(" ([").lower() for m in _PAREN.finditer(part)]
        penalty = PAREN_PENALTY if any(not n.startswith(_NOTES) for n in notes) else 0
        leading = _PAREN.match(part.strip())
        qualifier = leading.group(0).strip(" ()[]").lower() if leading else ""
        if qualifier and not qualifier.endswith(" of") and not qualifier.startswith(_NOTES):
            penalty = max(penalty, QUALIFIER_PENALTY)
        if any(_narrows(m.group(0)) for m in _PAREN.finditer(part.strip()) if m.start() > 0):
            penalty = max(penalty, TRAILING_PENALTY)
        stripped = _LEADING.sub("", plain)
        if stripped != plain and not plain.startswith("to "):
            penalty = max(penalty, ARTICLE_PENALTY)
        if plain.startswith("to be ") and " " not in stripped:
            penalty += TO_BE_PENALTY
        if place >= 2 and len(parts) >= 3:
            penalty += AMONG_MANY_PENALTY
        elif place >= 1 and len(parts) >= SYNONYMS:
            penalty += SYNONYM_PENALTY
        key = stripped.strip(" .,!?")
        if not key or len(key.split()) > MAX_KEY_WORDS or len(key) > 40:
            continue
        out.append((key, penalty))
        verb_words = key.split()
        if len(verb_words) == 2 and verb_words[1] in _PARTICLES and verb_words[0].isalpha():
            if plain.startswith("to "):
                out.append((verb_words[0], penalty + PHRASAL_PENALTY))
            elif verb_words[0] not in _PARTICLES and verb_words[1] in _PHRASE_ENDS:
                out.append((verb_words[0], penalty + PHRASE_PENALTY))
        words = part.strip().split()
        if noun and len(words) == 2 and words[0].isalpha() and words[0].islower() and words[1].isalpha():
            first = words[0]
            if first.endswith("ed") or first in _MODIFIERS:
                out.append((words[1].lower(), penalty + HEAD_PENALTY))
            elif noun_heads and first not in _PARTICLES and first not in _SOMEONE and not plain.startswith("to "):
                out.append((words[1].lower(), penalty + NOUN_HEAD_PENALTY))
    return out


def _flatten(text: str) -> str:
    """A gloss with the brackets inside its brackets dropped: "dog (Canis (lupus) familiaris)" →
    "dog (Canis lupus familiaris)", found under dog (not "dog familiaris")."""
    if text.count("(") + text.count("[") < 2:
        return text
    out, depth = [], 0
    for ch in text:
        if ch in "([":
            depth += 1
            if depth > 1:
                continue
        elif ch in ")]":
            depth = max(depth - 1, 0)
            if depth >= 1:
                continue
        out.append(ch)
    return "".join(out)


def _narrows(paren: str) -> bool:
    """Whether a parenthesis after a gloss's word narrows it to another thing: a word or two ("olive
    (colour, color)", "swift (bird)") or examples of other things ("court (e.g. tennis, basketball)"); not
    a note, a use ("(of a bus)", "(e.g. to a computer)", "(someone)", "(and tusks)") or a definition of the
    thing itself ("YouTube (Internet video-sharing web site)", "dog (Canis lupus familiaris)")."""
    text = paren.strip(" ()[]").lower()
    examples = text.startswith("e.g. ")
    if examples:
        text = text[5:]
    elif text.startswith(_NOTES):
        return False
    words = text.split()
    if not words or words[0] in _PARTICLES or words[0] in _SOMEONE:
        return False
    return examples or len(words) <= 2


def commonness(tags: Iterable[str]) -> int:
    """Lower is more common for a learner: everyday words (ichi1, spec1) first, then common loanwords
    (gai1: the English word again, in katakana), then words frequent in the news (news1), then the
    rest; the nfXX newspaper band (of 48) breaks ties within each."""
    found = set(tags)
    if found & {"ichi1", "spec1"}:
        tier, band = 0, 8
    elif "gai1" in found:
        tier, band = 10, 8
    elif "news1" in found:
        tier, band = 8, 24
    elif found & {"ichi2", "news2", "spec2", "gai2"}:
        tier, band = 16, 36
    else:
        tier, band = 30, 48
    for tag in found:
        m = _NF.match(tag)
        if m:
            band = int(m.group(1))
    return tier + band // 8


# Nouns of verbs: the endings a noun's gloss may have, and the verb endings to try in their place.
_NOUN_ENDINGS = (
    ("ission", ("it",)), ("ssion", ("ss",)), ("sion", ("d", "de", "se", "")), ("ation", ("e", "", "ate")),
    ("tion", ("te", "t", "")), ("ment", ("",)), ("al", ("e", "")), ("ance", ("", "e")), ("ence", ("e", "")),
)


def verbs_of_noun(noun: str) -> list[str]:
    """The verbs a noun may be made from, to be checked against the verbs the dictionary has:
    suspension → suspend, suspense, …; cancellation → cancel; postponement → postpone."""
    out = []
    for ending, replacements in _NOUN_ENDINGS:
        if noun.endswith(ending) and len(noun) > len(ending) + 2:
            stem = noun[: -len(ending)]
            out += [stem + r for r in replacements]
            if ending == "ation" and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # cancellation → cancel
            break
    return out


def adverbs_of_adjective(adjective: str) -> list[str]:
    """The adverbs an adjective makes: severe → severely, happy → happily, gentle → gently, basic → basically."""
    if adjective.endswith("le") and len(adjective) > 3:
        return [adjective[:-1] + "y"]
    if adjective.endswith("y") and len(adjective) > 2:
        return [adjective[:-1] + "ily"]
    if adjective.endswith("ic"):
        return [adjective + "ally"]
    if adjective.endswith("ue"):
        return [adjective[:-1] + "ly"]
    if adjective.endswith("ll"):
        return [adjective + "y"]
    return [adjective + "ly"]


# Nouns of adjectives: the ending of a noun glossing an adjectival noun, and the adjective endings in its place.
_QUALITY_ENDINGS = (
    ("ility", ("le",)), ("ity", ("e", "")), ("iness", ("y",)), ("ness", ("",)), ("ance", ("ant",)),
    ("ence", ("ent",)), ("acy", ("ate",)), ("cy", ("t",)),
)


def adjectives_of_noun(noun: str) -> list[str]:
    """The adjectives a noun of quality may be made from, to be checked against the dictionary's words:
    instability → instable, unstable; security → secure; happiness → happy; violence → violent."""
    out: list[str] = []
    for ending, replacements in _QUALITY_ENDINGS:
        if noun.endswith(ending) and len(noun) > len(ending) + 2:
            out += [noun[: -len(ending)] + r for r in replacements]
            break
    return out + ["un" + a[2:] for a in out if a.startswith("in")]  # instability → unstable


def compounds_after_their_word(found: list[Candidate]) -> list[Candidate]:
    """A key's candidates sorted, a compound narrowed by a qualifier after the word its headword is
    made from, glossed as the key itself: オリーブ "olive" takes the place of オリーブ色 "olive (colour,
    color)", whose priority tags speak for the plain word too."""
    found = sorted(found)
    plain = {c[3]: i for i, c in enumerate(found) if c[7]}
    for i, c in enumerate(found):
        if c[7] or c[1]:
            continue
        base = next((w for w in plain if len(w) >= 2 and w != c[3] and c[3].startswith(w) and plain[w] > i), None)
        if base is None:
            continue
        j = plain.pop(base)
        found[j] = (c[0], *found[j][1:])
        found[i] = (c[0] + 1, *c[1:])
    return sorted(found)


def kanji_grades(jm: sqlite3.Connection) -> dict[str, int]:
    """Each kanji's school grade from KANJIDIC2 (1–6 primary school, 8 secondary, 9–10 names), where the data has it."""
    try:
        rows = jm.execute("SELECT literal, grade FROM character WHERE grade IS NOT NULL AND grade != ''").fetchall()
    except sqlite3.Error:
        return {}
    return {literal: int(grade) for literal, grade in rows if str(grade).isdigit()}


def kanji_weight(word: str, grades: dict[str, int]) -> int:
    """Lower for a word written in kanji taught early (本, 米) than in late or rare ones (書籍, 米穀); 0 for kana."""
    worst = 0
    for ch in word:
        if "\u4e00" <= ch <= "\u9fff":
            worst = max(worst, grades.get(ch, 10))
    return max(worst - 1, 0) // 2 if grades else 0


def short_pos(labels: list[str]) -> str:
    """JMdict's part-of-speech label as the card shows it ("n.", "v.", "adj. (na)"; "n., vs" for a
    noun that takes suru, whichever of its labels says so: 調査 serves for "investigate")."""
    if any("suru" in label.lower() for label in labels):
        return "n., vs"
    for label in labels:
        low = label.lower()
        for needle, short in _POS_SHORT:
            if needle in low:
                return short
    return ""


def _tags(jm: sqlite3.Connection, sql: str, check: Callable[[], None]) -> dict[int, tuple[str, list[str]]]:
    """The first form of each entry (kanji or kana) with its priority tags."""
    first: dict[int, tuple[str, list[str]]] = {}
    for n, (idseq, text, prio) in enumerate(jm.execute(sql)):
        if n % CHECK_EVERY == 0:
            check()
        if idseq not in first:
            first[idseq] = (text, (prio or "").split(","))
    return first


def jmdict_rows(jm: sqlite3.Connection, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None,
                frequencies: Mapping[str, float] | None = None) -> list[Row]:
    """Ranked rows, the best KEEP_PER_KEY per English key; reports progress up to 0.8 of the whole.
    `frequencies`: Japanese words' Zipf values (wordfreq's list unless given; japanese_frequency.py)."""
    say = progress or (lambda _f: None)
    stop = cancelled or (lambda: False)
    common = japanese_frequencies() if frequencies is None else frequencies

    def check() -> None:
        if stop():
            raise BuildCancelled("the dictionary build was cancelled")

    say(0.0)
    kana = _tags(jm, "SELECT k.idseq, k.text, group_concat(p.text) FROM Kana k LEFT JOIN KNP p ON p.kid = k.ID"
                     " GROUP BY k.ID ORDER BY k.ID", check)
    say(0.08)
    kanji = _tags(jm, "SELECT k.idseq, k.text, group_concat(p.text) FROM Kanji k LEFT JOIN KJP p ON p.kid = k.ID"
                      " GROUP BY k.ID ORDER BY k.ID", check)
    say(0.16)
    misc: dict[int, list[str]] = {}
    pos: dict[int, list[str]] = {}
    field: dict[int, list[str]] = {}
    for table, into in (("misc", misc), ("pos", pos), ("field", field)):
        try:
            cursor = jm.execute(f"SELECT sid, text FROM {table}")
        except sqlite3.Error:  # an older or smaller JMdict without the table
            continue
        for n, (sid, text) in enumerate(cursor):
            if n % CHECK_EVERY == 0:
                check()
            into.setdefault(sid, []).append(text)
    rare_entries: set[int] = set()
    rare_sids = {sid for sid, texts in misc.items() if any(t in _RARE for t in texts)}
    if rare_sids:
        for n, (sid, idseq) in enumerate(jm.execute("SELECT ID, idseq FROM Sense")):
            if n % CHECK_EVERY == 0:
                check()
            if sid in rare_sids:
                rare_entries.add(idseq)
    grades = kanji_grades(jm)
    say(0.24)
    last_sid = jm.execute("SELECT max(ID) FROM Sense").fetchone()[0] or 1
    best: dict[str, list[Candidate]] = {}
    # Senses found under a verb, adverb or adjective made from their gloss, kept if the dictionary has that word.
    derived: dict[tuple[str, bool], list[Candidate]] = {}  # (word, a verb)
    verbs: set[str] = set()  # the English verbs of the dictionary ("to suspend")
    order, entry, n, last_pos = 0, -1, 0, [""]
    for count, (sid, idseq, gloss) in enumerate(jm.execute(
        "SELECT s.ID, s.idseq, group_concat(g.text, '; ') FROM Sense s JOIN SenseGloss g ON g.sid = s.ID"
        " WHERE g.lang = 'eng' GROUP BY s.ID ORDER BY s.ID"
    )):
        if count % CHECK_EVERY == 0:
            check()
            say(0.24 + 0.5 * sid / last_sid)
        n = n + 1 if idseq == entry else 0
        if idseq != entry:
            entry, last_pos = idseq, []
        tags = misc.get(sid, [])
        labels = pos.get(sid) or last_pos  # JMdict leaves a sense's POS to the previous one
        last_pos = labels
        word_kana, kana_prio = kana.get(idseq, ("", []))
        if idseq in kanji and "word usually written using kana alone" not in tags:
            word, prio = kanji[idseq]
            reading = word_kana
        else:
            word, reading, prio = word_kana, word_kana, kana_prio
        if not word:
            continue
        penalty = commonness(prio) + kanji_weight(word, grades) + n * 2 + (LATER_SENSE_PENALTY if n else 0)
        # The list counts the word, earned by its first sense: a later one (次 "stage; station", after
        # "next") gets none of it, as rare as a word of no list; nor does a gloss after the sense's first
        # (一杯 "amount necessary to fill a container; drink": common for the cupful, not for "drink").
        usual = frequency_penalty(word, common, any(prio), later=n > 0)
        unusual = frequency_penalty(word, common, any(prio), later=True)
        first_gloss = _LEADING.sub("", normalise_key(_PAREN.sub(" ", _flatten(gloss.split(";")[0]))))
        if any(t in _RARE for t in tags):
            penalty += RARE_PENALTY
        elif idseq in rare_entries and not any(prio):
            penalty += RARE_ENTRY_PENALTY
        if any(t in _REGISTER for t in tags):
            penalty += REGISTER_PENALTY
        if _MIMETIC in tags:
            penalty += MIMETIC_PENALTY
        if any(t in _FIELDS for t in field.get(sid, [])):
            penalty += FIELD_PENALTY
        if _KATAKANA.match(word) and not any(t for t in prio):
            penalty += LOANWORD_PENALTY  # a common loanword (アクセス, gai1) keeps its place
        if ";" in gloss:
            penalty += SHARED_PENALTY
        short = short_pos(labels)
        noun = any("noun" in label.lower() for label in labels)
        suru = "suru" in " ".join(labels)
        adjective = short.startswith("adj")
        for k, (key, key_penalty) in enumerate(gloss_keys(gloss, noun, not _KATAKANA.match(word))):
            order += 1
            score = penalty + k + max(0, k - 1) * POSITION_PENALTY + key_penalty + (
                usual if key == first_gloss or first_gloss.startswith(key + " ") else unusual)
            best.setdefault(key, []).append((score, 0, order, word, reading, gloss, short, not key_penalty))
            if short == "v." and " " not in key:
                verbs.add(key)
            if " " in key or key_penalty:
                continue
            made = (verbs_of_noun(key) if suru else
                    [*adverbs_of_adjective(key), *adjectives_of_noun(key)] if adjective else [])
            for other in made:
                # After the word's own glosses of the same score (the 1 in second place).
                derived.setdefault((other, suru), []).append((score, 1, order, word, reading, gloss, short, False))
    for (key, verb), found in derived.items():
        if key in (verbs if verb else best):  # a word of the dictionary's own: "suspense" is no verb
            best[key].extend(found)
    check()
    say(0.74)
    rows: list[Row] = []
    for key, found in best.items():
        found = compounds_after_their_word(found)
        seen: set[str] = set()
        rank = -1
        for score, _derived, _order, word, reading, gloss_text, short, _plain in found:
            if word in seen:
                continue
            seen.add(word)
            # The score itself (one more than the last where two are equal): the senses of a word's
            # form and of its lemma are compared by it (dictionary.py).
            rank = max(score, rank + 1)
            rows.append((key, rank, JMDICT_SOURCE, word, reading, gloss_text, short))
            if len(seen) >= KEEP_PER_KEY:
                break
    say(0.8)
    return rows
