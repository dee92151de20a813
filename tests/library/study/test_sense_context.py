"""The sense a word's sentence speaks of comes first: on the card and in the glosses over hard words."""

from __future__ import annotations

from library.study.dictionary import Dictionary
from library.study.glosses import dictionary_lookup, find_glosses
from library.study.sentence_pos import pos_in_sentence


def first(dictionary: Dictionary, sentence: str, word: str) -> str:
    at = sentence.index(word)
    pos = pos_in_sentence(sentence[:at], word, sentence[at + len(word):])
    card = dictionary.lookup(word, pos=pos, sentence=sentence).senses[0].headword
    gloss = dictionary.first_senses([word], {word: pos}, {word: sentence})[word].headword
    assert card == gloss  # the card and the glosses over hard words agree
    return card


def test_without_its_sentence_a_word_keeps_its_everyday_sense(dictionary: Dictionary) -> None:
    assert dictionary.lookup("bill").senses[0].headword == "付け"
    assert dictionary.lookup("plant").senses[0].headword == "植物"
    assert dictionary.lookup("sentence").senses[0].headword == "文"


def test_a_bill_lawmakers_debate_is_a_law(dictionary: Dictionary) -> None:
    assert first(dictionary, "Lawmakers in the senate argued over the bill for hours.", "bill") == "法案"
    assert first(dictionary, "She asked the waiter for the bill and paid it.", "bill") == "付け"


def test_a_plant_where_workers_lose_their_jobs_is_a_factory(dictionary: Dictionary) -> None:
    assert first(dictionary, "The steel maker will shut a plant and cut 400 jobs.", "plant") == "工場"
    assert first(dictionary, "This plant needs little water and sunny soil.", "plant") == "植物"


def test_a_sentence_a_judge_hands_down_is_a_penalty(dictionary: Dictionary) -> None:
    assert first(dictionary, "The judge gave the thief a long prison sentence.", "sentence") == "刑"
    assert first(dictionary, "Read the first sentence aloud.", "sentence") == "文"


def test_a_word_after_a_number_is_a_noun(dictionary: Dictionary) -> None:
    assert pos_in_sentence("Almost a hundred ", "patients", " waited for beds.") == "n"
    assert pos_in_sentence("Doctors saw 40 ", "patients", " on Monday.") == "n"
    assert first(dictionary, "Almost a hundred patients waited for beds.", "patients") == "患者"


def test_the_glosses_over_hard_words_take_the_sense_of_their_sentence(dictionary: Dictionary) -> None:
    blocks = [(0, "The senate passed the bill late at night."), (1, "The car maker closed its plant in May.")]
    glossed = {g.word: g.text for g in find_glosses(blocks, "A1", glossary={}, own={}, known=set(),
                                                    lookup=dictionary_lookup(dictionary))}
    assert glossed.get("bill") == "法案"
    assert glossed.get("plant") == "工場"
