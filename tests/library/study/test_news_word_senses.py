"""First senses of common news words in ordinary sentences, one rule of the ranking a test, on a small
JMdict of our own (no Qt): the word narrowed by what follows it ("olive (colour, color)", "court (e.g.
tennis …)") after the word itself, brackets inside brackets or not; a compound of the plain word
(オリーブ色) gives it its place; a later sense of an everyday word (汗 "sweat", then "moisture") counts
as less common; an adjectival noun glossed by its noun of quality serves for the adjective
("instability" for unstable); a plural with a sense of its own ("authorities"); a participle's own
sense ("sustained"); a phrase under its first word ("according to"); a modal before its verb ("can
apply"); a word between a determiner and its noun ("a swift response") may be an adjective; "a deep
crisis" is no verb."""

from __future__ import annotations

from library.study.dictionary import Dictionary
from library.study.glosses import dictionary_lookup, find_glosses
from library.study.sentence_pos import pos_in_sentence


def where(sentence: str, word: str) -> tuple[str, str, str]:
    """The text before the word, the word and the text after, in its sentence."""
    at = sentence.index(word)
    return sentence[:at], word, sentence[at + len(word):]


def first(dictionary: Dictionary, sentence: str, word: str) -> str:
    """The first sense of the word where it stands, as the card and the glosses both choose it."""
    pos = pos_in_sentence(*where(sentence, word))
    card = dictionary.lookup(word, pos=pos).japanese()[0]
    gloss = dictionary.first_senses([word], {word: pos})[word].headword
    assert card == gloss, (card, gloss)
    return card


def test_the_word_narrowed_by_what_follows_it_comes_after_the_word_itself(dictionary: Dictionary) -> None:
    assert dictionary.lookup("court").japanese()[0] == "裁判所"  # not コート, "court (e.g. tennis, …)"
    assert dictionary.lookup("Accessed").japanese()[0] == "アクセス"  # "(e.g. to a computer)": a use, no narrowing
    assert dictionary.lookup("according").japanese()[0] == "によると"  # "(someone)" narrows nothing


def test_a_compound_of_the_plain_word_gives_it_its_place(dictionary: Dictionary) -> None:
    olive = dictionary.lookup("olive").japanese()
    assert olive[:2] == ["オリーブ", "オリーブ色"], olive  # オリーブ has no priority tag; オリーブ色 spec1


def test_a_gloss_with_brackets_inside_its_brackets_is_found_under_its_word(dictionary: Dictionary) -> None:
    assert dictionary.lookup("dog").japanese() == ["犬"]  # "dog (Canis (lupus) familiaris)", once "dog familiaris"


def test_a_later_sense_of_an_everyday_word_counts_as_less_common(dictionary: Dictionary) -> None:
    moisture = dictionary.lookup("moisture").japanese()
    assert moisture[:2] == ["湿気", "汗"], moisture  # 汗's tags are earned by "sweat"
    assert dictionary.lookup("sweat").japanese()[0] == "汗"


def test_an_adjectival_noun_glossed_by_its_noun_of_quality_serves_for_the_adjective(dictionary: Dictionary) -> None:
    assert first(dictionary, "The situation remains unstable after the vote.", "unstable") == "不安定"
    assert dictionary.lookup("instability").japanese()[0] == "不安定"


def test_a_plural_with_a_sense_of_its_own(dictionary: Dictionary) -> None:
    assert first(dictionary, "Local authorities closed the roads.", "authorities") == "当局"  # not 権威
    assert dictionary.lookup("authority").japanese()[0] == "権威"
    assert dictionary.lookup("restrictions").japanese()[0] == "制限"  # 紐's "restrictions" is a later sense
    # A word in its own right tried first keeps its place: "fell" is no 秋, the noun "fall".
    assert dictionary.lookup("fell").japanese()[0] == "切り倒す"


def test_a_participles_own_sense_unless_the_sentence_makes_it_a_verb(dictionary: Dictionary) -> None:
    assert first(dictionary, "The region has seen sustained growth.", "sustained") == "持続的"
    assert first(dictionary, "The city sustained damage in the storm.", "sustained") == "受ける"
    assert first(dictionary, "According to the report, prices rose.", "According") == "によると"  # not 調和
    assert dictionary.lookup("accord").japanese()[0] == "調和"


def test_a_modal_before_its_verb_is_a_verb(dictionary: Dictionary) -> None:
    assert pos_in_sentence(*where("Residents can apply for help online.", "can")) == "v"
    assert first(dictionary, "Residents can apply for help online.", "can") == "得る"  # not 缶
    assert first(dictionary, "She opened a can of beans.", "can") == "缶"


def test_a_word_between_a_determiner_and_its_noun_may_describe_it(dictionary: Dictionary) -> None:
    sentence = "The government promised a swift response to the floods."
    assert pos_in_sentence(*where(sentence, "swift")) == "mod"
    assert first(dictionary, sentence, "swift") == "素早い"  # an adjective there, not the bird (a noun)
    assert pos_in_sentence(*where("The scheme pays farmers.", "scheme")) == "n"  # -s after it: its verb
    assert pos_in_sentence(*where("The country faces a deep crisis in May.", "crisis")) != "v"


def test_the_glosses_over_hard_words_choose_as_the_card(dictionary: Dictionary) -> None:
    sentences = ["Local authorities promised a swift response.", "The situation remains unstable."]
    glossed = {g.word: g.text for g in find_glosses(list(enumerate(sentences)), "A1", glossary={}, own={},
                                                    known=set(), lookup=dictionary_lookup(dictionary))}
    assert {w: glossed.get(w) for w in ("authorities", "swift", "unstable")} == {
        "authorities": "当局", "swift": "素早い", "unstable": "不安定"}
