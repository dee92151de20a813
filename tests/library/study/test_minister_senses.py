"""A common word JMdict glosses only with a noun before it ("cabinet minister": 大臣) is found under the
word alone, and comes before an old word of no priority list glossed as the word itself (大殿 "minister
(of government)", whose other sense is an archaism)."""

from __future__ import annotations

from library.study.dictionary import Dictionary
from library.study.sentence_pos import pos_in_sentence


def test_minister_is_the_cabinet_minister_first_and_the_old_word_after(dictionary: Dictionary) -> None:
    sentence = "The minister resigned after the vote."
    at = sentence.index("minister")
    pos = pos_in_sentence(sentence[:at], "minister", sentence[at + len("minister"):])
    card = dictionary.lookup("minister", pos=pos, sentence=sentence).japanese()
    assert "大臣" in card
    assert card.index("大臣") < card.index("大殿")
    found = dictionary.first_senses(["minister"], {"minister": pos}, {"minister": sentence})["minister"]
    assert found.headword == "大臣"


def test_a_noun_before_the_word_does_not_put_a_verb_phrase_under_it(dictionary: Dictionary) -> None:
    # "to call out to" stays a verb of "call": no head-noun key is made of a verb's gloss.
    assert "呼び掛ける" not in dictionary.lookup("out").japanese()
