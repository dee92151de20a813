"""First senses of common news words, round two, on the small JMdict of our own (no Qt): of two senses
as common by their priority tags, the Japanese word more common in running text (wordfreq's Japanese
list, read when the table is built and never by a lookup), by its first sense only; a clause's subject
before its verb and a word between a determiner and a verb's past form are nouns ("Officials said",
"the firm fell"), and a noun glossed only by adjectives (公 "official; governmental; formal") is no such
noun; "I'm fine" is an adjective; "getting off" is no sense of "getting"."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.study import dictionary as dictionary_module
from library.study import jmdict
from library.study.dictionary import Dictionary
from library.study.japanese_frequency import frequency_penalty
from library.study.sentence_pos import pos_in_sentence
from tests.jmdict_fixture import write_mini_jmdict


def where(sentence: str, word: str) -> tuple[str, str, str]:
    at = sentence.index(word)
    return sentence[:at], word, sentence[at + len(word):]


def first(dictionary: Dictionary, sentence: str, word: str) -> str:
    """The first sense of the word where it stands, as the card and the glosses both choose it."""
    pos = pos_in_sentence(*where(sentence, word))
    card = dictionary.lookup(word, pos=pos).japanese()[0]
    gloss = dictionary.first_senses([word], {word: pos})[word].headword
    assert card == gloss, (card, gloss)
    return card


def test_the_more_common_japanese_word_comes_first(dictionary: Dictionary) -> None:
    # Both ichi1; 体積's kanji are taught earlier, but 能力 is the everyday word (Zipf 5.0 against 3.2).
    assert dictionary.lookup("capacity").japanese()[:2] == ["能力", "体積"]
    assert first(dictionary, "The hospital is running at full capacity.", "capacity") == "能力"


def test_a_later_sense_gets_none_of_its_words_frequency(dictionary: Dictionary) -> None:
    # 次 (Zipf 5.5) is that common as "next"; "station" is its second sense.
    assert dictionary.lookup("station").japanese()[0] == "停留所"
    assert dictionary.lookup("next").japanese()[0] == "次"


def test_a_word_the_list_lacks_counts_as_common_as_its_tags_say() -> None:
    listed = {"人間": 5.5, "体積": 3.2}
    assert frequency_penalty("人間", listed, tagged=True) == 0
    assert frequency_penalty("体積", listed, tagged=True) == 2
    assert frequency_penalty("専門家", listed, tagged=True) == 0  # a compound the list cuts into words it lacks
    cut = {"専門": 4.0, "家": 5.5, "サー": 3.9, "セン": 4.0}
    assert frequency_penalty("専門家", cut, tagged=True) == 1  # as its rarest piece, 専門
    assert frequency_penalty("サーセン", cut, tagged=False) == 2  # pieces of a word of no list say nothing
    assert frequency_penalty("サーセン", listed, tagged=False) == 2  # no priority list, no frequency
    assert frequency_penalty("体積", {}, tagged=True) == 0  # no list: the tags alone, as before
    assert frequency_penalty("人間", listed, tagged=True, later=True) == 2  # a later sense: none of it


def test_the_list_is_read_when_the_table_is_built_not_by_lookups(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    real = jmdict.japanese_frequencies

    def counted() -> dict[str, float]:
        reads.append(1)
        return real()

    monkeypatch.setattr(jmdict, "japanese_frequencies", counted)
    source = write_mini_jmdict(tmp_path / "jamdict" / "jamdict.db")
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: source)
    found = Dictionary(tmp_path / "data" / "dictionary.db")
    found.build_jmdict()
    assert len(reads) == 1
    found.lookup("capacity")
    found.first_senses(["capacity", "official"])
    assert len(reads) == 1


def test_a_clauses_subject_before_its_verb_is_a_noun(dictionary: Dictionary) -> None:
    assert pos_in_sentence(*where("Officials said the road was closed.", "Officials")) == "n"
    assert first(dictionary, "Officials said the road was closed.", "Officials") == "係員"  # not 公
    assert first(dictionary, "The official said the road was closed.", "official") == "係員"
    assert pos_in_sentence(*where("It said the plan would fail.", "It")) is None  # a pronoun, no noun
    assert dictionary.lookup("official").japanese()[0] == "公"  # without a sentence, as before


def test_a_word_between_a_determiner_and_a_verbs_past_form_is_its_noun(dictionary: Dictionary) -> None:
    assert first(dictionary, "Shares in the firm fell on Monday.", "firm") == "商会"  # not 強固
    assert first(dictionary, "She kept a firm grip on the rope.", "firm") == "強固"


def test_im_fine_is_an_adjective(dictionary: Dictionary) -> None:
    assert first(dictionary, "I'm fine.", "fine") == "立派"  # not 罰金
    assert first(dictionary, "He paid a fine of $100.", "fine") == "罰金"


def test_getting_off_is_no_sense_of_getting(dictionary: Dictionary) -> None:
    assert dictionary.lookup("getting").japanese()[0] == "手に入れる"  # not 下車 "getting off"
    assert dictionary.lookup("according").japanese()[0] == "によると"  # "according to": still found
