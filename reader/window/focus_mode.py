"""Narrow windows and focus mode: the side panels give way so the article keeps a readable width.

Focus mode (F11, remembered in settings) hides both side panels. Below a readable width the
word list hides first, then the library; they come back, at the widths they had, when the window
is wide again. A dock (the edit dock) takes at most a share of the window, never the article's
readable width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QWidget

from reader.ui.i18n import Translator
from reader.window.actions import ActionSpec, MenuName

ARTICLE_MIN = 400  # px: about 50 characters of body text with its margins, the least that reads as prose
SIDE_MIN = 260  # px: a side panel narrower than this shows too little of its titles to be worth its room
SIDE_EMPTY = 60  # px: a side shown narrower than this was squeezed to nothing, not made narrow by the user
SIDE_WIDTHS = (260, 280)  # px: the library's and the word list's widths until the user sets their own
DOCK_SHARE = 0.4  # the most of the window's width a dock takes
DOCK_MIN = 180  # px: a dock narrower than this shows too little to be worth its room
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
        self.widths = list(SIDE_WIDTHS)  # each side's last useful width, given back when it shows again
        self.splitter.installEventFilter(self)
        self.splitter.splitterMoved.connect(self._moved)
        window.installEventFilter(self)

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
        if watched is self.window and kind in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit_docks()  # before the splitter is laid out in what the docks leave it
        if watched is self.splitter and (kind == QEvent.Type.Show or (kind == QEvent.Type.Resize
                                         and self.splitter.isVisible())):
            self.fit()
        return False

    def _moved(self, _pos: int = 0, _index: int = 0) -> None:
        """The user dragged a handle: the widths they chose are the ones to come back to."""
        sizes = self.splitter.sizes()
        for i, side in ((0, self.sides[0]), (2, self.sides[1])):
            if side.isVisibleTo(self.window) and sizes[i] >= SIDE_EMPTY:
                self.widths[i // 2] = sizes[i]

    def fit_docks(self) -> None:
        """Hold each dock to its share of the window, leaving the article its readable width where it can."""
        width = self.window.width()
        most = max(DOCK_MIN, min(int(width * DOCK_SHARE), width - ARTICLE_MIN - 16))
        for dock in self.window.findChildren(QDockWidget):
            if dock.maximumWidth() != most:
                dock.setMaximumWidth(most)

    def fit(self) -> None:
        """Show the side panels that leave the article its readable width (none in focus mode), each
        at its last useful width: a side squeezed to nothing while the window was small, or restored
        so, is never shown at 0 px; one the user made narrow stays so."""
        width = self.splitter.width()
        panel, vocab = self.sides
        show = (not self.on and width >= ARTICLE_MIN + SIDE_MIN, False,
                not self.on and width >= ARTICLE_MIN + 2 * SIDE_MIN)
        sizes = self.splitter.sizes()
        back: set[int] = set()
        for i, side in ((0, panel), (2, vocab)):
            if side.isVisibleTo(self.window) and sizes[i] >= SIDE_MIN:
                self.widths[i // 2] = sizes[i]
            if side.isVisibleTo(self.window) != show[i]:
                side.setVisible(show[i])
                if show[i]:
                    back.add(i)
        if not (show[0] or show[2]):
            return
        sizes = self.splitter.sizes()
        # what the splitter has to share: its width less a handle between each two widgets shown
        total = width - (1 + show[0] + show[2] - 1) * self.splitter.handleWidth()
        wanted = list(sizes)
        for i in (0, 2):
            if show[i] and (i in back or wanted[i] < SIDE_EMPTY):
                wanted[i] = self.widths[i // 2]
        # the sides give up what the article lacks, down to their least useful width
        lack = ARTICLE_MIN - (total - wanted[0] - wanted[2])
        for i in (2, 0):
            if show[i] and lack > 0:
                give = min(lack, max(0, wanted[i] - SIDE_MIN))
                wanted[i] -= give
                lack -= give
        wanted[1] = total - wanted[0] - wanted[2]
        if wanted != sizes:
            self.splitter.setSizes(wanted)
