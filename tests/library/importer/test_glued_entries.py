"""Entries written with no space at the change of script, `- phrase :「訳」`, `[1] term 訳`, and a
`term: gloss` line right under a translation; and the lines that only look like them."""

from __future__ import annotations

import pytest

from library.importer import parse_text
from library.importer.glossary import parse_entries
from library.model import LIST_WITHOUT_HEADING


@pytest.mark.parametrize(
    ("line", "term", "gloss"),
    [
        ("economy経済", "economy", "経済"),
        ("working parents働く親", "working parents", "働く親"),
        ("경제economy", "economy", "경제"),
        ("党章Party constitution", "Party constitution", "党章"),
        ("강river", "river", "강"),
        ("全面从严治党exercise full and strict governance over the Party", "exercise full and strict governance over the Party", "全面从严治党"),  # noqa: E501
        ("- run again :「再び運航する」", "run again", "再び運航する"),
        ("－ run again：「再び運航する」", "run again", "再び運航する"),
        ("– on the mainland : 「本土で」", "on the mainland", "本土で"),
        ("[12] river bank 河岸", "river bank", "河岸"),
    ],
)
def test_entry_shapes(line: str, term: str, gloss: str) -> None:
    assert [(e.term, e.translation) for e in parse_entries(line)] == [(term, gloss)]


@pytest.mark.parametrize(
    "line",
    [
        "AIが仕事を変えている",  # a sentence starting with a Latin word and a particle
        "AI는 일자리를 바꾼다",
        "市場でiPhoneを買った。",
        "新しいフェリーで学校に通う。economy",
    ],
)
def test_sentences_are_no_glued_entries(line: str) -> None:
    assert parse_entries(line) == []


PAIR = (
    "Boats Return to the Bay\n\n"
    "Fishing boats came back to the bay this week after the storm had passed.\n"
    "嵐が過ぎ去った後、今週漁船が湾に戻ってきた。\n"
)


def test_a_speaker_under_a_translation_is_no_entry() -> None:
    lesson = parse_text(PAIR + "Tom: はい、そうです\n")
    assert lesson.glossary == []


@pytest.mark.parametrize("line", ["storm: 嵐", "storm：嵐", "storm = 嵐", "storm – 嵐"])
def test_a_term_and_gloss_under_a_translation_is_an_entry_and_said(line: str) -> None:
    lesson = parse_text(PAIR + line + "\n")
    assert [(e.term, e.translation) for e in lesson.glossary] == [("storm", "嵐")]
    assert lesson.blocks[0].translations == {"ja": "嵐が過ぎ去った後、今週漁船が湾に戻ってきた。"}
    assert len([w for w in lesson.warnings if w.kind == LIST_WITHOUT_HEADING]) == 1


def test_one_glued_line_alone_is_no_list() -> None:
    lesson = parse_text(PAIR + "\nbay湾\n")
    assert lesson.glossary == []
