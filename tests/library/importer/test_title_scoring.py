"""The title by scoring: an HTML page's <title> (its site name split off), og:title and <h1>
weighed together; a part's number alone in a text page is passed over for a better line."""

from __future__ import annotations

from library.importer import parse_page
from library.importer.text import parse_text
from library.importer.title import score_html_title, title_parts
from library.model import SITE_TEXT, TITLE_GUESSED


def test_the_site_name_is_split_off_a_title_at_either_end() -> None:
    assert title_parts("Bees Return to City Parks | Easy News") == (["Bees Return to City Parks"], "Easy News")
    assert title_parts("Easy News – Bees Return to City Parks") == (["Bees Return to City Parks"], "Easy News")
    assert title_parts("Owls") == (["Owls"], "")


def test_a_logo_h1_outside_the_article_loses_to_the_metadata() -> None:
    title, guessed = score_html_title("Easy News | Bees Return to City Parks", "", "Easy News", "h1_outside")
    assert (title, guessed) == ("Bees Return to City Parks", False)


def test_an_h1_in_the_article_and_a_disagreeing_og_title_is_a_guess() -> None:
    got = score_html_title("Penguin Parents Take Turns - Zoo News", "Penguin Parents Take Turns",
                           "Penguins Share the Work", "h1_article")
    assert got == ("Penguins Share the Work", True)


def test_an_h1_the_metadata_agree_with_is_sure() -> None:
    got = score_html_title("Bees Return to City Parks | Easy News", "Bees Return to City Parks",
                           "Bees Return to City Parks", "h1_article")
    assert got == ("Bees Return to City Parks", False)


def test_a_date_is_never_the_title_while_a_headline_stands() -> None:
    assert score_html_title("May 3, 2024 | Bees Return to City Parks", "", "", "h1")[0] == "Bees Return to City Parks"


def test_an_html_page_with_disagreeing_titles_says_it_guessed() -> None:
    html = (b"<html><head><title>Penguin Parents Take Turns</title>"
            b'<meta property="og:title" content="Penguin Parents Take Turns"></head>'
            b"<body><main><h1>Penguins Share the Work</h1><p>At the zoo, penguin parents take turns on their eggs.</p>"
            b"</main></body></html>")
    lesson = parse_page(html, "penguins.html")
    assert lesson.title == "Penguins Share the Work"
    assert [(w.kind, w.text) for w in lesson.warnings] == [(TITLE_GUESSED, "Penguins Share the Work")]


def test_lesson_3_alone_is_passed_over_for_the_headline_after_it() -> None:
    lesson = parse_text("Lesson 3\n\nA Robot Learns to Fold Shirts\n\nA robot in Osaka can now fold a shirt in"
                        " less than a minute.\n\n大阪のロボットは1分以内にシャツをたためる。\n")
    assert lesson.title == "A Robot Learns to Fold Shirts"
    assert (SITE_TEXT, "Lesson 3") in [(w.kind, w.text) for w in lesson.warnings]


def test_chapter_1_is_the_title_when_nothing_better_stands() -> None:
    lesson = parse_text("Chapter 1\n\nThe town of Elm opened a new library on Monday, and many families came.\n")
    assert lesson.title == "Chapter 1"
