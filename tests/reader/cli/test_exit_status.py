"""One exit-status scheme for every command (README, "Exit status"), restore's refusal of files
that are no regular file, and paths printed so that one line of output stays one line."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from library import Library
from reader.__main__ import main
from tests.helpers import damage, dump

REPO = Path(__file__).resolve().parents[3]
PAGE = REPO / "tests" / "data" / "pages" / "interleaved_zh.txt"
REFUSED, USAGE, LIBRARY = 1, 2, 3


def _library(path: Path) -> Path:
    with Library(path) as lib:
        lib.lessons.import_file(PAGE)
        lib.study.words.save("park")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_restore_from_a_pipe_a_folder_or_a_device_says_it_is_not_a_regular_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    lib = _library(tmp_path / "lib.db")
    before = dump(lib)
    if kind == "fifo":
        source = tmp_path / "pipe.db"
        os.mkfifo(source)  # opening it to read would wait for a writer for ever
    elif kind == "folder":
        source = tmp_path / "folder.db"
        source.mkdir()
    else:
        source = Path("/dev/zero")
        if not source.exists():
            pytest.skip("no /dev/zero here")
    code, out, err = _run(capsys, "restore", str(source), "--library", str(lib))
    assert code == REFUSED and out == ""
    assert err.count("\n") == 1 and "is not a regular file" in err and "no such file" not in err, err
    assert dump(lib) == before


def test_a_missing_restore_file_still_says_no_such_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = _library(tmp_path / "lib.db")
    code, _, err = _run(capsys, "restore", str(tmp_path / "gone.db"), "--library", str(lib))
    assert code == REFUSED and "no such file" in err


def test_paths_with_line_breaks_and_escapes_are_printed_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = _library(tmp_path / "lib.db")
    odd = "x\nline\t\x1b[31m"
    page = tmp_path / f"{odd}.txt"
    page.write_text("A new park in town\n\nThe town of Elm opened a park on Monday.\n", encoding="utf-8")
    runs = [
        ("backup", "--to", str(tmp_path / f"{odd}.db")),
        ("import", str(page)),
        ("words", "export", "--csv", str(tmp_path / f"{odd}.csv")),
        ("export", "1", "--pdf", str(tmp_path / f"{odd}.pdf")),
        ("pack", "export", "1", "-o", str(tmp_path / f"{odd}.studypack")),
    ]
    for argv in runs:
        code, out, err = _run(capsys, *argv, "--library", str(lib))
        assert code == 0, err
        assert out.count("\n") == 1, out  # one success line, not two
        assert "\x1b" not in out and "x\\u000aline\\u0009\\u001b[31m" in out, out
    assert (tmp_path / f"{odd}.db").is_file()  # the file itself has the name the user gave
    code, out, err = _run(capsys, "import", str(tmp_path / f"{odd}.missing"), "--library", str(lib))
    assert code == REFUSED and err.count("\n") == 1 and "x\\u000aline" in err, err
    folder = tmp_path / f"{odd}.dir"  # refused destinations: the path is in the library's message
    folder.mkdir()
    for argv in (("export", "1", "--pdf"), ("words", "export", "--csv"), ("backup", "--to"), ("restore",)):
        code, out, err = _run(capsys, *argv, str(folder), "--library", str(lib))
        assert code == REFUSED and out == "", (argv, out)
        assert err.count("\n") == 1 and "x\\u000aline\\u0009\\u001b[31m.dir" in err, (argv, err)


def _damaged(tmp_path: Path) -> Path:
    path = _library(tmp_path / "damaged.db")
    damage(path)
    return path


def _not_a_library(tmp_path: Path) -> Path:
    path = tmp_path / "photos.db"
    sqlite3.connect(path).execute("CREATE TABLE photos (x)").connection.close()
    return path


# Each kind of outcome, from several commands: the same kind gets the same status.
CASES = [
    # a destination that cannot be written: a folder
    (REFUSED, lambda t: ["backup", "--to", str(t / "dir")]),
    (REFUSED, lambda t: ["export", "1", "--pdf", str(t / "dir")]),
    (REFUSED, lambda t: ["words", "export", "--anki", str(t / "dir")]),
    (REFUSED, lambda t: ["words", "export", "--csv", str(t / "dir")]),
    (REFUSED, lambda t: ["pack", "export", "1", "-o", str(t / "dir.studypack")]),
    # a file to read that is refused
    (REFUSED, lambda t: ["import", str(t / "empty.txt")]),
    (REFUSED, lambda t: ["restore", str(t / "empty.txt")]),
    (REFUSED, lambda t: ["dictionary", "import", str(t / "empty.txt")]),
    # something named that is not there
    (REFUSED, lambda t: ["show", "99"]),
    (REFUSED, lambda t: ["export", "99", "--pdf", str(t / "h.pdf")]),
    # the command line itself is wrong
    (USAGE, lambda t: ["show", "99999999999999999999"]),
    (USAGE, lambda t: ["words", "export"]),
]
LIBRARY_COMMANDS = [["list"], ["check"], ["import", str(PAGE)], ["backup"], ["words", "list"]]


@pytest.mark.parametrize(("status", "argv"), CASES)
def test_the_same_kind_of_refusal_has_the_same_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], status: int, argv: object
) -> None:
    lib = _library(tmp_path / "lib.db")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir.studypack").mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    args = argv(tmp_path)  # type: ignore[operator]
    code, _, err = _run(capsys, *args, "--library", str(lib))
    assert code == status, (args, err)
    assert err.startswith("study-reader: ") and "Traceback" not in err, err


@pytest.mark.parametrize("command", LIBRARY_COMMANDS)
@pytest.mark.parametrize("make", [_damaged, _not_a_library])
def test_a_library_that_cannot_be_used_has_its_own_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], make: object
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    code, _, err = _run(capsys, *command, "--library", str(path))
    assert code == LIBRARY, err
    assert err.startswith("study-reader: ") and "Traceback" not in err, err
