"""`fix ID N unplaced` on a placed translation line takes it off its paragraph: `show --lines` then
shows it unplaced and `show --json` lists it with the unplaced material."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main

GARDEN = Path(__file__).resolve().parents[2] / "data" / "pageview" / "garden_page.txt"
TEACHER_JA = "退職した先生は、庭が毎日家を出る理由になったと言いました。"


def test_fix_unplaced_on_the_command_line_shows_the_line_unplaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "lib.db")
    assert main(["import", str(GARDEN), "--library", path]) == 0
    capsys.readouterr()
    assert main(["show", "1", "--lines", "--json", "--library", path]) == 0
    n = next(r["n"] for r in json.loads(capsys.readouterr().out) if r["text"] == TEACHER_JA)
    assert main(["fix", "1", str(n), "unplaced", "--library", path]) == 0
    capsys.readouterr()
    assert main(["show", "1", "--lines", "--library", path]) == 0
    shown = next(row for row in capsys.readouterr().out.splitlines() if row.endswith(TEACHER_JA))
    assert shown.split("\t")[1] == "unplaced"
    assert main(["show", "1", "--json", "--library", path]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all(TEACHER_JA not in b["translations"].values() for b in data["blocks"])
    assert [u["text"] for u in data["unplaced"]] == [TEACHER_JA]
