"""Posts a page marks by a repeated shape (a series' number, a section's label, a numbered
headline in brackets): each a lesson, each section's label read the same way."""

from __future__ import annotations

from library.importer import parse_document
from library.model import SEVERAL_POSTS

STORIES = """1【Swans Return to the Lake】天鹅回到湖上
TEXT:
Twelve swans came back to the city lake this week after a cold winter in the south.
参考译文:
经过南方寒冷的冬天，十二只天鹅本周回到了城市湖泊。

2【Market Opens on Sundays】市场周日开放
TEXT:
The fish market near the port will now open on Sunday mornings as well.
参考译文:
港口附近的鱼市场今后周日上午也将开放。
"""


def test_numbered_stories_in_brackets_are_posts_titled_by_their_headlines() -> None:
    lessons = parse_document(STORIES.encode(), "stories.txt")
    assert [(ls.title, ls.title_translation) for ls in lessons] == [
        ("Swans Return to the Lake", "天鹅回到湖上"),
        ("Market Opens on Sundays", "市场周日开放"),
    ]
    assert [ls.dropped[0] for ls in lessons] == ["1", "2"]  # the story's number, kept aside
    assert [ls.blocks[0].translations for ls in lessons] == [
        {"zh": "经过南方寒冷的冬天，十二只天鹅本周回到了城市湖泊。"},
        {"zh": "港口附近的鱼市场今后周日上午也将开放。"},
    ]


def test_a_repeated_sections_label_is_kept_aside_in_each_post_never_the_title() -> None:
    page = (
        "Word of the day: lantern\nLanterns Light the Old Bridge\n古い橋をランタンが照らす\n"
        "Hundreds of paper lanterns lit the old bridge on Saturday night.\n"
        "土曜日の夜、何百もの紙のランタンが古い橋を照らした。\n\n"
        "Word of the day: ferry\nFerry Gets a New Engine\nフェリーに新しいエンジン\n"
        "The island ferry got a quieter engine that uses less fuel.\n"
        "島のフェリーに、燃料の少ない静かなエンジンが付いた。\n"
    )
    lessons = parse_document(page.encode(), "days.txt")
    assert [ls.title for ls in lessons] == ["Lanterns Light the Old Bridge", "Ferry Gets a New Engine"]
    assert [ls.dropped for ls in lessons] == [["Word of the day: lantern"], ["Word of the day: ferry"]]


def test_marked_sections_without_english_prose_of_their_own_stay_one_lesson_and_say_so() -> None:
    page = (
        "Week 3-01\nTown Bans Plastic Bags\n\nWeek 3-02\nLibrary Opens a Robot Corner\n\n"
        "The library opened a corner where children can build small robots with their parents.\n"
    )
    lessons = parse_document(page.encode(), "weeks.txt")
    assert len(lessons) == 1
    assert [w.text for w in lessons[0].warnings if w.kind == SEVERAL_POSTS] == ["Week 3-01"]


def test_a_citation_list_numbered_in_brackets_is_no_list_of_posts() -> None:
    page = (
        "Rain Gardens Spread Across the City\n\n"
        "More homes in the city now have rain gardens that keep water out of the drains [1].\n"
        "Each garden holds the rain from one roof for about a day [2].\n\n"
        "[1] City Water Office, Annual Report on Rain Gardens and the Drains of the City, page 4.\n"
        "[2] Green Homes Group, A Short Guide to Building a Garden That Holds the Rain, page 9.\n"
    )
    lessons = parse_document(page.encode(), "rain.txt")
    assert len(lessons) == 1
    assert lessons[0].title == "Rain Gardens Spread Across the City"
