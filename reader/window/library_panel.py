"""The library panel: search box, lesson list, search results."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QListView,
    QMenu,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from library.search import SearchHit
from reader.ui.i18n import Translator
from reader.window.item_models import ID_ROLE, Fetch, LessonListModel, SearchResultsModel


class _LessonTree(QTableView):
    """The lesson list; Delete and F2 ask to delete and rename.

    A table, not a tree: a tree view lays out every row it has (for 10,000 lessons, ~30 ms at
    each refresh); a table of rows of one height lays out none of them."""

    delete_pressed = Signal()
    rename_pressed = Signal()
    # Narrower than this, the Date column gives way to the title (the date stays in the title's tooltip).
    NARROW = 360

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < self.NARROW
        if self.isColumnHidden(1) != narrow:
            self.setColumnHidden(1, narrow)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
        elif event.key() == Qt.Key.Key_F2:
            self.rename_pressed.emit()
        else:
            super().keyPressEvent(event)


class LibraryPanel(QWidget):
    """Lessons and search; it only reports what the user asked for."""

    lesson_activated = Signal(int)
    hit_activated = Signal(int, int, str)
    search_changed = Signal(str)
    delete_requested = Signal(int)
    rename_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LibraryPanel")
        self.search = QLineEdit(self)
        self.search.setObjectName("SearchBox")
        self.search.setClearButtonEnabled(True)
        self.lessons_model = LessonListModel()
        self.results_model = SearchResultsModel()
        self.lessons_view = _LessonTree(self)
        self.lessons_view.setObjectName("LessonList")
        self.lessons_view.setModel(self.lessons_model)
        self.lessons_view.setAlternatingRowColors(True)
        self.lessons_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lessons_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lessons_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.lessons_view.setShowGrid(False)
        self.lessons_view.setWordWrap(False)
        self.lessons_view.setTabKeyNavigation(False)  # Tab leaves the list, as from every other pane
        self.lessons_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.lessons_view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.lessons_view.fontMetrics().height() + 4)
        header = self.lessons_view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not ResizeToContents: that asks every row for its size
        # hint, which a library of thousands of lessons cannot afford.
        metrics = self.lessons_view.fontMetrics()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, metrics.horizontalAdvance("2026-12-31") + 16)
        header.resizeSection(2, metrics.horizontalAdvance("100%") + 16)
        # As wide as its widest cell, "100% C2", and no wider: the header word is shortened to fit
        # (the header's tooltip says it whole), so the title keeps what the list can give.
        header.resizeSection(3, metrics.horizontalAdvance("100% C2") + 10)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results_view = QListView(self)
        self.results_view.setObjectName("SearchResults")
        self.results_view.setModel(self.results_model)
        self.results_view.setWordWrap(True)
        self.results_view.setAlternatingRowColors(True)
        self.results_view.setSpacing(2)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.lessons_view)
        self.stack.addWidget(self.results_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.stack)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(lambda: self.search_changed.emit(self.search.text()))
        self.search.textChanged.connect(self._on_text)
        self.search.returnPressed.connect(self._on_return)
        self.search.installEventFilter(self)
        self.lessons_view.clicked.connect(self._open_row)
        self.lessons_view.activated.connect(self._open_row)
        self.lessons_view.delete_pressed.connect(lambda: self._ask(self.delete_requested))
        self.lessons_view.rename_pressed.connect(lambda: self._ask(self.rename_requested))
        self.lessons_view.customContextMenuRequested.connect(self._menu)
        self.results_view.clicked.connect(self._open_hit)
        self.results_view.activated.connect(self._open_hit)
        self._tr: Translator = Translator("en")
        self.retranslate(self._tr)

    def retranslate(self, tr: Translator) -> None:
        """Words in the interface language."""
        self._tr = tr
        self.search.setPlaceholderText(tr("Search all lessons…") + "  (Ctrl+F)")
        self.lessons_model.set_headers([tr(h) for h in LessonListModel.COLUMNS])
        self.lessons_model.set_translator(tr)

    # --- data in ----------------------------------------------------------------
    def set_lessons(
        self, fetch: Fetch, total: int, current: int | None, locate: Callable[[int], int] | None = None
    ) -> None:
        """Show the lesson list (fetched a page at a time) and select the current lesson;
        `locate(lesson_id)` says which row a lesson is in."""
        self.lessons_model.set_source(fetch, total, locate)
        if current is not None:
            self.select(current)

    def select(self, lesson_id: int) -> None:
        """Select the row of a lesson without opening it again."""
        row = self.lessons_model.row_of(lesson_id, fetch=True)
        if row >= 0:
            self.lessons_view.setCurrentIndex(self.lessons_model.index(row, 0))

    def show_opened(self, lesson_id: int) -> None:
        """A lesson was opened: select it, and a hit of it where hits are shown; hits of other lessons
        only give way to the list (the search is cleared), so the panel never points at another lesson."""
        self.select(lesson_id)
        if self.stack.currentWidget() is not self.results_view:
            return
        current = self.results_model.hit(self.results_view.currentIndex().row())
        if current is not None and current.lesson_id == lesson_id:
            return
        hits = (self.results_model.hit(r) for r in range(self.results_model.rowCount()))
        row = next((r for r, hit in enumerate(hits) if hit is not None and hit.lesson_id == lesson_id), -1)
        if row >= 0:
            self.results_view.setCurrentIndex(self.results_model.index(row, 0))
        else:
            self.search.clear()  # the lesson list, with the opened lesson selected

    def set_hits(self, hits: list[SearchHit], keep: bool = False) -> None:
        """Show search results (or the lesson list again when the search is empty); the first is chosen,
        or with `keep` the one chosen before where it is still among them (the same search, refreshed)."""
        before = self.results_model.hit(self.results_view.currentIndex().row()) if keep else None
        self.results_model.set_hits(hits)
        self.stack.setCurrentWidget(self.results_view if self.search.text().strip() else self.lessons_view)
        if hits:
            row = hits.index(before) if before in hits else 0
            self.results_view.setCurrentIndex(self.results_model.index(row, 0))

    def current_lesson_id(self) -> int | None:
        """The selected lesson."""
        index = self.lessons_view.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # ↓ in the search box goes down the hits; Enter there opens the one chosen
        if (watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Down and self.results_model.rowCount()):
            self.results_view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    # --- user actions -------------------------------------------------------------
    def _on_text(self, text: str) -> None:
        if not text.strip():
            self._debounce.stop()
            self.set_hits([])
            return
        self._debounce.start()

    def _on_return(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.search_changed.emit(self.search.text())
        if self.results_model.rowCount():  # one Enter opens the chosen hit (the first, or one picked with ↓)
            self._open_hit(self.results_view.currentIndex())

    def _open_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.lesson_activated.emit(int(index.data(ID_ROLE)))

    def _open_hit(self, index: QModelIndex) -> None:
        hit = self.results_model.hit(index.row())
        if hit is not None:
            self.hit_activated.emit(hit.lesson_id, hit.block_pos, hit.lang)

    def _ask(self, signal: SignalInstance) -> None:
        lesson_id = self.current_lesson_id()
        if lesson_id is not None:
            signal.emit(lesson_id)

    def _menu(self, pos: QPoint) -> None:
        index = self.lessons_view.indexAt(pos)
        if not index.isValid():
            return
        self.lessons_view.setCurrentIndex(index)
        menu = QMenu(self)
        tr = self._tr
        for text, handler in (
            (tr("Open"), lambda: self._open_row(index)),
            (tr("Rename…"), lambda: self._ask(self.rename_requested)),
            (tr("Delete…"), lambda: self._ask(self.delete_requested)),
        ):
            action = QAction(text, menu)
            action.triggered.connect(handler)
            menu.addAction(action)
        menu.popup(self.lessons_view.viewport().mapToGlobal(pos))
