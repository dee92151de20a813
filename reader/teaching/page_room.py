"""Room for the page view beside the article: where the view covers the article's right side, the side
panels make way so that the article ends where the view starts, and are given back when it closes.

The word list's side of the window takes what the article gives up (the view is over it anyway); on a
small window the library gives way too. While the view is open a resize of the window (which shows the
side panels again as its width allows) is followed, so the article stays in sight beside the view."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget


@dataclass(frozen=True)
class Room:
    """The side panels before the page view made room: the splitter's sizes, which sides were hidden,
    the widths the window gives a side when it shows again, and the word list's own least width."""

    sizes: list[int]
    hidden: tuple[bool, bool]
    widths: list[int] | None
    least: int


class ViewRoom(QObject):
    """Makes room beside the article for a view over the window's right side, and gives it back."""

    def __init__(self, window: QMainWindow, article: QWidget) -> None:
        super().__init__(window)
        self._window, self._article = window, article
        self._view: QWidget | None = None
        self.room: Room | None = None  # set while room is made
        self._following = False

    def _splitter(self) -> QSplitter | None:
        splitter = getattr(self._window, "splitter", None)
        if (not isinstance(splitter, QSplitter) or splitter.count() != 3
                or self._article.parentWidget() is not splitter):
            return None
        return splitter

    def make(self, view: QWidget) -> None:
        """Room for `view` (placed, about to show), until give_back."""
        self._view = view
        splitter = self._splitter()
        if splitter is not None and self._fit(splitter) and not self._following:
            splitter.installEventFilter(self)
            self._following = True

    def _fit(self, splitter: QSplitter) -> bool:
        """The article to end where the view starts (the library hidden where it must be); False where the
        view is clear of it already, or would cover what is left of it anyway."""
        from reader.teaching.page_table import ARTICLE_LEAST  # loaded with the view

        left, right, view = splitter.widget(0), splitter.widget(2), self._view
        if left is None or right is None or view is None:
            return False
        sizes, handle = splitter.sizes(), splitter.handleWidth()
        # Where the article is to end, in the splitter: where the view's frame starts (not known before it is
        # first shown: taken as wide as the window's), the handle after it under the view.
        frame = self._window.geometry().left() - self._window.frameGeometry().left()
        end = view.geometry().left() - frame - handle - splitter.mapToGlobal(QPoint(0, 0)).x()
        if end >= self._article.geometry().right():
            return False
        start = self._article.geometry().left()
        hide_left = end - start < ARTICLE_LEAST
        if hide_left and (left.isHidden() or end < ARTICLE_LEAST):
            return False
        if self.room is None:
            self.room = Room(sizes, (left.isHidden(), right.isHidden()), self._side_widths(), right.minimumWidth())
        if hide_left:
            left.hide()
            start = 0
        right.show()  # under the view: it takes what the article gives up, however little (beside a dock)
        right.setMinimumWidth(1)
        splitter.setSizes([0 if hide_left else sizes[0], end - start, splitter.width() - end - handle])
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # After the window's own fitting of the side panels to its new width (asked after this filter).
        if event.type() == QEvent.Type.Resize and self.room is not None and self._view is not None \
                and self._view.isVisible():
            QTimer.singleShot(0, self, self._refit)
        return False

    def _refit(self) -> None:
        splitter = self._splitter()
        if splitter is not None and self.room is not None:
            self._fit(splitter)

    def _side_widths(self) -> list[int] | None:
        focus = getattr(self._window, "focus_mode", None)
        widths = getattr(focus, "widths", None)
        return list(widths) if isinstance(widths, list) else None

    def give_back(self) -> None:
        """The side panels as they were before the view made room: shown or hidden, their widths, and the
        widths they come back at (a resize while the view was open took the ones under the view)."""
        splitter, room, self.room = self._splitter(), self.room, None
        if splitter is not None and self._following:
            splitter.removeEventFilter(self)
        self._following = False
        if room is None or splitter is None:
            return
        left, right = splitter.widget(0), splitter.widget(2)
        if left is not None and right is not None:
            left.setHidden(room.hidden[0])
            right.setHidden(room.hidden[1])
            right.setMinimumWidth(room.least)
        splitter.setSizes(room.sizes)
        focus = getattr(self._window, "focus_mode", None)
        if room.widths is not None and focus is not None:
            focus.widths = room.widths
