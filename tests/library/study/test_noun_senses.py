"""A plural is a noun, never an adjective ("energy firms" are 商会, companies, not 強固 "firm"), and an
everyday word's colloquial later sense (別荘 "villa", then "prison" in slang) comes after the word that
means it (刑務所)."""

from __future__ import annotations

from library.study.dictionary import Dictionary


def test_a_plural_takes_no_adjective_sense(dictionary: Dictionary) -> None:
    assert dictionary.lookup("firm").japanese()[0] == "強固"  # the adjective, alone
    sentence = "Energy firms raised their prices."
    assert dictionary.lookup("firms", sentence=sentence).japanese()[0] == "商会"
    assert dictionary.first_senses(["firms"], {}, {"firms": sentence})["firms"].headword == "商会"


def test_a_colloquial_sense_comes_after_the_word_of_that_sense(dictionary: Dictionary) -> None:
    assert dictionary.lookup("prison").japanese()[:2] == ["刑務所", "別荘"]
