"""Site text is kept aside, never shown as body: audio players, feed footers, related posts;
and a Japanese line of kanji alone is Japanese."""

from __future__ import annotations

import pytest

from library.importer import parse_text
from library.importer.patterns import is_interface_line
from library.model import SITE_TEXT

BODY = "Bikes for Rent\n\nThe town now rents bikes to visitors for a dollar.\n町は観光客に1ドルで自転車を貸す。\n\n"


def test_players_footers_and_related_posts_are_site_text() -> None:
    extra = [
        "Play audio",
        "Speed: 0.75x | 1x | 1.25x",
        "03:25 / 05:10",
        "The post Bikes for Rent appeared first on Easy News.",
        "Related posts",
        "Schools Add Cooking Classes",
        "A Town Builds a Tiny Station",
    ]
    lesson = parse_text(BODY + "\n".join(extra) + "\n")
    assert [b.text for b in lesson.blocks] == ["The town now rents bikes to visitors for a dollar."]
    assert lesson.dropped == extra
    # Lines with no letters (decoration, a timer) are set aside without a word.
    assert [w.text for w in lesson.warnings if w.kind == SITE_TEXT] == [t for t in extra if t != "03:25 / 05:10"]


def test_a_sentence_after_related_posts_is_body_again() -> None:
    lesson = parse_text(
        BODY + "Related posts\nSchools Add Cooking Classes\n\nThe bikes are kept in a shed by the station.\n"
    )
    assert lesson.blocks[-1].text == "The bikes are kept in a shed by the station."


def test_a_kanji_line_between_japanese_lines_is_japanese() -> None:
    lesson = parse_text(
        BODY
        + "Survey Results\n調査結果\n\nMost riders were students.\n利用者の多くは学生だった。\n"
    )
    assert lesson.blocks[1].translations == {"ja": "調査結果"}
    assert lesson.translation_language == "ja"


@pytest.mark.parametrize(
    "text",
    [
        "Share on Facebook",
        "Leave a Reply",
        "Previous article",
        "Comments (3)",
        "Skip to main content",
        "Take the quiz: https://example.org/q",
        "We use cookies to improve your experience.",
        "Your email address will not be published.",
        "By admin",
    ],
)
def test_english_buttons_and_notices_are_interface_lines(text: str) -> None:
    assert is_interface_line(text)


@pytest.mark.parametrize(
    "text",
    ["She will share the video on Facebook.", "The next train leaves at noon.", "Comments from readers poured in."],
)
def test_sentences_using_those_words_are_not(text: str) -> None:
    assert not is_interface_line(text)


def test_a_byline_after_a_word_list_is_not_a_headword() -> None:
    page = (
        "Seeds to Borrow\n\nA town library lends seeds to families in spring.\n\n"
        "Words in This Story\n\nborrow – v. to take for a short time\n\nShare on Facebook\nBy admin\n"
    )
    lesson = parse_text(page)
    assert [g.term for g in lesson.glossary] == ["borrow"]
    assert [b.text for b in lesson.blocks] == ["A town library lends seeds to families in spring."]
    assert {"Share on Facebook", "By admin"} <= set(lesson.dropped)


def test_a_dated_byline_block_is_site_text_but_bulleted_body_lines_are_not() -> None:
    lesson = parse_text("• Mina Park\n• 2024.05.01 10:20\n\n" + BODY)
    assert lesson.title == "Bikes for Rent"
    assert {"• Mina Park", "• 2024.05.01 10:20"} <= set(lesson.dropped)
    # Without a date the bulleted lines are the page's own.
    undated = parse_text(BODY + "• Bikes are red.\n• Helmets are free.\n")
    assert "• Bikes are red." not in undated.dropped
