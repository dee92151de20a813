"""The store: connections, schema upgrades with a copy aside, user data kept apart, search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from library import Library
from library.errors import LibraryError
from library.store import migrations
from library.store.backup import aside_path
from library.store.connection import connect
from library.store.schema import schema_sql, schema_version

PAGE = "Town Gets a New Library\n\nThe town of Elm opened a new library on Monday.\n\n町に新しい図書館ができました。\n"


def test_connection_settings(tmp_path: Path) -> None:
    conn = connect(tmp_path / "x.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_schema_ends_with_user_version(tmp_path: Path) -> None:
    assert schema_sql().strip().splitlines()[-1].upper().startswith("PRAGMA USER_VERSION")
    with Library(tmp_path / "lib.db") as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == schema_version()


def test_upgrade_copies_the_file_aside_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lid = lib.lessons.import_bytes(PAGE.encode(), "p.txt").lesson_id
        lib.editing.set_translation(lid, 0, "ja", "私の訳")
    current = schema_version()
    ran: list[int] = []

    def step(db) -> None:  # type: ignore[no-untyped-def]
        ran.append(current + 1)
        db.execute("CREATE TABLE extra (x INTEGER)")

    monkeypatch.setitem(migrations.UPGRADES, current + 1, step)
    monkeypatch.setattr("library.store.schema.schema_version", lambda: current + 1)
    with Library(path) as lib:
        assert ran == [current + 1]
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == current + 1
        assert lib.lessons.get(lid).blocks[0].user_translations == {"ja": "私の訳"}
    copy = aside_path(path, current)
    assert copy.exists()
    old = sqlite3.connect(copy)
    assert old.execute("PRAGMA user_version").fetchone()[0] == current
    assert old.execute("SELECT count(*) FROM lessons").fetchone()[0] == 1


def test_failed_upgrade_leaves_the_library_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.lessons.import_bytes(PAGE.encode(), "p.txt")
    current = schema_version()

    def broken(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(migrations.UPGRADES, current + 1, broken)
    monkeypatch.setattr("library.store.schema.schema_version", lambda: current + 1)
    with pytest.raises(RuntimeError):
        Library(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current
    assert "half_done" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_newer_library_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    Library(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema_version() + 5}")
    conn.close()
    with pytest.raises(LibraryError, match="newer"):
        Library(path)


def test_other_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.close()
    with pytest.raises(LibraryError, match="not a Study Reader library"):
        Library(path)


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "text.db"
    path.write_text("hello, this is not a database" * 100)
    with pytest.raises(LibraryError):
        Library(path)


def test_user_translation_is_kept_apart_and_searchable(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lid = lib.lessons.import_bytes(PAGE.encode(), "p.txt").lesson_id
        lib.editing.set_translation(lid, 0, "ja", "エルムの町に図書館が開館")
        block = lib.lessons.get(lid).blocks[0]
        assert block.translations == {"ja": "町に新しい図書館ができました。"}
        assert block.translation("ja") == "エルムの町に図書館が開館"
        hits = lib.search.query("開館")
        assert [(h.lesson_id, h.block_pos) for h in hits] == [(lid, 0)]
        lib.editing.set_translation(lid, 0, "ja", "")
        assert lib.lessons.get(lid).blocks[0].user_translations == {}
        assert lib.search.query("開館") == []


def test_rename_delete_and_reading_state(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        a = lib.lessons.import_bytes(PAGE.encode(), "a.txt").lesson_id
        b = lib.lessons.import_bytes(PAGE.replace("Monday", "Friday").encode(), "b.txt").lesson_id
        lib.lessons.rename(a, "My title")
        assert lib.lessons.get(a).title == "My title"
        lib.lessons.set_position(a, 0, 1.0)
        lib.lessons.set_position(b, 0, 0.5)
        assert lib.lessons.last_opened() == b
        assert {s.id: s.finished for s in lib.lessons.list()} == {a: True, b: False}
        lib.lessons.delete(a)
        assert lib.lessons.ids() == [b]
        assert all(h.lesson_id == b for h in lib.search.query("library"))
        assert lib.db.execute("SELECT count(*) FROM blocks WHERE lesson_id = ?", [a]).fetchone()[0] == 0


def test_search_pages_and_short_queries(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lib.lessons.import_bytes(PAGE.encode(), "p.txt")
        assert lib.search.query("") == []
        assert lib.search.query("図書")[0].lang == "ja"
        assert lib.search.query("ELM")[0].lang in ("en", "title")
        assert lib.search.query('"quoted" 100%_') == []


def test_one_and_two_character_cjk_queries_use_the_pair_index(tmp_path: Path) -> None:
    page = (
        "Trade Talks\n\nChina and Japan met in Osaka on Monday to discuss trade.\n\n"
        "中国と日本は月曜日に大阪で貿易について協議した。\n\nThe talks will continue next month.\n\n"
        "協議は来月も続く。\n"
    )
    with Library(tmp_path / "lib.db") as lib:
        lid = lib.lessons.import_bytes(page.encode(), "p.txt").lesson_id
        plan = " ".join(
            str(r)
            for r in lib.db.execute(
                "EXPLAIN QUERY PLAN SELECT rowid FROM search_bigram WHERE search_bigram MATCH '\"中国\"'"
            )
        )
        assert "VIRTUAL TABLE INDEX" in plan
        for query, blocks in (
            ("中国", {0}),
            ("協議", {0, 1}),
            ("議", {0, 1}),
            ("続", {1}),
            ("来月", {1}),
            ("貿易", {0}),
        ):
            hits = lib.search.query(query)
            assert {h.block_pos for h in hits if h.lesson_id == lid} == blocks, query
            assert all(f"[{query}]" in h.snippet for h in hits), query
        assert lib.search.query("韓国") == []
        lib.lessons.delete(lid)
        assert lib.db.execute("SELECT count(*) FROM search_bigram").fetchone()[0] == 0


def test_reindexing_a_batch_leaves_one_row_per_text(tmp_path: Path) -> None:
    """Index batches forget all their lessons' old rows first, then add the new ones."""
    with Library(tmp_path / "lib.db") as lib:
        ids = [lib.lessons.import_bytes(PAGE.replace("Monday", day).encode(), f"{day}.txt").lesson_id
               for day in ("Monday", "Tuesday", "Friday")]  # fmt: skip
        lib.search.index_pending()

        def rows(table: str) -> int:
            return int(lib.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        before = {t: rows(t) for t in ("search_en", "search_cjk", "search_bigram")}
        for lid in ids[:2]:  # two lessons change: both are indexed again in one batch
            lib.editing.set_translation(lid, 0, "ja", f"利用者の訳 {lid}")
        assert lib.search.pending() == 2
        assert lib.search.index_pending() == 2
        assert rows("search_en") == before["search_en"]
        assert rows("search_cjk") == before["search_cjk"] + 2  # each user translation, once
        assert rows("search_bigram") == before["search_bigram"] + 2
        assert sorted(h.lesson_id for h in lib.search.query("利用者の訳")) == sorted(ids[:2])


def test_a_lessons_place_in_the_list(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        ids = [lib.lessons.import_bytes(PAGE.replace("Monday", day).encode(), f"{day}.txt").lesson_id
               for day in ("Monday", "Tuesday", "Friday", "Sunday")]  # fmt: skip
        lib.lessons.delete(ids[1])
        listed = [s.id for s in lib.lessons.list()]
        assert [lib.lessons.index_of(i) for i in listed] == list(range(len(listed)))
        assert lib.lessons.index_of(ids[1]) == -1  # deleted
