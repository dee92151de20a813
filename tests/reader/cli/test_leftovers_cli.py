"""What a killed or stopped command leaves behind: nothing that outlives the next run.

A kill (SIGKILL) cannot be handled, so what it leaves is removed by the next process that
writes the same file or opens the same library; SIGTERM (`timeout`, `kill`) is handled as a
clean exit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from library import Library
from library.files import write_atomically
from reader.__main__ import main
from tests.library.wholeness import problems

REPO = Path(__file__).resolve().parents[3]
PAGE = REPO / "tests" / "data" / "pages" / "interleaved_zh.txt"

# A child that starts writing `target` as every export does and is killed (SIGKILL) mid-write.
_KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from library.files import write_atomically

def write(part: Path) -> None:
    part.write_bytes(b"half")
    os.kill(os.getpid(), signal.SIGKILL)

write_atomically(Path(sys.argv[1]), write)
"""


def _parts(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}."))


def _killed_writer(target: Path) -> None:
    run = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(target)], cwd=REPO, timeout=60)
    assert run.returncode == -signal.SIGKILL
    assert len(_parts(target)) == 1  # what the kill left: one hidden .part beside the target


def _library(path: Path) -> Path:
    with Library(path) as lib:
        lib.lessons.import_file(PAGE)
        lib.study.words.save("park")
    return path


@pytest.mark.parametrize("command", ["export 1 --pdf", "words export --csv", "words export --anki"])
def test_a_part_left_by_a_killed_export_is_removed_by_the_next_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    lib = _library(tmp_path / "lib.db")
    target = tmp_path / "out.file"
    _killed_writer(target)
    _killed_writer(target)
    assert main([*command.split(), str(target), "--library", str(lib)]) == 0, capsys.readouterr().err
    assert target.stat().st_size > 0
    assert _parts(target) == []


def test_a_live_writers_part_and_other_targets_parts_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "words.csv"
    live = tmp_path / f".words.csv.{os.getpid()}-abcd1234.part"  # this process is alive
    other = tmp_path / ".words.csv.old.part"  # belongs to a target named "words.csv.old"
    young = tmp_path / ".words.csv.abcd1234.part"  # the old naming, without a process id
    old = tmp_path / ".words.csv.efgh5678.part"
    for part in (live, other, young, old):
        part.write_bytes(b"x")
    aged = time.time() - 3600  # an hour: no write takes that long
    os.utime(old, (aged, aged))
    os.utime(other, (aged, aged))
    write_atomically(target, lambda part: part.write_text("word\n"))
    assert target.read_text() == "word\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name, young.name, "words.csv"])


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=60)
    return child.pid


def test_a_dead_processs_session_marker_is_removed_by_the_next_command(tmp_path: Path) -> None:
    lib = _library(tmp_path / "lib.db")
    marker = lib.with_name(f"{lib.name}.session-{_dead_pid()}")
    marker.touch()  # as a process stopped by a signal it did not handle left it
    assert main(["list", "--library", str(lib)]) == 0
    assert not marker.exists()
    assert not list(tmp_path.glob("lib.db.session-*"))


def test_sigterm_during_an_import_is_a_clean_exit(tmp_path: Path) -> None:
    lib = _library(tmp_path / "lib.db")
    pages = []
    text = PAGE.read_text(encoding="utf-8")
    for n in range(1000):  # about 2.5 s of importing: still running when the signal comes
        page = tmp_path / f"page{n}.txt"
        page.write_text(f"Page number {n} of the town's news\n\n" + text, encoding="utf-8")
        pages.append(str(page))
    child = subprocess.Popen(
        [sys.executable, "-m", "reader", "import", *pages, "--library", str(lib)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    marker = lib.with_name(f"{lib.name}.session-{child.pid}")
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.01)
    assert marker.exists(), "the import never opened the library"
    time.sleep(0.2)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 128 + signal.SIGTERM, err
    assert err.splitlines()[-1].startswith("study-reader: stopped (SIGTERM)") and "Traceback" not in err, err
    assert not marker.exists()
    assert not [p for p in tmp_path.iterdir() if ".session-" in p.name or p.name.endswith(".part")]
    assert problems(lib) == []
    with Library(lib) as open_lib:
        count = open_lib.lessons.count()
    assert 1 <= count < 1001  # whole lessons only: the one being stored when stopped is rolled back
