"""Levels a new learner meets on the command line: contractions take their parts' level (cannot is
can + not), a first name that starts a sentence is a name, and "I know A1–A2" marks only words that
show A1 or A2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.__main__ import main

GLACIER = Path(__file__).parents[2] / "data" / "glacier.txt"
MORE = """People Who Stay Behind

Takashi Mori runs a small shop near the station. He cannot close it, and he won't leave. "We can't go
anywhere," he said. "I'm gonna wait." Kenji Sato, his neighbour, said she didn't want to go either.
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _import(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    code, out, err = run(capsys, "import", str(path))
    assert code == 0, err
    return out.split(":", 1)[1].split()[0]


def test_contractions_take_their_parts_level_and_first_names_are_names(capsys, tmp_path: Path) -> None:
    page = tmp_path / "stay.txt"
    page.write_text(MORE, encoding="utf-8")
    lesson_id = _import(capsys, page)
    code, out, err = run(capsys, "show", lesson_id, "--levels", "--json")
    assert code == 0, err
    data = json.loads(out)
    levels = {w["word"]: w["level"] for w in data["word_list"]}
    assert {w: levels[w] for w in ("cannot", "won't", "can't", "gonna", "didn't")} == dict.fromkeys(
        ("cannot", "won't", "can't", "gonna", "didn't"), "A1")
    assert not {"takashi", "mori", "kenji", "sato"} & set(levels)  # names, not C2 words
    assert data["levels"]["C2"] == sum(w["count"] for w in data["word_list"] if w["level"] == "C2")
    assert data["names"] == 4

    glacier = tmp_path / "glacier.txt"
    shutil.copy(GLACIER, glacier)
    code, out, err = run(capsys, "show", _import(capsys, glacier), "--levels", "--json")
    assert code == 0, err
    data = json.loads(out)
    words = {w["word"] for w in data["word_list"]}
    assert not {"matthias", "bellwald", "blatten"} & words and "glacier" in words
    assert data["levels"]["C2"] == sum(w["count"] for w in data["word_list"] if w["level"] == "C2")


def test_i_know_a1_a2_marks_no_word_that_shows_above_a2(capsys) -> None:
    code, out, err = run(capsys, "words", "seed", "--level", "A2")
    assert code == 0, err
    code, out, err = run(capsys, "words", "list", "--status", "known", "--level", "B1+", "--json")
    assert code == 0, err
    assert json.loads(out) == []  # bayou, bode, diagnose, oversee … are B2–C2 where they are shown
    code, out, err = run(capsys, "words", "list", "--status", "known", "--json")
    known = {w["text"]: w["level"] for w in json.loads(out)}
    assert not {"bayou", "bode", "diagnose", "oversee", "cleanse", "dosage", "plurality"} & set(known)
    assert known["cannot"] == known["can't"] == known["gonna"] == "A1"
    assert len(known) > 3000
