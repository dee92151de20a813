"""Word lists in the shapes learner pages write them: headings in other words, no heading,
several entries on a line, glosses in 「」, entries over several lines, numbers run together."""

from __future__ import annotations

import pytest

from library.importer import parse_text
from library.importer.glossary import parse_english_definition, parse_entries, parse_table_row, parse_word_row
from library.importer.patterns import is_wordlist_heading
from library.model import LIST_WITHOUT_HEADING

BODY = (
    "Parks on the Water\n\nThe city opened a floating park on the river in May.\n"
    "市は5月に川に浮かぶ公園を開いた。\n\n"
)


@pytest.mark.parametrize(
    "text",
    ["STEP 3 Key words", "Today's Key Words", "今日の単語", "Vocabulary Learning", "【単語】", "■ 重要語句", "단어 공부"],  # noqa: E501
)
def test_headings_in_other_words(text: str) -> None:
    assert is_wordlist_heading(text)


@pytest.mark.parametrize(
    "text", ["The words he chose were kind.", "Step 3: Add the water", "Parks on the Water", "今日はいい天気です"]
)
def test_not_headings(text: str) -> None:
    assert not is_wordlist_heading(text)


@pytest.mark.parametrize(
    ("line", "entries"),
    [
        ("break the ice「緊張をほぐす」", [("break the ice", "", "緊張をほぐす")]),
        (
            "sensor=センサー crack=ひび割れ repair=修理",
            [("sensor", "", "センサー"), ("crack", "", "ひび割れ"), ("repair", "", "修理")],
        ),
        ("*sensor: 传感器", [("sensor", "", "传感器")]),
        ("●sensor 센서", [("sensor", "", "센서")]),
        ("1. sensor a device that finds heat センサー", [("sensor", "a device that finds heat", "センサー")]),
        ("2.look after to take care of 照顾", [("look after", "to take care of", "照顾")]),
    ],
)
def test_entry_shapes(line: str, entries: list[tuple[str, str, str]]) -> None:
    assert [(e.term, e.definition, e.translation) for e in parse_entries(line)] == entries


def test_a_heading_at_the_start_of_a_paragraph() -> None:
    lesson = parse_text(BODY + "Key words: float – v. to stay on water 浮かぶ\nriver – n. a long flow of water 川\n")
    assert lesson.glossary_heading == "Key words"
    assert [g.term for g in lesson.glossary] == ["float", "river"]
    assert all("Key words" not in b.text for b in lesson.blocks)


def test_an_entry_over_three_lines() -> None:
    lesson = parse_text(
        BODY + "Words to Learn\n\nfloat (v.)\nto stay on top of water 浮かぶ\nExample: Leaves float on the pond.\n"
    )
    [g] = lesson.glossary
    assert (g.term, g.pos, g.definition, g.translation, g.example) == (
        "float",
        "v.",
        "to stay on top of water",
        "浮かぶ",
        "Leaves float on the pond.",
    )


def test_a_list_with_no_heading_is_found_by_its_shape_and_said_so() -> None:
    lesson = parse_text(BODY + "float「浮かぶ」\nriver「川」\nopen「開く」\n")
    assert [g.term for g in lesson.glossary] == ["float", "river", "open"]
    assert [(w.kind, w.text) for w in lesson.warnings] == [(LIST_WITHOUT_HEADING, "float「浮かぶ」")]


def test_translations_that_start_with_a_name_are_not_a_list() -> None:
    page = (
        "Apps Help Farmers\n\nGoogle tested a farming app in Kenya.\n\nMeta built a tool for weather.\n\n"
        "Apple added maps for fields.\n\n"
        "Google はケニアで農業アプリを試した。\nMeta は天気のための道具を作った。\nApple は畑の地図を加えた。\n"
    )
    lesson = parse_text(page)
    assert lesson.glossary == []
    assert [w.kind for w in lesson.warnings if w.kind == LIST_WITHOUT_HEADING] == []


@pytest.mark.parametrize(
    ("line", "entries"),
    [
        ("- 1.government:政府", [("government", "政府")]),
        ("中国科学院 Chinese Academy of Sciences (CAS)", [("Chinese Academy of Sciences (CAS)", "中国科学院")]),
        ("検疫 — quarantine", [("quarantine", "検疫")]),
        ("(太阳系以外的)外部行星 exoplanets", [("exoplanets", "(太阳系以外的)外部行星")]),
        ("東京で Apple が発表した。", []),
        ("※1 生成AIとは generative AI", []),
    ],
)
def test_bulleted_numbered_and_gloss_first_entries(line: str, entries: list[tuple[str, str]]) -> None:
    assert [(e.term, e.translation) for e in parse_entries(line)] == entries


@pytest.mark.parametrize(
    ("row", "entry"),
    [
        ("政府 | government |", ("government", "政府")),
        ("government | 政府", ("government", "政府")),
        ("社会 | Social Democrat (SPD) ; 略称 |", ("Social Democrat (SPD)", "社会; 略称")),
        ("Home | News", None),
        ("語句 | 英語 |", None),
    ],
)
def test_table_rows_either_way_round(row: str, entry: tuple[str, str] | None) -> None:
    got = parse_table_row(row)
    assert (None if got is None else (got.term, got.translation)) == entry


def test_a_lone_marked_entry_between_pairs_is_an_entry_and_said_so() -> None:
    lesson = parse_text(BODY + "*float: 浮かぶ\n\nThe park has trees and a small pond.\n公園には木と小さな池がある。\n")
    assert [(g.term, g.translation) for g in lesson.glossary] == [("float", "浮かぶ")]
    # The entry is not glued onto the translation above it.
    translations = [b.translations["ja"] for b in lesson.blocks]
    assert translations == ["市は5月に川に浮かぶ公園を開いた。", "公園には木と小さな池がある。"]
    assert [(w.kind, w.text) for w in lesson.warnings] == [(LIST_WITHOUT_HEADING, "*float: 浮かぶ")]


def test_a_term_line_and_a_gloss_line_need_their_marks() -> None:
    marked = parse_text(BODY + "(1) float\n→ 浮かぶ\n")
    assert [(g.term, g.translation) for g in marked.glossary] == [("float", "浮かぶ")]
    # A short English line over a short Japanese one, with no mark, is a heading and its translation.
    plain = parse_text(BODY + "Open Days\n公開日\n\nThe park opens every day at nine.\n公園は毎日9時に開く。\n")
    assert plain.glossary == []


def test_a_lone_entry_with_its_part_of_speech_in_brackets_is_not_a_title_translation() -> None:
    lesson = parse_text("Parks on the Water\nfloat 【動詞】 浮かぶ\n\nThe city opened a floating park in May.\n")
    assert lesson.title_translation == ""
    assert [(g.term, g.pos, g.translation) for g in lesson.glossary] == [("float", "動詞", "浮かぶ")]


def test_a_bulleted_byline_over_a_bulleted_line_is_not_a_two_line_entry() -> None:
    page = BODY + "• Mina Park\n• 승인 2024.05.01 10:20\n\n• Jun Lee\n• 댓글 0\n"
    assert parse_text(page).glossary == []


def test_english_definitions_with_no_heading_need_two_in_a_run() -> None:
    two = parse_text(BODY + "float - to stay on top of water\nex) Leaves float.\nriver - a long flow of water\n")
    assert [(g.term, g.example) for g in two.glossary] == [("float", "Leaves float."), ("river", "")]
    assert [w.kind for w in two.warnings] == [LIST_WITHOUT_HEADING]
    one = parse_text(BODY + "float - to stay on top of water\n")
    assert one.glossary == []
    assert parse_english_definition("Tokyo - the capital of Japan") is None  # a name, not a headword
    assert parse_english_definition("plans - they were dropped") is None  # no definition starts so


def test_one_lower_case_word_alone_is_site_text_not_the_title() -> None:
    lesson = parse_text("news\n\n" + BODY)
    assert lesson.title == "Parks on the Water"
    assert "news" in lesson.dropped


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        ("glove(s) – n. a covering for the hand", ("glove(s)", "n.", "a covering for the hand", "")),
        ("break (n.) /breɪk/ 休息", ("break", "n.", "/breɪk/", "休息")),
        ("• seasonal(a.) /ˈsiː.zən.əl/季節性的", ("seasonal", "a.", "/ˈsiː.zən.əl/", "季節性的")),
    ],
)
def test_inflections_and_a_pronunciation_after_the_part_of_speech(line: str, entry: tuple[str, ...]) -> None:
    [got] = parse_entries(line)
    assert (got.term, got.pos, got.definition, got.translation) == entry


def test_a_colon_label_under_the_title_is_not_its_translation() -> None:
    lesson = parse_text("Parks on the Water\n例句:\n\nThe city opened a floating park in May.\n")
    assert lesson.title_translation == ""
    assert "例句:" in lesson.dropped


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("mayor,市長。", [("mayor", "", "", "市長")]),
        ("*bridge:(n.)桥 *mayor:(n.)镇长", [("bridge", "n.", "", "桥"), ("mayor", "n.", "", "镇长")]),
        ("remove(移除)/rɪˈmuːv/", [("remove", "", "/rɪˈmuːv/", "移除")]),
        ("参加者 attendee / participant", [("attendee / participant", "", "", "参加者")]),
    ],
)
def test_more_entry_shapes(line: str, want: list[tuple[str, str, str, str]]) -> None:
    got = [(e.term, e.pos, e.definition, e.translation) for e in parse_entries(line)]
    assert got == want


@pytest.mark.parametrize("line", ["Note: Six degrees is about ten degrees Fahrenheit.", "注意：橋は夜は閉まる"])
def test_a_labelled_note_is_no_entry(line: str) -> None:
    assert parse_entries(line) == []


@pytest.mark.parametrize("line", ["harbour ferry lighthouse tide", "stone, town centre, summer"])
def test_a_row_of_bare_terms(line: str) -> None:
    assert len(parse_word_row(line)) >= 3


@pytest.mark.parametrize("line", ["the ferry runs again", "Harbour Ferry Runs Again", "ferry runs at seven."])
def test_a_sentence_is_no_row_of_terms(line: str) -> None:
    assert parse_word_row(line) == []
