"""Importing many files at once: parsing in worker processes, storing in this one."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from threading import Event

from library.errors import ImportRefused
from library.importer import parse_pages
from library.importer.formats import is_book
from library.lessons import Lessons, read_page
from library.model import Lesson


@dataclass
class BulkResult:
    """What a bulk import did, file by file."""

    imported: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[tuple[str, int]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False


Progress = Callable[[int, int, str], None]
# Said by _parse, in place of an error, for a book (EPUB) or a page of several posts: one
# file, many lessons, stored in one transaction by Lessons.import_bytes.
BOOK = "\0book"


def _parse(item: tuple[str, bytes]) -> tuple[str, bytes, Lesson | None, str]:
    """Worker: parse one page; never raises for a bad page."""
    name, data = item
    if is_book(data, name):
        return name, data, None, BOOK  # a book is parsed and stored chapter by chapter in handle()
    try:
        pages = parse_pages(data, Path(name).name)
        if len(pages) > 1:
            return name, data, None, BOOK  # stored post by post in handle(), as a book is
        return name, data, pages[0][0], ""
    except ImportRefused as exc:
        return name, data, None, str(exc)
    except Exception as exc:  # a defect in an importer: this file is refused, the others go on
        return name, data, None, defect_line(exc)


def defect_line(exc: BaseException) -> str:
    """One line for an importer's unexpected error, saying what it was."""
    return " ".join(f"could not be imported ({type(exc).__name__}: {exc})".split())[:300]


# Marks, in place of a file's bytes, why it was not read (no text file starts with these bytes).
_UNREAD = b"\0\0\xffunread\0"


def _read(paths: Iterable[str | Path]) -> Iterable[tuple[str, bytes]]:
    for p in paths:
        try:
            yield str(p), read_page(Path(p))
        except ImportRefused as exc:  # too large: refused by its size, never read
            yield str(p), _UNREAD + str(exc).encode()
        except OSError as exc:
            yield str(p), _UNREAD + f"cannot read the file ({exc.strerror or exc})".encode()


def import_many(
    lessons: Lessons,
    items: Iterable[tuple[str, bytes]] | None = None,
    paths: Iterable[str | Path] | None = None,
    workers: int | None = None,
    batch: int = 50,
    progress: Progress | None = None,
    cancel: Event | None = None,
    start_method: str | None = None,
    after_batch: Callable[[], object] | None = None,
) -> BulkResult:
    """Import pages (name, bytes) or files; each lesson is stored whole or not at all.

    Lessons are committed in batches; cancelling stops after the current batch, and what was
    committed stays. `progress(done, total, name)` is called after each file, and
    `after_batch()` after each batch commits (the window indexes the batch for search there,
    while the workers parse the next pages).
    """
    source = list(items or []) + list(_read(paths or []))
    total = len(source)
    result = BulkResult()
    workers = workers if workers is not None else min(4, os.cpu_count() or 1)
    pending: list[tuple[str, bytes, Lesson]] = []
    done = 0

    def flush() -> None:
        if pending:
            stored = lessons.store_many([(lesson, data) for _, data, lesson in pending])
            for (name, _data, _lesson), (_, lesson_id) in zip(pending, stored, strict=True):
                if lesson_id > 0:
                    result.imported.append((name, lesson_id))
                else:
                    result.skipped.append((name, -lesson_id))
            pending.clear()
            if after_batch is not None:
                after_batch()

    def _import_book(name: str, data: bytes) -> None:
        flush()  # keep the library's order: what came before the book is stored before it
        try:
            first = lessons.import_bytes(data, Path(name).name)
        except ImportRefused as exc:
            result.refused.append((name, str(exc)))
            return
        except (sqlite3.DatabaseError, MemoryError):
            raise  # the library (or the machine) is the problem, not this file
        except Exception as exc:
            result.refused.append((name, defect_line(exc)))
            return
        for chapter in first.chapters or [first]:
            (result.imported if chapter.created else result.skipped).append((name, chapter.lesson_id))

    def handle(name: str, data: bytes, lesson: Lesson | None, error: str) -> None:
        nonlocal done
        done += 1
        if data.startswith(_UNREAD):  # a file _read could not (or would not) read
            result.refused.append((name, data[len(_UNREAD) :].decode()))
        elif lesson is None and error == BOOK:
            _import_book(name, data)
        elif lesson is None:
            result.refused.append((name, error))
        else:
            lesson.source_hash = hashlib.sha256(data).hexdigest()
            pending.append((name, data, lesson))
        if len(pending) >= batch:
            flush()
        if progress is not None:
            progress(done, total, name)

    if workers <= 1 or total < 8:
        for item in source:
            if cancel is not None and cancel.is_set():
                result.cancelled = True
                break
            handle(*_parse(item))
    else:
        # A caller with threads of its own (the window) asks for "forkserver": forking a
        # threaded process can copy a held lock into the child.
        ctx = multiprocessing.get_context(start_method) if start_method else None
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            for parsed in pool.map(_parse, source, chunksize=16):
                if cancel is not None and cancel.is_set():
                    result.cancelled = True
                    pool.shutdown(wait=False, cancel_futures=True)
                    break
                handle(*parsed)
    flush()
    return result
