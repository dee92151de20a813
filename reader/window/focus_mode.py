"""Narrow windows and focus mode: the side panels give way so the article keeps a readable width.

Focus mode (F11, remembered in settings) hides both side panels. Below a readable width the
word list hides first, then the library; they come back when the window is wide again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QWidget

from reader.ui.i18n import Translator
from reader.window.actions import ActionSpec, MenuName

ARTICLE_MIN = 400  # px: about 50 characters of body text with its margins, the least that reads as prose
SIDE_MIN = 260  # px: a side panel narrower than this shows too little of its titles to be worth its room
KEY = "F11"
FOCUS_MODE = "&Focus mode (hide the side panels)"
SETTING = "view/focus_mode"


class FocusMode(QObject):
    """Shows and hides the library and the word list around the article."""

    def __init__(self, window: QMainWindow, splitter: QSplitter, sides: tuple[QWidget, QWidget],
                 article: QWidget, settings: QSettings) -> None:
        super().__init__(window)
        self.window, self.splitter, self.sides = window, splitter, sides
        self.article, self.settings = article, settings
        self.action: QAction | None = None  # made by the window from action_specs
        self.splitter.installEventFilter(self)

    def action_specs(self) -> list[ActionSpec]:
        """F11 in the View menu, after everything else there."""
        return [ActionSpec("focus_mode", FOCUS_MODE, self.set_on, MenuName.VIEW, (KEY,), section=4, checkable=True)]

    def placed(self, actions: dict[str, QAction], menus: dict[MenuName, QMenu]) -> None:
        """Take the action and start as the settings remember (the sides hidden before the window shows)."""
        self.action = actions["focus_mode"]
        self.action.setChecked(bool(self.settings.value(SETTING, False, bool)))
        if self.on:
            for side in self.sides:
                side.hide()

    def retranslate(self, tr: Translator) -> None:
        """Nothing of its own to translate: the window retranslates the action with the menus."""

    def shutdown(self) -> None:
        """Nothing runs in the background."""

    @property
    def on(self) -> bool:
        """Whether focus mode is on (both side panels hidden by choice)."""
        return self.action is not None and self.action.isChecked()

    def set_on(self, on: bool) -> None:
        """Turn focus mode on or off, and remember it."""
        if self.action is not None and self.action.isChecked() != on:
            self.action.setChecked(on)  # a call from code: the menu shows it too
        self.settings.setValue(SETTING, on)
        self.fit()
        self.article.setFocus(Qt.FocusReason.OtherFocusReason)

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
