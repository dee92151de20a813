"""Schema step 4: a library of version 3 gains the line_decisions table, as schema.sql makes it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from library import Library
from library.store.schema import schema_version

GARDEN = Path(__file__).resolve().parents[2] / "data" / "pageview" / "garden_page.txt"


def _columns(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return [tuple(r[1:]) for r in conn.execute("PRAGMA table_info(line_decisions)")]


def test_a_version_3_library_is_upgraded_and_keeps_its_lessons(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    Library(fresh).close()
    old = tmp_path / "old.db"
    with Library(old) as lib:
        lid = lib.lessons.import_file(GARDEN).lesson_id
    conn = sqlite3.connect(old)
    conn.execute("DROP TABLE line_decisions")  # a library of schema 3 has neither of the later tables
    conn.execute("DROP TABLE exercises")
    conn.execute("ALTER TABLE lesson_levels DROP COLUMN levels_version")  # nor schema 7's stamp
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    with Library(old) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        assert lib.lessons.get(lid).title == "Saturday Morning Notes"
        lib.pages.set_role(lid, 1, "title")
        assert lib.lessons.get(lid).title == "City Gardens Bring Neighbors Together"
    a, b = sqlite3.connect(old), sqlite3.connect(fresh)
    # The same columns, types, NOT NULLs and keys as a new library's table.
    assert [c[0] for c in _columns(a)] == [c[0] for c in _columns(b)]
    assert [(c[2], c[4]) for c in _columns(a)] == [(c[2], c[4]) for c in _columns(b)]
    sql = "SELECT sql FROM sqlite_master WHERE name = 'line_decisions'"
    assert "AUTOINCREMENT" in a.execute(sql).fetchone()[0]  # ids never reused: undo restores rows by id
    assert a.execute(sql).fetchone()[0].count("'swap'") == 1  # step 6: a swap of languages is a decision
    a.close()
    b.close()
