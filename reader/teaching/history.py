"""Undo histories of the lessons edited in a window: one per lesson, the open lesson's active.

A step is taken back (or made again) only while the lesson's overlay is as that step left (or
found) it; when another window or the command line changed the lesson since, the history is
dropped and the caller is told why, instead of restoring a snapshot over that change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoGroup, QUndoStack

STALE_UNDO = "The lesson was changed elsewhere since; Undo cannot take this back."
STALE_REDO = "The lesson was changed elsewhere since; Redo cannot make this again."


class LessonHistory(QObject):
    """A QUndoGroup of per-lesson stacks; Undo and Redo refuse steps another writer has overtaken."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self._no_lesson = QUndoStack(self.group)  # active while no lesson is open: nothing to undo
        self.group.setActiveStack(self._no_lesson)

    def active(self) -> QUndoStack:
        """The open lesson's history."""
        return self.group.activeStack() or self._no_lesson

    def stack_for(self, lesson_id: int | None) -> QUndoStack:
        """A lesson's history (made when first needed), made the active one."""
        if lesson_id is None:
            stack = self._no_lesson
        else:
            if lesson_id not in self._stacks:
                self._stacks[lesson_id] = QUndoStack(self.group)
            stack = self._stacks[lesson_id]
        self.group.setActiveStack(stack)
        return stack

    def drop(self, lesson_id: int) -> None:
        """Forget a lesson's steps: they were made over a source it no longer has (it was imported again)."""
        stack = self._stacks.get(lesson_id)
        if stack is not None:
            stack.clear()

    def undo(self) -> str | None:
        """Take back the active history's last step; the reason (English) when it cannot apply now."""
        from reader.teaching.edit_dock import EditCommand

        stack = self.active()
        command = stack.command(stack.index() - 1) if stack.canUndo() else None
        if isinstance(command, EditCommand) and not command.can_undo():
            stack.clear()  # every step of it was made over a state of the lesson that no longer is
            return STALE_UNDO
        stack.undo()
        return None

    def redo(self) -> str | None:
        """Make the active history's next step again; the reason (English) when it cannot apply now."""
        from reader.teaching.edit_dock import EditCommand

        stack = self.active()
        command = stack.command(stack.index()) if stack.canRedo() else None
        if isinstance(command, EditCommand) and not command.can_redo():
            stack.clear()
            return STALE_REDO
        stack.redo()
        return None
