"""Exercises found on a page: under a practice heading, or by their gaps; never the body itself."""

from __future__ import annotations

from library.importer.exercises import is_heading
from library.importer.text import lesson_texts, parse_text
from library.model import EXERCISE_WITHOUT_HEADING

ARTICLE = """Owls Return to the Old Mill

Owls have come back to the old mill by the river after twenty years away.
20年ぶりに、フクロウが川沿いの古い製粉所に戻ってきた。

Volunteers built nest boxes under the roof last winter.
ボランティアが昨年の冬、屋根の下に巣箱を作った。
"""


def test_practice_headings_in_several_languages() -> None:
    headings = ("Let's practise", "Let's Practice", "Quiz", "STEP 4 Quiz", "【練習問題】", "연습 문제", "练习",
                "Exercise 2:", "Pre-reading questions:", "Discussion questions")
    for text in headings:
        assert is_heading(text), text
    for text in ("Practice makes a town stronger", "Key words", "The quiz show returns to TV this week."):
        assert not is_heading(text), text


def test_a_section_called_exercise_over_prose_stays_body() -> None:
    page = ARTICLE + "\nExercise\n\nDoctors say a short walk every day helps older people sleep better at night.\n"
    lesson = parse_text(page)
    assert lesson.exercises == []
    assert lesson.blocks[-1].text.startswith("Doctors say a short walk")


def test_a_quiz_after_the_body_keeps_every_line_and_adds_no_paragraph() -> None:
    quiz = (
        "\nQuiz\n1. Owls came back to the old mill after (ten / twenty) years.\n2. Who built the nest boxes?\n"
        "Answers: 1. twenty 2. Volunteers\n"
    )
    plain, with_quiz = parse_text(ARTICLE), parse_text(ARTICLE + quiz)
    assert [b.text for b in with_quiz.blocks] == [b.text for b in plain.blocks]
    assert [(e.kind, e.title, len(e.lines)) for e in with_quiz.exercises] == [("quiz", "Quiz", 3)]
    held = "\n".join(lesson_texts(with_quiz))
    assert all(line in held for line in quiz.strip().splitlines())
    assert not [w for w in with_quiz.warnings if w.kind == EXERCISE_WITHOUT_HEADING]


def test_note_markers_are_not_gaps() -> None:
    page = ARTICLE.replace("twenty years away.", "twenty years away(1).") + "\n(1) 製粉所は1950年に閉鎖された。\n"
    assert parse_text(page).exercises == []


def test_a_page_that_is_all_exercise_is_read_as_an_article() -> None:
    page = """Review Test

1. Owls have come back to the old ( 1 ) by the river after twenty ( 2 ) away.
2. Volunteers built nest ( 3 ) under the roof last winter before the owls came.
Answers: 1. mill 2. years 3. boxes
"""
    lesson = parse_text(page)
    assert lesson.exercises == []
    assert any("nest ( 3 ) under the roof" in b.text for b in lesson.blocks)


def test_a_translation_after_a_blank_line_under_a_quiz_is_the_article_s() -> None:
    page = """Pre-reading questions
Have you ever taken a ferry?

アイランド線は7月1日から再び1日3便のフェリーを運航する。
The island line will run three ferries a day again from the first of July.
"""
    lesson = parse_text(page)
    assert [e.lines for e in lesson.exercises] == [["Have you ever taken a ferry?"]]
    assert lesson.blocks[-1].translations == {"ja": "アイランド線は7月1日から再び1日3便のフェリーを運航する。"}
