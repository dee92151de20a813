"""A lesson imported again from its changed source file, keeping the user's fixes of its lines.

The window remembers which file each lesson was imported from (per library, in the settings):
File → Re-import from source… reads that file again (or asks for it where it is gone), and
importing a file that is the source of a lesson, changed since, offers to update that lesson."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from library import ImportRefused, Library
from library.model import Lesson
from reader.reading import Reading
from reader.window import dialogs

SOURCES_KEY = "import/source_files"
MAX_LISTED = 20  # changes not kept, listed by name
ANYWAY = "This cannot be undone. Re-import anyway?"  # after what a re-import would lose
LINE_GONE = "the line is no longer on the page"  # what the library says where it gives no other reason


class SourceFiles:
    """Which file each lesson of a library was imported from: {library: {file: lesson id}} in the settings."""

    def __init__(self, settings: QSettings | None, library: str) -> None:
        self._settings, self._library = settings, library

    def _all(self) -> dict[str, dict[str, int]]:
        raw = self._settings.value(SOURCES_KEY, "") if self._settings is not None else ""
        try:
            value = json.loads(str(raw)) if raw else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def _mine(self) -> dict[str, int]:
        mine = self._all().get(self._library, {})
        return {str(k): int(v) for k, v in mine.items()} if isinstance(mine, dict) else {}

    def record(self, path: str, lesson_id: int) -> None:
        """`path` is the source of `lesson_id` now (another lesson it was the source of no longer has it)."""
        self.record_all([(path, lesson_id)])

    def record_all(self, sources: list[tuple[str, int]]) -> None:
        """Each (path, lesson) of an import: the settings are written once."""
        if self._settings is None or not sources:
            return
        every, mine = self._all(), self._mine()
        for path, lesson_id in sources:
            mine = {p: i for p, i in mine.items() if i != lesson_id}
            mine[str(Path(path).resolve())] = lesson_id
        every[self._library] = mine
        self._settings.setValue(SOURCES_KEY, json.dumps(every, ensure_ascii=False))

    def lesson_of(self, path: str) -> int | None:
        """The lesson imported from `path`, if one was."""
        return self._mine().get(str(Path(path).resolve()))

    def path_of(self, lesson_id: int) -> str | None:
        """The file `lesson_id` was imported from, if the window imported it."""
        return next((p for p, i in self._mine().items() if i == lesson_id), None)


class Reimport(QObject):
    """Re-importing a lesson from its file; what was kept and what was not is said."""

    status = Signal(str)  # a line for the status bar
    history_dropped = Signal(int)  # the lesson's undo steps were made over the old source

    def __init__(self, library: Library, reading: Reading, parent: QWidget, tr: Callable[[str], str]) -> None:
        super().__init__(parent)
        self._library, self._reading, self._parent, self.tr_ = library, reading, parent, tr
        settings = getattr(parent, "settings", None)
        self.sources = SourceFiles(settings if isinstance(settings, QSettings) else None, str(library.path))

    def ask(self) -> None:
        """File → Re-import from source…: the open lesson from its file (asked for where it is not known or gone)."""
        lesson, lesson_id = self._reading.lesson, self._reading.lesson_id
        if lesson is None or lesson_id is None:
            return
        tr = self.tr_
        path = self.sources.path_of(lesson_id)
        if path is None or not Path(path).is_file():
            chosen = dialogs.choose_files(self._parent, tr("The source of “{title}”").format(title=lesson.title),
                                          tr("Pages (*.txt *.html *.htm *.xhtml *.md);;All files (*)"))
            if not chosen:
                return
            path = chosen[0]
        question = self._question(lesson, lesson_id, path)
        if question is not None and dialogs.confirm(self._parent, tr("Re-import from source"), question):
            self.update(lesson_id, path, asked=True)

    def _question(self, lesson: Lesson, lesson_id: int, path: str) -> str | None:
        """What to ask before re-importing from `path`: plainly where the file has little in common with the
        lesson (a wrongly chosen page would replace it all); None, having said why, where it cannot be done."""
        from library.lessons import read_page
        from reader.window.reimport_check import LITTLE_IN_COMMON, share_in_common, source_of_another

        tr, name = self.tr_, Path(path).name
        try:
            data = read_page(Path(path))
        except (ImportRefused, OSError) as exc:
            dialogs.error(self._parent, tr("Re-import failed"), f"{name}: {exc}")
            return None
        other = source_of_another(self._library, lesson_id, data)
        if other is not None:  # refused before the question, not after a "Yes"
            dialogs.error(self._parent, tr("Re-import failed"), tr(
                "{name} is the source of another lesson already (“{title}”): choose this lesson's own file."
            ).format(name=name, title=other))
            return None
        share = share_in_common(lesson, data)
        losing = self._losing(lesson_id, data)
        if share < LITTLE_IN_COMMON:
            fixes = len(self._library.pages.decisions(lesson_id))
            little = tr("{name} has almost nothing in common with “{title}” (it holds {share} % of the lesson's "
                        "words): it may be another page. Re-importing from it replaces the whole lesson, and its "
                        "{n} fixes would be lost. Re-import from it anyway?").format(
                name=name, title=lesson.title, share=round(share * 100), n=fixes)
            return f"{losing}\n\n{little}" if losing else little
        if losing:
            return f"{losing}\n\n{tr(ANYWAY)}"
        return tr("Re-import “{title}” from {name}? Your changes to its lines are kept where their lines are "
                  "still on the page. This cannot be undone.").format(title=lesson.title, name=name)

    def _losing(self, lesson_id: int, data: bytes) -> str | None:
        """What re-importing from `data` would lose of the user's own work (found by making the re-import
        and rolling it back), naming each piece, to ask before it; None where nothing would be lost."""
        from library.sourcefile import would_lose

        lost = would_lose(self._library, lesson_id, data)
        if not lost:
            return None
        tr = self.tr_
        listed = [f"• {what[:1].upper()}{what[1:]}" for what in lost[:MAX_LISTED]]
        if len(lost) > MAX_LISTED:
            listed.append(tr("…and {n} more").format(n=len(lost) - MAX_LISTED))
        head = tr("Re-importing “{title}” from this file would lose your own work, as it finds no text for it:")
        return "\n".join([head.format(title=self._library.lessons.get(lesson_id).title), "", *listed])

    def changed_source(self, path: str) -> int | None:
        """The lesson `path` is the source of, where the file has changed since; None otherwise."""
        from library.sourcefile import source_hash

        lesson_id = self.sources.lesson_of(path)
        if lesson_id is None:
            return None
        try:
            import hashlib

            changed = hashlib.sha256(Path(path).read_bytes()).hexdigest() != source_hash(self._library, lesson_id)
        except (OSError, KeyError):  # unreadable (the import says why), or the lesson was deleted
            return None
        return lesson_id if changed else None

    def update(self, lesson_id: int, path: str, asked: bool = False) -> bool:
        """Import the lesson again from `path`, keeping the user's fixes; says how many were kept. Where it
        would lose the user's own work it asks first, naming it (No the default), unless `asked` did."""
        from library.lessons import read_page
        from library.pagelines import DecisionError
        from library.sourcefile import reimport_from
        from reader.window.reimport_check import cut_at_word

        tr, name = self.tr_, Path(path).name
        try:
            data = read_page(Path(path))
            losing = None if asked else self._losing(lesson_id, data)
            if losing is not None and not dialogs.confirm(
                    self._parent, tr("Re-import from source"), f"{losing}\n\n{tr(ANYWAY)}"):
                return False
            missed = reimport_from(self._library, lesson_id, data)
        except (ImportRefused, DecisionError, OSError) as exc:
            dialogs.error(self._parent, tr("Re-import failed"), f"{name}: {exc}")
            return False
        self._library.search.index_pending()
        self._library.study.levels.level_pending()
        self.sources.record(path, lesson_id)
        self.history_dropped.emit(lesson_id)
        if self._reading.lesson_id == lesson_id:
            self._reading.reload()
        else:
            self._reading.open(lesson_id)
        kept = len(self._library.pages.decisions(lesson_id))
        lost = list(getattr(self._library.pages, "lost", []))  # the user's work over the lesson that found no text
        said = tr("{name}: {kept}, {missed} not kept.").format(
            name=name, kept=(tr("1 change kept") if kept == 1 else tr("{n} changes kept").format(n=kept)),
            missed=len(missed) + len(lost))
        self.status.emit(said)
        if missed or lost:
            why = getattr(self._library.pages, "not_kept", {})  # each change's own reason, as the library gives it
            lines = [said, ""] + [tr("Not kept: {op} of line {n} “{text}” ({why})").format(
                op=d.op, n=d.n, text=cut_at_word(d.text, 60), why=tr(why.get(d, LINE_GONE)))
                for d in missed[:MAX_LISTED]]
            lines += [tr("Not kept: {what}").format(what=what) for what in lost[: max(0, MAX_LISTED - len(missed))]]
            dialogs.inform(self._parent, tr("Re-import from source"), "\n".join(lines))
        return True
