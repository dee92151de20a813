"""Words starred in the English with `*word gloss` lines after the paragraph: notes on those words."""

from __future__ import annotations

from library.importer import parse_text

PAGE = """Ferry Adds a Late Trip

Students often *miss the last boat home, and some pay for a *water taxi.
*miss: to fail to catch a train, bus or boat
*water taxi: a small boat that carries people for money
学生たちはよく最終便に乗り遅れ、水上タクシーに料金を払う生徒もいる。

The new trip leaves the port at 9:30 in the evening.
新しい便は夜9時30分に港を出る。
"""


def test_english_glosses_of_starred_words_are_notes_not_paragraphs() -> None:
    lesson = parse_text(PAGE)
    assert [b.text for b in lesson.blocks] == [
        "Students often miss the last boat home, and some pay for a water taxi.",
        "The new trip leaves the port at 9:30 in the evening.",
    ]
    assert [(n.marker, n.text) for n in lesson.notes] == [
        ("*", "miss: to fail to catch a train, bus or boat"),
        ("*", "water taxi: a small boat that carries people for money"),
    ]
    text = lesson.blocks[0].text
    spans = [text[n.anchor.start : n.anchor.end] for n in lesson.notes if n.anchor is not None]
    assert spans == ["miss", "water taxi"]
    assert lesson.blocks[0].translations["ja"].startswith("学生たちは")


def test_a_starred_line_glossing_no_starred_word_stays_a_word_list_entry() -> None:
    lesson = parse_text(PAGE.replace("*miss the", "miss the").replace("*water taxi.", "water taxi."))
    assert lesson.notes == []
    assert "*" not in lesson.blocks[0].text
