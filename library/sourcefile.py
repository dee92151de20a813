"""A lesson's source replaced by a changed copy of its file, the lesson assembled again from it with
the decisions about its lines kept where their lines still are (`Pages.reimport`)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from library.errors import ImportRefused

if TYPE_CHECKING:
    from library.facade import Library
    from library.pagelines import Decision


def source_hash(library: Library, lesson_id: int) -> str:
    """The hash of the source a lesson was imported (or last re-imported) from; KeyError if there is no such lesson."""
    row = library.db.execute("SELECT source_hash FROM lessons WHERE id = ?", [lesson_id]).fetchone()
    if row is None:
        raise KeyError(lesson_id)
    return str(row[0])


def reimport_from(library: Library, lesson_id: int, data: bytes) -> list[Decision]:
    """Make `data` the lesson's source and import the lesson again from it, keeping the decisions whose
    lines are still on the page; returns those it could not keep. All of it or none: a page the importer
    refuses leaves the lesson as it was (ImportRefused, DecisionError)."""
    digest = hashlib.sha256(data).hexdigest()
    if digest == source_hash(library, lesson_id):
        return library.pages.reimport(lesson_id)
    row = library.db.execute("SELECT id, title FROM lessons WHERE source_hash = ? AND id != ?",
                             [digest, lesson_id]).fetchone()
    if row is not None:
        raise ImportRefused(f"this file is the source of another lesson already (“{row[1]}”, {row[0]})")
    was = library.pages.before_reimport(lesson_id)  # what the user's work is on, to follow its text
    with library.db.atomic():
        library.db.execute("UPDATE sources SET data = ? WHERE lesson_id = ?", [data, lesson_id])
        library.db.execute("UPDATE lessons SET source_hash = ? WHERE id = ?", [digest, lesson_id])
        return library.pages.reimport(lesson_id, was)


def earlier_copy(library: Library, name: str, data: bytes) -> tuple[int, str] | None:
    """(id, title) of the lesson whose source is an earlier copy of the file `name` with the bytes `data`:
    the one lesson imported from a file of that name, its source other bytes (a changed copy, to update
    with `reimport` rather than import as another lesson). None where no lesson, or several (a book's
    chapters, a page of posts), came from a file of that name, or where the bytes are a lesson's source."""
    digest = hashlib.sha256(data).hexdigest()
    if library.db.execute("SELECT 1 FROM lessons WHERE source_hash = ?", [digest]).fetchone() is not None:
        return None  # imported already, unchanged: the import says which lesson it is
    rows = library.db.execute(
        "SELECT l.id, coalesce(l.user_title, l.title) FROM lessons l WHERE l.source_name = ?"
        " AND NOT EXISTS (SELECT 1 FROM book_chapters bc WHERE bc.lesson_id = l.id) LIMIT 2",
        [name],
    ).fetchall()
    return (int(rows[0][0]), str(rows[0][1])) if len(rows) == 1 else None


class _DryRun(Exception):
    """Raised to roll back a re-import made only to see what it would do."""


def would_lose(library: Library, lesson_id: int, data: bytes) -> list[str]:
    """What of the user's own work over the lesson (translations, questions, notes' places…) a re-import
    from `data` would find no text for, a line each, as `Pages.lost` says it: the re-import is made and
    rolled back, and nothing is changed. Empty where nothing would be lost, or where the import would be
    refused (the re-import itself says why)."""
    from library.pagelines import DecisionError

    pages = library.pages
    said = pages.lost, pages.not_kept
    lost: list[str] = []
    try:
        with library.db.atomic():
            reimport_from(library, lesson_id, data)
            lost = list(pages.lost)
            raise _DryRun
    except (_DryRun, ImportRefused, DecisionError):
        pass
    finally:
        pages.lost, pages.not_kept = said
    return lost
