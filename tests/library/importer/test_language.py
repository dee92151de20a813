"""Japanese or Chinese, for a line of Han characters only: its forms, its neighbours, and
the language identifier only where those balance (and only then loaded)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from library.importer.language import by_characters, identify, settle_languages
from library.importer.split import split_lines


def langs(text: str) -> list[str]:
    lines = split_lines(text)
    settle_languages(lines)
    return [ln.lang for ln in lines]


def test_japanese_and_chinese_forms_tell_the_two_apart() -> None:
    assert by_characters("運転手募集") == "ja"
    assert by_characters("日本語訳") == "ja"
    assert by_characters("这是新的") == "zh"
    assert by_characters("將重新行駛") == "zh"
    assert by_characters("新路線計画") == ""


def test_a_kanji_heading_between_japanese_lines_is_japanese() -> None:
    assert langs("市は新しい路線を作る。\n新路線計画\n路線は6月に開く。") == ["ja", "ja", "ja"]


def test_a_kanji_sentence_with_japanese_forms_is_japanese_though_long() -> None:
    text = "市長談話：児童一人当年間約4万円、家庭負担軽減効果大\n市はバスを無料にする。"
    assert langs(text) == ["ja", "ja"]


def test_one_japanese_form_between_chinese_lines_stays_chinese() -> None:
    text = "北方的老臥鋪列車今年夏天將重新行駛。\n東京駅\n列車將在早上六點抵達東京車站。\n市はバスを無料にする。"
    assert langs(text)[:3] == ["zh", "zh", "zh"]


def test_a_chinese_page_is_left_chinese() -> None:
    assert langs("市政府今天宣布新計畫。\n新路線計画") == ["zh", "zh"]


def test_where_the_evidence_balances_the_identifier_decides_and_says_how_sure() -> None:
    pytest.importorskip("py3langid")
    # A kanji line between a Japanese line and a Chinese one: nothing on the line tells.
    lines = split_lines("市はバスを無料にする。\n市民公園整備計画\n這是我們的新公園，明年開放。")
    settle_languages(lines)
    assert lines[1].lang in ("ja", "zh")
    assert lines[1].lang_confidence < 1.0
    assert lines[0].lang_confidence == lines[2].lang_confidence == 1.0


def test_the_identifier_reads_a_chinese_sentence_as_chinese() -> None:
    pytest.importorskip("py3langid")
    assert identify("我們明天一起去學校")[0] == "zh"


def test_importing_the_importer_does_not_load_the_identifier() -> None:
    code = "import sys, library.importer, library.importer.language; print('py3langid' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
