"""Lines alternating English and translation chunks are split into the two, and only those."""

from __future__ import annotations

from library.importer.chunks import split_chunks
from library.importer.split import split_lines


def test_slash_separated_chunks_give_the_english_and_its_translation() -> None:
    line = "The bridge / その橋は / opened in May. / 5月に開通した。"
    assert split_chunks(line) == ("The bridge opened in May.", "その橋は / 5月に開通した。")


def test_sentences_in_turn_without_separators_are_split_at_their_ends() -> None:
    line = "The bridge opened in May. 橋は5月に開通した。 Buses will use it from June. バスは6月から通る。"
    english = "The bridge opened in May. Buses will use it from June."
    assert split_chunks(line) == (english, "橋は5月に開通した。バスは6月から通る。")


def test_a_kanji_only_chunk_does_not_make_the_translation_chinese() -> None:
    line = "Trains run / 電車は走る / every hour. / 毎時間。"
    assert split_chunks(line) is not None
    lines = split_lines(line)
    assert [ln.lang for ln in lines] == ["en", "ja"]


def test_english_names_inside_a_translation_stay_in_it() -> None:
    assert split_chunks("ChatGPTやDALL-E画像ジェネレーターなどのサービスを提供している。") is None
    assert split_chunks("NASAの研究者は、Mars Sample Returnの計画を見直すと述べた。") is None


def test_a_word_list_of_term_and_gloss_is_not_a_sentence() -> None:
    assert split_chunks("take part in / 参加する / look forward to / 楽しみにする") is None


def test_a_part_label_before_the_english_is_left_to_the_label_step() -> None:
    assert split_chunks("（英文）The city brought back two night buses last week.") is None


def test_an_english_sentence_quoting_a_place_name_is_not_split() -> None:
    assert split_chunks("Visitors to Kyoto (京都) can now rent bicycles at every station.") is None
