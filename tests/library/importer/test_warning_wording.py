"""A warning's words agree with its figure: a translation's place is called "low confidence" only
under LOW_SURE, wherever the warning is worded (the report, --json, a lesson read back)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from library.importer import parse_document
from library.model import LOW_CONFIDENCE, LOW_SURE, PLACED_GUESS, ImportWarning
from library.report import report_lines
from reader.__main__ import main

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
# A page whose aligner places a translation on a link the search is fairly sure of (over LOW_SURE).
PAGE = CORPUS / "ja_labelled_uneven_groups.txt"


def _agrees(kind: str, confidence: float) -> bool:
    return (kind == LOW_CONFIDENCE) == (confidence < LOW_SURE)


def test_no_warning_calls_a_sure_placement_low() -> None:
    lesson = parse_document(PAGE.read_bytes(), PAGE.name)[0]
    placements = [w for w in lesson.warnings if w.kind in (LOW_CONFIDENCE, PLACED_GUESS)]
    assert any(w.confidence >= LOW_SURE for w in placements)
    assert all(_agrees(w.kind, w.confidence) for w in placements)
    for line in report_lines(lesson):
        if "low confidence" in line:
            assert int(line.split("(")[1].split("%")[0]) < LOW_SURE * 100, line
    assert not any("(100% sure)" in line for line in report_lines(lesson))


def test_json_and_the_library_word_it_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.db"
    assert main(["import", str(PAGE), "--json", "--library", str(db)]) == 0
    row = json.loads(capsys.readouterr().out.strip().splitlines()[0])
    assert row["warnings"] and all(_agrees(w["kind"], w["confidence"]) for w in row["warnings"]
                                   if w["kind"] in (LOW_CONFIDENCE, PLACED_GUESS))
    assert PLACED_GUESS in {w["kind"] for w in row["warnings"]}


@pytest.mark.parametrize(
    ("sure", "kind"), [(0.98, PLACED_GUESS), (0.75, PLACED_GUESS), (0.7, LOW_CONFIDENCE), (0.4, LOW_CONFIDENCE)]
)
def test_a_stored_low_confidence_warning_is_worded_by_its_figure(sure: float, kind: str) -> None:
    # A library written before keeps "low confidence" at 98%: read back, it is worded by its figure.
    assert ImportWarning(LOW_CONFIDENCE, "訳", sure).kind == kind
    assert ImportWarning(PLACED_GUESS, "訳", sure).kind == kind
