"""The title is weighed among the first lines: never a date, link, file name or byline; a
banner only when nothing better stands there; split when it holds both languages; paired
with its translation on the next line."""

from __future__ import annotations

import pytest

from library.importer import parse_text
from library.importer.title import is_banner, is_metadata

BODY = "\n\nA new ferry now links the island with the city twice a day.\n新しいフェリーが1日2回、島と市を結んでいる。\n"


@pytest.mark.parametrize(
    "text",
    [
        "2025-04-03",
        "April 3, 2025",
        "Posted on March 5, 2025",
        "3 May 2025 10:30",
        "2025年4月3日",
        "https://example.jp/news/ferry",
        "www.example.tw/lessons/42",
        "lesson_12.txt",
        "By Mika Tanaka",
        "Written by Li Wei",
        "Reporter: Kim Ji-ho",
        "By Emma Clarke, staff reporter",
        "Updated 10:42, 5 April 2026",
        "News > Science > Environment",
        "Menu: Top stories · Opinion · Video · Log in",
        "Home · World · Business · Sport",
        "Daily News 2024-05-02 閲覧 508",
        "首页 > 新闻 > 科技",
    ],
)
def test_metadata_is_never_the_title(text: str) -> None:
    assert is_metadata(text)
    lesson = parse_text(f"{text}\n\nA Ferry for the Island{BODY}")
    assert lesson.title == "A Ferry for the Island"
    assert text in lesson.dropped


@pytest.mark.parametrize(
    "text",
    [
        "By the River",
        "A Ferry for the Island",
        "Words in This Story",
        "What Comes Next / 今後の計画",
        "語群: night / used / shifts / routes",
        "Rain, Wind and Snow in 2024",
    ],
)
def test_titles_are_not_metadata(text: str) -> None:
    assert not is_metadata(text)


def test_a_banner_gives_way_to_a_headline_but_is_taken_alone() -> None:
    assert is_banner("EASY ENGLISH NEWS DAILY") and not is_banner("A Ferry for the Island")
    assert parse_text(f"EASY ENGLISH NEWS DAILY\n\nA Ferry for the Island{BODY}").title == "A Ferry for the Island"
    assert parse_text(f"EASY ENGLISH NEWS DAILY{BODY}").title == "EASY ENGLISH NEWS DAILY"


@pytest.mark.parametrize("separator", [" | ", " / ", " ", "："])
def test_a_title_in_both_languages_is_split(separator: str) -> None:
    lesson = parse_text(f"A Ferry for the Island{separator}島へのフェリー{BODY}")
    assert (lesson.title, lesson.title_translation) == ("A Ferry for the Island", "島へのフェリー")


def test_a_translated_title_on_the_next_line_is_paired() -> None:
    lesson = parse_text(f"A Ferry for the Island\n島へのフェリー{BODY}")
    assert (lesson.title, lesson.title_translation) == ("A Ferry for the Island", "島へのフェリー")
    assert lesson.unplaced == [] and all(not b.text.startswith("A Ferry") for b in lesson.blocks)


def test_a_paragraph_translated_first_is_not_the_title_translation() -> None:
    page = "A Ferry for the Island\n\n新しいフェリーが島と市を結んでいる。\nA new ferry links the island and a city.\n"
    lesson = parse_text(page)
    assert lesson.title_translation == ""
    assert lesson.blocks[0].translations == {"ja": "新しいフェリーが島と市を結んでいる。"}


def test_a_section_title_in_both_languages_is_a_heading_with_its_translation() -> None:
    lesson = parse_text(
        f"A Ferry for the Island{BODY}\nThe Timetable 時刻表\n\nThe ferry leaves at nine.\nフェリーは9時に出る。\n"
    )
    assert [(b.kind, b.text, b.translations) for b in lesson.blocks[1:2]] == [
        ("heading", "The Timetable", {"ja": "時刻表"})
    ]


@pytest.mark.parametrize("label", ["Week 22-01", "第12回", "제12화", "Local"])
def test_a_series_number_or_section_word_above_the_headline_is_site_text(label: str) -> None:
    lesson = parse_text(f"{label}\nA Ferry for the Island{BODY}")
    assert lesson.title == "A Ferry for the Island"
    assert label in lesson.dropped
    assert not lesson.headings


def test_the_title_translation_first_among_grouped_translations() -> None:
    page = (
        "A Ferry for the Island\n\nA new ferry now links the island with the city twice a day.\n\n"
        "Tickets cost less for people who live on the island.\n\n"
        "島へのフェリー\n新しいフェリーが1日2回、島と市を結んでいる。\n島に住む人は切符が安くなる。\n"
    )
    lesson = parse_text(page)
    assert lesson.title_translation == "島へのフェリー"
    assert not any("島へのフェリー" in t for b in lesson.blocks for t in b.translations.values())
