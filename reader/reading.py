"""The open lesson's one owner: it opens, re-reads and clears the lesson and says so.

The article, the word list, studying and teaching listen to its two signals and never keep a
lesson of their own that could fall behind the library: a different lesson is `lesson_changed`,
the same lesson read again after an edit is `lesson_reloaded`.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal

from library.model import Lesson


class LessonSource(Protocol):
    """What Reading needs of the library's lessons area."""

    def get(self, lesson_id: int) -> Lesson:
        """The whole lesson; KeyError if there is none."""
        ...

    def last_opened(self) -> int | None:
        """The lesson the active learner read most recently."""
        ...


class Reading(QObject):
    """Holds the open lesson; the only place that assigns it."""

    lesson_changed = Signal()  # another lesson (or none) is open now
    lesson_reloaded = Signal()  # the open lesson was read again (an edit, a review, a re-imported pack)
    # The open lesson is about to be replaced or closed, and is still open: the last moment to
    # keep what was typed for it (the edit dock's unsaved translation).
    lesson_closing = Signal()

    def __init__(self, lessons: LessonSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lessons = lessons
        self._lesson: Lesson | None = None

    @property
    def lesson(self) -> Lesson | None:
        """The open lesson, as last read from the library."""
        return self._lesson

    @property
    def lesson_id(self) -> int | None:
        """The open lesson's id, or None."""
        return self._lesson.id if self._lesson is not None else None

    def open(self, lesson_id: int) -> bool:
        """Read a lesson and make it the open one (afresh, even if it is open); False if it is gone."""
        try:
            lesson = self._lessons.get(lesson_id)
        except KeyError:
            return False
        if self._lesson is not None:
            self.lesson_closing.emit()
        self._lesson = lesson
        self.lesson_changed.emit()
        return True

    def reload(self) -> None:
        """Read the open lesson again after it changed in the library; clear it if it was deleted."""
        if self._lesson is None or self._lesson.id is None:
            return
        try:
            self._lesson = self._lessons.get(self._lesson.id)
        except KeyError:
            self.clear()
            return
        self.lesson_reloaded.emit()

    def reload_if_changed(self) -> bool:
        """Read the open lesson again where another program changed it (`study-reader fix` while the window is
        up): shown anew only where it now reads otherwise. Whether it was shown anew."""
        if self._lesson is None or self._lesson.id is None:
            return False
        try:
            now = self._lessons.get(self._lesson.id)
        except KeyError:
            self.clear()
            return True
        if now == self._lesson:
            return False
        self._lesson = now
        self.lesson_reloaded.emit()
        return True

    def reload_if_open(self, lesson_id: int) -> None:
        """Re-read the lesson if it is the open one (something changed it from outside the article)."""
        if self.lesson_id == lesson_id:
            self.reload()

    def clear(self) -> None:
        """Close the open lesson: nothing is shown."""
        if self._lesson is not None:
            self.lesson_closing.emit()
        self._lesson = None
        self.lesson_changed.emit()

    def open_last(self) -> bool:
        """Open the active learner's last lesson, else the open one afresh; clear if neither is there."""
        for target in (self._lessons.last_opened(), self.lesson_id):
            if target is not None and self.open(target):
                return True
        self.clear()
        return False
