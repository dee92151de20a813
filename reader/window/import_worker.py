"""Importing files off the GUI thread, each worker with its own connection to the library."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from library import ImportRefused, Library

log = logging.getLogger(__name__)


@dataclass
class ImportOutcome:
    """What happened to one file."""

    path: str
    lesson_id: int | None
    created: bool
    message: str
    lessons: int = 1  # a book's chapters or a page's posts: one lesson each

    @property
    def ok(self) -> bool:
        """Whether the file is in the library now."""
        return self.lesson_id is not None


def import_paths(library: Library, paths: list[str]) -> list[ImportOutcome]:
    """Import files one by one with an open library; failures are reported, not raised."""
    return [import_one(library, p) for p in paths]


def import_one(library: Library, path: str) -> ImportOutcome:
    """Import one file; a refused or unreadable file gets a one-line message."""
    try:
        result = library.lessons.import_file(path)
        return ImportOutcome(path, result.lesson_id, result.created, "", len(result.chapters) or 1)
    except ImportRefused as exc:
        return ImportOutcome(path, None, False, str(exc).splitlines()[0] if str(exc) else "refused")
    except OSError as exc:
        return ImportOutcome(path, None, False, exc.strerror or str(exc))
    except Exception as exc:  # a bug in the importer must not take the window down
        log.exception("import of %s failed", path)
        return ImportOutcome(path, None, False, f"{type(exc).__name__}: {exc}".splitlines()[0])


class ImportWorker(QObject):
    """Runs in a QThread: imports each path and reports progress."""

    progress = Signal(int, int, str)
    done = Signal(list)

    def __init__(self, library_path: Path, paths: list[str]) -> None:
        super().__init__()
        self._library_path = library_path
        self._paths = paths
        self.cancelled = False

    # From this many files on, pages are parsed in worker processes (library.bulk).
    BULK_FROM = 24

    def run(self) -> None:
        """Import every path (stopping early when cancelled) and emit `done` with the outcomes."""
        outcomes: list[ImportOutcome] = []
        try:
            # The window has checked the file already; this second connection need not.
            with Library(self._library_path, check="never") as library:
                if len(self._paths) >= self.BULK_FROM:
                    outcomes = self._bulk(library)
                else:
                    for i, path in enumerate(self._paths):
                        if self.cancelled:
                            break
                        self.progress.emit(i, len(self._paths), Path(path).name)
                        outcomes.append(import_one(library, path))
                # New lessons are readable at once; making them searchable follows, still here.
                library.search.index_pending()
                library.study.levels.level_pending()  # the difficulty column's numbers, off the GUI thread
        except Exception as exc:
            log.exception("importing stopped")
            # Every file not yet done gets its own line, naming it, with the reason.
            done = {o.path for o in outcomes}
            reason = " ".join(f"not imported: {exc}".split())[:300]
            outcomes += [ImportOutcome(p, None, False, reason) for p in self._paths if p not in done]
        self.progress.emit(len(self._paths), len(self._paths), "")
        self.done.emit(outcomes)

    def _bulk(self, library: Library) -> list[ImportOutcome]:
        """Many files: parsed in worker processes, stored here in batches, with progress and cancel."""
        from library.bulk import import_many  # the importer and its worker pool load only for a large import

        cancel = threading.Event()

        def progress(done: int, total: int, name: str) -> None:
            if self.cancelled:
                cancel.set()
            self.progress.emit(done, total, Path(name).name)

        result = import_many(
            library.lessons,
            paths=self._paths,
            progress=progress,
            cancel=cancel,
            start_method="forkserver",
            after_batch=library.search.index_pending,  # searchable batch by batch, while workers parse
        )
        outcomes = [ImportOutcome(name, lesson_id, True, "") for name, lesson_id in result.imported]
        outcomes += [ImportOutcome(name, lesson_id, False, "") for name, lesson_id in result.skipped]
        outcomes += [ImportOutcome(name, None, False, reason.splitlines()[0]) for name, reason in result.refused]
        return outcomes
