"""A file the program refuses as a library, or finds damaged, is left exactly as it was found:
its bytes, and nothing new beside it (no -wal, no -shm)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from library import Library
from library.errors import LibraryError
from reader.__main__ import main

REPO = Path(__file__).resolve().parents[3]
PAGE = REPO / "tests" / "data" / "pages" / "interleaved_zh.txt"


def _state(path: Path) -> tuple[str, set[str]]:
    """The file's digest and the names in its folder."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), {p.name for p in path.parent.iterdir()}


def _truncated_wal_library(tmp_path: Path) -> Path:
    """`head -c 5000 good.db > trunc.db` of a library in WAL mode (its header says WAL)."""
    good = tmp_path / "good" / "good.db"
    good.parent.mkdir()
    with Library(good) as lib:
        lib.lessons.import_file(PAGE)
    assert good.read_bytes()[18:20] == b"\x02\x02"  # WAL mode, as every library is
    trunc = tmp_path / "trunc.db"
    trunc.write_bytes(good.read_bytes()[:5000])
    return trunc


@pytest.mark.parametrize("command", [["list"], ["check"], ["import", str(PAGE)], ["words", "list"]])
def test_a_damaged_wal_library_leaves_nothing_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    trunc = _truncated_wal_library(tmp_path)
    before = _state(trunc)
    assert main([*command, "--library", str(trunc)]) != 0
    err = capsys.readouterr().err
    assert err.startswith("study-reader: ") and "Traceback" not in err, err
    assert _state(trunc) == before  # no trunc.db-wal, no trunc.db-shm


def test_another_programs_wal_database_leaves_nothing_beside_it(tmp_path: Path) -> None:
    other = tmp_path / "photos.db"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    assert not Path(f"{other}-wal").exists()
    before = _state(other)
    with pytest.raises(LibraryError, match="not a Study Reader library"):
        Library(other)
    assert _state(other) == before


def test_restore_from_a_damaged_wal_file_leaves_nothing_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trunc = _truncated_wal_library(tmp_path)
    lib = tmp_path / "lib.db"
    with Library(lib) as open_lib:
        open_lib.lessons.import_file(PAGE)
    before = _state(trunc)
    assert main(["restore", str(trunc), "--library", str(lib)]) != 0
    assert capsys.readouterr().err.startswith("study-reader: not restored")
    assert _state(trunc) == before


def test_a_healthy_library_still_opens_after_the_check(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.lessons.import_file(PAGE)
    with Library(path) as lib:
        assert lib.lessons.count() == 1
    assert main(["check", "--library", str(path)]) == 0


# --- an existing empty file ----------------------------------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["import", str(PAGE)], ["words", "add", "park"]])
def test_an_existing_empty_file_is_refused_not_made_a_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """A 0-byte file where a library was (a failed copy, `> lib.db`): made into a new, empty library
    it would hide what was lost; this program never leaves one (see the next test)."""
    empty = tmp_path / "lib.db"
    empty.write_bytes(b"")
    assert main([*command, "--library", str(empty)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is an empty file (0 bytes)" in err and "remove it" in err, err
    assert empty.stat().st_size == 0
    assert {p.name for p in tmp_path.iterdir()} == {"lib.db"}
    with pytest.raises(LibraryError, match="empty file"):
        Library(empty)


def test_a_library_that_does_not_exist_is_made_whole_under_a_temporary_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kill while a new library is made leaves no 0-byte file under its name (which the next open
    would refuse), only a hidden temporary file, which the next creation removes."""
    from library.store import schema

    path = tmp_path / "new.db"
    seen: list[bool] = []
    real = schema.create_schema

    def watched(db):  # type: ignore[no-untyped-def]
        seen.append(path.exists())  # while the schema is written, the library's name is free
        return real(db)

    monkeypatch.setattr(schema, "create_schema", watched)
    dead = tmp_path / ".new.db.new-999999999"  # as a killed creation left it
    dead.write_bytes(b"")
    with Library(path) as lib:
        assert lib.lessons.count() == 0
    assert seen == [False]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db"]
    assert main(["list", "--library", str(path)]) == 0
