"""Emoji inside a sentence (`dogs 🐶 and`, `犬🐶を`) are the writer's text and kept; those that
decorate a line (a heading's icon, a bullet, after a heading's last word) go, as before."""

from __future__ import annotations

import pytest

from library.importer import parse_page
from library.importer.normalise import normalise

HEADLINE = "Town Opens a Tool Library"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("The cafe welcomes dogs 🐶 and their owners.", "The cafe welcomes dogs 🐶 and their owners."),
        ("カフェは犬🐶を歓迎する。", "カフェは犬🐶を歓迎する。"),
        ("Have a nice day! 😊", "Have a nice day! 😊"),
        ("📌 Key words", "Key words"),  # a heading's icon: decoration
        ("Key words 📚", "Key words"),
        ("今日の単語📚", "今日の単語"),
        ("とても楽しかった😊", "とても楽しかった😊"),  # a sentence with no stop: kept
        ("We took the puppy to the beach today 🐶", "We took the puppy to the beach today 🐶"),
        ("😀🎉", ""),  # a line of only emoji: taken out, and said (test_text_not_markup)
    ],
)
def test_emoji_inside_the_text_are_kept_and_decoration_goes(line: str, kept: str) -> None:
    assert normalise(line) == kept


def test_an_emoji_in_a_sentence_stays_in_the_lesson() -> None:
    text = f"{HEADLINE}\n\nThe cafe welcomes dogs 🐶 and their owners.\nカフェは犬🐶とその飼い主を歓迎する。\n"
    lesson = parse_page(text.encode(), "page.txt")
    assert lesson.blocks[0].text == "The cafe welcomes dogs 🐶 and their owners."
    assert lesson.blocks[0].translations == {"ja": "カフェは犬🐶とその飼い主を歓迎する。"}


def test_stars_and_ticks_are_bullets_wherever_they_stand() -> None:
    assert normalise("★harbour 港 ★ferry フェリー") == "harbour 港 ferry フェリー"
    assert normalise("Level: ★★☆ easy ✅ done") == "Level: easy done"
