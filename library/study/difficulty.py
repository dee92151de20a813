"""Lesson difficulty for the active learner: each lesson's level profile and readability, levelled
once after its import, and the share of its running words this learner does not know yet, kept up
to date as my words change status (so listing lessons reads stored numbers, never the text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from library.profiles import CurrentProfile
from library.store.database import Database

KNOWN = ("known", "ignored")  # statuses that count as known when judging a lesson
_COUNTS = ("a1", "a2", "b1", "b2", "c1", "c2", "unlisted")
_LEVEL_NAMES = ("A1", "A2", "B1", "B2", "C1", "C2", "unlisted")


@dataclass
class Difficulty:
    """How hard one lesson is for one learner."""

    lesson_id: int
    counts: dict[str, int]
    names: int
    sentences: int
    syllables: int
    known: int

    @property
    def words(self) -> int:
        """Running words that are levelled (names are not)."""
        return sum(self.counts.values())

    @property
    def unknown_share(self) -> float:
        """Share of running words the learner does not know (0 for a lesson without words)."""
        return (self.words - self.known) / self.words if self.words else 0.0

    @property
    def grade(self) -> float:
        """Flesch–Kincaid grade of the lesson's text."""
        from library.study.levels import readability_grade

        return readability_grade(self.words + self.names, self.sentences, self.syllables)

    def to_json(self) -> dict[str, Any]:
        """The difficulty as the command line prints it."""
        return {
            "lesson_id": self.lesson_id,
            "levels": self.counts,
            "words": self.words,
            "names": self.names,
            "sentences": self.sentences,
            "grade": round(self.grade, 1),
            "known": self.known,
            "unknown_share": round(self.unknown_share, 4),
        }


def status_changed(db: Database, profile_id: int, lemma: str, was: str | None, now: str | None) -> None:
    """Move a word's occurrences in every lesson into or out of the learner's known count, and those of
    the compounds known by their parts (compounds.py; the caller holds the transaction). `was` or
    `now` is None for a word not saved before or after."""
    from library.study.compounds import status_changed as changed

    changed(db, profile_id, lemma, was, now)


class Levels:
    """Levels and difficulty of the lessons of an open library, for its active learner."""

    def __init__(self, db: Database, profile: CurrentProfile) -> None:
        self._db = db
        self._profile = profile

    # Lessons never levelled, or levelled with other word levels than this program's (a newer level
    # list, other lemmas): both are pending. One lookup of the row by its key for each lesson.
    _PENDING = (
        "FROM lessons l WHERE NOT EXISTS"
        " (SELECT 1 FROM lesson_levels v WHERE v.lesson_id = l.id AND v.levels_version = ?)"
    )

    def pending(self) -> int:
        """How many lessons are not levelled yet, or were levelled with other word levels."""
        from library.study.level_table import levels_stamp  # a few stat calls: no list is read

        return int(self._db.execute(f"SELECT count(*) {self._PENDING}", [levels_stamp()]).fetchone()[0])

    def level_pending(self, batch: int = 50) -> int:
        """Level the lessons that are pending (after an import commits, as indexing does; after an
        upgrade that levels words otherwise, every lesson once)."""
        from library.study.level_table import levels_stamp

        stamp = levels_stamp()
        done = 0
        while True:
            sql = f"SELECT id {self._PENDING} ORDER BY id LIMIT ?"
            ids = [r[0] for r in self._db.execute(sql, [stamp, batch])]
            if not ids:
                return done
            with self._db.atomic():
                for lesson_id in ids:
                    self._level(lesson_id, stamp)
            done += len(ids)

    def relevel(self, lesson_id: int) -> None:
        """Level a lesson again (its text changed)."""
        from library.study.level_table import levels_stamp

        with self._db.atomic():
            self._level(lesson_id, levels_stamp())

    def _level(self, lesson_id: int, stamp: str) -> None:
        """Store one lesson's levels (with the stamp of the word levels used), lemma counts and
        every learner's known count."""
        from library.study.compounds import add_known_by_parts, parts_of, store_parts
        from library.study.levels import level_text  # loads the word list: never at start-up

        sql = "SELECT text FROM blocks WHERE lesson_id = ? ORDER BY pos"
        texts = [r[0] for r in self._db.execute(sql, [lesson_id])]
        found = level_text(texts)
        for table in ("lesson_levels", "lesson_lemmas", "lesson_known"):
            self._db.execute(f"DELETE FROM {table} WHERE lesson_id = ?", [lesson_id])
        values = [found.counts[name] for name in _LEVEL_NAMES]
        self._db.execute(
            f"INSERT INTO lesson_levels (lesson_id, {', '.join(_COUNTS)}, names, sentences, syllables, levels_version)"
            f" VALUES ({', '.join('?' * (len(_COUNTS) + 5))})",
            [lesson_id, *values, found.names, found.sentences, found.syllables, stamp],
        )
        self._db.conn.executemany(
            "INSERT INTO lesson_lemmas (lesson_id, lemma, count) VALUES (?, ?, ?)",
            [(lesson_id, lemma, n) for lemma, n in found.lemmas.items()],
        )
        self._db.execute(
            "INSERT INTO lesson_known (profile_id, lesson_id, known) SELECT w.profile_id, ?, sum(m.count)"
            f" FROM lesson_lemmas m JOIN words w ON w.lemma = m.lemma AND w.status IN {KNOWN!r}"
            " WHERE m.lesson_id = ? GROUP BY w.profile_id",
            [lesson_id, lesson_id],
        )
        # Compounds the list lacks ("ten-year") are known by their parts, for every learner.
        parts = parts_of(found.lemmas)
        if parts:
            store_parts(self._db, parts)
            for (profile_id,) in self._db.execute("SELECT id FROM profiles").fetchall():
                add_known_by_parts(self._db, profile_id, lesson_id)

    _SELECT = (
        f"SELECT v.lesson_id, {', '.join('v.' + c for c in _COUNTS)}, v.names, v.sentences, v.syllables,"
        " coalesce(k.known, 0) FROM lesson_levels v"
        " LEFT JOIN lesson_known k ON k.lesson_id = v.lesson_id AND k.profile_id = ?"
    )

    @staticmethod
    def _difficulty(row: tuple[Any, ...]) -> Difficulty:
        n = len(_COUNTS)
        return Difficulty(row[0], dict(zip(_LEVEL_NAMES, row[1 : n + 1], strict=True)), *row[n + 1 :])

    def of(self, lesson_id: int) -> Difficulty | None:
        """One lesson's difficulty for the active learner (levelling it first if it was not)."""
        sql = self._SELECT + " WHERE v.lesson_id = ?"
        row = self._db.execute(sql, [self._profile.id, lesson_id]).fetchone()
        if row is None and self._db.execute("SELECT 1 FROM lessons WHERE id = ?", [lesson_id]).fetchone():
            self.relevel(lesson_id)
            row = self._db.execute(sql, [self._profile.id, lesson_id]).fetchone()
        return self._difficulty(row) if row else None

    def unknown_shares(self) -> dict[int, float]:
        """Each levelled lesson's share of running words unknown to the active learner, by lesson id:
        what the library list shows, one number a row (the full `all` builds 10,000 objects)."""
        sql = (
            f"SELECT v.lesson_id, {' + '.join('v.' + c for c in _COUNTS)}, coalesce(k.known, 0) FROM lesson_levels v"
            " LEFT JOIN lesson_known k ON k.lesson_id = v.lesson_id AND k.profile_id = ?"
        )
        rows = self._db.execute(sql, [self._profile.id]).fetchall()
        return {i: (words - known) / words if words else 0.0 for i, words, known in rows}

    def shares_and_levels(
        self, lesson_ids: list[int] | None = None, coverage: float = 0.95
    ) -> dict[int, tuple[float, str]]:
        """Each levelled lesson's (of these, or every one's) unknown share for the active learner and
        its level: the easiest CEFR level whose words, with the easier ones, make up `coverage` of
        its running words (C2 when even they do not: the rest are words the list lacks). Worked out
        in SQL from stored counts; the library list asks for the lessons of a page as it shows them."""
        total = " + ".join("v." + c for c in _COUNTS)
        cases = " ".join(
            f"WHEN {' + '.join('v.' + c for c in _COUNTS[: i + 1])} >= {coverage!r} * ({total}) THEN '{name}'"
            for i, name in enumerate(_LEVEL_NAMES[:5])
        )
        sql = (
            f"SELECT v.lesson_id, {total}, coalesce(k.known, 0), CASE {cases} ELSE 'C2' END FROM lesson_levels v"
            " LEFT JOIN lesson_known k ON k.lesson_id = v.lesson_id AND k.profile_id = ?"
        )
        rows: list[tuple[int, int, int, str]] = []
        if lesson_ids is None:
            rows = self._db.execute(sql, [self._profile.id]).fetchall()
        for start in range(0, len(lesson_ids or []), 500):
            chunk = (lesson_ids or [])[start : start + 500]
            where = f" WHERE v.lesson_id IN ({','.join('?' * len(chunk))})"
            rows += self._db.execute(sql + where, [self._profile.id, *chunk]).fetchall()
        return {i: ((n - known) / n if n else 0.0, level if n else "") for i, n, known, level in rows}

    def frequency_bands(self, lesson_id: int) -> dict[str, int]:
        """A lesson's running words by frequency band (names left out), worked out from its text."""
        from library.study.levels import level_text

        sql = "SELECT text FROM blocks WHERE lesson_id = ? ORDER BY pos"
        return level_text([r[0] for r in self._db.execute(sql, [lesson_id])], bands=True).bands

    def all(self) -> dict[int, Difficulty]:
        """Every levelled lesson's difficulty for the active learner, by lesson id."""
        return {r[0]: self._difficulty(r) for r in self._db.execute(self._SELECT, [self._profile.id])}
