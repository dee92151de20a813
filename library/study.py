"""The studying area of an open library: my words, review, progress, the dictionary, export."""

from __future__ import annotations

from pathlib import Path

from library.database import Database
from library.dictionary import Dictionary
from library.profiles import CurrentProfile
from library.progress import Progress
from library.review import Review
from library.words import Words


class Study:
    """`words`, `review`, `progress` and `dictionary` of one profile of an open library."""

    def __init__(self, db: Database, dictionary_path: Path, profile: int | CurrentProfile = 1) -> None:
        self.words = Words(db, profile)
        self.review = Review(db, self.words)
        self.progress = Progress(db, self.words)
        self.dictionary = Dictionary(dictionary_path)
