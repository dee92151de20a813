"""Lines that are no headline around the top of a page (a weekday, a view count, a printed
page's number, a cut-off copy of the first sentence, a word list's headword) are never a title
taken for sure: passed over as site text where another line is the title, and where the title
is still such a line, the import report says it was guessed."""

from __future__ import annotations

import pytest

from library.importer import parse_page
from library.model import SITE_TEXT, TITLE_GUESSED, Lesson

HEADLINE = "Town Opens a Tool Library"
BODY = "People in the town can now borrow tools for free.\n町の人は今、無料で道具を借りられる。\n"


def page(text: str) -> Lesson:
    return parse_page(text.encode(), "page.txt")


def said(lesson: Lesson, kind: str) -> list[str]:
    return [w.text for w in lesson.warnings if w.kind == kind]


@pytest.mark.parametrize("day", ["Monday", "Wed.", "月曜日の英語", "星期三", "월요일의 영어"])
def test_a_weekday_above_the_headline_is_site_text(day: str) -> None:
    lesson = page(f"{day}\n\n{HEADLINE}\n町が道具図書館を開設\n\n{BODY}")
    assert (lesson.title, lesson.title_translation) == (HEADLINE, "町が道具図書館を開設")
    assert [b.kind for b in lesson.blocks] == ["paragraph"]
    assert said(lesson, SITE_TEXT) == [day] and said(lesson, TITLE_GUESSED) == []


def test_a_weekday_right_above_the_headline_is_not_its_translation() -> None:
    lesson = page(f"月曜日の英語\n{HEADLINE}\n\n{BODY}")
    assert (lesson.title, lesson.title_translation) == (HEADLINE, "")
    assert said(lesson, SITE_TEXT) == ["月曜日の英語"]


def test_a_weekday_with_no_headline_after_it_is_a_guessed_title() -> None:
    lesson = page(f"Monday\n\n{BODY}")
    assert lesson.title == "Monday"
    assert said(lesson, TITLE_GUESSED) == ["Monday"]


@pytest.mark.parametrize(
    "line",
    [
        "1,234 views",
        "閲覧数 532",
        "조회수 1,204",
        "閱讀 2,045",
        "1.2K views",
        "閲覧数：1.5万",
        "Views 1,234 · Likes 20",
        "page 1 of 8",
        "Page 3",
        "3ページ",
        "3 / 12 ページ",
    ],
)
def test_a_view_count_or_a_page_number_is_site_text_anywhere(line: str) -> None:
    lesson = page(f"{line}\n{HEADLINE}\n\n{BODY}\n{line}\n\nThe library has two hundred tools.\n")
    assert (lesson.title, lesson.title_translation) == (HEADLINE, "")
    assert [b.text for b in lesson.blocks] == [
        "People in the town can now borrow tools for free.",
        "The library has two hundred tools.",
    ]
    assert said(lesson, SITE_TEXT) == [line.replace("：", ":")] * 2 and lesson.unplaced == []


@pytest.mark.parametrize("line", ["Monday, May 5", "May 5 (Mon)", "5月5日(月)", "5월 5일 (월)"])
def test_a_date_with_no_year_above_the_headline_is_site_text(line: str) -> None:
    lesson = page(f"{line}\n\n{HEADLINE}\n\n{BODY}")
    assert (lesson.title, [b.kind for b in lesson.blocks]) == (HEADLINE, ["paragraph"])
    assert said(lesson, SITE_TEXT) == [line] and lesson.unplaced == []


@pytest.mark.parametrize("end", ["…", "..."])
def test_a_cut_off_copy_of_the_first_sentence_is_site_text_and_the_title_a_guess(end: str) -> None:
    cut = "People in the town can now borrow" + end
    lesson = page(f"{cut}\n\n{BODY}")
    assert [b.text for b in lesson.blocks] == ["People in the town can now borrow tools for free."]
    assert lesson.title == "People in the town can now borrow tools for free."
    assert said(lesson, TITLE_GUESSED) == [lesson.title] and said(lesson, SITE_TEXT) == [cut]


def test_a_copy_cut_mid_phrase_is_not_joined_onto_the_sentence() -> None:
    lesson = page(f"People in the town can now borrow tools for\n\n{BODY}")
    assert [b.text for b in lesson.blocks] == ["People in the town can now borrow tools for free."]
    assert said(lesson, SITE_TEXT) == ["People in the town can now borrow tools for"]


@pytest.mark.parametrize(
    "first",
    [
        "The city council voted on Thursday to build a\n市議会は木曜日、建設を可決した",  # cut off mid-phrase
        "The city council voted on Thursday to build…",  # cut off with an ellipsis
        "rain garden curb gutter",  # a word list's headwords
    ],
)
def test_a_title_that_reads_as_no_headline_is_said_to_be_guessed(first: str) -> None:
    lesson = page(f"{first}\n\n{BODY}")
    title = first.split("\n")[0]
    assert lesson.title == title
    assert said(lesson, TITLE_GUESSED) == [title]


def test_a_clear_headline_is_no_guess() -> None:
    lesson = page(f"{HEADLINE}\n\n{BODY}")
    assert lesson.title == HEADLINE and said(lesson, TITLE_GUESSED) == []


@pytest.mark.parametrize("banner", ["WEEKLY ENGLISH NEWS", "Lesson 3"])
def test_a_banner_taken_for_want_of_a_headline_is_a_guessed_title(banner: str) -> None:
    lesson = page(f"{banner}\n\n{BODY}")
    assert lesson.title == banner
    assert said(lesson, TITLE_GUESSED) == [banner]


def test_a_single_word_over_its_translation_as_a_list_starts_is_a_guessed_title() -> None:
    # `Harbour / 港 / Ferry / フェリー`: a word list's first headword, or a one-word headline.
    lesson = page(f"Harbour\n港\nFerry\nフェリー\n\n{BODY}")
    assert lesson.title == "Harbour"
    assert said(lesson, TITLE_GUESSED) == ["Harbour"]


def test_a_title_the_first_sentence_starts_with_is_a_guessed_title() -> None:
    first = "The city council voted on Thursday to build a new"
    lesson = page(f"{first}\n\n{first} bridge over the river.\n市議会は木曜日、川に新しい橋を架けることを可決した。\n")
    assert lesson.title == first
    assert said(lesson, TITLE_GUESSED) == [first]


def test_days_in_turn_are_the_page_s_headings() -> None:
    # `Monday`, later `Tuesday`: the page's parts are days, the first no title of its own.
    lesson = page(f"Monday\n{BODY}\nTuesday\nThe library has two hundred tools.\n図書館には200の道具がある。\n")
    assert [(b.kind, b.text) for b in lesson.blocks][::2] == [("heading", "Monday"), ("heading", "Tuesday")]
    assert said(lesson, TITLE_GUESSED) == ["Monday"]


@pytest.mark.parametrize(("first", "second"), [("星期一", "星期二"), ("月曜日", "火曜日"), ("월요일", "화요일")])
def test_days_in_turn_in_the_translation_s_script_are_all_site_text(first: str, second: str) -> None:
    lesson = page(f"{first}\n{BODY}\n{second}\nThe library has two hundred tools.\n図書館には200の道具がある。\n")
    assert [b.kind for b in lesson.blocks] == ["paragraph", "paragraph"] and lesson.unplaced == []
    assert said(lesson, SITE_TEXT) == [first, second]


@pytest.mark.parametrize(
    "top",
    [f"{HEADLINE}\n月曜日", f"{HEADLINE}\nMonday", f"{HEADLINE}\n町が道具図書館を開設\n月曜日"],
)
def test_a_weekday_under_the_headline_is_site_text_not_its_translation(top: str) -> None:
    lesson = page(f"{top}\n\n{BODY}")
    day = top.rsplit("\n", 1)[1]
    assert lesson.title == HEADLINE and lesson.title_translation == ("町が道具図書館を開設" if "町" in top else "")
    assert [b.kind for b in lesson.blocks] == ["paragraph"] and lesson.unplaced == []
    assert said(lesson, SITE_TEXT) == [day]


@pytest.mark.parametrize("headline", ["iPhone Sales Rise in Spring", "eBay Opens a Repair Shop"])
def test_a_headline_starting_with_a_name_in_lower_case_is_no_guess(headline: str) -> None:
    lesson = page(f"{headline}\n\n{BODY}")
    assert lesson.title == headline and said(lesson, TITLE_GUESSED) == []
