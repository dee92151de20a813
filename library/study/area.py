"""The studying area of an open library: my words, review, progress, the dictionary, export."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from library.profiles import CurrentProfile
from library.store.database import Database
from library.study.words import Words

if TYPE_CHECKING:
    from library.study.dictionary import Dictionary
    from library.study.difficulty import Levels
    from library.study.progress import Progress
    from library.study.read_next import ReadNext
    from library.study.review import Review
    from library.study.seeding import Seeding


class Study:
    """`words`, `review`, `progress`, `dictionary`, `levels`, `seeding`, `read_next` of one learner's library."""

    def __init__(self, db: Database, dictionary_path: Path, profile: int | CurrentProfile = 1) -> None:
        self._db = db
        self._dictionary_path = dictionary_path
        self._profile = profile if isinstance(profile, CurrentProfile) else CurrentProfile(profile)
        self.words = Words(db, self._profile)

    # Made when first used (review loads the FSRS scheduler; the dictionary opens its own file).
    @cached_property
    def review(self) -> Review:
        from library.study.review import Review

        return Review(self._db, self.words)

    @cached_property
    def progress(self) -> Progress:
        from library.study.progress import Progress

        return Progress(self._db, self.words)

    @cached_property
    def dictionary(self) -> Dictionary:
        from library.study.dictionary import Dictionary

        return Dictionary(self._dictionary_path)

    @cached_property
    def levels(self) -> Levels:
        from library.study.difficulty import Levels

        return Levels(self._db, self._profile)

    @cached_property
    def seeding(self) -> Seeding:
        from library.study.seeding import Seeding

        return Seeding(self._db, self.words)

    @cached_property
    def read_next(self) -> ReadNext:
        from library.study.read_next import ReadNext

        return ReadNext(self._db, self._profile)
