"""Layouts learner sites wrap an article in: a site label or a bilingual banner before the
title, bylines, hard-wrapped translations, marked captions, labels alone on a line, share
bars, pronunciations and bracketed examples in a word list. Each is read by its shape, in
wordings other than the corpus pages', and a line that only looks alike is left as it was."""

from __future__ import annotations

import pytest

from library.importer import parse_text
from library.model import SITE_TEXT, Lesson

BODY = (
    "The museum will open late on Fridays this summer so that workers can visit after their shifts.\n"
    "博物館は今夏、仕事帰りに立ち寄れるよう金曜日の開館時間を延長する。\n"
)


def site_text(lesson: Lesson) -> list[str]:
    return [w.text for w in lesson.warnings if w.kind == SITE_TEXT]


@pytest.mark.parametrize(
    ("first", "label"),
    [
        ("【今日のニュース English】 Museum Opens Late on Fridays", "【今日のニュース English】"),
        ("[Daily Reading]: Museum Opens Late on Fridays", "[Daily Reading]:"),
        ("[영어 뉴스] Museum Opens Late on Fridays", "[영어 뉴스]"),
    ],
)
def test_a_site_label_before_the_headline_is_site_text(first: str, label: str) -> None:
    lesson = parse_text(f"{first}\n\n{BODY}")
    assert lesson.title == "Museum Opens Late on Fridays"
    assert label in lesson.dropped and label in site_text(lesson)


@pytest.mark.parametrize(
    "label", ["【毎日の英語 Daily Reminder for Learners】", "[English News Today]", "【毎日の英語 Reminder】:"]
)
def test_a_site_label_alone_above_the_headline_is_site_text(label: str) -> None:
    lesson = parse_text(f"{label}\n\nMuseum Opens Late on Fridays\n博物館、金曜は遅くまで\n\n{BODY}")
    assert (lesson.title, lesson.title_translation) == ("Museum Opens Late on Fridays", "博物館、金曜は遅くまで")
    assert label in site_text(lesson)
    assert lesson.blocks[0].translations["ja"] == BODY.splitlines()[1]
    assert lesson.unplaced == []


def test_a_note_number_in_brackets_is_no_site_label() -> None:
    lesson = parse_text(f"[1] Museum Opens Late on Fridays\n\n{BODY}")
    assert lesson.title != "Museum Opens Late on Fridays"


@pytest.mark.parametrize("banner", ["Daily English 毎日英語", "English News | 英文新闻", "Learn English 영어 공부"])
def test_a_bilingual_banner_before_the_headline_is_site_text(banner: str) -> None:
    lesson = parse_text(f"{banner}\n\nMuseum Opens Late on Fridays\n博物館、金曜は遅くまで\n\n{BODY}")
    assert lesson.title == "Museum Opens Late on Fridays"
    assert lesson.title_translation == "博物館、金曜は遅くまで"
    assert banner in site_text(lesson)


@pytest.mark.parametrize(
    ("line", "title", "translation"),
    [
        ("Museum Opens Late 博物館が夜まで開館", "Museum Opens Late", "博物館が夜まで開館"),
        ("English Lessons Go Online 英語の授業がオンラインに", "English Lessons Go Online", "英語の授業がオンラインに"),
    ],
)
def test_a_bilingual_title_that_names_no_site_is_still_the_title(line: str, title: str, translation: str) -> None:
    lesson = parse_text(f"{line}\n\nLate Opening Hours\n\n{BODY}")
    assert (lesson.title, lesson.title_translation) == (title, translation)


@pytest.mark.parametrize(
    "byline",
    ["By Emma Clark | 2025-06-01", "By Emma Clark, June 1, 2025", "記者：佐藤花子", "글: 박지민", "박지민 기자"],
)
def test_a_byline_with_a_date_or_in_the_translations_script_is_site_text(byline: str) -> None:
    lesson = parse_text(f"Museum Opens Late on Fridays\n\n{byline}\n\n{BODY}")
    shown = byline.replace("：", ":")  # (full-width punctuation is read as its ASCII form)
    assert shown in site_text(lesson)
    assert all(shown not in b.text and shown not in b.translations.values() for b in lesson.blocks)


def test_a_label_before_a_sentence_is_no_byline() -> None:
    lesson = parse_text("Museum Opens Late on Fridays\n\n文: The hall was quiet.\n\n" + BODY)
    assert "文: The hall was quiet." not in site_text(lesson)


@pytest.mark.parametrize(
    ("lang", "lines", "joiner"),
    [
        ("ja", ["博物館は今夏、仕事帰りに立ち寄れるよう", "金曜日の開館時間を延長する。"], ""),
        ("zh", ["博物馆今年夏天每逢星期五", "将延长开放时间，", "方便上班族下班后参观。"], ""),
        ("ko", ["박물관은 올여름 퇴근한 직장인들이 들를 수", "있도록 금요일에 늦게까지 문을 연다."], " "),
    ],
)
def test_a_hard_wrapped_translation_is_one_again(lang: str, lines: list[str], joiner: str) -> None:
    english = "The museum will open late on Fridays this summer so that workers can visit after their shifts."
    lesson = parse_text("Museum Opens Late on Fridays\n\n" + english + "\n" + "\n".join(lines) + "\n")
    assert lesson.blocks[0].translations == {lang: joiner.join(lines)}


def test_lines_that_each_end_a_sentence_are_not_joined() -> None:
    page = (
        "Museum Opens Late on Fridays\n\nThe museum will open late. It hopes workers will come.\n"
        "博物館は遅くまで開館する。\n働く人に来てほしいという。\n"
    )
    lesson = parse_text(page)
    assert lesson.blocks[0].translations["ja"] == "博物館は遅くまで開館する。\n働く人に来てほしいという。"


@pytest.mark.parametrize("caption", ["▲ 金曜の夜の博物館の入口。", "↑写真：夜の展示室", "사진=금요일 밤의 전시실"])
def test_a_marked_caption_is_a_caption(caption: str) -> None:
    lesson = parse_text(f"Museum Opens Late on Fridays\n\n{caption}\n\n{BODY}")
    assert lesson.captions == [caption.replace("：", ":")]
    assert lesson.title_translation == ""
    assert lesson.blocks[0].translations["ja"] == BODY.splitlines()[1]


@pytest.mark.parametrize("label", ["Article:", "Story:", "本文", "본문", "日本語訳", "中文翻譯", "한국어 번역"])
def test_a_label_alone_is_kept_aside(label: str) -> None:
    english, japanese = BODY.splitlines()
    lesson = parse_text(f"Museum Opens Late on Fridays\n\n{label}\n\n{english}\n\n{japanese}\n")
    assert label in lesson.dropped
    assert [b.text for b in lesson.blocks] == [english]


@pytest.mark.parametrize(
    "bar", ["いいね | シェア", "分享 | 收藏 | 列印", "공유하기 | 스크랩", "シェア 12 ツイート 3", "分享 收藏"]
)
def test_a_share_bar_in_the_translations_script_is_site_text(bar: str) -> None:
    lesson = parse_text(f"Museum Opens Late on Fridays\n\n{BODY}\n{bar}\n")
    assert bar in site_text(lesson)
    assert lesson.unplaced == []


def test_a_pronunciation_is_kept_and_the_dash_is_no_part_of_the_gloss() -> None:
    lesson = parse_text(
        f"Museum Opens Late on Fridays\n\n{BODY}\nWords\n\n"
        "shift /ʃɪft/ [noun] – 勤務時間\n"
        "visit /ˈvɪz.ɪt/ (verb) – to go to see a place\n"
    )
    entries = [(g.term, g.pos, g.definition, g.translation) for g in lesson.glossary]
    assert entries == [("shift", "noun", "/ʃɪft/", "勤務時間"), ("visit", "verb", "/ˈvɪz.ɪt/ to go to see a place", "")]


def test_bracketed_numbered_examples_go_with_their_entry() -> None:
    lesson = parse_text(
        f"Museum Opens Late on Fridays\n\n{BODY}\nKey words\n\n"
        "shift (n.) a period of work 勤務時間\n"
        "【例文】1. Her shift ends at six.\n"
        "2. He works the night shift.\n"
        "visit (v.) to go to see a place 訪れる\n"
        "[Example] 1. We visited the museum.\n"
    )
    assert [g.example for g in lesson.glossary] == [
        "Her shift ends at six.\nHe works the night shift.",
        "We visited the museum.",
    ]


def test_an_example_label_alone_over_numbered_examples() -> None:
    lesson = parse_text(
        f"Museum Opens Late on Fridays\n\n{BODY}\nKey words\n\n"
        "shift /ʃɪft/ [noun] – 勤務時間\n"
        "[ Examples ]\n"
        "1. Her shift ends at six.\n"
        "2. He works the night shift.\n"
        "visit /ˈvɪz.ɪt/ [verb] – 訪れる\n"
        "예문:\n"
        "1. We visited the museum.\n"
    )
    assert [(g.term, g.example) for g in lesson.glossary] == [
        ("shift", "Her shift ends at six.\nHe works the night shift."),
        ("visit", "We visited the museum."),
    ]
    assert [b.text for b in lesson.blocks] == [BODY.splitlines()[0]]
    assert {"[ Examples ]", "예문:"} <= set(lesson.dropped)
