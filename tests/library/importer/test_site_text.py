"""Site text is kept aside, never shown as body: audio players, feed footers, related posts;
and a Japanese line of kanji alone is Japanese."""

from __future__ import annotations

from library.importer import parse_text
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
