"""A line of several stories, each English sentence then its translation: split into pairs;
a paragraph of two sentences in turn with their translation stays one paragraph."""

from __future__ import annotations

from library.importer.stories import split_stories
from library.importer.text import parse_text
from library.model import STORIES_SPLIT

THREE = (
    "A ferry in Oslo now runs on batteries. オスロのフェリーは電池で走る。"
    "A café in Rome gives free water to cyclists. ローマのカフェは自転車の人に無料で水を出す。"
    "A museum in Cairo opened a new hall. カイロの博物館が新しい展示室を開いた。"
)


def test_three_stories_on_a_line_are_three_pairs() -> None:
    lesson = parse_text(f"Around the World\n\n{THREE}\n")
    assert [b.text for b in lesson.blocks] == [
        "A ferry in Oslo now runs on batteries.",
        "A café in Rome gives free water to cyclists.",
        "A museum in Cairo opened a new hall.",
    ]
    assert [b.translations["ja"] for b in lesson.blocks] == [
        "オスロのフェリーは電池で走る。",
        "ローマのカフェは自転車の人に無料で水を出す。",
        "カイロの博物館が新しい展示室を開いた。",
    ]
    assert [w.text for w in lesson.warnings if w.kind == STORIES_SPLIT] == ["A ferry in Oslo now runs on batteries."]


def test_two_sentences_in_turn_stay_one_paragraph() -> None:
    two = THREE.rsplit("A museum", 1)[0]
    assert split_stories(two) is None


def test_chunks_ending_mid_phrase_are_not_stories() -> None:
    line = (
        "The boat stops / 船は / at twelve islands. / 12の島に寄る。 every month, / 毎月、 / even in winter. / 冬でも。"
    )
    assert split_stories(line) is None


def test_a_banner_the_digest_opens_with_is_not_the_first_storys() -> None:
    lesson = parse_text(f"Around the World\n\nDAILY DIGEST June 3, 2025 {THREE}\n")
    assert lesson.blocks[0].text == "A ferry in Oslo now runs on batteries."
    assert "DAILY DIGEST June 3, 2025" in lesson.dropped
    assert [w.text for w in lesson.warnings if w.kind == STORIES_SPLIT] == ["A ferry in Oslo now runs on batteries."]
