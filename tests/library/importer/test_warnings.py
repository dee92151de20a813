"""The import says what it guessed: a title, site text, a translation's place; in the report,
the command line's line and --json, and kept with the lesson in the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from library import Library
from library.importer import parse_page, parse_text, report_for
from library.model import LOW_CONFIDENCE, SITE_TEXT, TITLE_GUESSED
from library.report import report_lines
from reader.__main__ import main

GROUPED = """Night Markets Return

The night market in Taichung opened again in 2025 with 80 stalls.

Families walked between the stalls and tried grilled corn and sweet soup.

The city says 12,000 people visited on the first weekend.

中文翻譯

台中的夜市在2025年重新開放，共有80個攤位。

一家人在攤位之間散步，品嚐烤玉米和甜湯。

市政府表示，第一個週末有12,000人前來。

Share this
"""


def kinds(text: str) -> list[tuple[str, str]]:
    return [(w.kind, w.text) for w in parse_text(text).warnings]


def test_a_title_taken_from_the_first_sentence_is_a_guess() -> None:
    page = "The river rose by two metres overnight, and the town closed its bridges.\n\n川の水位が上がった。\n"
    lesson = parse_text(page)
    assert (TITLE_GUESSED, lesson.title) in kinds(page)
    # A headline is not a guess.
    assert not [k for k, _ in kinds("River Rises\n\n" + page) if k == TITLE_GUESSED]


def test_an_html_title_is_not_a_guess() -> None:
    html = b"<html><head><title>Owls</title></head><body><p>Owls can turn their heads a long way.</p></body></html>"
    assert parse_page(html, "owls.html").warnings == []


def test_site_text_is_kept_aside_and_named() -> None:
    lesson = parse_text(GROUPED)
    assert (SITE_TEXT, "Share this") in [(w.kind, w.text) for w in lesson.warnings]
    assert "Share this" in lesson.dropped
    assert all("Share this" not in b.text for b in lesson.blocks)


def test_a_translation_placed_by_order_alone_is_low_confidence() -> None:
    lesson = parse_text(GROUPED)
    # The first and last share numbers with their paragraphs; the middle one only its place.
    assert [b.translations.get("zh", "")[:4] for b in lesson.blocks] == ["台中的夜", "一家人在", "市政府表"]
    assert [w.text for w in lesson.warnings if w.kind == LOW_CONFIDENCE] == ["一家人在攤位之間散步，品嚐烤玉米和甜湯。"]


def test_the_report_names_the_guesses() -> None:
    lesson = parse_text(GROUPED)
    line = report_for(lesson).line()
    assert line.endswith("; guessed: translation placed with low confidence (1), taken as site text (1)")
    lines = report_lines(lesson)
    assert "  guessed: 2" in lines
    assert "    taken as site text (70% sure): Share this" in lines


def test_warnings_are_kept_with_the_lesson_and_printed_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "market.txt"
    page.write_text(GROUPED, encoding="utf-8")
    db = tmp_path / "lib.db"
    assert main(["import", str(page), "--json", "--library", str(db)]) == 0
    row = json.loads(capsys.readouterr().out.strip().splitlines()[0])
    assert [w["kind"] for w in row["warnings"]] == [LOW_CONFIDENCE, SITE_TEXT]
    assert row["warnings"][1]["text"] == "Share this"
    with Library(db) as lib:
        stored = lib.lessons.get(row["id"])
    assert stored.warnings == parse_text(GROUPED).warnings
