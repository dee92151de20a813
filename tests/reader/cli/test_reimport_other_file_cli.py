"""`reimport ID FILE` with a file that has almost nothing in common with the lesson is refused without
`--yes`, saying why; a refusal's hint repeats the FILE (without it, `--yes` would read the old source)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from library import Library
from reader.__main__ import main

DATA = Path(__file__).resolve().parents[2] / "data" / "pageview"
GARDEN, BAKERY = DATA / "garden_page.txt", DATA / "bakery_page.txt"
TEACHER = "One retired teacher said the garden gave her a reason to leave the house every day."


def texts(capsys: pytest.CaptureFixture[str], lib: Path) -> list[str]:
    assert main(["show", "1", "--json", "--library", str(lib)]) == 0
    return [b["text"] for b in json.loads(capsys.readouterr().out)["blocks"]]


def test_an_unrelated_file_is_refused_without_yes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = tmp_path / "lib.db"
    assert main(["import", str(GARDEN), "--library", str(lib)]) == 0
    capsys.readouterr()
    before = texts(capsys, lib)
    code = main(["reimport", "1", str(BAKERY), "--library", str(lib)])
    out, err = capsys.readouterr()
    assert code == 1 and "almost nothing in common" in out and "looks like another page" in err
    assert f"`reimport 1 {BAKERY} --yes`" in err
    assert texts(capsys, lib) == before
    assert main(["reimport", "1", str(BAKERY), "--yes", "--library", str(lib)]) == 0
    capsys.readouterr()
    assert texts(capsys, lib) != before


def test_a_changed_copy_of_the_page_is_not_asked_about(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    lib = tmp_path / "lib.db"
    assert main(["import", str(GARDEN), "--library", str(lib)]) == 0
    page = tmp_path / "garden_page.txt"
    page.write_text(GARDEN.read_text(encoding="utf-8").replace(TEACHER + "\n\n", ""), encoding="utf-8")
    capsys.readouterr()
    assert main(["reimport", "1", str(page), "--library", str(lib)]) == 0
    out, err = capsys.readouterr()
    assert "reimported from" in out and err == ""


def test_the_hint_after_a_loss_repeats_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = tmp_path / "lib.db"
    assert main(["import", str(GARDEN), "--library", str(lib)]) == 0
    capsys.readouterr()
    blocks = json.loads((main(["show", "1", "--json", "--library", str(lib)]), capsys.readouterr().out)[1])["blocks"]
    k = next(i for i, b in enumerate(blocks) if b["text"] == TEACHER)
    with Library(lib) as opened:
        opened.editing.set_translation(1, k, "ja", "退職した先生の話。")
    page = tmp_path / "garden_page.txt"
    page.write_text(GARDEN.read_text(encoding="utf-8").replace(TEACHER + "\n\n", ""), encoding="utf-8")
    code = main(["reimport", "1", str(page), "--library", str(lib)])
    err = capsys.readouterr().err
    assert code == 1 and f"`reimport 1 {page} --yes`" in err
