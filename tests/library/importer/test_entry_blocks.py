"""Word-list entries written over several lines (term, pronunciation, part of speech,
definition, gloss, example, the example's translation), examples with no label under one-line
entries, and parts of speech in 〔〕 and ［］: read into the glossary, never into the body."""

from __future__ import annotations

import pytest

from library.importer import parse_text
from library.importer.glossary import parse_entries
from library.model import LIST_WITHOUT_HEADING

BODY = (
    "Boats Return to the Canal\n\nSmall boats are back on the old canal this spring.\n"
    "今年の春、古い運河に小舟が戻ってきた。\n\n"
)


def _glossary(text: str) -> list[tuple[str, str, str, str, str]]:
    return [(g.term, g.pos, g.definition, g.translation, g.example) for g in parse_text(text).glossary]


def test_entries_over_lines_with_every_field() -> None:
    text = BODY + (
        "単語\n\ncanal\n/kəˈnæl/\n名詞\na long channel dug for boats\n運河\n"
        "The canal runs through the town.\n運河は町を通っている。\n\n"
        "spring\n/sprɪŋ/\n名詞\nthe season after winter\n春\n"
    )
    assert _glossary(text) == [
        (
            "canal",
            "名詞",
            "/kəˈnæl/ a long channel dug for boats",
            "運河",
            "The canal runs through the town.\n運河は町を通っている。",
        ),
        ("spring", "名詞", "/sprɪŋ/ the season after winter", "春", ""),
    ]
    lesson = parse_text(text)
    assert [b.text for b in lesson.blocks] == ["Small boats are back on the old canal this spring."]
    assert lesson.glossary_heading == "単語"
    assert not lesson.warnings


def test_entries_over_lines_next_term_between_and_no_heading() -> None:
    text = (
        BODY
        + "boat\n/bəʊt/\nnoun\n배\nA boat waited by the bridge.\n배 한 척이 다리 옆에서 기다렸다.\n"
        + "old\nadjective\n오래된\n"
    )
    lesson = parse_text(text)
    assert [(g.term, g.pos, g.translation) for g in lesson.glossary] == [
        ("boat", "noun", "배"),
        ("old", "adjective", "오래된"),
    ]
    assert lesson.glossary[0].example == "A boat waited by the bridge.\n배 한 척이 다리 옆에서 기다렸다."
    assert [w.kind for w in lesson.warnings] == [LIST_WITHOUT_HEADING]
    assert len(lesson.blocks) == 1


def test_a_heading_over_a_paragraph_is_no_entry() -> None:
    """A short title over a paragraph and its translation is the same shape as a term over a
    definition and a gloss: with no pronunciation nor part of speech it stays the body."""
    text = BODY + "Local News\nA bakery opened near the canal.\n運河の近くにパン屋が開店した。\n"
    lesson = parse_text(text)
    assert not lesson.glossary
    assert [b.text for b in lesson.blocks][-1] == "A bakery opened near the canal."


def test_an_unlabelled_example_under_a_one_line_entry() -> None:
    text = BODY + "単語\ncanal(運河)/kəˈnæl/\nThe canals froze in January.\n一月に運河が凍った。\nspring(春)/sprɪŋ/\n"
    assert _glossary(text) == [
        ("canal", "", "/kəˈnæl/", "運河", "The canals froze in January.\n一月に運河が凍った。"),
        ("spring", "", "/sprɪŋ/", "春", ""),
    ]


def test_a_sentence_not_using_the_term_is_no_example() -> None:
    """Right under the last entry, a sentence that does not use its term is the article going on."""
    text = BODY + "単語\ncanal(運河)/kəˈnæl/\nThe town will plant trees next.\n町は次に木を植える予定だ。\n"
    lesson = parse_text(text)
    assert lesson.glossary[0].example == ""
    assert lesson.blocks[-1].text == "The town will plant trees next."


@pytest.mark.parametrize(
    ("line", "pos", "gloss"),
    [("canal〔名〕運河", "名", "運河"), ("row［動］漕ぐ", "動", "漕ぐ"), ("harbour〔명〕항구", "명", "항구")],
)
def test_parts_of_speech_in_other_brackets(line: str, pos: str, gloss: str) -> None:
    assert [(e.pos, e.translation) for e in parse_entries(line)] == [(pos, gloss)]


def test_bracketed_parts_of_speech_make_a_list_with_no_heading() -> None:
    lesson = parse_text(BODY + "canal〔名〕運河\nrow［動］漕ぐ\n")
    assert [g.term for g in lesson.glossary] == ["canal", "row"]
    assert [w.kind for w in lesson.warnings] == [LIST_WITHOUT_HEADING]


def test_the_part_of_speech_and_the_gloss_on_one_line() -> None:
    text = BODY + "canal /kəˈnæl/\nn. 運河\nThe canal runs through the town.\n\nspring\n/sprɪŋ/\n名詞 春\n"
    assert _glossary(text) == [
        ("canal", "n.", "/kəˈnæl/", "運河", "The canal runs through the town."),
        ("spring", "名詞", "/sprɪŋ/", "春", ""),
    ]


def test_a_button_under_a_heading_is_no_term() -> None:
    lesson = parse_text(BODY + "単語\nShare\n【注2】 運河について\n")
    assert all(g.term != "Share" for g in lesson.glossary)


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        ("summit [ˈsʌmɪt] 정상회담", ("summit", "", "[ˈsʌmɪt]", "정상회담")),
        ("harbour [ˈhɑːbə] n. 항구", ("harbour", "n.", "[ˈhɑːbə]", "항구")),
        ("ferry /ˈferi/ n. 渡轮", ("ferry", "n.", "/ˈferi/", "渡轮")),
        ("ferry n. /ˈferi/ 渡轮", ("ferry", "n.", "/ˈferi/", "渡轮")),
        ("Train Crash(火車事故) /treɪn/ /kræʃ/", ("Train Crash", "", "/treɪn/ /kræʃ/", "火車事故")),
        ("Senate [US] 上院", ("Senate", "", "", "[US] 上院")),  # a note in brackets is no pronunciation
    ],
)
def test_pronunciations_in_brackets_word_by_word_and_around_a_bare_part_of_speech(
    line: str, entry: tuple[str, str, str, str]
) -> None:
    assert [(e.term, e.pos, e.definition, e.translation) for e in parse_entries(line)] == [entry]


def test_a_heading_over_a_bracketed_label_is_no_entry() -> None:
    """`[Photo]` under a short line is no pronunciation: the line and the paragraph under it stay."""
    lesson = parse_text(BODY + "Spring on the Canal\n[Photo]\nThe spring boats carry flowers.\n春の舟は花を運ぶ。\n")
    assert not lesson.glossary
    assert lesson.blocks[-1].text == "The spring boats carry flowers."


def test_a_section_title_over_its_translation_is_no_entry() -> None:
    """A capitalised title over its translation and a paragraph using its word stays the body;
    a term in lower case over its gloss and an example using it is an entry."""
    title = parse_text(
        BODY + "Canal\n運河\nThe canal is old.\n運河は古い。\n\nSpring\n春\nThe spring is warm.\n春は暖かい。\n"
    )
    assert not title.glossary
    term = parse_text(
        BODY + "canal\n運河\nThe canal is old.\n運河は古い。\n\nspring\n春\nThe spring is warm.\n春は暖かい。\n"
    )
    assert [g.term for g in term.glossary] == ["canal", "spring"]


def test_a_second_lists_heading_is_kept_aside() -> None:
    lesson = parse_text(BODY + "単語\ncanal – n. 運河\n\nMore words\nspring – n. 春\n")
    assert lesson.glossary_heading == "単語"
    assert [g.term for g in lesson.glossary] == ["canal", "spring"]
    assert "More words" in lesson.dropped


def test_fields_named_by_their_labels() -> None:
    text = BODY + "canal\n발음: /kəˈnæl/\n품사: 명사\n뜻: 운하\n예문: The canal froze.\n해석: 운하가 얼었다.\n"
    assert _glossary(text) == [("canal", "명사", "/kəˈnæl/", "운하", "The canal froze.\n운하가 얼었다.")]


def test_a_title_over_its_labelled_translation_is_no_entry() -> None:
    """`訳：` under a short line names the line's translation, not an entry's field."""
    lesson = parse_text(
        "Boats Return\n訳：小舟が戻る\n\nSmall boats are back on the canal.\n運河に小舟が戻ってきた。\n"
    )
    assert not lesson.glossary
    assert lesson.title == "Boats Return"


def test_the_article_going_on_under_an_entry_is_no_example() -> None:
    """A sentence using the term right under the last entry, with more of the article under it,
    is the article's next paragraph."""
    text = (
        BODY + "単語\ncanal(運河)/kəˈnæl/\nThe canal was dug two hundred years ago.\n運河は200年前に掘られた。\n"
        "Boats carried coal on it.\n舟が石炭を運んだ。\n"
    )
    lesson = parse_text(text)
    assert lesson.glossary[0].example == ""
    assert [b.text for b in lesson.blocks][-2:] == [
        "The canal was dug two hundred years ago.",
        "Boats carried coal on it.",
    ]


def test_a_bracketed_part_of_speech_glued_to_the_gloss() -> None:
    text = BODY + "単語\ncanal\n【名】運河\nrow\n【動】漕ぐ\n"
    assert _glossary(text) == [("canal", "名", "", "運河", ""), ("row", "動", "", "漕ぐ", "")]
