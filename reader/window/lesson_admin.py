"""Renaming and deleting lessons from the list, and what happens when a row of the list has
outlived its lesson (another window on the library deleted it, or a restore replaced the library)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStatusBar, QWidget

from library.lessons import Lessons
from reader.reading import Reading
from reader.window import dialogs


class LessonAdmin:
    """Rename and delete a lesson after asking; a lesson that is gone is said to be gone, never a traceback."""

    def __init__(self, lessons: Lessons, reading: Reading, parent: QWidget, status: QStatusBar,
                 refresh: Callable[[], None], tr: Callable[[str], str]) -> None:
        self._lessons, self._reading, self._parent, self._status = lessons, reading, parent, status
        self._refresh, self._tr = refresh, tr

    def title_or_gone(self, lesson_id: int) -> str | None:
        """The lesson's title; None, with the list refreshed and the status bar saying so, if it is gone."""
        try:
            return self._lessons.get(lesson_id).title
        except KeyError:
            self._reading.reload_if_open(lesson_id)  # were it open, Reading clears it
            self._refresh()
            self._status.showMessage(self._tr("That lesson is no longer in the library."), 10000)
            return None

    def rename(self, lesson_id: int) -> None:
        """Give a lesson a title of the user's choosing."""
        title = self.title_or_gone(lesson_id)
        if title is None:
            return
        tr = self._tr
        new = dialogs.ask_text(self._parent, tr("Rename lesson"), tr("Title:"), title)
        if new is None or not new.strip() or new.strip() == title:
            return
        if self.title_or_gone(lesson_id) is None:  # deleted while the dialog was open
            return
        self._lessons.rename(lesson_id, new)
        self._reading.reload_if_open(lesson_id)
        self._refresh()

    def delete(self, lesson_id: int) -> None:
        """Delete a lesson after the user confirms."""
        title = self.title_or_gone(lesson_id)
        if title is None:
            return
        tr = self._tr
        if not dialogs.confirm(self._parent, tr("Delete lesson"),
                               tr("Delete “{title}” and your translations in it?").format(title=title)):
            return
        self._lessons.delete(lesson_id)
        self._reading.reload_if_open(lesson_id)  # the open lesson is gone: Reading clears it
        self._refresh()
        self._status.showMessage(tr("Deleted “{title}”.").format(title=title), 10000)
