"""Learner profiles: several learners on one computer, each with their own words, statuses,
reviews and reading state over the same lessons.

One `CurrentProfile` per open library holds which learner is active; every per-learner area
(lessons' reading state, words, review, progress) reads the id from it, so switching it switches
them all at once."""

from __future__ import annotations

import builtins
import os
from dataclasses import dataclass

from library.store.database import Database

ENV_PROFILE = "STUDY_READER_PROFILE"
MAX_NAME = 60


class ProfileError(ValueError):
    """A profile name that cannot be used (empty, taken, unknown), or the last profile removed."""


@dataclass
class Profile:
    """One learner."""

    id: int
    name: str
    created_at: str = ""


class CurrentProfile:
    """The one place that holds the active learner's id of an open library."""

    def __init__(self, profile_id: int = 1) -> None:
        self.id = profile_id


def env_profile() -> str | None:
    """The learner named by $STUDY_READER_PROFILE, if it is set."""
    name = os.environ.get(ENV_PROFILE, "").strip()
    return name or None


def clean_name(name: str) -> str:
    """A profile name with its spaces tidied; ProfileError if nothing is left or it is too long."""
    name = " ".join(str(name).split())
    if not name:
        raise ProfileError("a learner needs a name")
    if len(name) > MAX_NAME:
        raise ProfileError(f"a learner's name can be at most {MAX_NAME} characters")
    return name


class Profiles:
    """The learners of one library, and which one is active."""

    def __init__(self, db: Database, current: CurrentProfile) -> None:
        self._db = db
        self._current = current

    def list(self) -> builtins.list[Profile]:
        """Every learner, oldest first."""
        return [
            Profile(int(r[0]), r[1], r[2])
            for r in self._db.execute("SELECT id, name, created_at FROM profiles ORDER BY id")
        ]

    def get(self, name: str) -> Profile | None:
        """The learner with this name (case does not matter), if there is one."""
        row = self._db.execute(
            "SELECT id, name, created_at FROM profiles WHERE name = ? COLLATE NOCASE", [" ".join(name.split())]
        ).fetchone()
        return Profile(int(row[0]), row[1], row[2]) if row else None

    def by_id(self, profile_id: int) -> Profile | None:
        """The learner with this id, if there is one."""
        row = self._db.execute("SELECT id, name, created_at FROM profiles WHERE id = ?", [profile_id]).fetchone()
        return Profile(int(row[0]), row[1], row[2]) if row else None

    def current(self) -> Profile:
        """The active learner."""
        found = self.by_id(self._current.id)
        if found is None:  # removed by another program: fall back to the first learner
            found = self.default()
            self._current.id = found.id
        return found

    @property
    def current_id(self) -> int:
        """The active learner's id."""
        return self._current.id

    def default(self) -> Profile:
        """The learner used when none is named: the first one (made with the library)."""
        row = self._db.execute("SELECT id, name, created_at FROM profiles ORDER BY id LIMIT 1").fetchone()
        if row is None:  # every learner was removed by hand: make the default one again
            return self.create("Default")
        return Profile(int(row[0]), row[1], row[2])

    def create(self, name: str) -> Profile:
        """Add a learner; ProfileError if the name is taken."""
        name = clean_name(name)
        with self._db.atomic():
            taken = self.get(name)
            if taken is not None:  # named as it is, whatever the case typed (KEN for Ken)
                raise ProfileError(f"there is already a learner called {taken.name!r}")
            cur = self._db.execute("INSERT INTO profiles (name) VALUES (?)", [name])
        made = self.by_id(int(cur.lastrowid or 0))
        assert made is not None
        return made

    def ensure(self, name: str) -> tuple[Profile, bool]:
        """The learner with this name, made if missing; and whether it was made."""
        found = self.get(name)
        if found is not None:
            return found, False
        try:
            return self.create(name), True
        except ProfileError:
            found = self.get(name)  # another program made it just now
            if found is None:
                raise
            return found, False

    def switch(self, name_or_id: str | int, create: bool = False) -> Profile:
        """Make a learner the active one (by name or id); with `create`, a new name is added."""
        if isinstance(name_or_id, int):
            found = self.by_id(name_or_id)
        elif create:
            found = self.ensure(name_or_id)[0]
        else:
            found = self.get(name_or_id)
        if found is None:
            raise ProfileError(f"there is no learner called {name_or_id!r}")
        self._current.id = found.id
        return found

    def rename(self, old: str, new: str) -> Profile:
        """Give a learner another name."""
        found = self.get(old)
        if found is None:
            raise ProfileError(f"there is no learner called {old!r}")
        new = clean_name(new)
        with self._db.atomic():
            other = self.get(new)
            if other is not None and other.id != found.id:
                raise ProfileError(f"there is already a learner called {other.name!r}")
            self._db.execute("UPDATE profiles SET name = ? WHERE id = ?", [new, found.id])
        return Profile(found.id, new, found.created_at)

    def data_counts(self, name: str) -> dict[str, int]:
        """How much a learner has: saved words, reviews, lessons opened."""
        found = self.get(name)
        if found is None:
            raise ProfileError(f"there is no learner called {name!r}")
        return {
            table: int(self._db.execute(f"SELECT count(*) FROM {table} WHERE profile_id = ?", [found.id]).fetchone()[0])
            for table in ("words", "review_log", "reading_state")
        }

    def delete(self, name: str) -> Profile:
        """Remove a learner and all their data (words, reviews, reading state); the other learners'
        data is untouched. The last learner cannot be removed. If the active learner is removed,
        the first remaining one becomes active."""
        found = self.get(name)
        if found is None:
            raise ProfileError(f"there is no learner called {name!r}")
        with self._db.atomic():
            if int(self._db.execute("SELECT count(*) FROM profiles").fetchone()[0]) <= 1:
                raise ProfileError(f"{found.name!r} is the only learner and cannot be removed")
            # The foreign keys cascade too; these say it outright and do not depend on them.
            for table in ("review_log", "review_cards", "word_events", "words", "reading_state"):
                self._db.execute(f"DELETE FROM {table} WHERE profile_id = ?", [found.id])
            self._db.execute("DELETE FROM profiles WHERE id = ?", [found.id])
        if self._current.id == found.id:
            self._current.id = self.default().id
        return found
