"""Numbered, forward-only schema upgrades.

Each step takes a library at version N-1 to version N. They run in one transaction after the
file has been checked and copied aside (see `library.store.opening.open_database`). schema.sql
always holds the newest schema in full; a new step here goes with a change there and a bumped
`PRAGMA user_version`. A step changes tables with sqlite-utils' table API through `tables(db)`:
`add_column`, `create`, and `transform` for what ALTER TABLE cannot do (SQLite has no
"change column"), which copies the table with its data, indexes and foreign keys kept. Inside
the upgrade's transaction sqlite-utils uses savepoints, so a failing step leaves the library as
it was. sqlite-utils is imported there, not at start-up: it brings click, dateutil and pluggy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from library.store.database import Database

if TYPE_CHECKING:
    import sqlite_utils

Upgrade = Callable[[Database], None]

def tables(db: Database) -> sqlite_utils.Database:
    """sqlite-utils' view of the library's connection, for an upgrade step to change tables with."""
    import sqlite_utils

    # No plugins: an upgrade must do the same on every machine, whatever else is installed.
    return sqlite_utils.Database(db.conn, execute_plugins=False)


def _levels(db: Database) -> None:
    """2: word levels per lesson, lemma counts, and each learner's known running words."""
    from sqlite_utils.db import ForeignKey

    t = tables(db)

    def lesson_fk(table: str) -> ForeignKey:
        return ForeignKey(table, "lesson_id", "lessons", "id", on_delete="CASCADE")

    counts = ("a1", "a2", "b1", "b2", "c1", "c2", "unlisted", "names", "sentences", "syllables")
    t.table("lesson_levels").create(
        {"lesson_id": int, **dict.fromkeys(counts, int)},
        pk="lesson_id",
        not_null=set(counts),
        defaults=dict.fromkeys(counts, 0),
        foreign_keys=[lesson_fk("lesson_levels")],
    )
    t.table("lesson_lemmas").create(
        {"lesson_id": int, "lemma": str, "count": int},
        pk=("lesson_id", "lemma"),
        not_null={"lesson_id", "lemma", "count"},
        foreign_keys=[lesson_fk("lesson_lemmas")],
    )
    t.table("lesson_lemmas").create_index(["lemma"], index_name="lesson_lemmas_lemma")
    t.table("lesson_known").create(
        {"profile_id": int, "lesson_id": int, "known": int},
        pk=("profile_id", "lesson_id"),
        not_null={"profile_id", "lesson_id", "known"},
        defaults={"known": 0},
        foreign_keys=[
            ForeignKey("lesson_known", "profile_id", "profiles", "id", on_delete="CASCADE"),
            lesson_fk("lesson_known"),
        ],
    )


def _import_warnings(db: Database) -> None:
    """3: what the importer guessed (lessons imported before have none), and the lessons' translated titles."""
    from sqlite_utils.db import ForeignKey

    t = tables(db)
    t.table("lessons").add_column("title_translation", str, not_null_default="")
    t.table("import_warnings").create(
        {"lesson_id": int, "pos": int, "kind": str, "text": str, "confidence": float},
        pk=("lesson_id", "pos"),
        not_null={"lesson_id", "pos", "kind", "text", "confidence"},
        foreign_keys=[ForeignKey("import_warnings", "lesson_id", "lessons", "id", on_delete="CASCADE")],
    )


def _line_decisions(db: Database) -> None:
    """4: the user's decisions about a lesson's page lines (roles, joins, splits, text, deletions, moves).

    Written in SQL, not with sqlite-utils' `create`: its ids must be AUTOINCREMENT (never reused,
    as undo restores rows by id), which sqlite-utils cannot declare."""
    db.execute(
        """CREATE TABLE line_decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
            op TEXT NOT NULL CHECK (op IN ('role', 'join', 'split', 'text', 'delete', 'move', 'end')),
            n INTEGER NOT NULL,
            text TEXT NOT NULL,
            role TEXT,
            target_n INTEGER,
            target_text TEXT,
            at INTEGER,
            value TEXT
        )"""
    )
    db.execute("CREATE INDEX line_decisions_lesson ON line_decisions(lesson_id, id)")


def _exercises(db: Database) -> None:
    """5: the exercises a page holds (a cloze passage, a quiz); lessons imported before have none."""
    from sqlite_utils.db import ForeignKey

    tables(db).table("exercises").create(
        {"lesson_id": int, "pos": int, "kind": str, "title": str, "lines": str},
        pk=("lesson_id", "pos"),
        not_null={"lesson_id", "pos", "kind", "title", "lines"},
        foreign_keys=[ForeignKey("exercises", "lesson_id", "lessons", "id", on_delete="CASCADE")],
    )


def _swap_decisions(db: Database) -> None:
    """6: a decision may swap the page's languages ('swap'). The table is made again with the wider
    check, in SQL (its ids are AUTOINCREMENT, kept as they were: undo restores rows by id)."""
    columns = "id, lesson_id, op, n, text, role, target_n, target_text, at, value"
    db.execute("ALTER TABLE line_decisions RENAME TO line_decisions_5")
    db.execute("DROP INDEX line_decisions_lesson")
    db.execute(
        """CREATE TABLE line_decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
            op TEXT NOT NULL CHECK (op IN ('role', 'join', 'split', 'text', 'delete', 'move', 'end', 'swap')),
            n INTEGER NOT NULL,
            text TEXT NOT NULL,
            role TEXT,
            target_n INTEGER,
            target_text TEXT,
            at INTEGER,
            value TEXT
        )"""
    )
    seq = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'line_decisions_5'").fetchone()
    if seq is not None:  # (an INSERT … SELECT of no rows would still start a sequence: only when there is one)
        db.execute(f"INSERT INTO line_decisions ({columns}) SELECT {columns} FROM line_decisions_5")
        # Ids are never reused: the sequence goes on from where it was, past ids undo took away.
        db.execute("DELETE FROM sqlite_sequence WHERE name = 'line_decisions'")
        db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('line_decisions', ?)", [seq[0]])
    db.execute("DROP TABLE line_decisions_5")
    db.execute("CREATE INDEX line_decisions_lesson ON line_decisions(lesson_id, id)")


def _gloss_source(db: Database) -> None:
    """8: where a saved word's meaning came from ('' typed by the learner, 'dictionary' filled in from
    it; meanings saved before are the learner's, as they were taken to be); and the parts of the
    lessons' hyphenated compounds the level list lacks, by which a learner knows them (their known
    counts are made again)."""
    words = tables(db).table("words")
    if "gloss_source" not in words.columns_dict:  # (a library stamped older than its tables are keeps them)
        words.add_column("gloss_source", str, not_null_default="")
    db.execute("CREATE TABLE IF NOT EXISTS compound_parts (lemma TEXT NOT NULL, slot INTEGER NOT NULL,"
               " part TEXT NOT NULL, PRIMARY KEY (lemma, slot, part))")
    db.execute("CREATE INDEX IF NOT EXISTS compound_parts_part ON compound_parts(part)")
    compounds = [r[0] for r in db.execute("SELECT DISTINCT lemma FROM lesson_lemmas WHERE lemma GLOB '*?-?*'")]
    if not compounds:
        return
    from library.study.compounds import parts_of, store_parts
    from library.study.words import recount_known

    store_parts(db, parts_of(compounds))
    for (profile_id,) in db.execute("SELECT id FROM profiles").fetchall():
        recount_known(db, profile_id)


def _levels_stamp(db: Database) -> None:
    """7: the stamp of the word levels a lesson's levels were worked out with
    (library/study/level_table.levels_stamp); rows of before have none: their lessons are levelled again."""
    tables(db).table("lesson_levels").add_column("levels_version", str, not_null_default="")


def _seeding(db: Database) -> None:
    """9: which marking of many words known at once saved a word, so that its undo is one statement
    and the last one can be undone after a restart (words saved before belong to none)."""
    words = tables(db).table("words")
    if "seeding" not in words.columns_dict:
        words.add_column("seeding", int)
    db.execute("CREATE INDEX IF NOT EXISTS words_seeding ON words(profile_id, seeding) WHERE seeding IS NOT NULL")


UPGRADES: dict[int, Upgrade] = {
    2: _levels,
    3: _import_warnings,
    4: _line_decisions,
    5: _exercises,
    6: _swap_decisions,
    7: _levels_stamp,
    8: _gloss_source,
    9: _seeding,
}
