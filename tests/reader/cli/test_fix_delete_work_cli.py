"""`fix ID N --delete` of a paragraph holding the user's own work says what goes with it and needs `--yes`
from a pipe (a "y" at a terminal); `fix ID --undo` brings the paragraph back WITH that work."""

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


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def work(capsys: pytest.CaptureFixture[str], lib: Path) -> dict[str, tuple[list[str], list[str]]]:
    assert main(["show", "1", "--json", "--library", str(lib)]) == 0
    blocks = json.loads(capsys.readouterr().out)["blocks"]
    with Library(lib) as opened:
        asked = opened.db.execute("SELECT block_pos, text FROM questions WHERE lesson_id = 1").fetchall()
    return {b["text"]: (list(b["user_translations"].values()) if isinstance(b["user_translations"], dict)
                        else list(b["user_translations"]), [t for p, t in asked if p == k])
            for k, b in enumerate(blocks)}


@pytest.fixture
def lib_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "lib.db"
    assert main(["import", str(GARDEN), "--library", str(path)]) == 0
    with Library(path) as lib:
        k = next(i for i, b in enumerate(lib.lessons.get(1).blocks) if b.text == TEACHER)
        lib.editing.set_translation(1, k, "ja", "退職した先生の話。")
        lib.editing.add_question(1, k, "Why does she go out?", "the garden")
    capsys.readouterr()
    return path


def teacher_line(capsys: pytest.CaptureFixture[str], lib: Path) -> str:
    assert main(["show", "1", "--lines", "--json", "--library", str(lib)]) == 0
    return str(next(ln["n"] for ln in json.loads(capsys.readouterr().out) if ln["text"] == TEACHER))


def test_delete_from_a_pipe_says_what_goes_and_needs_yes(capsys: pytest.CaptureFixture[str],
                                                        lib_path: Path) -> None:
    n, before = teacher_line(capsys, lib_path), work(capsys, lib_path)
    assert before[TEACHER] == (["退職した先生の話。"], ["Why does she go out?"])
    code, out, err = run(capsys, "fix", "1", n, "--delete", "--library", str(lib_path))
    assert code == 1 and "your translation “退職した先生の話。”" in out
    assert "your question “Why does she go out?”" in out
    assert f"`fix 1 {n} --delete --yes`" in err and work(capsys, lib_path) == before
    code, out, err = run(capsys, "fix", "1", n, "--delete", "--yes", "--library", str(lib_path))
    assert code == 0 and TEACHER not in work(capsys, lib_path)
    code, out, err = run(capsys, "fix", "1", "--undo", "--library", str(lib_path))
    assert code == 0 and work(capsys, lib_path) == before  # the translation and the question are back


def test_at_a_terminal_the_delete_asks(capsys: pytest.CaptureFixture[str], lib_path: Path) -> None:
    n, before = teacher_line(capsys, lib_path), work(capsys, lib_path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", Terminal("\n"))
        code, out, err = run(capsys, "fix", "1", n, "--delete", "--library", str(lib_path))
    assert code == 1 and "goes with it" in out and "[y/N]" in err and work(capsys, lib_path) == before
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", Terminal("y\n"))
        code, _out, err = run(capsys, "fix", "1", n, "--delete", "--library", str(lib_path))
    assert code == 0 and TEACHER not in work(capsys, lib_path)
    assert run(capsys, "fix", "1", "--undo", "--library", str(lib_path))[0] == 0
    assert work(capsys, lib_path) == before
