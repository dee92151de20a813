"""Bringing files into the library from the window: pages and books off the GUI thread (with
progress for several), lesson packs on their own, the review of what an import could not place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from library import ImportRefused, Library
from library.model import Lesson
from reader.reading import Reading
from reader.window import dialogs
from reader.window.import_worker import ImportOutcome, ImportWorker, import_paths
from reader.window.reimport import Reimport
from reader.window.reimport_check import LITTLE_IN_COMMON, share_in_common

if TYPE_CHECKING:
    from reader.window.import_review import ImportReviewDialog

# What a dropped folder is searched for: pages, saved web pages, books, Markdown, tutor lessons.
IMPORTABLE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".epub", ".md", ".tsv", ".json")


def files_in(paths: list[str]) -> list[str]:
    """The files among `paths`, with the importable files of any folder among them."""
    files = [p for p in paths if Path(p).is_file()]
    for folder in (Path(p) for p in paths if Path(p).is_dir()):
        files += sorted(str(f) for f in folder.rglob("*") if f.suffix.lower() in IMPORTABLE_SUFFIXES)
    return files


class ImportFlow(QObject):
    """Imports chosen or dropped files and packs; opens what it imported through Reading."""

    lessons_added = Signal()  # the library's lesson list changed
    status = Signal(str)  # a line for the status bar
    page_view_requested = Signal(int)  # the review's "Page view…" for this lesson

    def __init__(self, library: Library, reading: Reading, parent: QWidget,
                 tr: Callable[[str], str]) -> None:
        super().__init__(parent)
        self._library, self._reading, self._parent = library, reading, parent
        self.tr_ = tr
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self._progress: QProgressDialog | None = None
        self.review_dialog: ImportReviewDialog | None = None
        self.reimport = Reimport(library, reading, parent, tr)  # a lesson again from its changed file
        self.reimport.status.connect(self.status)

    def ask_import(self) -> None:
        """Import files chosen in a file dialog."""
        paths = dialogs.choose_files(
            self._parent,
            self.tr_("Import files"),
            self.tr_("Pages and books (*.txt *.html *.htm *.xhtml *.epub *.md *.tsv *.json);;All files (*)"),
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> None:
        """Import files off the GUI thread (with progress for several); open the last one imported."""
        paths = self.take_packs(paths)  # lesson packs are imported on their own
        if not paths or self._thread is not None:
            return
        paths = [p for p in paths if not self._updated(p)]
        if not paths:
            return
        if str(self._library.path) == ":memory:":
            self._imported(import_paths(self._library, paths))
            return
        self._thread = QThread(self)
        self._worker = ImportWorker(Path(str(self._library.path)), paths)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.done.connect(self._imported)
        if len(paths) > 1:
            self._progress = QProgressDialog(self.tr_("Importing…"), self.tr_("Cancel"), 0, len(paths), self._parent)
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            dialogs.plain_labels(self._progress)  # it names each file being imported
            self._progress.setMinimumDuration(300)
            self._worker.progress.connect(self._on_progress)
            self._progress.canceled.connect(self._cancel)
        self._thread.start()

    def _updated(self, path: str) -> bool:
        """A file that is the source of a lesson and has changed since: update that lesson (True), import it as
        a new lesson (False), or leave it (True), as the user chooses."""
        lesson_id = self.reimport.changed_source(path)
        if lesson_id is None:
            return False
        tr, lesson = self.tr_, self._library.lessons.get(lesson_id)
        name, title = Path(path).name, lesson.title
        share = self._share(lesson, path)
        if share is not None and share < LITTLE_IN_COMMON:
            # Another page saved over the file: updating would replace the whole lesson. Said plainly, and
            # Enter takes nothing (the Re-import route asks the same).
            fixes = len(self._library.pages.decisions(lesson_id))
            choice = dialogs.choose(
                self._parent, tr("The file has changed"),
                tr("{name} is the source of “{title}”, but it now has almost nothing in common with it (it holds "
                   "{share} % of the lesson's words): it may be another page. Updating the lesson from it replaces "
                   "the whole lesson, and its {n} fixes would be lost.").format(
                    name=name, title=title, share=round(share * 100), n=fixes),
                [tr("Update the lesson anyway"), tr("Import as a new lesson")], True)
        else:
            choice = dialogs.choose(
                self._parent, tr("The file has changed"),
                tr("{name} is the source of “{title}” and has changed since it was imported.").format(
                    name=name, title=title),
                # Short buttons: a lesson's title on one held the box wider than its screen, the words cut off.
                [tr("Update the lesson (your fixes are kept)"), tr("Import as a new lesson")])
        if choice == 0:
            self.reimport.update(lesson_id, path)
        return choice != 1

    @staticmethod
    def _share(lesson: Lesson, path: str) -> float | None:
        """The share of the lesson's words the file holds (None where it cannot be read: the import says why)."""
        from library.lessons import read_page

        try:
            return share_in_common(lesson, read_page(Path(path)))
        except (ImportRefused, OSError):
            return None

    def _on_progress(self, done: int, total: int, name: str) -> None:
        if self._progress is not None:
            # The label before the value: a window-modal dialog runs the event loop in setValue, where
            # the worker's "done" can arrive and close the dialog.
            self._progress.setLabelText(self.tr_("Importing {name}…").format(name=name) if name else "")
            self._progress.setValue(done)

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancelled = True

    def _imported(self, outcomes: list[ImportOutcome]) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._worker = None
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        self.lessons_added.emit()
        good = [o for o in outcomes if o.ok]
        # Which file each lesson came from (a book's or a page of posts' lessons are no file's each).
        self.reimport.sources.record_all(
            [(o.path, o.lesson_id) for o in good if o.lesson_id is not None and o.lessons == 1])
        if good and good[-1].lesson_id is not None and good[-1].lesson_id != self._reading.lesson_id:
            self._reading.open(good[-1].lesson_id)
        failed = [o for o in outcomes if not o.ok]
        if len(outcomes) == 1 and failed:
            dialogs.error(self._parent, self.tr_("Import failed"), f"{Path(failed[0].path).name}: {failed[0].message}")
        elif len(outcomes) > 1:
            lines = [self.tr_("{ok} of {n} files imported.").format(ok=len(good), n=len(outcomes))]
            lines += [f"• {Path(o.path).name}: {o.message}" for o in failed[:20]]
            dialogs.inform(self._parent, self.tr_("Import finished"), "\n".join(lines))
        if len(outcomes) == 1 and good and good[0].created and good[0].lesson_id is not None:
            if good[0].lessons > 1:  # a book or a page of several posts: say how many lessons it made
                name = Path(good[0].path).name
                self.status.emit(self.tr_("{name}: {n} lessons imported.").format(name=name, n=good[0].lessons))
            self.review_import(good[0].lesson_id)
        elif len(outcomes) == 1 and good:  # the same page again: nothing new, and the reader is told so
            name = Path(good[0].path).name
            self.status.emit(self.tr_("{name} is already in the library; opened it.").format(name=name))

    def review_import(self, lesson_id: int) -> None:
        """Show what an import found and let the user place or discard what it could not place."""
        from reader.window.import_review import ImportReviewDialog

        dialog = ImportReviewDialog(self._library, lesson_id, self.tr_, self._parent)
        dialog.changed.connect(self._reading.reload_if_open)
        dialog.page_view_requested.connect(self.page_view_requested)
        self.review_dialog = dialog
        dialog.open()  # window-modal, not blocking: the lesson stays in view behind it

    # --- lesson packs ---------------------------------------------------------------------
    def open_packs(self) -> None:
        """Choose lesson packs and import them."""
        paths = dialogs.choose_files(self._parent, self.tr_("Open lesson pack"), self.tr_("Lesson packs (*.studypack)"))
        for path in paths:
            self.import_pack(path)

    def take_packs(self, paths: list[str]) -> list[str]:
        """Import the lesson packs among `paths` (dropped or chosen); returns the other paths."""
        from library.packs import is_pack

        rest = []
        for path in paths:
            if is_pack(path):
                self.import_pack(path)
            else:
                rest.append(path)
        return rest

    def import_pack(self, path: str) -> bool:
        """Import one pack, open its first lesson; a refused pack gets a one-line dialog."""
        try:
            result = self._library.packs.import_pack(path)
        except ImportRefused as exc:
            dialogs.error(self._parent, self.tr_("Import failed"), f"{Path(path).name}: {exc}")
            return False
        self._library.search.index_pending()
        self.lessons_added.emit()
        if result.lessons:
            lesson_id = result.lessons[0].lesson_id
            if self._reading.lesson_id == lesson_id:
                self._reading.reload()
            else:
                self._reading.open(lesson_id)
        self.status.emit(self._pack_message(Path(path).name, [item.created for item in result.lessons]))
        return True

    def _pack_message(self, name: str, created: list[bool]) -> str:
        """What a pack brought, for the status bar: a pack opened again says its lessons were there."""
        tr, new = self.tr_, sum(created)
        if created and not new:  # as a repeated file import says
            return tr("{name} is already in the library; opened it.").format(name=name)
        if new == len(created) == 1:
            return tr("Imported one lesson from {name}.").format(name=name)
        if new == len(created):
            return tr("Imported {n} lessons from {name}.").format(n=new, name=name)
        return tr("Imported {n} of {total} lessons from {name}; the others were already in the library.").format(
            n=new, total=len(created), name=name
        )

    def shutdown(self) -> None:
        """Stop an import that is running."""
        if self._worker is not None:
            self._worker.cancelled = True
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(5000)
