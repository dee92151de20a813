"""A word looked up as a reader selects it: with its quotes and the punctuation around it, a phrase with
its article, a verb JMdict glosses only by its noun ("re-elected": re-election, 再選); the card and the
glosses over hard words find the same sense."""

from __future__ import annotations

from library.study.dictionary import Dictionary


def both(dictionary: Dictionary, word: str) -> str:
    card = dictionary.lookup(word).japanese()
    gloss = dictionary.first_senses([word]).get(word)
    assert card and gloss is not None, (word, card, gloss)
    assert card[0] == gloss.headword
    return card[0]


def test_quotes_and_punctuation_around_a_word_are_no_part_of_it(dictionary: Dictionary) -> None:
    assert both(dictionary, "“autonomy”,") == "自治"
    assert both(dictionary, '"autonomy."') == "自治"


def test_a_phrase_is_found_without_its_leading_article(dictionary: Dictionary) -> None:
    assert both(dictionary, "the self-government") == "自治"
    assert both(dictionary, "The passenger car") == "客車"


def test_a_verb_glossed_only_by_its_noun_is_found_as_the_noun(dictionary: Dictionary) -> None:
    assert both(dictionary, "re-elected") == "再選"
    assert both(dictionary, "re-elect") == "再選"
    assert dictionary.lookup("xyzzy").senses == []
