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
