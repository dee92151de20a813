"""The command line against hostile lessons and unlucky destinations: every failure is one line
on stderr and a non-zero exit, files it writes are whole or absent, lesson text cannot take
over a terminal or a spreadsheet."""

from __future__ import annotations

import csv
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from library import Library
from library.study.export import export_anki, export_csv
from reader.__main__ import main
from tests.helpers import trip_the_importer_on

REPO = Path(__file__).resolve().parents[3]
PAGES = REPO / "tests" / "data" / "pages"
PAGE = PAGES / "interleaved_zh.txt"


def _one_line(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("study-reader: ") and "Traceback" not in err, err


def _library(path: Path) -> Path:
    with Library(path) as lib:
        lib.lessons.import_file(PAGE)
    return path


def _in_private_mounts(script: str) -> subprocess.CompletedProcess[str]:
    """Run a shell script in a private mount namespace (`unshare -rm`), or skip where none is allowed."""
    if shutil.which("unshare") is None or sys.platform != "linux":
        pytest.skip("no unshare(1) here for a private mount")
    run = subprocess.run(["unshare", "-rm", "sh", "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    if run.returncode == 99:
        pytest.skip(f"no private mount allowed here: {run.stderr.strip()[:100]}")
    return run


# --- finding 4: CSV formula injection ---------------------------------------------------------


def test_csv_export_neutralises_cells_a_spreadsheet_would_run(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        words = lib.study.words
        words.save("park", note='=HYPERLINK("http://example.invalid","click")', gloss="+1+2", sentence="@SUM(A1)")
        words.save("tree", note="-2+3", gloss="\tTAB", sentence="\rCR", sentence_translation="=1")
        words.save("plain", note="a note, with = inside", gloss="公園")
        out = tmp_path / "words.csv"
        assert export_csv(words.list(), out) == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
    by_word = {r["word"]: r for r in rows}
    assert by_word["park"]["note"] == '\'=HYPERLINK("http://example.invalid","click")'
    assert by_word["park"]["gloss"] == "'+1+2" and by_word["park"]["sentence"] == "'@SUM(A1)"
    assert by_word["tree"]["note"] == "'-2+3" and by_word["tree"]["gloss"] == "'\tTAB"
    assert by_word["tree"]["sentence"] == "'\rCR" and by_word["tree"]["sentence_translation"] == "'=1"
    assert by_word["plain"]["note"] == "a note, with = inside" and by_word["plain"]["gloss"] == "公園"
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())


# --- finding 16: exports written whole; no temporary collection left --------------------------


def test_an_export_that_dies_halfway_leaves_the_previous_one_whole(tmp_path: Path) -> None:
    out = tmp_path / "words.csv"
    with Library(tmp_path / "lib.db") as lib:
        for w in ("park", "tree", "river"):
            lib.study.words.save(w)
        export_csv(lib.study.words.list(), out)
        previous = out.read_bytes()

        def dying():  # type: ignore[no-untyped-def]
            """The words, then the process is gone in the middle of writing them."""
            yield from lib.study.words.list()[:1]
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            export_csv(dying(), out)
    assert out.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".words")) == []


def test_anki_export_leaves_nothing_in_the_temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with Library(tmp_path / "lib.db") as lib:
        lib.study.words.save("park", gloss="公園")
        for _ in range(2):
            assert export_anki(lib.study.words.list(), tmp_path / "words.apkg") == 1
    assert list(scratch.iterdir()) == []
    import zipfile

    assert set(zipfile.ZipFile(tmp_path / "words.apkg").namelist()) == {"collection.anki2", "media"}


# --- findings 14, 15, 20: destinations that are a folder, a pipe, a device, missing or full ------


@pytest.mark.parametrize(
    "command", ["backup --to", "export 1 --pdf", "words export --csv", "words export --anki", "pack export 1 -o"]
)
def test_a_folder_a_pipe_or_a_missing_folder_as_destination_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    lib = _library(tmp_path / "lib.db")
    main(["words", "add", "park", "--library", str(lib)])
    suffix = ".studypack" if command.startswith("pack") else ""  # a pack's name gets one otherwise
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    fifo = tmp_path / f"fifo{suffix}"
    os.mkfifo(fifo)
    capsys.readouterr()
    for dest in (folder, fifo, tmp_path / "missing" / f"out{suffix}"):
        code = main([*command.split(), str(dest), "--library", str(lib)])
        out, err = capsys.readouterr()
        assert code != 0 and out == "", (dest, out)
        _one_line(err)
    assert list(folder.iterdir()) == []  # no .part left in the folder
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a pipe, not replaced by a regular file
    assert not (tmp_path / "missing").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_device_as_destination_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A full device (/dev/full's own numbers, made in tmp_path: a defect would replace this node,
    not the system's)."""
    full = tmp_path / "full"
    try:
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (OSError, AttributeError):
        pytest.skip("cannot make a device node here (needs root on Linux)")
    lib = _library(tmp_path / "lib.db")
    for command in (["backup", "--to"], ["export", "1", "--pdf"], ["words", "export", "--csv"]):
        code = main([*command, str(full), "--library", str(lib)])
        out, err = capsys.readouterr()
        assert code != 0 and out == ""
        _one_line(err)
        assert stat.S_ISCHR(full.stat().st_mode)


def test_a_full_disk_leaves_no_empty_file_and_says_so(tmp_path: Path) -> None:
    """A real full disk: a 16 KB tmpfs mounted in a private namespace, too small for any of them."""
    lib = _library(tmp_path / "lib.db")
    subprocess.run([sys.executable, "-m", "reader", "words", "add", "park", "--library", str(lib)], check=True)
    disk = tmp_path / "disk"
    disk.mkdir()
    reader = f"{sys.executable} -m reader"
    script = (
        f"mount -t tmpfs -o size=16k tmpfs {disk} || exit 99; "
        f"head -c 12000 /dev/zero > {disk}/filler; "
        f"{reader} export 1 --pdf {disk}/h.pdf --library {lib}; echo rc=$? >&2; "
        f"{reader} backup --to {disk}/b.db --library {lib}; echo rc=$? >&2; "
        f"{reader} words export --anki {disk}/w.apkg --library {lib}; echo rc=$? >&2; "
        f"ls -A {disk}"
    )
    run = _in_private_mounts(script)
    lines = run.stderr.splitlines()
    codes = [line for line in lines if line.startswith("rc=")]
    assert len(codes) == 3 and "rc=0" not in codes, run.stderr
    assert len(lines) == 6 and "Traceback" not in run.stderr, run.stderr  # one line each, then its code
    assert run.stdout.split() == ["filler"], run.stdout  # no empty PDF, no .part, no half copy


# --- finding 20: odd arguments --------------------------------------------------------------


def test_odd_arguments_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = _library(tmp_path / "lib.db")
    capsys.readouterr()
    for argv in (["words", "add", "   "], ["show", "99999999999999999999"], ["export", "99999999999999999999",
                                                                            "--pdf", str(tmp_path / "x.pdf")]):
        assert main([*argv, "--library", str(lib)]) != 0
        out, err = capsys.readouterr()
        assert out == ""
        _one_line(err)
    with Library(lib) as open_lib:
        assert open_lib.study.words.list() == []


def test_a_closed_pipe_is_no_failure(tmp_path: Path) -> None:
    lib = _library(tmp_path / "lib.db")
    child = subprocess.Popen(
        [sys.executable, "-m", "reader", "list", "--library", str(lib)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # as `| head -1` does once it has its line
    err = child.stderr.read()
    # The reader of the output has what it wanted (`| head -1`): status 0 and nothing said, as other tools do.
    assert child.wait(timeout=60) == 0, err
    assert err == ""


# --- finding 21: bidi overrides in titles -----------------------------------------------------------


def test_bidi_overrides_and_escapes_in_titles_are_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = tmp_path / "lib.db"
    page = tmp_path / "p.txt"
    page.write_text("Cheap \u202egpj.exe\u202c tickets\n\nThe town of Elm opened a library on Monday.\n")
    assert main(["import", str(page), "--library", str(lib)]) == 0
    with Library(lib) as open_lib:
        lesson_id = open_lib.lessons.ids()[0]
        open_lib.lessons.rename(lesson_id, "Red \x1b[31malert\x1b[0m \u2066x\u2069")
    capsys.readouterr()
    for argv in (["list"], ["show", str(lesson_id)], ["list", "--json"]):
        assert main([*argv, "--library", str(lib)]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\u2066" not in out and "\u202e" not in out
        assert "\\u001b[31malert" in out and "\\u2066x\\u2069" in out
    main(["search", "Monday", "--library", str(lib)])
    out = capsys.readouterr().out
    assert "\x1b" not in out


# --- finding 13: one bad file does not stop the rest, and every error names its file -------------


def test_a_defect_on_one_file_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    trip_the_importer_on(monkeypatch, "bad.txt")
    bad = tmp_path / "bad.txt"
    bad.write_text("Bad\n\nA page the importer trips over.\n")
    lib = tmp_path / "lib.db"
    code = main(["import", str(PAGES / "interleaved_zh.txt"), str(bad), str(PAGES / "sjis_crlf.txt"), "--library",
                 str(lib)])
    out, err = capsys.readouterr()
    assert code == 1
    _one_line(err)
    assert str(bad) in err and "RecursionError" in err
    assert out.count("\n") == 2
    with Library(lib) as open_lib:
        assert open_lib.lessons.count() == 2
