"""The sense shown for a word follows its part of speech in the sentence, and a word that is one
synonym among many comes after the senses that are the word itself: the same choice for the lookup
card, the glosses over hard words, My words' meanings and the level report's pre-teach list."""

from __future__ import annotations

from pathlib import Path

from library.study.dictionary import Dictionary
from library.study.glosses import dictionary_lookup, find_glosses, words_above
from library.study.meanings import fill_meanings
from library.study.sentence_pos import pos_in_sentence
from library.study.words import Words

SENTENCES = [
    "In the villages, poverty remains pervasive.",
    "The scheme pays farmers to plant trees.",
    "Police will investigate the fire.",
    "The minister insists that the plan works.",
    "Farmers showed great ingenuity in the drought.",
    "A frugal family saves water.",
]
# The sense each word should have there, and the one it had (a sense of another part of speech,
# or an everyday word listing it among others).
WANTED = {"remains": "残る", "scheme": "策略", "investigate": "調査", "insists": "主張", "ingenuity": "知略",
          "frugal": "質素"}


def where(word: str) -> tuple[str, str, str]:
    """The text before the word, the word and the text after, in its sentence."""
    sentence = next(s for s in SENTENCES if f" {word} " in f" {s} ")
    at = sentence.index(word)
    return sentence[:at], word, sentence[at + len(word) :]


def test_the_part_of_speech_is_told_by_the_words_around() -> None:
    assert pos_in_sentence(*where("remains")) == "v"  # -s after a noun
    assert pos_in_sentence(*where("scheme")) == "n"  # after a determiner
    assert pos_in_sentence(*where("investigate")) == "v"  # after a modal
    assert pos_in_sentence(*where("insists")) == "v"
    assert pos_in_sentence(*where("frugal")) == "adj"  # between a determiner and its noun
    assert pos_in_sentence("the ", "exhausted", " soil") == "adj"
    assert pos_in_sentence("it was ", "severely", " hit") == "adv"
    assert pos_in_sentence("", "Scheme", " one") is None


def test_the_card_shows_the_sense_of_the_word_where_it_stands(dictionary: Dictionary) -> None:
    first = {w: dictionary.lookup(w, pos=pos_in_sentence(*where(w))).japanese()[0] for w in WANTED}
    assert first == WANTED
    assert dictionary.lookup("remains").japanese()[0] == "遺体"  # without a sentence: the noun it is too
    assert dictionary.lookup("scheme", pos="v").japanese()[0] == "たくらむ"


def test_glosses_and_the_level_report_choose_as_the_card(dictionary: Dictionary) -> None:
    blocks = list(enumerate(SENTENCES))
    lookup = dictionary_lookup(dictionary)
    glossed = {g.word: g.text for g in find_glosses(blocks, "A1", glossary={}, own={}, known=set(), lookup=lookup)}
    assert {w: glossed.get(w) for w in WANTED} == WANTED
    listed = {g.word: g.text for g in words_above(blocks, "A1", [], lookup)}
    assert {w: listed[w] for w in WANTED if w in listed} == {w: WANTED[w] for w in listed if w in WANTED}
    assert len(set(listed) & set(WANTED)) >= 4


def test_my_words_meanings_follow_the_sentence_they_were_saved_from(dictionary: Dictionary, tmp_path: Path) -> None:
    from library import Library

    with Library(tmp_path / "lib.db") as lib:
        words: Words = lib.study.words
        for word in ("remains", "insists", "scheme"):
            words.save(word, "new", sentence=next(s for s in SENTENCES if word in s))
        assert fill_meanings(words, dictionary) == 3
        assert [words.get(w).gloss.split("; ")[0] for w in ("remains", "insists", "scheme")] == ["残る", "主張", "策略"]
