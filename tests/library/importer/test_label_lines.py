"""Labels that name a translation (`译：`, `譯：`, `해석:`) are taken off, and a label names all
of its item's translation: two lines under a label alone, or its text wrapped onto the next line."""

from __future__ import annotations

import pytest

from library.importer import parse_page
from library.model import Lesson

HEADLINE = "Town Opens a Tool Library"


def page(text: str) -> Lesson:
    return parse_page(text.encode(), "page.txt")


@pytest.mark.parametrize(
    ("label", "lang"),
    [
        ("译：", "zh"),
        ("譯：", "zh"),
        ("翻譯：", "zh"),
        ("《译文》", "zh"),
        ("日本語：", "ja"),
        ("〈訳〉", "ja"),
        ("<和訳>", "ja"),
        ("해석:", "ko"),
        ("한국어:", "ko"),
    ],
)
def test_a_translation_label_is_taken_off(label: str, lang: str) -> None:
    text = {"zh": "图书馆开放了。", "ja": "図書館が開いた。", "ko": "도서관이 문을 열었다."}[lang]
    lesson = page(f"{HEADLINE}\n\nThe library opened.\n{label}{text}\n\nIt has many tools.\n")
    assert lesson.blocks[0].translations == {lang: text}
    assert label.replace("：", ":") in lesson.dropped


def test_a_label_alone_once_names_both_lines_under_it() -> None:
    # `訳：` alone over two lines on one item, before the text on the others: one label per item.
    lesson = page(
        f"{HEADLINE}\n\nThe library opens on Saturdays. On weekdays it opens in the evening.\n訳：\n"
        "図書館は土曜日に開いている。\n平日は夕方に開く。\n\n"
        "Volunteers check each tool.\n訳：ボランティアが道具を点検する。\n"
    )
    assert [b.translations for b in lesson.blocks] == [
        {"ja": "図書館は土曜日に開いている。\n平日は夕方に開く。"},
        {"ja": "ボランティアが道具を点検する。"},
    ]


def test_a_labelled_translation_wrapped_over_two_lines_is_whole() -> None:
    lesson = page(
        f"{HEADLINE}\n\nVolunteers check each tool when it comes back.\n訳：ボランティアが返却された道具を\n"
        "一つずつ点検する。\n\nThe library is free.\n訳：図書館は無料だ。\n"
    )
    assert lesson.blocks[0].translations == {"ja": "ボランティアが返却された道具を一つずつ点検する。"}


@pytest.mark.parametrize("gap", ["\n", ""])
def test_a_labelled_translation_s_second_sentence_under_it_is_the_same_item_s(gap: str) -> None:
    # `訳：` before each translation: the unlabelled line right under one is more of it.
    lesson = page(
        f"{HEADLINE}\n\nThe library opens on Saturdays. On weekdays it opens in the evening.\n"
        f"訳：図書館は土曜日に開いている。\n平日は夕方に開く。\n{gap}"
        "Volunteers check each tool.\n訳：ボランティアが道具を点検する。\n"
    )
    assert [b.translations for b in lesson.blocks] == [
        {"ja": "図書館は土曜日に開いている。\n平日は夕方に開く。"},
        {"ja": "ボランティアが道具を点検する。"},
    ]
