"""A word is a verb where the words before it make it one: a plural noun that starts its clause or follows
a determiner ("Farmers plant rice"), the clause's first word before a past form ("Police fired"), a form
of "be" before a participle (the passive: "a suspect was held"); and the card gives the verb's sense."""

from __future__ import annotations

from library.study.dictionary import Dictionary
from library.study.sentence_pos import pos_in_sentence


def pos(sentence: str, word: str) -> str | None:
    at = sentence.index(word)
    return pos_in_sentence(sentence[:at], word, sentence[at + len(word):])


def test_a_bare_word_after_a_plural_subject_is_its_verb() -> None:
    assert pos("Farmers plant rice in the spring.", "plant") == "v"
    assert pos("After the rain, the growers plant beans.", "plant") == "v"
    assert pos("The power plant closed.", "plant") != "v"  # no plural before it


def test_a_past_form_after_the_first_word_of_its_clause_is_a_verb() -> None:
    assert pos("Police fired shots into the air.", "fired") == "v"
    assert pos("Yesterday, troops seized the port.", "seized") == "v"


def test_a_participle_after_be_is_the_passive_of_its_verb() -> None:
    assert pos("A man was held for questioning.", "held") == "v"
    assert pos("Two workers were dismissed.", "dismissed") == "v"
    assert pos("The people were calm.", "calm") == "adj"


def test_the_card_gives_the_verb_of_a_plural_subject(dictionary: Dictionary) -> None:
    sentence = "Farmers plant rice in the spring."
    card = dictionary.lookup("plant", pos=pos(sentence, "plant"), sentence=sentence).japanese()
    assert card[0] == "植える", card
