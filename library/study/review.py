"""Reviewing saved words with spaced repetition (the FSRS scheduler): what is due, and grading."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any

from library.store.database import Database
from library.study.words import Word, Words

if TYPE_CHECKING:
    from fsrs import Card, Scheduler

# The FSRS package (and what it brings) loads when a review needs it, not when a library opens.
GRADES = (1, 2, 3, 4)
RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
REVIEWED_STATUSES = ("new", "learning")  # known and ignored words are not drilled


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def interval_text(delta: timedelta) -> str:
    """A short human interval: 10m, 3h, 4d, 2mo."""
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = round(seconds / 86400)
    return f"{days}d" if days < 60 else f"{round(days / 30)}mo"


@dataclass
class DueCard:
    """A word to review now, with the scheduler's card."""

    word: Word
    card: Card


class Review:
    """Spaced-repetition state of one profile's saved words."""

    def __init__(self, db: Database, words: Words) -> None:
        self._db = db
        self._words = words

    @cached_property
    def scheduler(self) -> Scheduler:
        from fsrs import Scheduler

        return Scheduler(enable_fuzzing=False)

    @staticmethod
    def _rating(grade: int) -> Any:
        from fsrs import Rating

        return Rating(grade)  # 1 again, 2 hard, 3 good, 4 easy

    @property
    def profile_id(self) -> int:
        return self._words.profile_id

    def _card(self, word_id: int) -> Card:
        from fsrs import Card

        row = self._db.execute("SELECT state FROM review_cards WHERE word_id = ?", [word_id]).fetchone()
        if row is None:
            return Card(card_id=word_id)
        return Card.from_json(row[0])

    def due(self, now: datetime | None = None, limit: int = 200) -> list[DueCard]:
        """Words due now: new and learning words never reviewed, and those whose review date has come."""
        moment = _iso(now or datetime.now(UTC))
        rows = self._db.execute(
            "SELECT w.id FROM words w LEFT JOIN review_cards c ON c.word_id = w.id"
            " WHERE w.profile_id = ? AND w.status IN ('new', 'learning') AND (c.due IS NULL OR c.due <= ?)"
            " ORDER BY coalesce(c.due, w.created_at), w.id LIMIT ?",
            [self.profile_id, moment, limit],
        ).fetchall()
        out = []
        for (word_id,) in rows:
            word = self._words.by_id(word_id)
            if word is not None:
                out.append(DueCard(word, self._card(word_id)))
        return out

    def due_count(self, now: datetime | None = None) -> int:
        """How many words are due now."""
        moment = _iso(now or datetime.now(UTC))
        return int(
            self._db.execute(
                "SELECT count(*) FROM words w LEFT JOIN review_cards c ON c.word_id = w.id"
                " WHERE w.profile_id = ? AND w.status IN ('new', 'learning') AND (c.due IS NULL OR c.due <= ?)",
                [self.profile_id, moment],
            ).fetchone()[0]
        )

    def preview(self, word_id: int, now: datetime | None = None) -> dict[int, str]:
        """For each grade 1–4, when the word would next be due ("10m", "3d")."""
        when = now or datetime.now(UTC)
        card = self._card(word_id)
        out = {}
        for grade in GRADES:
            nxt, _log = self.scheduler.review_card(card.from_json(card.to_json()), self._rating(grade), when)
            out[grade] = interval_text(nxt.due - when)
        return out

    def grade(self, word_id: int, grade: int, now: datetime | None = None) -> datetime:
        """Record a review (1 again, 2 hard, 3 good, 4 easy); returns when the word is next due.
        A word graded Again goes back to learning."""
        if grade not in GRADES:
            raise ValueError("grade must be 1, 2, 3 or 4")
        when = now or datetime.now(UTC)
        card, _log = self.scheduler.review_card(self._card(word_id), self._rating(grade), when)
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO review_cards (word_id, profile_id, due, state) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (word_id) DO UPDATE SET due = excluded.due, state = excluded.state",
                [word_id, self.profile_id, _iso(card.due), card.to_json()],
            )
            self._db.execute(
                "INSERT INTO review_log (profile_id, word_id, rating, reviewed_at, next_due) VALUES (?, ?, ?, ?, ?)",
                [self.profile_id, word_id, grade, _iso(when), _iso(card.due)],
            )
        word = self._words.by_id(word_id)
        if word is not None and word.status == "new":
            self._words.set_statuses([word.id], "learning")  # the row read, not one its text names
        return card.due

    def reviewed_count(self) -> int:
        """How many reviews the learner has done."""
        return int(
            self._db.execute("SELECT count(*) FROM review_log WHERE profile_id = ?", [self.profile_id]).fetchone()[0]
        )
