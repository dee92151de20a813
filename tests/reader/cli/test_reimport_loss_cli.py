"""`reimport` at a terminal asks before it loses the user's own work: "y" re-imports, anything else (Enter:
the default) changes nothing and exits 1; a re-import that loses nothing asks nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from library import Library
from reader.__main__ import main

GARDEN = Path(__file__).resolve().parents[2] / "data" / "pageview" / "garden_page.txt"
TEACHER = "One retired teacher said the garden gave her a reason to leave the house every day."


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def lib_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "lib.db"
    assert main(["import", str(GARDEN), "--library", str(path)]) == 0
    with Library(path) as lib:
        k = next(i for i, b in enumerate(lib.lessons.get(1).blocks) if b.text == TEACHER)
        lib.editing.set_translation(1, k, "ja", "退職した先生の話。")
    capsys.readouterr()
    return path


def reimport(capsys: pytest.CaptureFixture[str], lib: Path, page: Path, answer: str) -> tuple[int, str, str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", Terminal(answer))
        code = main(["reimport", "1", str(page), "--library", str(lib)])
    out, err = capsys.readouterr()
    return code, out, err


def translated(capsys: pytest.CaptureFixture[str], lib: Path) -> list[str]:
    assert main(["show", "1", "--json", "--library", str(lib)]) == 0
    return [b["text"] for b in json.loads(capsys.readouterr().out)["blocks"] if b["user_translations"]]


def test_at_a_terminal_the_reimport_asks_and_no_is_the_default(capsys: pytest.CaptureFixture[str],
                                                               lib_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "garden_page.txt"
    page.write_text(GARDEN.read_text(encoding="utf-8").replace(TEACHER + "\n\n", ""), encoding="utf-8")
    code, out, err = reimport(capsys, lib_path, page, "\n")
    assert code == 1 and "would lose: your translation “退職した先生の話。”" in out and "[y/N]" in err
    assert translated(capsys, lib_path) == [TEACHER]
    code, out, err = reimport(capsys, lib_path, page, "y\n")
    assert code == 0 and "reimported from" in out and translated(capsys, lib_path) == []
    same = tmp_path / "same.txt"  # nothing of the user's is lost now: nothing is asked
    same.write_bytes(page.read_bytes() + b"\n")
    code, out, err = reimport(capsys, lib_path, same, "")
    assert code == 0 and err == "" and "would lose" not in out
