"""The lessons area of an open library: store, read, list, rename, delete."""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from library.errors import ImportRefused
from library.exercises import read_exercises, store_exercises
from library.limits import MAX_BYTES
from library.model import BOOK_TITLE_SEPARATOR, Anchor, Block, GlossaryEntry, ImportWarning, Lesson, Note, Unplaced
from library.profiles import CurrentProfile
from library.search import forget_lesson
from library.store.database import Database
from library.store.sessions import open_here_with_journal

if TYPE_CHECKING:
    from library.importer import ImportReport


@dataclass
class LessonSummary:
    """One row of the library list."""

    id: int
    title: str
    imported_at: str
    word_count: int
    progress: float
    finished: bool
    translation_language: str | None
    paragraphs: int
    # A book's chapter (EPUB): the book, its title and the chapter's number (from 1); None otherwise.
    book_id: int | None = None
    book_title: str | None = None
    chapter: int | None = None

    @property
    def display_title(self) -> str:
        """The title as the library lists it: "Book › Chapter" for a book's chapter."""
        return f"{self.book_title}{BOOK_TITLE_SEPARATOR}{self.title}" if self.book_title else self.title


@dataclass
class ImportResult:
    """What importing one file did."""

    lesson_id: int
    title: str
    created: bool
    report: ImportReport
    # A book (EPUB) imports as one lesson per chapter: this result is its first chapter,
    # and `chapters` holds every chapter's result, the first included.
    chapters: builtins.list[ImportResult] = field(default_factory=builtins.list)

    def line(self) -> str:
        """The one-line summary the command line prints."""
        status = "imported" if self.created else "already in library"
        return f"{self.lesson_id}\t{self.title}\t{status}\t{self.report.line()}"


def read_page(path: Path) -> bytes:
    """A page's bytes; a file over the importer's limit is refused by its size, before it is read."""
    if open_here_with_journal(path):
        # An open library (or its journal) given as a page: reading it here would drop this process's
        # SQLite locks on it, and another process could then delete the -wal this one writes into.
        raise ImportRefused("file is binary, not text (it is the library itself)")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImportRefused(
            f"file is too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)"
        )
    with path.open("rb") as f:
        # read(n) allocates n bytes up front: ask for the size stat() gave (and one byte more,
        # to notice a file that grew past the limit since).
        data = f.read(size + 1)
        if len(data) > size:
            data += f.read(MAX_BYTES + 1 - len(data))
    if len(data) > MAX_BYTES:
        raise ImportRefused(f"file is too large (over {MAX_BYTES // (1024 * 1024)} MB, the limit)")
    return data


# What `get` lays over an imported lesson before returning it: the user's edits (the library
# gives `library.editing.apply_edits`); given, not imported, so the reading side and the editing
# side do not import each other.
Overlay = Callable[[sqlite3.Connection, Lesson], Lesson]


def _as_imported(conn: sqlite3.Connection, lesson: Lesson) -> Lesson:
    """No overlay: the lesson as its import made it."""
    return lesson


def write_imported(conn: sqlite3.Connection, lesson_id: int, lesson: Lesson) -> None:
    """Write what an import produced for a lesson into the imported tables (the caller holds the
    transaction, and has cleared them when the lesson is assembled again)."""
    conn.executemany(
        "INSERT INTO captions (lesson_id, pos, text) VALUES (?, ?, ?)",
        [(lesson_id, i, c) for i, c in enumerate(lesson.captions)],
    )
    # The ids SQLite would give them one by one (the next after the largest), given in one go: a book's
    # thousands of blocks and translations are two statements, not one or two each.
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM blocks").fetchone()[0]
    conn.executemany(
        "INSERT INTO blocks (id, lesson_id, pos, kind, text) VALUES (?, ?, ?, ?, ?)",
        [(first + pos, lesson_id, pos, block.kind, block.text) for pos, block in enumerate(lesson.blocks)],
    )
    conn.executemany(
        "INSERT INTO translations (block_id, lang, text) VALUES (?, ?, ?)",
        [
            (first + pos, lang, text)
            for pos, block in enumerate(lesson.blocks)
            for lang, text in block.translations.items()
        ],
    )
    conn.executemany(
        "INSERT INTO notes (lesson_id, pos, marker, label, text, source_url, source_text, anchor_block,"
        " anchor_start, anchor_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                lesson_id,
                i,
                n.marker,
                n.label,
                n.text,
                n.source_url,
                n.source_text,
                n.anchor.block if n.anchor else None,
                n.anchor.start if n.anchor else None,
                n.anchor.end if n.anchor else None,
            )
            for i, n in enumerate(lesson.notes)
        ],
    )
    conn.executemany(
        "INSERT INTO glossary (lesson_id, pos, term, part_of_speech, definition, translation, example)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (lesson_id, i, g.term, g.pos, g.definition, g.translation, g.example)
            for i, g in enumerate(lesson.glossary)
        ],
    )
    conn.executemany(
        "INSERT INTO unplaced (lesson_id, pos, text, lang, reason) VALUES (?, ?, ?, ?, ?)",
        [(lesson_id, i, u.text, u.lang, u.reason) for i, u in enumerate(lesson.unplaced)],
    )
    conn.executemany(
        "INSERT INTO dropped (lesson_id, pos, text) VALUES (?, ?, ?)",
        [(lesson_id, i, t) for i, t in enumerate(lesson.dropped)],
    )
    conn.executemany(
        "INSERT INTO import_warnings (lesson_id, pos, kind, text, confidence) VALUES (?, ?, ?, ?, ?)",
        [(lesson_id, i, w.kind, w.text, w.confidence) for i, w in enumerate(lesson.warnings)],
    )
    store_exercises(conn, lesson_id, lesson.exercises)


class Lessons:
    """Lessons in one library."""

    def __init__(self, db: Database, profile: int | CurrentProfile = 1, overlay: Overlay = _as_imported) -> None:
        self._db = db
        self._overlay = overlay
        # The active learner: reading state (position, progress, last opened) is theirs.
        self._profile = profile if isinstance(profile, CurrentProfile) else CurrentProfile(profile)

    @property
    def profile_id(self) -> int:
        """The learner whose reading state this area reads and writes."""
        return self._profile.id

    # --- import -------------------------------------------------------------------
    def import_file(self, path: str | Path) -> ImportResult:
        """Import one file; raises ImportRefused with a one-line reason."""
        p = Path(path)
        return self.import_bytes(read_page(p), p.name)

    def import_bytes(self, data: bytes, name: str) -> ImportResult:
        """Import a page given as bytes; an unchanged page already in the library is not duplicated."""
        # The importer is loaded when something is imported, not when the window starts.
        import hashlib

        from library.importer import parse_pages, report_for, sniff_format
        from library.importer.formats import is_book
        from library.posts import store_posts

        if is_book(data, name):
            return self._import_book(data, name)
        kind = sniff_format(data, name)
        digest = hashlib.sha256(data).hexdigest()
        row = self._db.execute("SELECT id, title FROM lessons WHERE source_hash = ?", [digest]).fetchone()
        if row is not None:
            lesson = self.get(row[0])
            return ImportResult(row[0], lesson.title, False, report_for(lesson))
        pages = parse_pages(data, name, kind)
        if len(pages) > 1:  # a page of several posts: one lesson each, the first's result holding all
            stored = store_posts(self._db, self._store, lambda i: self.get(i).title, pages)
            results = [ImportResult(i, title, created, report_for(ls)) for i, title, created, ls in stored]
            results[0].chapters = results
            return results[0]
        lesson = pages[0][0]
        lesson.source_hash = digest
        with self._db.atomic():
            # Another process may have imported the same page since the check above.
            row = self._db.execute("SELECT id FROM lessons WHERE source_hash = ?", [digest]).fetchone()
            if row is not None:
                lesson_id = int(row[0])
                return ImportResult(lesson_id, self.get(lesson_id).title, False, report_for(lesson))
            lesson_id = self._store(lesson, data)
        lesson.id = lesson_id
        return ImportResult(lesson_id, lesson.title, True, report_for(lesson))

    def _import_book(self, data: bytes, name: str) -> ImportResult:
        """A book: one lesson per chapter, all stored in one transaction (library/books.py)."""
        from library.books import store_book

        book, parsed, created = store_book(self._db, self._store, data, name)
        lessons = parsed or [self.get(i) for i in book.lesson_ids]
        from library.importer import report_for

        results = [ImportResult(int(ls.id or 0), ls.title, created, report_for(ls)) for ls in lessons]
        first = results[0]
        first.chapters = results
        return first

    def store_many(self, items: builtins.list[tuple[Lesson, bytes]]) -> builtins.list[tuple[str, int]]:
        """Store parsed lessons in one transaction; (name, id) each, the id negative where the
        same page was already in the library."""
        out: builtins.list[tuple[str, int]] = []
        with self._db.atomic():
            for lesson, data in items:
                row = self._db.execute("SELECT id FROM lessons WHERE source_hash = ?", [lesson.source_hash]).fetchone()
                if row is not None:
                    out.append((lesson.source_name, -int(row[0])))
                else:
                    out.append((lesson.source_name, self._store(lesson, data)))
        return out

    def _store(self, lesson: Lesson, data: bytes) -> int:
        """Write a parsed lesson; the caller holds the transaction."""
        db = self._db
        cur = db.execute(
            "INSERT INTO lessons (title, source_name, source_hash, encoding, language, translation_language,"
            " word_count, glossary_heading, title_translation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                lesson.title,
                lesson.source_name,
                lesson.source_hash,
                lesson.encoding,
                lesson.language,
                lesson.translation_language,
                lesson.word_count(),
                lesson.glossary_heading,
                lesson.title_translation,
            ],
        )
        lesson_id = int(cur.lastrowid or 0)
        db.execute("INSERT INTO sources (lesson_id, data) VALUES (?, ?)", [lesson_id, data])
        write_imported(db.conn, lesson_id, lesson)
        conn = db.conn
        conn.execute("INSERT INTO reading_state (profile_id, lesson_id) VALUES (?, ?)", (self.profile_id, lesson_id))
        return lesson_id

    # --- read ---------------------------------------------------------------------
    def get(self, lesson_id: int) -> Lesson:
        """The whole lesson; KeyError if there is none with that id."""
        conn = self._db.conn
        row = conn.execute(
            "SELECT title, user_title, source_name, source_hash, encoding, language, translation_language,"
            " imported_at, glossary_heading, title_translation FROM lessons WHERE id = ?",
            (lesson_id,),
        ).fetchone()
        if row is None:
            raise KeyError(lesson_id)
        lesson = Lesson(
            title=row[1] or row[0],
            source_name=row[2],
            source_hash=row[3],
            encoding=row[4],
            language=row[5],
            translation_language=row[6],
            imported_at=row[7],
            glossary_heading=row[8],
            title_translation=row[9],
            id=lesson_id,
        )
        lesson.captions = [
            r[0] for r in conn.execute("SELECT text FROM captions WHERE lesson_id = ? ORDER BY pos", (lesson_id,))
        ]
        by_id: dict[int, Block] = {}
        for bid, kind, text in conn.execute(
            "SELECT id, kind, text FROM blocks WHERE lesson_id = ? ORDER BY pos", (lesson_id,)
        ):
            block = Block(kind=kind, text=text, id=bid)
            by_id[bid] = block
            lesson.blocks.append(block)
        for bid, lang, text in conn.execute(
            "SELECT t.block_id, t.lang, t.text FROM translations t JOIN blocks b ON b.id = t.block_id"
            " WHERE b.lesson_id = ?",
            (lesson_id,),
        ):
            by_id[bid].translations[lang] = text
        for pos, lang, text in conn.execute(
            "SELECT block_pos, lang, text FROM user_translations WHERE lesson_id = ?", (lesson_id,)
        ):
            if 0 <= pos < len(lesson.blocks):
                lesson.blocks[pos].user_translations[lang] = text
        for marker, label, text, url, source_text, ab, ast, ae in conn.execute(
            "SELECT marker, label, text, source_url, source_text, anchor_block, anchor_start, anchor_end"
            " FROM notes WHERE lesson_id = ? ORDER BY pos",
            (lesson_id,),
        ):
            anchor = Anchor(ab, ast, ae) if ab is not None else None
            lesson.notes.append(Note(marker, text, url, source_text, anchor, label))
        for term, pos_tag, definition, translation, example in conn.execute(
            "SELECT term, part_of_speech, definition, translation, example FROM glossary"
            " WHERE lesson_id = ? ORDER BY pos",
            (lesson_id,),
        ):
            lesson.glossary.append(GlossaryEntry(term, pos_tag, definition, translation, example))
        for text, lang, reason in conn.execute(
            "SELECT text, lang, reason FROM unplaced WHERE lesson_id = ? ORDER BY pos", (lesson_id,)
        ):
            lesson.unplaced.append(Unplaced(text, lang, reason))
        lesson.dropped = [
            r[0] for r in conn.execute("SELECT text FROM dropped WHERE lesson_id = ? ORDER BY pos", (lesson_id,))
        ]
        lesson.warnings = [
            ImportWarning(kind, text, confidence)
            for kind, text, confidence in conn.execute(
                "SELECT kind, text, confidence FROM import_warnings WHERE lesson_id = ? ORDER BY pos", (lesson_id,)
            )
        ]
        lesson.exercises = read_exercises(conn, lesson_id)
        return self._overlay(conn, lesson)  # the user's edits (library/editing.py) over the import

    def source(self, lesson_id: int) -> bytes:
        """The original bytes the lesson was imported from."""
        row = self._db.execute("SELECT data FROM sources WHERE lesson_id = ?", [lesson_id]).fetchone()
        if row is None:
            raise KeyError(lesson_id)
        return bytes(row[0])

    def count(self) -> int:
        """How many lessons the library holds."""
        return int(self._db.execute("SELECT count(*) FROM lessons").fetchone()[0])

    def list(self, offset: int = 0, limit: int = -1) -> list[LessonSummary]:
        """Lessons, newest first, a page at a time."""
        rows = self._db.execute(
            "SELECT l.id, coalesce(l.user_title, l.title), l.imported_at, l.word_count,"
            " coalesce(r.progress, 0), coalesce(r.finished, 0), l.translation_language,"
            " (SELECT count(*) FROM blocks b WHERE b.lesson_id = l.id AND b.kind = 'paragraph'),"
            " bc.book_id, bk.title, bc.chapter"
            " FROM lessons l LEFT JOIN reading_state r ON r.lesson_id = l.id AND r.profile_id = ?"
            " LEFT JOIN book_chapters bc ON bc.lesson_id = l.id LEFT JOIN books bk ON bk.id = bc.book_id"
            # The page starts at the offset-th id, found on the ids alone: an OFFSET on the whole
            # query would walk its joins for every row it skips (a page deep in a 10,000-lesson
            # library took ~4 ms; this takes a fraction of one).
            " WHERE l.id <= coalesce((SELECT id FROM lessons ORDER BY id DESC LIMIT 1 OFFSET ?), -1)"
            " ORDER BY l.id DESC LIMIT ?",
            [self.profile_id, max(0, offset), limit],
        ).fetchall()
        return [
            LessonSummary(r[0], r[1], r[2], r[3], float(r[4]), bool(r[5]), r[6], r[7], r[8], r[9], r[10]) for r in rows
        ]

    def index_of(self, lesson_id: int) -> int:
        """The lesson's place in `list()` (newest first), or -1 if there is no such lesson."""
        row = self._db.execute(
            "SELECT (SELECT count(*) FROM lessons WHERE id > ?1) FROM lessons WHERE id = ?1", [lesson_id]
        ).fetchone()
        return -1 if row is None else int(row[0])

    def ids(self) -> builtins.list[int]:
        """Every lesson id, newest first."""
        return [r[0] for r in self._db.execute("SELECT id FROM lessons ORDER BY id DESC")]

    # --- change -------------------------------------------------------------------
    def rename(self, lesson_id: int, title: str) -> None:
        """Give a lesson the user's own title (the imported one is kept)."""
        with self._db.atomic():
            self._db.execute(
                "UPDATE lessons SET user_title = ?, indexed = 0 WHERE id = ?", [title.strip() or None, lesson_id]
            )

    def delete(self, lesson_id: int) -> None:
        """Remove a lesson and everything of it."""
        with self._db.atomic():
            forget_lesson(self._db, lesson_id)
            self._db.execute("DELETE FROM lessons WHERE id = ?", [lesson_id])

    def position(self, lesson_id: int) -> int:
        """The block the reader was last at."""
        row = self._db.execute(
            "SELECT position FROM reading_state WHERE profile_id = ? AND lesson_id = ?", [self.profile_id, lesson_id]
        ).fetchone()
        return int(row[0]) if row else 0

    def set_position(self, lesson_id: int, block_pos: int, progress: float | None = None) -> None:
        """Remember where the reader is in a lesson (and how far they have read)."""
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO reading_state (profile_id, lesson_id, position, progress, finished, opened_at)"
                " VALUES (?, ?, ?, coalesce(?, 0), coalesce(?, 0) >= 0.999, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
                " ON CONFLICT (profile_id, lesson_id) DO UPDATE SET position = excluded.position,"
                " progress = max(progress, coalesce(?, progress)), opened_at = excluded.opened_at,"
                " finished = finished OR coalesce(?, 0) >= 0.999",
                [self.profile_id, lesson_id, block_pos, progress, progress, progress, progress],
            )

    def last_opened(self) -> int | None:
        """The lesson read most recently, if any."""
        row = self._db.execute(
            "SELECT lesson_id FROM reading_state WHERE profile_id = ? AND opened_at IS NOT NULL"
            " ORDER BY opened_at DESC, rowid DESC LIMIT 1",
            [self.profile_id],
        ).fetchone()
        return int(row[0]) if row else None
