"""Fixing an import by hand: the page view of the open lesson, and English edits from the article.

`PageFixing` is handed the library's page area, Reading, the article, the window and the teaching
part's `edit` (one undo step a change); every change is made through the page area and the lesson
is read again at once, so the reading view and the word list show it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget
from shiboken6 import isValid

from reader.article.view import ArticleView
from reader.reading import Reading
from reader.teaching.page_room import ViewRoom
from reader.ui.i18n import Translator
from reader.ui.themes import Theme
from reader.window.actions import ActionSpec, MenuName

# The view and its edits load when the page view or the article's edit menu is first used.
if TYPE_CHECKING:
    from reader.teaching.page_edits import PageArea
    from reader.teaching.page_model import PageLineLike
    from reader.teaching.page_view import PageRequest, PageView


# The window's shortcuts the page view does not take: focus mode hides the side panels the view made room in,
# and F2 edits the current line's text there (as it edits a cell in the word list), not the lesson's name.
NOT_IN_VIEW = frozenset({"focus_mode", "rename"})
# Said where a change names a line another program changed since the view showed it.
CHANGED_ELSEWHERE = "The lesson changed elsewhere; the view is up to date now — try again"


class PageFixing(QObject):
    """The page view (Ctrl+Shift+L, Teach menu) and the article's English edits in edit mode."""

    # The library's list changed: "Split into lessons here" made a lesson, or a change gave a lesson new levels.
    lessons_added = Signal()

    def __init__(self, area: Callable[[], PageArea], reading: Reading, article: ArticleView, window: QMainWindow,
                 edit: Callable[[str, Callable[[], object]], None], edit_mode_on: Callable[[], bool],
                 theme: Callable[[], Theme], tr: Callable[[str], str]) -> None:
        super().__init__(window)
        self._area, self._reading, self._article, self._window = area, reading, article, window
        self._edit, self._edit_mode_on, self._theme, self.tr_ = edit, edit_mode_on, theme, tr
        self.view: PageView | None = None
        self.article_menu: QMenu | None = None  # the last context menu the article showed in edit mode
        self._window_keys: list[QAction] = []  # the window's shortcuts that work in the page view too
        self._reimport_action: QAction | None = None
        self._room = ViewRoom(window, article)  # the side panels make way for the view, and come back
        self._focus_before: QWidget | None = None  # the window's focus when the view opened
        reading.lesson_changed.connect(self._refresh)
        reading.lesson_reloaded.connect(self._refresh)
        reading.lesson_reloaded.connect(self._settle_later)
        self._changed = False  # a page change was made here: its undo and redo need settling too
        self._shown: int | None = None  # the lesson the view shows
        self._rows: dict[int, int] = {}  # per lesson, the line the view was last on
        self._said: dict[int, str] = {}  # per lesson, what Undo, Redo or a re-import did while the view was closed
        self._viewport = article.viewport()

    # --- the part's door -----------------------------------------------------------------
    def action_specs(self) -> list[ActionSpec]:
        """The page view, in the Teach menu next to edit mode."""
        return [ActionSpec("page_view", "&Page view…", lambda _c: self.open_page(), MenuName.TEACH,
                           ("Ctrl+Shift+L",))]

    def placed(self, actions: dict[str, QAction], menus: dict[MenuName, QMenu]) -> None:
        """Keep the window's shortcuts (Undo, Redo, Quit, F1, zoom, Go to…): their keys work in the page view
        (a window of its own) too."""
        window_wide = set(self._window.actions())
        self._window_keys = [action for key, action in actions.items()
                             if action in window_wide and action.shortcuts() and key not in NOT_IN_VIEW]
        self._reimport_action = actions.get("reimport")  # File → Re-import from source…, on the page's row too
        # Installed once every part is made: the filter installed last is asked first, so in edit mode
        # this menu stands in for the article's lookup menu (the studying part's).
        self._viewport.installEventFilter(self)

    def retranslate(self, tr: Translator) -> None:
        """The page view's words in the window's language."""
        if self.view is not None:
            self.view.retranslate(self.tr_)

    def shutdown(self) -> None:
        """Close the page view with the window."""
        if self.view is not None:
            self._keep_place()
            self.view.close()

    def restyle(self) -> None:
        """Role chips in the window's (new) theme."""
        if self.view is not None:
            self.view.set_theme(self._theme())

    # --- the page view ---------------------------------------------------------------------
    def open_page(self, lesson_id: int | None = None) -> PageView | None:
        """Show the page view of a lesson (opening it in the reading view first), or of the open one."""
        if lesson_id is not None and lesson_id != self._reading.lesson_id and not self._reading.open(lesson_id):
            return None
        if self._reading.lesson_id is None:
            return None
        if self.view is None:
            from reader.teaching.page_table import place_view
            from reader.teaching.page_view import PageView  # loaded when first used

            self.view = PageView(self._theme(), self.tr_, self._window)
            ja_family = getattr(self._window, "ja_family", None)
            if isinstance(ja_family, str):
                self.view.draw_japanese_with(ja_family)
            self.view.request.connect(self._on_request)
            self.view.finished.connect(lambda _r: self._keep_place())
            self.view.finished.connect(lambda _r: self._room.give_back())
            self.view.finished.connect(lambda _r: self._give_back_focus())
            self.view.addActions(self._window_keys)
            self.view.set_page_actions(*self._area().page_actions())
            if self._reimport_action is not None:
                self.view.add_page_button(self._reimport_action, "reimport")
            place_view(self.view, self._window, self._settings(), self._text_column())
        if not self.view.isVisible():
            focus = self._window.focusWidget()
            self._focus_before = focus if focus is not None and focus.window() is self._window else None
            self._room.make(self.view)
        self.view.show()
        self._refresh()
        self.view.raise_()
        self.view.activateWindow()
        self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.view

    def _text_column(self) -> QRect:
        """Where the article's text column is on the screen: the view opens clear of it where it can."""
        viewport = self._article.viewport()
        margin = round(self._article.document().rootFrame().frameFormat().leftMargin()
                       + self._article.document().documentMargin())
        top_left = viewport.mapToGlobal(QPoint(margin, 0))
        return QRect(top_left.x(), top_left.y(), max(0, viewport.width() - 2 * margin), viewport.height())

    def _give_back_focus(self) -> None:
        """The window's keyboard focus where it was when the view opened (the article, say)."""
        widget, self._focus_before = self._focus_before, None
        if widget is not None and isValid(widget) and widget.isVisible():
            self._window.activateWindow()
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _settings(self) -> QSettings | None:
        settings = getattr(self._window, "settings", None)
        return settings if isinstance(settings, QSettings) else None

    def _keep_place(self) -> None:
        """Where the page view is, for the next time it opens."""
        from reader.teaching.page_table import keep_place

        if self.view is not None:
            keep_place(self.view, self._settings())

    def _refresh(self) -> None:
        """The page view follows the open lesson."""
        if self.view is None or not self.view.isVisible():
            return  # a hidden view is filled when it is shown again
        lesson_id = self._reading.lesson_id
        lines = self._area().lines(lesson_id) if lesson_id is not None else []
        if lesson_id == self._shown:
            self.view.set_lines(lines)
            if lesson_id in self._said:
                self.view.show_status(self._said.pop(lesson_id))
            return
        # Another lesson: its own last line (the top the first time), and no word of the last lesson's change.
        current = self.view.current_line()
        if self._shown is not None and current is not None:
            self._rows[self._shown] = current
        self._shown = lesson_id
        first = lines[0].n if lines else None
        self.view.set_lines(lines, current=self._rows.get(lesson_id, first) if lesson_id is not None else None)
        self.view.show_status(self._said.pop(lesson_id, "") if lesson_id is not None else "")

    def say(self, text: str) -> None:
        """Say in the page view what Undo or Redo or a re-import did (the main window's status bar says it too),
        there when it opens again if it is closed: what it said before may offer an Undo that is gone."""
        lesson_id = self._reading.lesson_id
        if self.view is not None and self.view.isVisible() and lesson_id == self._shown:
            self.view.show_status(text)
        elif lesson_id is not None:  # the view is closed (or not made yet, or on another lesson): said when it shows it
            self._said[lesson_id] = text

    def _on_request(self, request: PageRequest) -> None:
        lesson_id = self._reading.lesson_id
        if lesson_id is None:
            return
        from reader.teaching.own_work import DONE
        from reader.teaching.page_edits import request_change
        from reader.teaching.page_view import PageEdit

        if not self._still_shown(lesson_id, request):
            return
        moving = request.edit in (PageEdit.MOVE_UP, PageEdit.MOVE_DOWN)
        moved = next((ln for ln in self._area().lines(lesson_id) if ln.n == request.lines[0]), None) if moving else None
        done = None
        if request.edit is PageEdit.DELETE:
            go, work = self._ask_before_deleting(lesson_id, request.lines)
            if not go:
                return
            if work:
                done = self.tr_(DONE).format(change=self.tr_("Delete paragraph"), work=work)
        change = request_change(self._area(), lesson_id, request)
        if change is not None and len(request.lines) > 1 and self.view is not None and done is None:
            # Ctrl+A and a key change every line: the status line says how many, as one step to take back.
            from reader.teaching.page_view import button_text

            words = button_text(self.tr_(self.view.texts.get(request.edit, change[0])))
            done = self.tr_("{change}: {n} lines — Ctrl+Z takes it back.").format(change=words, n=len(request.lines))
        if change is not None and not self.make(*change, done=done) and request.edit is PageEdit.FIX_TEXT and self.view:
            self.view.keep_typed(request.lines[0], request.text or "")  # refused: what was typed is not lost
        if moved is not None:
            self._follow(lesson_id, moved, -1 if request.edit is PageEdit.MOVE_UP else 1)
        if request.edit is PageEdit.SPLIT_LESSON:
            self.lessons_added.emit()

    def _still_shown(self, lesson_id: int, request: PageRequest) -> bool:
        """Whether each line the request names (by number) still reads as the view showed it: another program
        (`study-reader fix`) may have changed the lesson since, and line numbers then name other lines. Where
        one does not, nothing is changed: the view shows the lesson as it is now and says so."""
        if not request.shown:
            return True
        now = {line.n: line.text for line in self._area().lines(lesson_id)}
        if all(now.get(n) == text for n, text in zip(request.lines, request.shown, strict=False)):
            return True
        if not self._reading.reload_if_changed():  # the article follows too (and the view with it)
            self.follow_outside(force=True)
        said = self.tr_(CHANGED_ELSEWHERE)
        self._window.statusBar().showMessage(said, 10000)
        if self.view is not None and self.view.isVisible():
            self.view.show_status(said, refused=True)
        return False

    def follow_outside(self, force: bool = False) -> None:
        """Another program changed the library: the view shows the open lesson's lines as they are now
        (where they differ from those shown, or `force`)."""
        if self.view is None or not self.view.isVisible() or self._reading.lesson_id is None:
            return
        if self._reading.lesson_id != self._shown:
            self._refresh()
            return
        lines = self._area().lines(self._reading.lesson_id)
        if force or [(ln.n, ln.text, ln.role, ln.block) for ln in lines] != [
                (ln.n, ln.text, ln.role, ln.block) for ln in self.view.model.lines]:
            self.view.set_lines(lines)

    def _ask_before_deleting(self, lesson_id: int, lines: tuple[int, ...]) -> tuple[bool, str]:
        """Del on lines: asked once where their paragraphs hold the user's own work (said if not deleted)."""
        from reader.teaching.own_work import NOT_DELETED, ask_before_deleting

        blocks = [ln.block for ln in self._area().lines(lesson_id)
                  if ln.n in lines and ln.block is not None and ln.role in ("paragraph", "heading")]
        parent = self.view if self.view is not None and self.view.isVisible() else self._window
        saved = self._area().saved_words(lesson_id, blocks) if blocks else 0
        go, work = ask_before_deleting(parent, self.tr_, self._reading.lesson, blocks, saved)
        if not go:
            self.tell(self.tr_(NOT_DELETED))
        return go, work

    def tell(self, said: str) -> None:
        """A line for the page view's status line and the window's status bar."""
        self._window.statusBar().showMessage(said, 10000)
        if self.view is not None and self.view.isVisible():
            self.view.show_status(said)

    def _follow(self, lesson_id: int, moved: PageLineLike, step: int) -> None:
        """The view's cursor and selection on the line just moved, where it went (the lines are numbered by
        place, so the number it had is another line's now)."""
        if self.view is None or not self.view.isVisible():
            return
        lines = self._area().lines(lesson_id)
        same = [ln.n for ln in lines if ln.text == moved.text and ln.role == moved.role]
        ahead = [n for n in same if (n - moved.n) * step > 0]
        if ahead or same:
            self.view.set_lines(lines, current=min(ahead or same, key=lambda n: abs(n - moved.n)))

    def make(self, label: str, change: Callable[[], object], done: str | None = None) -> bool:
        """Make one change as one undo step; what it did, or why the library refused it, is said in the
        page view's status line and in the window's status bar. Whether it was made."""
        refused: list[str] = []

        def guarded() -> None:
            try:
                change()
            except ValueError as exc:  # the library's DecisionError: the line cannot take that change
                refused.append(str(exc))

        self._changed = True
        if self._reading.lesson_id is not None:
            self._said.pop(self._reading.lesson_id, None)  # this change is what is said now
        self._edit(label, guarded)
        if refused:
            said = self.tr_("This change cannot be made: {error}").format(error=refused[0])
        else:
            said = done or self.tr_("{change}: done (Ctrl+Z takes it back).").format(change=self.tr_(label))
        self._window.statusBar().showMessage(said, 10000)
        if self.view is not None and self.view.isVisible():
            self.view.show_status(said, refused=bool(refused))
        return not refused

    def _settle_later(self) -> None:
        """Once a change (or its undo) is shown: search index and word levels for the new text, then the list."""
        if self._changed:
            QTimer.singleShot(0, self, self._settle)  # dropped if the window goes first

    def _settle(self) -> None:
        self._area().settle(self._reading.lesson_id)
        self.lessons_added.emit()

    # --- English edits from the article in edit mode ---------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # In edit mode a right-click on a paragraph offers its English edits; otherwise the article's own menu.
        # (The viewport is compared as kept: while the window is destroyed the article may be gone already.)
        if (event.type() == QEvent.Type.ContextMenu and watched is self._viewport
                and isinstance(event, QContextMenuEvent) and self._edit_mode_on()):
            return self._article_menu(event.pos())
        return super().eventFilter(watched, event)

    def _article_menu(self, pos: QPoint) -> bool:
        from reader.teaching.page_edits import article_menu, english_span_at

        lesson, lesson_id = self._reading.lesson, self._reading.lesson_id
        span = english_span_at(self._article, pos)
        if lesson is None or lesson_id is None or span is None:
            return False
        if self._article.focus_index != span[0]:
            # The paragraph right-clicked is the one the dock shows, and stays on through the change
            # (a split keeps its first piece there), as a click on it would have made it.
            self._article.set_focus_index(span[0], ensure_visible=False)
            self._article.focus_moved.emit(span[0])
        menu = article_menu(self._window, self.tr_, self._area(), lesson, lesson_id, span, self.make,
                            lambda: self.open_page())
        self.article_menu = menu
        menu.popup(self._article.viewport().mapToGlobal(pos))
        return True
