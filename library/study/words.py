"""My words: the learner's saved words and phrases, with status, note and the sentence they came
from; and the one pattern that finds them all in a lesson."""

from __future__ import annotations

import builtins
import re
from dataclasses import asdict, dataclass
from typing import Any

from library.profiles import CurrentProfile
from library.store.database import Database
from library.study.difficulty import status_changed
from library.wordforms import compile_lowered, find_lowered, forms_of, lemma_of

STATUSES = ("new", "learning", "known", "ignored")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass
class Word:
    """One saved word or phrase."""

    id: int
    text: str
    lemma: str
    status: str
    note: str = ""
    gloss: str = ""
    sentence: str = ""
    sentence_translation: str = ""
    lesson_id: int | None = None
    block_pos: int | None = None
    created_at: str = ""
    updated_at: str = ""

    def to_json(self) -> dict[str, Any]:
        """The word as the command line prints it."""
        return asdict(self)


@dataclass
class Marks:
    """Saved words found in a text: one compiled pattern over every form, and the status of each form."""

    pattern: re.Pattern[str] | None
    status_of: dict[str, str]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, status) of each saved word in `text`."""
        if self.pattern is None:
            return []
        get = self.status_of.get
        return [
            (s, e, get(g) or get(" ".join(g.replace("’", "'").lower().split()), "new"))
            for s, e, g in find_lowered(self.pattern, text)
        ]


def sentence_at(text: str, start: int, end: int | None = None) -> str:
    """The sentence of `text` holding the span start…end."""
    end = start if end is None else end
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    first = max(b for b in bounds if b <= start)
    last = min((b for b in bounds if b >= end and b > first), default=len(text))
    return text[first:last].strip()


class Words:
    """Saved words of one profile."""

    COLUMNS = (
        "id, text, lemma, status, note, gloss, sentence, sentence_translation, lesson_id, block_pos,"
        " created_at, updated_at"
    )

    def __init__(self, db: Database, profile: int | CurrentProfile = 1) -> None:
        self._db = db
        # The active learner, shared with the library's other per-learner areas.
        self._profile = profile if isinstance(profile, CurrentProfile) else CurrentProfile(profile)
        self._marks: Marks | None = None
        self._marks_key: tuple[Any, ...] | None = None

    @property
    def profile_id(self) -> int:
        """The learner whose words these are."""
        return self._profile.id

    @profile_id.setter
    def profile_id(self, value: int) -> None:
        self._profile.id = value

    def _word(self, row: tuple[Any, ...]) -> Word:
        return Word(*row)

    def get(self, text: str) -> Word | None:
        """The saved word for `text` (any form of it), if there is one."""
        row = self._db.execute(
            f"SELECT {self.COLUMNS} FROM words WHERE profile_id = ? AND lemma = ?", [self.profile_id, lemma_of(text)]
        ).fetchone()
        return self._word(row) if row else None

    def by_id(self, word_id: int) -> Word | None:
        """A saved word by its id."""
        row = self._db.execute(
            f"SELECT {self.COLUMNS} FROM words WHERE profile_id = ? AND id = ?", [self.profile_id, word_id]
        ).fetchone()
        return self._word(row) if row else None

    def list(self, status: str | None = None) -> builtins.list[Word]:
        """Saved words, most recently saved first (of one status if given)."""
        sql = f"SELECT {self.COLUMNS} FROM words WHERE profile_id = ?"
        args: builtins.list[Any] = [self.profile_id]
        if status:
            sql += " AND status = ?"
            args.append(status)
        return [self._word(r) for r in self._db.execute(sql + " ORDER BY created_at DESC, id DESC", args)]

    def counts(self) -> dict[str, int]:
        """How many words have each status."""
        found = dict(
            self._db.execute(
                "SELECT status, count(*) FROM words WHERE profile_id = ? GROUP BY status", [self.profile_id]
            ).fetchall()
        )
        return {s: int(found.get(s, 0)) for s in STATUSES}

    def save(
        self,
        text: str,
        status: str = "new",
        *,
        note: str | None = None,
        gloss: str | None = None,
        sentence: str | None = None,
        sentence_translation: str | None = None,
        lesson_id: int | None = None,
        block_pos: int | None = None,
    ) -> Word:
        """Save a word or phrase (or update the saved one: given fields replace, others are kept)."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        text = " ".join(text.split())
        if not text:
            raise ValueError("nothing to save")
        lemma = lemma_of(text)
        old = self.get(text)
        with self._db.atomic():
            if old is None:
                cur = self._db.execute(
                    "INSERT INTO words (profile_id, text, lemma, forms, status, note, gloss, sentence,"
                    " sentence_translation, lesson_id, block_pos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        self.profile_id,
                        text,
                        lemma,
                        "|".join(sorted(forms_of(lemma) | {" ".join(text.lower().split())})),
                        status,
                        note or "",
                        gloss or "",
                        sentence or "",
                        sentence_translation or "",
                        lesson_id,
                        block_pos,
                    ],
                )
                word_id = int(cur.lastrowid or 0)
            else:
                word_id = old.id
                self._db.execute(
                    "UPDATE words SET status = ?, note = coalesce(?, note), gloss = coalesce(?, gloss),"
                    " sentence = coalesce(?, sentence), sentence_translation = coalesce(?, sentence_translation),"
                    " lesson_id = coalesce(?, lesson_id), block_pos = coalesce(?, block_pos),"
                    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                    [status, note, gloss, sentence, sentence_translation, lesson_id, block_pos, word_id],
                )
            if old is None or old.status != status:
                status_changed(self._db, self.profile_id, lemma, old.status if old else None, status)
                self._db.execute(
                    "INSERT INTO word_events (profile_id, word_id, status) VALUES (?, ?, ?)",
                    [self.profile_id, word_id, status],
                )
        self._marks = None
        word = self.by_id(word_id)
        assert word is not None
        return word

    def set_status(self, text: str, status: str) -> Word:
        """Change a saved word's status (saving it if it was not)."""
        return self.save(text, status)

    def remove(self, text: str) -> bool:
        """Forget a saved word; True if there was one."""
        word = self.get(text)
        if word is None:
            return False
        with self._db.atomic():
            self._db.execute("DELETE FROM words WHERE id = ?", [word.id])
            status_changed(self._db, self.profile_id, word.lemma, word.status, None)
        self._marks = None
        return True

    def version(self) -> tuple[int, str]:
        """Changes whenever a word is saved, changed or removed (by any window on this library)."""
        row = self._db.execute(
            "SELECT count(*), coalesce(max(updated_at), '') || coalesce(max(id), 0) FROM words WHERE profile_id = ?",
            [self.profile_id],
        ).fetchone()
        return int(row[0]), str(row[1])

    def marks(self, statuses: tuple[str, ...] = ("new", "learning", "known")) -> Marks:
        """The pattern finding every saved word (each of its forms) with the given statuses."""
        key = (self.profile_id, *self.version(), ",".join(statuses))
        if self._marks is not None and self._marks_key == key:
            return self._marks
        status_of: dict[str, str] = {}
        marks = ",".join("?" * len(statuses))
        for lemma, forms, status in self._db.execute(
            f"SELECT lemma, forms, status FROM words WHERE profile_id = ? AND status IN ({marks})",
            [self.profile_id, *statuses],
        ):
            for form in forms.split("|") if forms else forms_of(lemma):
                status_of.setdefault(form, status)
        self._marks = Marks(compile_lowered(status_of), status_of)
        self._marks_key = key
        return self._marks
