"""A page of several posts in the library: one lesson per post, all stored in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from library.model import Lesson
from library.store.database import Database


def store_posts(
    db: Database, store: Callable[[Lesson, bytes], int], titled: Callable[[int], str], pages: list[tuple[Lesson, bytes]]
) -> list[tuple[int, str, bool, Lesson]]:
    """Store each post's lesson (with its own text as its source) unless that post is in the
    library already: (lesson id, title, whether it was added, the parsed lesson) for each."""
    out: list[tuple[int, str, bool, Lesson]] = []
    with db.atomic():
        for lesson, data in pages:
            lesson.source_hash = hashlib.sha256(data).hexdigest()
            row = db.execute("SELECT id FROM lessons WHERE source_hash = ?", [lesson.source_hash]).fetchone()
            if row is not None:
                out.append((int(row[0]), titled(int(row[0])), False, lesson))
                continue
            lesson.id = store(lesson, data)
            out.append((lesson.id, lesson.title, True, lesson))
    return out
