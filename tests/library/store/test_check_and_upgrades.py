"""`study-reader check` (integrity and counts, changing nothing) and upgrade steps written with
sqlite-utils' table API inside the upgrade's one transaction."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from library import Library
from library.store import migrations
from library.store.database import Database
from library.store.schema import schema_version
from reader.__main__ import main
from tests.helpers import damage

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"


def _library(path: Path) -> Path:
    with Library(path) as lib:
        lib.lessons.import_file(PAGES / "interleaved_zh.txt")
        lib.lessons.import_file(PAGES / "sjis_crlf.txt")
        lib.study.words.save("park")
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_check_prints_integrity_and_counts_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _library(tmp_path / "lib.db")
    before = _digest(path)
    assert main(["check", "--library", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}: schema {schema_version()}, integrity ok"
    counts = dict(line.strip().split("\t") for line in out[1:])
    assert counts["lessons"] == "2" and counts["words"] == "1" and counts["questions"] == "0"
    assert _digest(path) == before


def test_check_reports_a_damaged_library_in_one_line_and_leaves_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _library(tmp_path / "lib.db")
    damage(path)
    before = _digest(path)
    assert main(["check", "--library", str(path)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--library" in err and "restore" in err
    assert _digest(path) == before


def test_an_upgrade_step_with_sqlite_utils_keeps_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _library(tmp_path / "lib.db")
    current = schema_version()

    def step(db: Database) -> None:
        t = migrations.tables(db)
        t["tags"].add_column("colour", str, not_null_default="")
        # Column types SQLite cannot ALTER: transform copies the table with its rows.
        t["words"].transform(types={"block_pos": str})

    monkeypatch.setitem(migrations.UPGRADES, current + 1, step)
    monkeypatch.setattr("library.store.schema.schema_version", lambda: current + 1)
    with Library(path) as lib:
        assert [w.text for w in lib.study.words.list()] == ["park"]
        cols = {r[1]: r[2] for r in lib.db.execute("PRAGMA table_info(words)")}
        assert cols["block_pos"] == "TEXT"
        assert "colour" in {r[1] for r in lib.db.execute("PRAGMA table_info(tags)")}
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == current + 1


def test_a_failing_sqlite_utils_step_leaves_the_library_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _library(tmp_path / "lib.db")
    current = schema_version()

    def step(db: Database) -> None:
        migrations.tables(db)["words"].transform(types={"block_pos": str})
        raise RuntimeError("the step fails after changing a table")

    monkeypatch.setitem(migrations.UPGRADES, current + 1, step)
    monkeypatch.setattr("library.store.schema.schema_version", lambda: current + 1)
    with pytest.raises(RuntimeError):
        Library(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current
    assert {r[1]: r[2] for r in conn.execute("PRAGMA table_info(words)")}["block_pos"] == "INTEGER"
    assert conn.execute("SELECT count(*) FROM words").fetchone()[0] == 1
