"""A lesson's exercises in the library: written with the import, read with the lesson."""

from __future__ import annotations

import sqlite3

from library.model import Exercise


def store_exercises(conn: sqlite3.Connection, lesson_id: int, exercises: list[Exercise]) -> None:
    """Write a lesson's exercises (the caller holds the import's transaction)."""
    conn.executemany(
        "INSERT INTO exercises (lesson_id, pos, kind, title, lines) VALUES (?, ?, ?, ?, ?)",
        # An exercise's lines are the page's lines: none holds a line break.
        [(lesson_id, i, e.kind, e.title, "\n".join(e.lines)) for i, e in enumerate(exercises)],
    )


def read_exercises(conn: sqlite3.Connection, lesson_id: int) -> list[Exercise]:
    """A lesson's exercises, in page order."""
    return [
        Exercise(kind, title, lines.split("\n") if lines else [])
        for kind, title, lines in conn.execute(
            "SELECT kind, title, lines FROM exercises WHERE lesson_id = ? ORDER BY pos", (lesson_id,)
        )
    ]
