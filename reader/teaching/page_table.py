"""The page view's table and where the view opens: keys that move as in any list, and a place
beside the main window (about 45 % of the screen's width) that is remembered."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, QRect, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

# How much of the screen's width the page view takes when it first opens, beside the main window.
SHARE = 0.45
GEOMETRY_KEY = "page_view/geometry"
# Narrower, the text column of an English page shows a dozen letters a line beside the role chips.
MIN_WIDTH = 480


class PageTable(QTableView):
    """The lines' table: Home and End go to the first and last line (a table's own go to the first
    and last column of the row, which is no move in a list of lines); Page Up and Page Down move a
    page of lines, scrolling with them."""

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        column = max(0, self.currentIndex().column())
        if rows and action == QAbstractItemView.CursorAction.MoveHome:
            return model.index(0, column)
        if rows and action == QAbstractItemView.CursorAction.MoveEnd:
            return model.index(rows - 1, column)
        return super().moveCursor(action, modifiers)


def beside(window: QWidget, width: int, height: int, available: QRect) -> QRect:
    """A place of `width` × `height` on the screen's `available` area, right of the window where
    there is room, else against the screen's right edge (over the window's right side)."""
    width, height = min(width, available.width()), min(height, available.height())
    frame = window.frameGeometry()
    x = frame.right() + 1 if frame.right() + 1 + width <= available.right() + 1 else available.right() + 1 - width
    y = min(max(frame.top(), available.top()), available.bottom() + 1 - height)
    return QRect(max(available.left(), x), y, width, height)


def place_view(view: QWidget, window: QWidget, settings: QSettings | None) -> None:
    """Open the view where it was last closed, or (the first time, or where that place is off every
    screen now) at about 45 % of the screen's width beside the main window, as tall as the window."""
    saved = settings.value(GEOMETRY_KEY) if settings is not None else None
    screen = window.screen()
    if isinstance(saved, QByteArray) and view.restoreGeometry(saved) and (
            screen is None or screen.availableGeometry().intersects(view.geometry())):
        return
    if screen is None:
        return
    available = screen.availableGeometry()
    # The window's frame (its title bar) is outside the geometry set: room is kept for the view's.
    frame_w = window.frameGeometry().width() - window.width()
    frame_h = window.frameGeometry().height() - window.height()
    room = available.adjusted(0, 0, -frame_w, -frame_h)
    hint = view.minimumSizeHint()
    width = max(hint.width(), round(available.width() * SHARE), MIN_WIDTH)
    height = max(hint.height(), min(window.height(), room.height()))
    view.setGeometry(beside(window, width, height, room))


def keep_place(view: QWidget, settings: QSettings | None) -> None:
    """Remember where the view is, for the next time it opens."""
    if settings is not None:
        settings.setValue(GEOMETRY_KEY, view.saveGeometry())
