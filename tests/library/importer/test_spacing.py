"""Letter-spaced lines (a PDF's text layer) put back together, and lines that only look so left alone."""

from __future__ import annotations

from library.importer.spacing import rejoin_spacing
from library.importer.text import parse_text
from library.model import LETTER_SPACING_REJOINED


def test_letters_two_spaces_apart_are_words_again() -> None:
    assert rejoin_spacing("T h e  b o a t  l e f t  a t  n o o n .") == "The boat left at noon."


def test_spaced_cjk_characters_are_joined() -> None:
    assert rejoin_spacing("船 は 正 午 に 出 た 。") == "船は正午に出た。"


def test_spaced_korean_keeps_its_word_gaps() -> None:
    assert rejoin_spacing("배 는  정 오 에  떠 났 다 .") == "배는 정오에 떠났다."
    assert rejoin_spacing("배 는 정 오 에 떠 났 다") is None  # no word gaps: the words cannot be told


def test_lines_that_are_not_letter_spaced_stay() -> None:
    assert rejoin_spacing("A  B  C  D") is None  # choices, four letters: nothing to join
    assert rejoin_spacing("I saw a b c on the board today") is None
    assert rejoin_spacing("T h e b o a t l e f t") is None  # no word gaps: the words cannot be told
    assert rejoin_spacing("1 2 3 4 5 6 7") is None  # a calendar's row
    assert rejoin_spacing("S M T W T F S") is None


def test_a_letter_spaced_page_imports_as_words_with_a_warning() -> None:
    page = (
        "Boats Return to the Lake\n\n"
        "T h e  f i r s t  b o a t s  r e t u r n e d  t o  t h e  l a k e  o n  M o n d a y .\n"
        "最 初 の 船 が 月 曜 日 に 湖 へ 戻 っ た 。\n"
    )
    lesson = parse_text(page)
    assert [b.text for b in lesson.blocks] == ["The first boats returned to the lake on Monday."]
    assert lesson.blocks[0].translations == {"ja": "最初の船が月曜日に湖へ戻った。"}
    said = [w.text for w in lesson.warnings if w.kind == LETTER_SPACING_REJOINED]
    assert said == ["The first boats returned to the lake on Monday.", "最初の船が月曜日に湖へ戻った。"]
