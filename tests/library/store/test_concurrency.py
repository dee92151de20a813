"""Two processes writing to one library: nobody sees "database is locked", no write is lost."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from library import Library
from library.errors import LibraryBusy
from library.store.connection import begin_immediate, connect

REPO = Path(__file__).resolve().parents[3]
PAGES = sorted((REPO / "tests" / "data" / "pages").glob("*.txt")) + sorted(
    (REPO / "resources" / "samples").glob("*.txt")
)

EDITOR = """
import sys
from library import Library
path, lesson_id, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with Library(path) as lib:
    for i in range(n):
        lib.editing.set_translation(lesson_id, i, "ja", f"訳{i}")
        if i % 10 == 0:
            lib.lessons.rename(lesson_id, f"Title {i}")
            lib.search.index_pending()
print("editor done")
"""


def _pages(folder: Path, n: int) -> list[Path]:
    """`n` distinct pages made from the sample pages."""
    out = []
    for i in range(n):
        template = PAGES[i % len(PAGES)].read_bytes()
        nl = b"\r\n" if b"\r\n" in template else b"\n"
        head, sep, rest = template.partition(nl + nl)
        p = folder / f"page{i:03}.txt"
        p.write_bytes(head + sep + f"Page number {i} of the concurrency test.".encode() + nl + nl + rest)
        out.append(p)
    return out


def test_cli_import_and_editor_in_parallel_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    pages = _pages(tmp_path, 40)
    with Library(path) as lib:
        first = lib.lessons.import_file(pages[0]).lesson_id
    n = 150
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    importer = subprocess.Popen(
        [sys.executable, "-m", "reader", "import", "--library", str(path), *map(str, pages[1:])],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO,
    )  # fmt: skip
    editor = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(path), str(first), str(n)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO,
    )  # fmt: skip
    out_i, err_i = importer.communicate(timeout=120)
    _out_e, err_e = editor.communicate(timeout=120)
    assert importer.returncode == 0, err_i
    assert editor.returncode == 0, err_e
    assert "locked" not in err_i + err_e and "busy" not in err_i + err_e
    assert len(out_i.splitlines()) == len(pages) - 1
    with Library(path) as lib:
        assert lib.lessons.count() == len(pages)
        saved = lib.lessons.get(first)
        assert {i: saved.blocks[i].user_translations.get("ja") for i in range(min(n, len(saved.blocks)))} == {
            i: f"訳{i}" for i in range(min(n, len(saved.blocks)))
        }
        rows = lib.db.execute("SELECT count(*) FROM user_translations WHERE lesson_id = ?", [first]).fetchone()[0]
        assert rows == n
        assert saved.title == f"Title {(n - 1) // 10 * 10}"


def test_write_waits_past_the_busy_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer holding the lock longer than the busy timeout delays a write; it does not fail it."""
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lid = lib.lessons.import_file(PAGES[0]).lesson_id
    holder = connect(path)
    begin_immediate(holder)
    holder.execute("UPDATE lessons SET user_title = 'held' WHERE id = ?", (lid,))
    released = threading.Event()

    def release() -> None:
        time.sleep(0.6)
        holder.execute("COMMIT")
        released.set()

    with Library(path) as lib:
        lib.db.conn.execute("PRAGMA busy_timeout = 50")  # much shorter than the hold
        threading.Thread(target=release).start()
        lib.editing.set_translation(lid, 0, "ja", "待ってから保存")
        assert released.is_set()
        assert lib.lessons.get(lid).blocks[0].user_translations == {"ja": "待ってから保存"}
    holder.close()


def test_a_lock_held_for_ever_is_reported_as_busy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.db"
    Library(path).close()
    holder = connect(path)
    begin_immediate(holder)
    monkeypatch.setattr("library.store.connection.WRITE_PATIENCE_S", 0.3)
    with Library(path) as lib:
        lib.db.conn.execute("PRAGMA busy_timeout = 20")
        with pytest.raises(LibraryBusy, match="busy"):
            lib.lessons.rename(1, "x")
    holder.execute("ROLLBACK")
    holder.close()


def test_deferred_transactions_would_fail_at_once(tmp_path: Path) -> None:
    """Why transactions BEGIN IMMEDIATE: a read-then-write transaction on a stale snapshot gets
    "database is locked" without waiting, whatever the busy timeout."""
    path = tmp_path / "lib.db"
    Library(path).close()
    a, b = connect(path), connect(path)
    a.execute("BEGIN")
    a.execute("SELECT count(*) FROM lessons").fetchone()
    b.execute("CREATE TABLE scratch (x)")  # commits: a's snapshot is now stale
    with pytest.raises(sqlite3.OperationalError):
        a.execute("CREATE TABLE other (x)")
    a.execute("ROLLBACK")
    a.close()
    b.close()
