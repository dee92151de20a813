"""A lesson's exercises are stored with it, and a library from before them is upgraded (step 6)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from library import Library

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def test_exercises_are_stored_and_read_back_with_the_lesson(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lid = lib.lessons.import_file(CORPUS / "zh_hans_practice_questions.txt").lesson_id
        got = lib.lessons.get(lid).exercises
    assert [e.title for e in got] == ["练习"]
    assert got[0].kind == "quiz" and len(got[0].lines) == 5
    assert got[0].lines[1] == "1. The city museum closed for a month to repair its old roof. (T / F)"


def test_a_library_of_schema_3_gets_the_exercises_table(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lid = lib.lessons.import_file(CORPUS / "ja_after_kome_notes.txt").lesson_id
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE exercises")  # a library of schema 3 has neither of the later tables
    conn.execute("DROP TABLE line_decisions")
    conn.execute("ALTER TABLE lesson_levels DROP COLUMN levels_version")  # nor schema 7's stamp
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    with Library(path) as lib:
        assert lib.lessons.get(lid).exercises == []  # imported before: none
        new = lib.lessons.import_file(CORPUS / "ja_cloze_word_bank.txt").lesson_id
        exercises = lib.lessons.get(new).exercises
        assert [(e.kind, e.title) for e in exercises] == [("cloze", "穴埋め問題")]
        assert exercises[0].lines[-1] == "答え: 1. night 2. used 3. shifts"
