"""Narrow windows and focus mode: the side panels give way so the article keeps a readable width.

Focus mode (F11, remembered in settings) hides both side panels. Below a readable width the
word list hides first, then the library; they come back when the window is wide again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from reader.mainwindow import MainWindow

ARTICLE_MIN = 400  # px: about 50 characters of body text with its margins, the least that reads as prose
SIDE_MIN = 260  # px: a side panel narrower than this shows too little of its titles to be worth its room
KEY = "F11"
FOCUS_MODE = "&Focus mode (hide the side panels)"


class FocusMode(QObject):
    """Shows and hides the library and the word list around the article."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.splitter, self.sides = window.splitter, (window.panel, window.vocab)
        self.action = QAction(window.tr_(FOCUS_MODE), window, checkable=True)
        self.action.setObjectName("action_focus_mode")
        self.action.setShortcut(QKeySequence(KEY))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(self.action)
        for menu, title in window.menus.titles:
            if title == "&View":
                menu.addSeparator()
                menu.addAction(self.action)
        self.action.setChecked(bool(window.settings.value("view/focus_mode", False, bool)))
        self.action.toggled.connect(self.set_on)
        self.splitter.installEventFilter(self)
        if self.on:
            for side in self.sides:
                side.hide()

    @property
    def on(self) -> bool:
        """Whether focus mode is on (both side panels hidden by choice)."""
        return self.action.isChecked()

    def set_on(self, on: bool) -> None:
        """Turn focus mode on or off, and remember it."""
        if self.action.isChecked() != on:
            self.action.setChecked(on)  # toggled comes back here
            return
        self.window.settings.setValue("view/focus_mode", on)
        self.fit()
        self.window.article.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # only a window on screen has a width worth fitting (before, it is Qt's default 640)
        kind = event.type()
        if watched is self.splitter and (kind == QEvent.Type.Show or (kind == QEvent.Type.Resize
                                         and self.splitter.isVisible())):
            self.fit()
        return False

    def fit(self) -> None:
        """Show the side panels that leave the article its readable width (none in focus mode)."""
        width = self.splitter.width()
        panel, vocab = self.sides
        show_panel = not self.on and width >= ARTICLE_MIN + SIDE_MIN
        show_vocab = not self.on and width >= ARTICLE_MIN + 2 * SIDE_MIN
        for side, show in ((panel, show_panel), (vocab, show_vocab)):
            if side.isVisibleTo(self.window) != show:
                side.setVisible(show)
        if not (show_panel or show_vocab):
            return
        sizes = self.splitter.sizes()
        if sizes[1] >= ARTICLE_MIN:
            return
        # the sides give up what the article lacks, down to their least useful width
        lack = ARTICLE_MIN - sizes[1]
        for i in (2, 0):
            if sizes[i] and lack > 0:
                give = min(lack, max(0, sizes[i] - SIDE_MIN))
                sizes[i] -= give
                sizes[1] += give
                lack -= give
        self.splitter.setSizes(sizes)
