"""Books: an EPUB stored as one lesson per chapter, grouped under its book, in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from library.importer.epub import read_book
from library.model import Lesson
from library.store.database import Database


@dataclass
class BookInfo:
    """A book in the library and its chapters' lesson ids in reading order."""

    id: int
    title: str
    lesson_ids: list[int]


def find_book(db: Database, digest: str) -> BookInfo | None:
    """The book already imported from these bytes, if any."""
    row = db.execute("SELECT id FROM books WHERE source_hash = ?", [digest]).fetchone()
    return get_book(db, int(row[0])) if row else None


def get_book(db: Database, book_id: int) -> BookInfo | None:
    """A book and its chapters."""
    row = db.execute("SELECT title FROM books WHERE id = ?", [book_id]).fetchone()
    if row is None:
        return None
    ids = [
        int(r[0])
        for r in db.execute("SELECT lesson_id FROM book_chapters WHERE book_id = ? ORDER BY chapter", [book_id])
    ]
    return BookInfo(book_id, str(row[0]), ids)


def book_of(db: Database, lesson_id: int) -> tuple[int, str, int] | None:
    """(book id, book title, chapter number) of a chapter's lesson; None for a lesson that is not one."""
    row = db.execute(
        "SELECT b.id, b.title, c.chapter FROM book_chapters c JOIN books b ON b.id = c.book_id WHERE c.lesson_id = ?",
        [lesson_id],
    ).fetchone()
    return (int(row[0]), str(row[1]), int(row[2])) if row else None


def store_book(
    db: Database, store: Callable[[Lesson, bytes], int], data: bytes, name: str
) -> tuple[BookInfo, list[Lesson], bool]:
    """Parse and store a book: (the book, its chapters' lessons, whether it is new).

    `store(lesson, chapter_bytes)` writes one lesson inside the caller's transaction; the
    whole book is committed at once or not at all.
    """
    digest = hashlib.sha256(data).hexdigest()
    found = find_book(db, digest)
    if found is not None and found.lesson_ids:
        return found, [], False
    book = read_book(data, name)
    with db.atomic():
        found = find_book(db, digest)  # another process may have stored it meanwhile
        if found is not None and found.lesson_ids:
            return found, [], False
        if found is not None:  # every chapter was deleted: import the book afresh
            db.execute("DELETE FROM books WHERE id = ?", [found.id])
        cur = db.execute(
            "INSERT INTO books (title, source_name, source_hash, data) VALUES (?, ?, ?, ?)",
            [book.title, name, digest, data],
        )
        book_id = int(cur.lastrowid or 0)
        lessons: list[Lesson] = []
        for number, chapter in enumerate(book.chapters, start=1):
            lesson = chapter.lesson
            lesson.source_hash = f"{digest}#{number}"
            lesson.id = store(lesson, chapter.data)
            db.execute(
                "INSERT INTO book_chapters (lesson_id, book_id, chapter) VALUES (?, ?, ?)",
                [lesson.id, book_id, number],
            )
            lessons.append(lesson)
    return BookInfo(book_id, book.title, [int(lesson.id or 0) for lesson in lessons]), lessons, True
