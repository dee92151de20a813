"""`reimport ID FILE` reads the changed copy of a lesson's source given (and says which it read); `import`
of a changed copy of a lesson's source file says so and points to `reimport`, making another lesson only
with `--new` (as the window asks: Update / Import as new / Cancel)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.__main__ import main

PAGE = Path(__file__).resolve().parents[2] / "data" / "pageview" / "quay_pairs.txt"


def run(capsys: pytest.CaptureFixture[str], lib: Path, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--library", str(lib)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "quay.txt"
    shutil.copy(PAGE, path)
    return path


def first_paragraph(capsys: pytest.CaptureFixture[str], lib: Path) -> str:
    code, out, _ = run(capsys, lib, "show", "1", "--json")
    assert code == 0
    return str(json.loads(out)["blocks"][0]["text"])


def test_reimport_with_a_file_reads_that_file_and_keeps_the_fixes(capsys, tmp_path, copy) -> None:
    lib = tmp_path / "lib.db"
    assert run(capsys, lib, "import", str(copy))[0] == 0
    assert run(capsys, lib, "fix", "1", "3", "glossary")[0] == 0
    copy.write_text(copy.read_text(encoding="utf-8").replace("winter repairs", "spring repairs"), encoding="utf-8")
    code, out, _ = run(capsys, lib, "reimport", "1")
    assert (code, out) == (0, "1\treimported from its stored source\t1 change kept\t0 not kept\n")
    assert "winter repairs" in first_paragraph(capsys, lib)
    code, out, _ = run(capsys, lib, "reimport", "1", str(copy))
    assert (code, out) == (0, f"1\treimported from {copy}\t1 change kept\t0 not kept\n")
    assert "spring repairs" in first_paragraph(capsys, lib)
    code, out, _ = run(capsys, lib, "show", "1", "--json")
    assert [g["term"] for g in json.loads(out)["glossary"]] == ["harbour", "ferry", "passenger"]


def test_importing_a_changed_copy_of_a_lessons_source_points_to_reimport_unless_new(capsys, tmp_path, copy) -> None:
    lib = tmp_path / "lib.db"
    assert run(capsys, lib, "import", str(copy))[0] == 0
    copy.write_text(copy.read_text(encoding="utf-8").replace("winter repairs", "spring repairs"), encoding="utf-8")
    code, out, err = run(capsys, lib, "import", str(copy))
    assert (code, out) == (1, "")
    assert "lesson 1 (“Ferries Return to the Quay”) was imported from a file of this name" in err
    assert f"`study-reader reimport 1 {copy}` updates it" in err and "`import --new`" in err
    assert run(capsys, lib, "list", "--json")[1].count('"id"') == 1
    code, out, _ = run(capsys, lib, "import", "--new", str(copy))
    assert code == 0 and out.startswith(f"{copy}: 2\t")
    code, out, _ = run(capsys, lib, "import", str(copy))  # unchanged now: the lesson it is, no third
    assert code == 0 and "already in library" in out


def test_reimport_of_a_file_that_cannot_be_read_says_so_and_changes_nothing(capsys, tmp_path, copy) -> None:
    lib = tmp_path / "lib.db"
    assert run(capsys, lib, "import", str(copy))[0] == 0
    before = first_paragraph(capsys, lib)
    code, out, err = run(capsys, lib, "reimport", "1", str(tmp_path / "gone.txt"))
    assert (code, out) == (1, "") and "cannot read the file" in err
    assert first_paragraph(capsys, lib) == before
