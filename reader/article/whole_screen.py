"""A lesson that fits on one screen has nothing to scroll: it is read once it has been on screen a while."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from reader.article.state import ArticleBase

# How long the whole of a short lesson must stay on screen to count as read: long enough that
# passing through it on the way to another lesson reads nothing, short next to reading it.
WHOLE_SCREEN_READ_MS = 3000


class WholeScreenWatch(QObject):
    """Counts a lesson whose whole text is on screen as read after WHOLE_SCREEN_READ_MS of it shown
    (the article hidden or the window minimised starts the wait again), or at once when the reader
    presses End or tries to scroll on. Only a lesson that is on screen in full: a resize or a zoom
    that makes a lesson fit reads nothing by itself."""

    def __init__(self, view: ArticleBase) -> None:
        super().__init__(view)
        self.view = view
        self._timer = QTimer(self, singleShot=True, interval=WHOLE_SCREEN_READ_MS)
        self._timer.timeout.connect(self._waited)

    def painted(self) -> None:
        """The article was painted: wait for the reader to have a whole-screen lesson in view a while.
        Cheap for every paint: a long lesson's scroll range or a running wait ends it at once."""
        if self._timer.isActive() or self.view.verticalScrollBar().maximum() != 0:
            return
        if self.view.reading.whole_on_screen():
            self._timer.start()

    def stop(self) -> None:
        """The article is off screen (or shows another lesson): the wait starts again when it is back."""
        self._timer.stop()

    def scrolled_on(self) -> None:
        """End, Page Down or the wheel: on a lesson that fits the screen, the reader is at its end."""
        self._timer.stop()
        if self.view.reading.read_whole_screen():
            self.view.report_position()

    def _waited(self) -> None:
        window = self.view.window()
        if not self.view.isVisible() or window.isMinimized():
            return  # painted again once shown: the wait starts again then
        if self.view.reading.read_whole_screen():
            self.view.report_position()
