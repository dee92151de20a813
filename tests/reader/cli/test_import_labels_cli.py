"""`study-reader import` on labelled, drill, wrapped and translation-first pages: each
translation on its own sentence, and every guess said on the import's line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def _import(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> tuple[str, dict]:
    lib = str(tmp_path / "lib.db")
    assert main(["import", str(CORPUS / name), "--library", lib]) == 0
    line = capsys.readouterr().out.strip()
    assert main(["show", "1", "--json", "--library", lib]) == 0
    return line, json.loads(capsys.readouterr().out)


def test_an_alternative_translation_stays_with_its_item(capsys, tmp_path) -> None:
    line, lesson = _import(capsys, tmp_path, "ja_numbered_translation_first_alt.txt")
    first, second = (b["translations"]["ja"] for b in lesson["blocks"])
    assert first.splitlines() == ["駅前の夜市が、三年ぶりに戻ってきた。", "三年の休みを経て、駅前の夜市が再開した。"]
    assert second == "屋台は午後六時から深夜まで開いている。"
    assert "0 unplaced" in line and "guessed" not in line


def test_a_drill_sentence_gets_only_its_natural_translation(capsys, tmp_path) -> None:
    line, lesson = _import(capsys, tmp_path, "ja_drill_natural_translation.txt")
    assert [b["translations"]["ja"] for b in lesson["blocks"]] == [
        "日曜日に祖母を訪ねることにした。", "弟は料理の仕方を覚えたがっている。"
    ]
    assert "2 paragraphs" in line and "taken as site text (8)" in line


def test_pieces_joined_across_blank_lines_are_said(capsys, tmp_path) -> None:
    line, lesson = _import(capsys, tmp_path, "ja_wrapped_blank_pieces.txt")
    assert lesson["blocks"][0]["text"] == "The mayor said on Friday that the old river bridge is safe for cars again."
    assert "guessed: sentence rejoined across a blank line (3)" in line


def test_a_near_tie_between_after_and_before_is_said(capsys, tmp_path) -> None:
    line, _lesson = _import(capsys, tmp_path, "zh_hant_orientation_tie.txt")
    assert "guessed: translation placed with low confidence (2)" in line


def test_a_commentary_section_is_one_note(capsys, tmp_path) -> None:
    line, lesson = _import(capsys, tmp_path, "ja_commentary_examples.txt")
    assert "1/1 note anchored" in line
    assert len(lesson["blocks"]) == 2
    assert [n["marker"] for n in lesson["notes"]] == ["解説"]
    assert '"stop the rain from coming in"' in lesson["notes"][0]["text"]
