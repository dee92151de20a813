"""A word's part of speech where it stands in its sentence, told cheaply from the words around it,
and how well a dictionary sense's part of speech (JMdict's n., v., adj., adv.; "n., vs" for a noun
that takes suru) agrees with it. The lookup card, the glosses over hard words, My words' meanings
and the tutor's level report all choose a sense with these two functions."""

from __future__ import annotations

import re

# After these the word is a noun ("the scheme", "their ingenuity", "of access").
_DETERMINERS = frozenset(
    "a an the this that these those my your his her its our their some any no every each more much many own"
    " another either neither several".split()
)
_PREPOSITIONS = frozenset("of in on for with without about into from by as such at".split())
# Numbers: a word after one is a noun ("a hundred patients", "three plants"), never the verb of the number.
_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty"
    " seventy eighty ninety hundred hundreds thousand thousands million millions billion billions dozen dozens"
    " few".split()
)
# After these the word is a verb ("to access", "they insist").
_VERB_BEFORE = frozenset(
    "to will would can could should shall may might must not never also don't doesn't didn't cannot can't won't"
    " i you we they he she it who".split()
)
# Words that end in -ly and are no adverbs.
_NOT_ADVERBS = frozenset(
    "family only early daily weekly monthly yearly likely unlikely lovely friendly ugly holy silly jelly belly"
    " bully ally rally tally reply supply apply rely fly july italy assembly anomaly monopoly".split()
)
# Endings of words that are nouns ("poverty remains", "the government insists").
_NOUN_ENDINGS = ("ty", "tion", "sion", "ment", "ness", "ance", "ence", "ism", "ist", "ship", "ure", "ery")
# Endings of adjectives: "a frugal farmer", not a noun after its determiner.
_ADJECTIVE_ENDINGS = ("al", "ous", "ive", "ful", "less", "ic", "able", "ible", "ant", "ent", "ary")
# After these a word that is no participle describes ("people were calm", "it became unstable").
_LINKING = frozenset(
    "is are was were be been being am become became becomes seem seems seemed remain remains remained stay stayed"
    " feel felt look looked appear appeared i'm you're we're they're he's she's it's that's".split()
)
# Past forms of verbs without -ed that are seldom a noun or an adjective (not saw, thought, led): after "the
# ___" each is the verb of the word before it, a noun ("the firm fell", "the minister said"), not a word
# describing it.
_PAST = frozenset(
    "said told made took went came gave grew fell rose won began became brought bought sold held kept paid sent"
    " spent built knew met ran wrote chose struck drove broke stood sought taught fought caught"
    " meant fled flew threw drew forgot froze hid shook swore tore wore woke lent slept".split()
)
_AND = frozenset(("and", "but", "or", "yet"))
# Words that start a clause and are no noun, whatever follows them ("It said", "Then came").
_FUNCTION_WORDS = frozenset(
    "i you we they he she it who what which where when why how there here then now so thus still this that these"
    " those also yet".split()
) | _DETERMINERS | _PREPOSITIONS | _AND
# After these "to" is a place's, not a verb's: "moved to lower pastures", "fled to higher ground".
_MOTION = frozenset(
    "move moved moves moving go goes went gone going come comes came coming return returned returning"
    " flee fled fleeing head headed heading travel travelled traveled sent taken brought relocated"
    " evacuated driven led carried".split()
)
_PERFECT = frozenset(("has", "have", "had", "having", "'ve"))  # "has pledged": a verb's participle
# Modal verbs: before a verb ("residents can apply") each is a verb itself, never a noun (缶 "can").
_MODALS = frozenset("can could may might must will would shall should".split())
# Endings of nouns that end in -s and are no verb's -s: "a deep crisis", "the bus", "its status".
_NOT_VERB_S = ("ss", "is", "us", "ics", "ous")
_EN_PARTICIPLES = frozenset(
    "taken given written spoken chosen driven eaten fallen forgotten broken frozen hidden risen shown known grown"
    " thrown drawn beaten bitten proven stolen sworn torn worn woken".split()
)
# Forms of "be" (and "get") before a participle make it passive: "a suspect was held", "prices were cut".
_PASSIVE = frozenset("is are was were be been being get gets got isn't aren't wasn't weren't".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_LAST_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*\s*$")
_NEXT = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")


def _words(text: str) -> list[str]:
    return [w.replace("’", "'").lower() for w in _WORD.findall(text)]


def _noun_like(word: str, before: str | None) -> bool:
    """Whether a word heads a noun phrase: a noun by its ending, or a word after a determiner."""
    if word in _DETERMINERS or word in _PREPOSITIONS or word in _VERB_BEFORE or word.endswith("ly"):
        return False
    return word.endswith(_NOUN_ENDINGS) or (before in _DETERMINERS and not word.endswith(_ADJECTIVE_ENDINGS))


def _subject(word: str, following: str) -> bool:
    """Whether a word that starts a clause is its subject by the verb after it: a past form ("said",
    "warned") or a modal ("must"); not a pronoun, a determiner or another word of grammar ("It said")."""
    if not following or word in _FUNCTION_WORDS or word.endswith("ly"):
        return False
    return following in _PAST or following in _MODALS or (following.endswith("ed") and len(following) > 4)


def _starts_clause(before: str) -> bool:
    """Whether the last word of the text before a word is the first of its clause ("Police fired")."""
    last = _LAST_WORD.search(before)
    rest = before[: last.start()].rstrip() if last else before.rstrip()
    return not rest or rest.endswith((".", ",", ";", ":", "!", "?", '"', "“", "”"))


def _subject_verb(words: list[str], lower: str, clause_start: bool) -> bool:
    """Whether the word is the verb of the noun before it, a subject: a past form after the clause's first
    word ("Police fired", "Officials held"), or a bare verb after a plural noun that starts its clause or
    follows a determiner ("Farmers plant rice", "the workers build")."""
    last = words[-1]
    if last in _FUNCTION_WORDS or last in _NUMBERS or last in _MODALS or last in _LINKING or last.endswith("ly"):
        return False
    if lower in _FUNCTION_WORDS or lower in _MODALS or lower in _LINKING:
        return False
    after_determiner = len(words) > 1 and words[-2] in _DETERMINERS
    if clause_start and ((lower.endswith("ed") and len(lower) > 4) or lower in _PAST):
        return True
    plural = len(last) > 3 and last.endswith("s") and not last.endswith((*_NOT_VERB_S, "'s"))
    bare = not lower.endswith(("s", "ed", "ing", "ly"))
    return plural and bare and (clause_start or after_determiner)


def pos_in_sentence(before: str, word: str, after: str = "") -> str | None:
    """The part of speech ("n", "v", "adj", "adv"; "mod" for a word that describes the noun after it,
    an adjective or a noun) a word most likely has where it stands, from the words before and after it;
    None when they do not tell. "to access", "they insist", "has pledged" and the modal in "residents
    can apply" are verbs, "the access" and "their ingenuity" nouns, "poverty remains" and "the scheme
    failed" verbs (-s or -ed after a noun phrase; not "a deep crisis"), "the exhausted soil", "anxious
    but calm", "they were calm.", "I'm fine." and "moved to lower pastures" adjectives, "a swift
    response" a word that describes, "severely" an adverb; "Officials said …" and "the firm fell" nouns."""
    word = word.strip()
    if not word or " " in word:
        return None
    lower = word.replace("’", "'").lower()
    if lower.endswith("ly") and len(lower) > 4 and lower not in _NOT_ADVERBS:
        return "adv"
    then = _NEXT.match(after)  # the next word, when nothing stands between
    following = then.group(1).lower() if then else ""
    if before.rstrip().endswith((".", ",", ";", ":", "!", "?")) or not before.strip():
        # The word starts a clause: before a verb's past form or a modal it is the clause's subject, a noun
        # ("Officials said …", "Prices rose", "Officials warned"); else nothing before it to go by.
        return "n" if _subject(lower, following) else None
    words = _words(before)
    if not words:
        return None
    last = words[-1]
    if lower in _MODALS and following and following not in _DETERMINERS and following not in _PREPOSITIONS:
        return "v"  # "can apply", "may fall": the modal of the verb after it
    if last == "to" and len(words) > 1 and words[-2] in _MOTION and following:
        # A place: the word before its noun describes it ("lower pastures"); alone, it is the noun.
        return "adj" if lower.endswith(("er", "est", *_ADJECTIVE_ENDINGS)) else "n"
    if last in _VERB_BEFORE:
        return "v"
    if last in _PASSIVE and ((lower.endswith("ed") and len(lower) > 4) or lower in _PAST or lower in _EN_PARTICIPLES):
        return "v"  # "a suspect was held", "were fired": the passive of the verb
    if _subject_verb(words, lower, _starts_clause(before)):
        return "v"
    if last in _PERFECT and ((lower.endswith("ed") and len(lower) > 4) or lower in _EN_PARTICIPLES):
        return "v"
    if last in _LINKING and not lower.endswith(("ed", "ing")) and not following:
        return "adj"  # "people were calm.": nothing after it that it could be the verb of
    if last in _AND and len(words) > 1 and words[-2].endswith(_ADJECTIVE_ENDINGS) and not _noun_like(lower, None):
        return "adj"  # "anxious but calm": joined to an adjective
    if last in _DETERMINERS or last in _PREPOSITIONS or last in _NUMBERS or before.rstrip()[-1:].isdigit():
        describes = (following and following not in _PREPOSITIONS and following not in _VERB_BEFORE
                     and following not in _PAST and following not in _LINKING)
        # "the official said", "the agent was": the noun of the verb after it
        # "the exhausted soil", "a frugal farmer": a participle or an adjective before its noun
        if describes and lower.endswith(("ed", "ing", *_ADJECTIVE_ENDINGS)):
            return "adj"
        if describes and following not in _LINKING and not following.endswith(("ed", "s")):
            return "mod"  # "a swift response", "its interest rate": an adjective, or a noun that describes
        return "n"
    if (lower.endswith(("s", "ed")) and not lower.endswith(_NOT_VERB_S)
            and _noun_like(last, words[-2] if len(words) > 1 else None)):
        return "v"
    return None


# Endings of adjectives, for a gloss that lists only adjectives ("official; governmental; formal").
_GLOSS_ADJECTIVE_ENDINGS = ("al", "ous", "ive", "ful", "less", "able", "ible")
_PAREN = re.compile(r"\s*\([^)]*\)")


def _adjectives_only(gloss: str) -> bool:
    """Whether a noun's gloss lists two adjectives or more and nothing else: 公 "official; governmental;
    formal" (a noun of JMdict's that qualifies another) is no person for "the officials" (係員 "person in
    charge; official"), nor is 公定 "official (rate, price, etc.)", with the things it qualifies. One word
    alone says nothing ("hospital", "proposal")."""
    parts = [_PAREN.sub("", p).strip().lower() for p in gloss.split(";")]
    listed = len(parts) >= 2 or "(" in gloss
    return listed and all(p.isalpha() and p.endswith(_GLOSS_ADJECTIVE_ENDINGS) for p in parts)


def pos_agreement(pos: str | None, sense_pos: str, gloss: str, key: str = "") -> int:
    """How well a sense's part of speech agrees with the word's in its sentence: 0 agrees, 1 can
    serve, 2 does not (every sense agrees when the sentence does not tell). A noun that takes suru
    is the verb its noun is made into (調査 "investigation" for "investigate"), and can serve for a
    verb it names itself (演説 "speech; address" after 呼び掛ける "to address"); an adjectival noun
    is an adjective; a word that describes ("mod": "a swift response") takes an adjective or a noun."""
    if pos is None:
        return 0
    verb = sense_pos.startswith("v.") or gloss.lower().startswith("to ")
    if pos == "v":
        if verb:
            return 0
        if "vs" in sense_pos:
            named = bool(key) and re.search(rf"(?<![a-z]){re.escape(key.lower())}(?![a-z])", gloss.lower())
            return 1 if named else 0
        return 2
    if pos == "n":
        if sense_pos.startswith("n.") and not verb:
            return 1 if _adjectives_only(gloss) else 0
        return 1 if not verb and not sense_pos else 2
    if pos == "adj":
        return 0 if sense_pos.startswith("adj.") else 1 if sense_pos.startswith("n.") and not verb else 2
    if pos == "mod":
        return 0 if sense_pos.startswith(("adj.", "n.")) and not verb else 1 if not verb else 2
    if pos == "adv":
        return 0 if sense_pos.startswith("adv.") else 1 if sense_pos.startswith("adj.") else 2
    return 0
