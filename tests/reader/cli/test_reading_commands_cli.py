"""Commands that only read: a library file that does not exist is refused (not made), an inverted
target band is a wrong command line, and `lookup`'s help says its words are one phrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.__main__ import main

REFUSED, USAGE = 1, 2


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "argv",
    [["list"], ["show", "1"], ["search", "river"], ["words", "list"], ["read-next"], ["profiles"],
     ["dictionary", "list"]],
)
def test_a_reading_command_refuses_a_library_file_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    typo = tmp_path / "typo.db"
    code, out, err = _run(capsys, *argv, "--library", str(typo))
    assert (code, out) == (REFUSED, "")
    assert err.count("\n") == 1 and "no such library file" in err and "typo.db" in err, err
    assert not typo.exists()  # no new, empty library left behind


def test_import_still_makes_a_new_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.txt"
    page.write_text("The River\n\nThe river runs past the old mill every spring.\n")
    lib = tmp_path / "new.db"
    code, _, err = _run(capsys, "import", str(page), "--library", str(lib))
    assert code == 0, err
    code, out, err = _run(capsys, "list", "--library", str(lib))
    assert code == 0 and "The River" in out, err


@pytest.mark.parametrize("band", ["9-2", "5–2%"])
def test_read_next_refuses_an_inverted_band(tmp_path: Path, capsys: pytest.CaptureFixture[str], band: str) -> None:
    page = tmp_path / "p.txt"
    page.write_text("The River\n\nThe river runs past the old mill every spring.\n")
    lib = str(tmp_path / "lib.db")
    assert _run(capsys, "import", str(page), "--library", lib)[0] == 0
    code, out, err = _run(capsys, "read-next", "--target", band, "--library", lib)
    assert (code, out) == (USAGE, "") and err.count("\n") == 1 and "low to high" in err, err


def test_lookup_help_says_its_words_are_one_phrase(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["lookup", "--help"])
    out = capsys.readouterr().out
    assert "WORD [WORD ...]" not in out
    assert "PHRASE" in out and "one phrase" in out
