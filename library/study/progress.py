"""Progress: lessons finished, words read, known words over time, and how much of each lesson is
still unknown to the learner."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from library.store.database import Database
from library.study.words import Words

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


@dataclass
class LessonLevel:
    """How much of one lesson the learner does not know yet (distinct words)."""

    lesson_id: int
    title: str
    words: int
    distinct: int
    unknown: int
    finished: bool
    progress: float

    @property
    def unknown_share(self) -> float:
        return self.unknown / self.distinct if self.distinct else 0.0


@dataclass
class Summary:
    """The figures the progress view shows."""

    lessons: int
    lessons_finished: int
    words_read: int
    counts: dict[str, int]
    reviews: int
    known_over_time: list[tuple[str, int]] = field(default_factory=list)


class Progress:
    """Progress figures for one profile."""

    def __init__(self, db: Database, words: Words) -> None:
        self._db = db
        self._words = words

    def summary(self) -> Summary:
        """Lessons finished, words read (each lesson's words times how far it was read), word counts."""
        lessons, finished, read = self._db.execute(
            "SELECT count(*), coalesce(sum(coalesce(r.finished, 0)), 0),"
            " coalesce(sum(l.word_count * min(1.0, coalesce(r.progress, 0))), 0)"
            " FROM lessons l LEFT JOIN reading_state r ON r.lesson_id = l.id AND r.profile_id = ?",
            [self._words.profile_id],
        ).fetchone()
        reviews = self._db.execute(
            "SELECT count(*) FROM review_log WHERE profile_id = ?", [self._words.profile_id]
        ).fetchone()[0]
        return Summary(
            int(lessons), int(finished), round(float(read)), self._words.counts(), int(reviews), self.known_over_time()
        )

    def known_over_time(self) -> list[tuple[str, int]]:
        """(day, known words at the end of that day) for each day the known count changed."""
        rows = self._db.execute(
            "SELECT e.word_id, e.status, substr(e.at, 1, 10) FROM word_events e"
            " WHERE e.profile_id = ? ORDER BY e.at, e.id",
            [self._words.profile_id],
        ).fetchall()
        current: dict[int, str] = {}
        deltas: dict[str, int] = {}
        for word_id, status, day in rows:
            before = current.get(word_id) == "known"
            after = status == "known"
            current[word_id] = status
            if before != after:
                deltas[day] = deltas.get(day, 0) + (1 if after else -1)
        days = sorted(deltas)
        return list(zip(days, accumulate(deltas[d] for d in days), strict=True))

    def levels(self, limit: int = 500) -> list[LessonLevel]:
        """For the most recent lessons, the share of their distinct words not yet known (saved as
        known or ignored), so a learner can choose a lesson at their level."""
        known = self._words.marks(("known", "ignored")).status_of
        out: list[LessonLevel] = []
        lessons = self._db.execute(
            "SELECT l.id, coalesce(l.user_title, l.title), l.word_count, coalesce(r.finished, 0),"
            " coalesce(r.progress, 0) FROM lessons l"
            " LEFT JOIN reading_state r ON r.lesson_id = l.id AND r.profile_id = ?"
            " ORDER BY l.id DESC LIMIT ?",
            [self._words.profile_id, limit],
        ).fetchall()
        for lesson_id, title, count, finished, progress in lessons:
            text = "\n".join(r[0] for r in self._db.execute("SELECT text FROM blocks WHERE lesson_id = ?", [lesson_id]))
            distinct = {t.replace("’", "'").lower() for t in _TOKEN.findall(text)}
            unknown = sum(1 for t in distinct if t not in known)
            out.append(
                LessonLevel(lesson_id, title, int(count), len(distinct), unknown, bool(finished), float(progress))
            )
        return out
