"""Marks in body text: a number after ※ is not always a note; LaTeX symbols and bullet glyphs
are layout; a speaker's name alone on its line stays with what they say."""

from __future__ import annotations

import pytest

from library.importer import parse_text
from library.importer.normalise import normalise
from library.importer.patterns import NOTE_START


@pytest.mark.parametrize("line", ["※2つの都市を結ぶ", "※3年前の話", "※10人が参加した", "※2か所"])
def test_a_counted_number_after_kome_is_not_a_note(line: str) -> None:
    assert NOTE_START.match(line) is None


@pytest.mark.parametrize("line", ["※1 窓側の席とは", "※1窓側の席とは", "※12"])
def test_kome_notes_still_open(line: str) -> None:
    assert NOTE_START.match(line) is not None


def test_kome_two_keeps_its_digit_in_the_translation() -> None:
    lesson = parse_text("Trains\n\nTwo cities are linked by a night train.\n※2つの都市を夜行列車が結ぶ。\n")
    assert lesson.notes == []
    assert lesson.blocks[0].translations == {"ja": "※2つの都市を夜行列車が結ぶ。"}


@pytest.mark.parametrize(
    ("raw", "shown"),
    [(r"Tokyo $\rightarrow$ Osaka", "Tokyo → Osaka"), (r"5 \times 2", "5 × 2"), (r"x \leq 3", "x ≤ 3")],
)
def test_latex_symbols_become_symbols(raw: str, shown: str) -> None:
    assert normalise(raw) == shown


def test_bullet_glyphs_and_speakers() -> None:
    lesson = parse_text(
        "Talk\n\n• Bring water when you visit the park.\n\nNarrator:\nThe city opened a new park today.\n"
    )
    assert [b.text for b in lesson.blocks] == [
        "Bring water when you visit the park.",
        "Narrator: The city opened a new park today.",
    ]


def test_part_labels_are_taken_off_and_kept_aside() -> None:
    lesson = parse_text(
        "Snow\n\n原文: The festival opened with 150 statues.\n訳: 祭りは150体の像とともに開幕した。\n"
        "別訳: 150体の像で祭りが始まった。\n"
    )
    [block] = lesson.blocks
    assert block.text == "The festival opened with 150 statues."
    assert block.translations == {"ja": "祭りは150体の像とともに開幕した。\n150体の像で祭りが始まった。"}
    assert lesson.dropped == ["原文:", "訳:", "別訳:"]


def test_a_label_that_does_not_fit_its_text_stays() -> None:
    # A translation's label before English text is not a label of this page's parts.
    lesson = parse_text("Languages\n\nTranslation: turning words of one language into another, with care.\n")
    assert lesson.blocks[0].text == "Translation: turning words of one language into another, with care."


def test_a_hard_wrapped_sentence_is_one_paragraph() -> None:
    lesson = parse_text(
        "Rivers\n\nThe river in the city is clean again after ten\nyears of work by the people\nwho live near it.\n"
        "川は住民の10年の努力で再びきれいになった。\n\n"
        "Most people swim there in summer now.\n今では多くの人が夏に泳ぐ。\n"
    )
    assert [b.text for b in lesson.blocks] == [
        "The river in the city is clean again after ten years of work by the people who live near it.",
        "Most people swim there in summer now.",
    ]
    assert lesson.blocks[0].translations == {"ja": "川は住民の10年の努力で再びきれいになった。"}


def test_a_line_that_starts_a_sentence_is_not_joined() -> None:
    lesson = parse_text("Rivers\n\nMost people swim there now.\nThey like the water.\n")
    assert [b.text for b in lesson.blocks] == ["Most people swim there now.", "They like the water."]
