"""Read next: the lessons to read now, those whose share of words unknown to this learner is nearest a
target band (2–5% by default: enough new words to learn from, few enough to read without a
dictionary). Read from the stored difficulty, never from the text."""

from __future__ import annotations

from dataclasses import dataclass

from library.profiles import CurrentProfile
from library.store.database import Database
from library.study.difficulty import _COUNTS

DEFAULT_BAND = (0.02, 0.05)


@dataclass
class NextLesson:
    """One lesson offered to read next, with how hard it is for the learner."""

    lesson_id: int
    title: str
    unknown_share: float
    words: int
    progress: float

    def distance(self, low: float, high: float) -> float:
        """How far the lesson's unknown share is outside the band (0 inside it)."""
        return max(0.0, low - self.unknown_share, self.unknown_share - high)


def parse_band(text: str) -> tuple[float, float]:
    """A band written as percentages, "2-5" or "2–5%" or one number "3"; ValueError when it is not one."""
    cleaned = text.replace("%", "").replace("–", "-").replace(" ", "")
    parts = [p for p in cleaned.split("-") if p] if cleaned.count("-") <= 1 else []
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) not in (1, 2) or not all(0 <= n <= 100 for n in numbers):
        raise ValueError(f"a target band is one or two percentages from 0 to 100, such as 2-5 (not {text!r})")
    low, high = numbers[0], numbers[-1]
    if low > high:  # 9-2: the low end after the high one is a slip, not a band to turn round
        raise ValueError(f"a target band runs from low to high, such as {high:g}-{low:g} (not {text!r})")
    return low / 100, high / 100


class ReadNext:
    """Orders the active learner's unfinished lessons by their distance from a target unknown share."""

    def __init__(self, db: Database, profile: CurrentProfile) -> None:
        self._db = db
        self._profile = profile

    def lessons(self, band: tuple[float, float] = DEFAULT_BAND, limit: int = 20) -> list[NextLesson]:
        """Unfinished levelled lessons: those inside the band first (fewest unknown words first), then
        the others by how far outside it they are. Lessons without words are left out."""
        low, high = band
        words = " + ".join("v." + c for c in _COUNTS)
        rows = self._db.execute(
            f"SELECT l.id, coalesce(l.user_title, l.title), {words}, coalesce(k.known, 0), coalesce(r.progress, 0)"
            " FROM lessons l JOIN lesson_levels v ON v.lesson_id = l.id"
            " LEFT JOIN lesson_known k ON k.lesson_id = l.id AND k.profile_id = ?1"
            " LEFT JOIN reading_state r ON r.lesson_id = l.id AND r.profile_id = ?1"
            " WHERE coalesce(r.finished, 0) = 0",
            [self._profile.id],
        ).fetchall()
        found = [
            NextLesson(i, title, (total - known) / total, total, float(progress))
            for i, title, total, known, progress in rows
            if total > 0
        ]
        found.sort(key=lambda n: (n.distance(low, high), n.unknown_share, n.lesson_id))
        return found[:limit] if limit >= 0 else found

    def knows_no_words(self) -> bool:
        """Whether the active learner has no word marked known yet (every lesson is then 100% unknown)."""
        from library.study.difficulty import KNOWN

        row = self._db.execute(
            f"SELECT 1 FROM words WHERE profile_id = ? AND status IN {KNOWN!r} LIMIT 1", [self._profile.id]
        ).fetchone()
        return row is None
