"""A page of several items, each a story under its own labelled title: each title a heading,
its label kept aside (numbered headlines with no story under them stay as they are: the
corpus's ko_first_numbered_headlines)."""

from __future__ import annotations

from library.importer.text import parse_text

ITEMS = (
    "Two Town Stories\n\n"
    "Story 1\n"
    "Bridge Reopens After Repairs\n"
    "橋が修理を終えて再開通\n"
    "The old stone bridge opened again on Monday after a year of repairs.\n"
    "古い石橋が1年の修理を終え、月曜日に再び開通した。\n\n"
    "Story 2\n"
    "Market Moves to the Square\n"
    "市場が広場に移転\n"
    "The weekly market will be held in the main square from next month.\n"
    "週に一度の市場は、来月から中央広場で開かれる。\n"
)


def test_each_items_title_is_a_heading_and_its_label_is_kept_aside() -> None:
    lesson = parse_text(ITEMS)
    assert [(b.kind, b.text) for b in lesson.blocks][::2] == [
        ("heading", "Bridge Reopens After Repairs"),
        ("heading", "Market Moves to the Square"),
    ]
    assert lesson.blocks[0].translations == {"ja": "橋が修理を終えて再開通"}
    assert {"Story 1", "Story 2"} <= set(lesson.dropped)
    assert all(not b.text.startswith("Story") for b in lesson.blocks)




def test_a_label_and_a_colon_on_the_titles_line_are_taken_off() -> None:
    page = ITEMS.replace("Story 1\nBridge", "Story 1: Bridge").replace("Story 2\nMarket", "Story 2: Market")
    lesson = parse_text(page)
    assert [b.text for b in lesson.blocks if b.kind == "heading"] == [
        "Bridge Reopens After Repairs",
        "Market Moves to the Square",
    ]
    assert {"Story 1:", "Story 2:"} <= set(lesson.dropped)


def test_a_menu_above_untitled_items_leaves_the_first_headline_the_title() -> None:
    page = "Home | About | Contact\n\n" + ITEMS.split("\n\n", 1)[1]
    lesson = parse_text(page)
    assert (lesson.title, lesson.title_translation) == ("Bridge Reopens After Repairs", "橋が修理を終えて再開通")
    assert [b.text for b in lesson.blocks if b.kind == "heading"] == ["Market Moves to the Square"]
