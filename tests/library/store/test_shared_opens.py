"""One process with a library open more than once (the window and its import thread, two windows),
another process's command meanwhile, then a kill: nothing the first process saved may be lost.

Closing a second Library used to remove the process's session marker, and opening it read the
file's first bytes with a plain open() and close(), which drops every POSIX lock the process
holds on the file; the next command then took itself for the last user, checkpointed and
deleted the -wal the window still wrote into, so every later change went to a deleted file."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

from library import Library

REPO = Path(__file__).resolve().parents[3]
PAGE = REPO / "tests" / "data" / "pages" / "interleaved_zh.txt"

# The first process: Library `a` stays open; `b` opens (as the import thread's or a second
# window's), imports the page and closes. Then, told to, `a` renames the lesson and waits to be killed.
_CHILD = """
import sys
from library import Library

from library.errors import ImportRefused

path, second_check = sys.argv[1], sys.argv[2]
a = Library(path, check="crash")
with Library(path, check="never" if second_check in ("itself", "read") else second_check) as b:
    lesson_id = b.lessons.import_file(sys.argv[3]).lesson_id
if second_check == "itself":  # the library file, then its -wal, dropped on the window as pages
    for name in (path, path + "-wal"):
        try:
            a.lessons.import_file(name)
        except ImportRefused:
            pass
if second_check == "read":  # what a file dialog showing the library's folder does: read it to tell its type
    with open(path, "rb") as f:
        f.read(16)
print(lesson_id, flush=True)
sys.stdin.readline()
a.lessons.rename(lesson_id, "Renamed in the first process")
print("renamed", flush=True)
sys.stdin.readline()
"""


def _run_sequence(tmp_path: Path, second_check: str) -> tuple[Path, int]:
    """The steps that lost a rename (an import in the window, a command beside it, a change, a crash);
    returns the library and the lesson's id after the first process was killed."""
    lib = tmp_path / "lib.db"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(lib), second_check, str(PAGE)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdin is not None and child.stdout is not None
        lesson_id = int(child.stdout.readline())
        # The second Library's close left the first one's marker: the process still has the file open.
        assert lib.with_name(f"{lib.name}.session-{child.pid}").exists()
        listed = subprocess.run(
            [sys.executable, "-m", "reader", "list", "--library", str(lib)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert listed.returncode == 0, listed.stderr
        assert Path(f"{lib}-wal").exists(), "the command removed the -wal the first process has open"
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "renamed"
        if Path(f"/proc/{child.pid}/fd").is_dir():  # Linux: no descriptor of the library's files is a deleted file
            held = [os.readlink(f) for f in Path(f"/proc/{child.pid}/fd").iterdir()]
            assert [f for f in held if f.startswith(str(lib)) and f.endswith("(deleted)")] == []
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    return lib, lesson_id


def test_a_change_after_a_second_open_closed_and_a_command_survives_a_kill(tmp_path: Path) -> None:
    lib, lesson_id = _run_sequence(tmp_path, second_check="never")  # as the window's import thread opens it
    with Library(lib) as after:
        assert after.lessons.get(lesson_id).title == "Renamed in the first process"


def test_two_windows_libraries_in_one_process(tmp_path: Path) -> None:
    lib, lesson_id = _run_sequence(tmp_path, second_check="crash")  # as a second window opens it
    with Library(lib) as after:
        assert after.lessons.get(lesson_id).title == "Renamed in the first process"


def test_the_marker_stays_until_the_last_library_of_the_process_closes(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    marker = path.with_name(f"{path.name}.session-{os.getpid()}")
    first = Library(path)
    second = Library(path, check="never")
    second.close()
    assert marker.exists()
    second.close()  # closing twice does not count twice
    assert marker.exists()
    first.close()
    assert not marker.exists()


def test_the_library_given_as_a_page_is_refused_unread(tmp_path: Path) -> None:
    lib, lesson_id = _run_sequence(tmp_path, second_check="itself")
    with Library(lib) as after:
        assert after.lessons.get(lesson_id).title == "Renamed in the first process"


def _descriptors() -> list[str]:
    """What this process's descriptors point at (Linux)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the listing's own descriptor, closed by now
            found.append(os.readlink(f"/proc/self/fd/{fd}"))
    return found


def test_a_read_of_the_library_file_by_something_else_in_the_process_loses_nothing(tmp_path: Path) -> None:
    """Qt's file dialog reads the files of the folder it shows (to tell their types): that close
    drops the process's SQLite locks, but not the guard's, so a command beside it still cannot
    take itself for the last user and delete the -wal."""
    lib, lesson_id = _run_sequence(tmp_path, second_check="read")
    with Library(lib) as after:
        assert after.lessons.get(lesson_id).title == "Renamed in the first process"


def test_the_last_close_still_tidies_up_and_a_single_close_keeps_the_guard(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    first = Library(path)
    second = Library(path, check="never")
    second.close()  # not the last: the guard stays with the first
    if Path("/proc/self/fd").is_dir():
        assert _descriptors().count(str(path.resolve())) >= 2  # SQLite's descriptor and the guard's
    first.close()
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()


def _shm_in_use_elsewhere(shm: Path) -> bool:
    """Whether another opener of the library would find its -shm in use (a lock on its "dead man
    switch" byte), asked as another process would: a write lock there is refused."""
    import fcntl
    import struct

    from library.store.guard import SHM_DMS

    fd = os.open(shm, os.O_RDONLY)
    try:
        probe = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, SHM_DMS, 1, 0)
        kind = struct.unpack("hhqqi4x", fcntl.fcntl(fd, fcntl.F_OFD_GETLK, probe))[0]
    finally:
        os.close(fd)
    return kind != fcntl.F_UNLCK


def test_a_read_of_the_shm_file_in_the_process_leaves_it_in_use_for_another_opener(tmp_path: Path) -> None:
    """A file dialog reading the library's -shm drops the process's SQLite lock on it: the next
    command to open the library then took itself for the only user and truncated the -shm the
    window had mapped, and the window died of a bus error in its next statement."""
    import fcntl

    if not hasattr(fcntl, "F_OFD_GETLK"):
        return
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.lessons.import_file(PAGE)
        shm = Path(f"{path}-shm")
        assert shm.exists()
        with open(shm, "rb") as f:
            f.read(16)
        assert _shm_in_use_elsewhere(shm)
        # and the window still writes after another process opened and closed the library
        subprocess.run(
            [sys.executable, "-m", "reader", "list", "--library", str(path)],
            cwd=REPO,
            check=True,
            timeout=120,
            capture_output=True,
        )
        lesson_id = lib.lessons.list()[0].id
        lib.lessons.rename(lesson_id, "Still written")
    with Library(path) as after:
        assert after.lessons.get(lesson_id).title == "Still written"
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
