"""Senses whose gloss is the word itself, plain, come before the word narrowed by a qualifier
("(immigrant) community") or listed after another word among many synonyms ("tranquil; calm; quiet;
peaceful"); a verb glossed with its particle ("to compensate for") is found under the verb; an
adjective where it stands as one gets an adjective's sense. A small JMdict of our own (no Qt)."""

from __future__ import annotations

from library.study.dictionary import Dictionary
from library.study.sentence_pos import pos_in_sentence


def test_the_word_itself_before_a_qualified_word_or_one_synonym_among_many(dictionary: Dictionary) -> None:
    community = dictionary.lookup("community").japanese()
    assert community[0] == "コミュニティ", community  # not 植民地 (colony), nor 群集 (crowd)
    calm = dictionary.lookup("calm").japanese()
    assert calm.index("穏やか") < calm.index("のどか"), calm  # "calm; quiet; …" before "tranquil; calm; …"


def test_a_verb_glossed_with_its_particle_is_found_under_the_verb(dictionary: Dictionary) -> None:
    found = dictionary.lookup("compensate").japanese()
    assert "補う" in found, found  # "to compensate for": no longer "no entries"
    assert dictionary.lookup("compensated").japanese()[:1] == found[:1]


def test_an_adjective_where_it_stands_gets_an_adjectives_sense(dictionary: Dictionary) -> None:
    sentence = "People were anxious but calm, he said."
    start = sentence.index("calm")
    pos = pos_in_sentence(sentence[:start], "calm", sentence[start + 4:])
    assert pos == "adj"
    assert pos_in_sentence("They were ", "calm", ".") == "adj"
    assert dictionary.first_senses(["calm"], {"calm": pos})["calm"].headword == "穏やか"


def test_a_participle_after_has_is_a_verb() -> None:
    sentence = "The government has pledged to compensate families."
    start = sentence.index("pledged")
    assert pos_in_sentence(sentence[:start], "pledged", sentence[start + 7:]) == "v"  # not 予約, a noun
    assert pos_in_sentence("It has ", "children", "") is None


def test_a_word_before_a_place_after_moved_to_describes_it(dictionary: Dictionary) -> None:
    sentence = "Their cattle had to be moved to lower pastures."
    start = sentence.index("lower")
    pos = pos_in_sentence(sentence[:start], "lower", sentence[start + 5:])
    assert pos == "adj"
    assert pos_in_sentence("They want to ", "lower", " taxes.") == "v"  # a verb's "to" stays a verb's
    assert dictionary.first_senses(["lower"], {"lower": pos})["lower"].headword == "低い"
