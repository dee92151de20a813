"""Hostile or unlucky library files: refused ones left untouched, read-only ones opened read-only,
leftovers of a killed backup removed, odd schema versions and backup targets refused in one line."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from library import Library
from library.errors import LibraryDamaged, LibraryError
from library.store.backup import backups_dir, list_backups, restore, rolling_backup
from reader.__main__ import main
from tests.helpers import damage, pretend_read_only_mount

REPO = Path(__file__).resolve().parents[3]
PAGE = REPO / "tests" / "data" / "pages" / "interleaved_zh.txt"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def _library(path: Path) -> Path:
    with Library(path) as lib:
        lib.lessons.import_file(PAGE)
    return path


# --- finding 18: check before changing anything ------------------------------------------


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    conn = sqlite3.connect(path)  # a rollback-journal file, as most programs leave theirs
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before, names = _digest(path), _siblings(path)
    with pytest.raises(LibraryError, match="not a Study Reader library"):
        Library(path)
    # Switching it to WAL would have rewritten bytes 18-19 of its header and made -wal/-shm files.
    assert _digest(path) == before
    assert _siblings(path) == names


def test_a_damaged_library_is_refused_untouched(tmp_path: Path) -> None:
    path = _library(tmp_path / "lib.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # so that a switch to WAL would show in the header
    conn.close()
    damage(path)
    before, names = _digest(path), _siblings(path)
    with pytest.raises(LibraryDamaged):
        Library(path)
    assert _digest(path) == before
    assert _siblings(path) == names


# --- finding 12: a read-only library opens read-only ----------------------------------------


def test_a_library_on_a_read_only_file_system_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file system is made read-only in the eyes of the program: statvfs reports ST_RDONLY, as
    it does on a read-only mount (chmod alone does not stop root, who runs these tests in CI).
    Nothing may then be written beside the library or into it: no -wal, -shm or session marker."""
    path = _library(tmp_path / "lib.db")
    before, names = _digest(path), _siblings(path)
    pretend_read_only_mount(monkeypatch)
    with Library(path) as lib:
        assert lib.read_only
        assert lib.lessons.count() == 1
        assert _siblings(path) == names
    assert main(["list", "--library", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 1  # the one lesson
    assert "read-only" in err and err.count("\n") == 1
    assert _digest(path) == before
    assert _siblings(path) == names


def test_a_library_on_a_real_read_only_mount_lists_its_lessons(tmp_path: Path) -> None:
    """The same on a real read-only bind mount, made in a private mount namespace (`unshare -rm`);
    skipped where the system allows none."""
    if shutil.which("unshare") is None or sys.platform != "linux":
        pytest.skip("no unshare(1) here for a private read-only mount")
    src, mnt = tmp_path / "src", tmp_path / "mnt"
    src.mkdir()
    mnt.mkdir()
    _library(src / "lib.db")
    script = (
        f"mount --bind {src} {mnt} && mount -o remount,ro,bind {mnt} || exit 99; "
        f"exec {sys.executable} -m reader list --library {mnt / 'lib.db'}"
    )
    run = subprocess.run(["unshare", "-rm", "sh", "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60)
    if run.returncode == 99 or "Operation not permitted" in run.stderr:
        pytest.skip(f"no private read-only mount allowed here: {run.stderr.strip()[:100]}")
    assert run.returncode == 0, run.stderr
    assert "damaged" not in run.stderr and "read-only" in run.stderr
    assert run.stdout.count("\n") == 1


def test_a_library_in_a_folder_the_user_may_not_write_lists_its_lessons() -> None:
    """A real permission check: the command runs as user nobody (setpriv) on a library in a
    folder only root may write, so SQLite cannot make the -shm file beside it."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv(1) to run the command as another user")
    folder = Path(tempfile.mkdtemp(prefix="library-shared-"))  # pytest's own tmp folder is root's alone
    try:
        os.chmod(folder, 0o755)
        path = _library(folder / "lib.db")
        os.chmod(path, 0o644)
        before, names = _digest(path), _siblings(path)
        run = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             sys.executable, "-m", "reader", "list", "--library", str(path)],
            cwd=REPO, capture_output=True, text=True, timeout=60,
        )
        if "No module named" in run.stderr or "can't open file" in run.stderr:
            pytest.skip("user nobody cannot read the program here")
        assert run.returncode == 0, run.stderr
        assert "damaged" not in run.stderr and "read-only" in run.stderr
        assert run.stdout.count("\n") == 1
        assert _digest(path) == before and _siblings(path) == names
    finally:
        shutil.rmtree(folder)


# --- finding 17: a kill during a backup leaves a .part that the next open removes ----------


def test_a_part_left_by_a_killed_backup_is_removed_on_the_next_open(tmp_path: Path) -> None:
    path = _library(tmp_path / "lib.db")
    with Library(path) as lib:
        rolling_backup(lib.db.conn, path, force=True)
    part = backups_dir(path) / "lib-20260101T000000000000Z.db.part"
    part.write_bytes(b"half a copy")
    aside = path.with_name("lib.db.v1.bak.part")
    aside.write_bytes(b"half a copy aside")
    Library(path, check="crash").close()
    assert not part.exists() and not aside.exists()
    assert len(list_backups(path)) == 1


def test_a_young_part_is_kept_while_another_process_has_the_library_open(tmp_path: Path) -> None:
    path = _library(tmp_path / "lib.db")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        path.with_name(f"{path.name}.session-{other.pid}").touch()  # its session marker
        backups_dir(path).mkdir(exist_ok=True)
        young = backups_dir(path) / "lib-20260101T000000000000Z.db.part"
        young.write_bytes(b"a copy in progress")
        old = backups_dir(path) / "lib-20250101T000000000000Z.db.part"
        old.write_bytes(b"left by a kill long ago")
        os.utime(old, (time.time() - 3600, time.time() - 3600))
        Library(path, check="never").close()
        assert young.exists() and not old.exists()
    finally:
        other.kill()
        other.wait()


# --- finding 20: user_version -1 -------------------------------------------------------------


def test_a_negative_schema_version_is_refused_in_one_line_without_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _library(tmp_path / "lib.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = -1")
    conn.close()
    before = _digest(path)
    for _ in range(2):
        assert main(["list", "--library", str(path)]) == 3
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "not a Study Reader library" in err and "Traceback" not in err
    assert not backups_dir(path).exists()
    assert not list(tmp_path.glob("lib.db.v*.bak"))
    assert _digest(path) == before


# --- finding 21: restore checks every table -----------------------------------------------------


def test_restore_refuses_a_library_that_lacks_a_table(tmp_path: Path) -> None:
    path = _library(tmp_path / "lib.db")
    broken = _library(tmp_path / "broken.db")
    conn = sqlite3.connect(broken)
    conn.execute("DROP TABLE questions")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = _digest(path)
    with pytest.raises(LibraryError, match="questions"):
        restore(path, broken)
    assert _digest(path) == before


def test_a_failed_read_is_not_called_damage_and_no_restore_is_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLITE_IOERR says the files could not be read just now, not that they hold damage:
    restoring the newest backup would throw away what was saved since."""
    import sqlite3

    from library.errors import LibraryDamaged, LibraryError
    from library.store import opening

    path = tmp_path / "lib.db"
    Library(path).close()

    class Failing:
        def execute(self, *_args: object) -> object:
            exc = sqlite3.OperationalError("disk I/O error")
            exc.sqlite_errorcode = 522  # type: ignore[attr-defined]  # SQLITE_IOERR_SHORT_READ
            raise exc

        def close(self) -> None:
            pass

    monkeypatch.setattr(opening, "connect_read_only", lambda _path: Failing())
    with pytest.raises(LibraryError) as refused:
        Library(path, check="never")
    assert not isinstance(refused.value, LibraryDamaged)
    assert "could not be read just now" in str(refused.value) and "restore" not in str(refused.value)
