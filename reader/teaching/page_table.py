"""The page view's table and where the view opens: keys that move as in any list, and a place
beside the main window (about 45 % of the screen's width), or where the window fills the screen,
beside the article's text column, that is remembered."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, QRect, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from reader.window.focus_mode import ARTICLE_MIN

# How much of the screen's width the page view takes when it first opens, beside the main window.
SHARE = 0.45
GEOMETRY_KEY = "page_view/geometry"
# Narrower, the text column of an English page shows a dozen letters a line beside the role chips.
MIN_WIDTH = 480
# The article is not narrowed below this to make room for the view (its text would be a word a line).
ARTICLE_LEAST = 320
# On a screen too small for both, the view is narrowed (down to its own least) to leave the article the
# window's readable width (ARTICLE_MIN) beside it, as a dock does, and this much for the frames and handle.
ARTICLE_GAP = 16


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


def least_width(hint: int, available: QRect) -> int:
    """The narrowest the view is made to clear the article: MIN_WIDTH, or on a small screen what leaves the
    article ARTICLE_MIN beside it, never below the view's own least (`hint`)."""
    return max(hint, min(MIN_WIDTH, available.width() - ARTICLE_MIN - ARTICLE_GAP))


def clear_of(column: QRect, place: QRect, available: QRect, least: int = MIN_WIDTH) -> QRect:
    """`place` moved against the screen's right edge, narrowed (to `least` at most) to clear the text
    `column` where it can, so that the article's text stays in sight; to the left edge where only that
    side has the room; as it is where it covers none of the column already."""
    if not place.intersects(column) or column.isEmpty():
        return place
    right, left = available.right() - column.right(), column.left() - available.left()
    # The right side unless only the left clears the column: a view over the left hides where lines start.
    on_left = right < least <= left
    width = max(least, min(place.width(), left if on_left else right))
    x = available.left() if on_left else available.right() + 1 - width
    return QRect(x, place.y(), width, place.height())


def screen_room(window: QWidget) -> QRect | None:
    """The available area of the window's screen (None where it has none)."""
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else None


def place_view(view: QWidget, window: QWidget, settings: QSettings | None, column: QRect | None = None) -> None:
    """Open the view where it was last closed, or (the first time, or where that place is off every
    screen now) at about 45 % of the screen's width beside the main window, as tall as the window;
    where there is no room beside it, clear of the article's text `column` (global) as far as it can."""
    saved = settings.value(GEOMETRY_KEY) if settings is not None else None
    available = screen_room(window)
    if isinstance(saved, QByteArray) and view.restoreGeometry(saved) and (
            available is None or available.intersects(view.geometry())):
        return
    if available is None:
        return
    # The window's frame (its title bar) is outside the geometry set: room is kept for the view's.
    frame_w = window.frameGeometry().width() - window.width()
    frame_h = window.frameGeometry().height() - window.height()
    room = available.adjusted(0, 0, -frame_w, -frame_h)
    hint = view.minimumSizeHint()
    width = max(hint.width(), round(available.width() * SHARE), MIN_WIDTH)
    height = max(hint.height(), min(window.height(), room.height()))
    place = beside(window, width, height, room)
    view.setGeometry(clear_of(column, place, room, least_width(hint.width(), room)) if column is not None else place)


def keep_place(view: QWidget, settings: QSettings | None) -> None:
    """Remember where the view is, for the next time it opens."""
    if settings is not None:
        settings.setValue(GEOMETRY_KEY, view.saveGeometry())
