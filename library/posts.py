"""A page of several posts in the library: one lesson per post, all stored in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from library.model import Lesson
from library.store.database import Database

if TYPE_CHECKING:
    from library.lessons import ImportResult


def import_posts(
    db: Database, store: Callable[[Lesson, bytes], int], get: Callable[[int], Lesson], pages: list[tuple[Lesson, bytes]]
) -> ImportResult:
    """Store each post's lesson (with its own text as its source) unless that post is in the
    library already; the result is the first post's, `chapters` holding every post's."""
    from library.importer import report_for
    from library.lessons import ImportResult

    results: list[ImportResult] = []
    with db.atomic():
        for lesson, data in pages:
            lesson.source_hash = hashlib.sha256(data).hexdigest()
            row = db.execute("SELECT id FROM lessons WHERE source_hash = ?", [lesson.source_hash]).fetchone()
            if row is not None:
                lesson_id = int(row[0])
                results.append(ImportResult(lesson_id, get(lesson_id).title, False, report_for(lesson)))
                continue
            lesson.id = store(lesson, data)
            results.append(ImportResult(lesson.id, lesson.title, True, report_for(lesson)))
    first = results[0]
    first.chapters = results
    return first
