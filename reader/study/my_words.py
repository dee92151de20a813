"""The My words page: every saved word of the learner in a table to filter, sort, edit, re-status
and delete (with undo); Enter on a word opens the lesson at the sentence it was saved from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from library.study.levels import LEVELS
from library.study.saved_levels import LEVEL_FILTERS, NO_LEVEL
from library.study.words import STATUSES, Deleted, Words
from reader.study.my_words_layout import FilterRow, fit_columns, narrow_filters, size_by_current
from reader.study.my_words_model import KEYS, WORD_ID_ROLE, MyWordsFilter, MyWordsModel
from reader.ui.themes import Theme

Tr = Callable[[str], str]
STATUS_KEYS = {Qt.Key.Key_1: "new", Qt.Key.Key_2: "learning", Qt.Key.Key_3: "known", Qt.Key.Key_4: "ignored"}


class StatusDelegate(QStyledItemDelegate):
    """Edits a status with a list of the four statuses, in the interface language."""

    def __init__(self, tr: Tr, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tr = tr

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        box = QComboBox(parent)
        for status in STATUSES:
            box.addItem(self._tr(status), status)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MyWordsPage(QWidget):
    """The page: a filter bar over the table of saved words."""

    open_requested = Signal(int, int)  # lesson id, block index of the sentence's paragraph
    close_requested = Signal()
    changed = Signal()  # words were edited, re-statused, deleted or restored
    undo_changed = Signal()  # deleted words began or ended waiting for an undo

    def __init__(self, words: Words, status_bar: QStatusBar, tr: Tr, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MyWordsPage")
        self.words, self.bar, self._tr = words, status_bar, tr
        self._undo: list[Deleted] = []
        self._undo_message = ""
        self._loaded: tuple[int, int, str, int] | None = None  # learner and words' version last shown
        self.model = MyWordsModel(tr, self)
        self.model.edit_requested.connect(self._store_edit)
        self.proxy = MyWordsFilter(self.model, self)
        self.title = QLabel(self)
        self.title.setObjectName("MyWordsTitle")
        self.search = QLineEdit(self)
        self.search.setObjectName("MyWordsFilter")
        self.search.setClearButtonEnabled(True)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("MyWordsStatus")
        self.lesson_box = QComboBox(self)
        self.lesson_box.setObjectName("MyWordsLesson")
        self.level_box = QComboBox(self)
        self.level_box.setObjectName("MyWordsLevel")
        self.count = QLabel(self)
        self.count.setObjectName("MyWordsCount")
        self.back = QPushButton(self)
        self.back.setObjectName("MyWordsBack")
        self.back.clicked.connect(self.close_requested)
        self.table = QTableView(self)
        self.table.setObjectName("MyWordsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(KEYS.index("created"), Qt.SortOrder.DescendingOrder)  # newest first
        self.table.horizontalHeader().setStretchLastSection(False)
        fit_columns(self.table)
        self.table.viewport().installEventFilter(self)  # its resizes: the columns share the new width
        narrow_filters(self.search, [(self.status_box, 8), (self.lesson_box, 10), (self.level_box, 6)], self.lesson_box)
        self.table.setItemDelegateForColumn(KEYS.index("status"), StatusDelegate(tr, self.table))
        self.table.activated.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.context_menu().exec(self.table.viewport().mapToGlobal(pos))
        )
        for widget in (self.table, self.search, self.status_box, self.lesson_box, self.level_box, self.back):
            widget.installEventFilter(self)
        self.empty = QLabel(self)
        self.empty.setObjectName("MyWordsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.hide()
        self.search.textChanged.connect(self._filter)
        self.status_box.currentIndexChanged.connect(self._filter)
        self.lesson_box.currentIndexChanged.connect(self._filter)
        self.level_box.currentIndexChanged.connect(self._filter)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("MyWordsUndo")
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo)
        status_bar.addPermanentWidget(self.undo_button)
        status_bar.messageChanged.connect(self._message_changed)
        top = FilterRow()  # wraps where the window is narrow; the search box takes the room left on its line
        for w in (self.title, self.search, self.status_box, self.lesson_box, self.level_box, self.count, self.back):
            top.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.retranslate(tr)

    # --- showing ------------------------------------------------------------------------------
    def refresh_if_changed(self) -> None:
        """Read the words anew if they changed elsewhere (the lookup card, a review, another learner)."""
        if self._loaded != (self.words.profile_id, *self.words.version()):
            self.reload()

    def reload(self) -> None:
        """Read the words anew (one query) and show them in the chosen order, keeping the filters."""
        if self._loaded is not None and self._loaded[0] != self.words.profile_id:
            self.drop_undo()  # another learner's deletions are not theirs to undo
        self._loaded = (self.words.profile_id, *self.words.version())
        # The same words stay chosen: a reset would leave the table's first row current, and the
        # next Delete or status key would act on a word the learner never picked.
        chosen, current = set(self.selected_ids()), self._id_at(self.table.currentIndex())
        header = self.table.horizontalHeader()
        self.model.set_rows(self.words.table(), header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._fill_lessons()
        if chosen:
            self.select_ids(chosen, current)
        self._filter()

    def _fill_lessons(self) -> None:
        """The lesson filter's choices: each lesson words were saved from, with how many."""
        lesson = self.lesson_box.currentData()
        self.lesson_box.blockSignals(True)
        self.lesson_box.clear()
        self.lesson_box.addItem(self._tr("All lessons"), None)
        for lesson_id, title, n in self.words.lessons_with_words():
            self.lesson_box.addItem(f"{title} ({n})", lesson_id)
        self.lesson_box.setCurrentIndex(max(0, self.lesson_box.findData(lesson)))
        self.lesson_box.blockSignals(False)

    def apply_theme(self, theme: Theme) -> None:
        """Selected rows in the theme's selection colour, which keeps the text readable in every theme
        (the window-wide highlight is the accent colour: white on light blue in the dark theme)."""
        palette = self.table.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(theme.selection))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(theme.text))
        self.table.setPalette(palette)

    def retranslate(self, tr: Tr) -> None:
        """Words of the page in the interface language."""
        self._tr = tr
        self.model.set_translator(tr)
        delegate = self.table.itemDelegateForColumn(KEYS.index("status"))
        if isinstance(delegate, StatusDelegate):
            delegate._tr = tr
        self.title.setText(tr("My words"))
        self.search.setPlaceholderText(tr("Filter words, meanings, notes, sentences…"))
        self.back.setText(tr("Back to reading"))
        self.back.setToolTip(tr("Back to the lesson (Esc)"))
        self.undo_button.setText(tr("Undo"))
        self.undo_button.setToolTip(tr("Put the deleted words back (Ctrl+Z)"))
        self.table.setToolTip("")
        current = self.status_box.currentData()
        self.status_box.blockSignals(True)
        self.status_box.clear()
        self.status_box.addItem(tr("All statuses"), "")
        for status in STATUSES:
            self.status_box.addItem(tr(status), status)
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(current)))
        self.status_box.blockSignals(False)
        if self.lesson_box.count():
            self.lesson_box.setItemText(0, tr("All lessons"))
        self._fill_levels(tr)
        self._update_count()

    def _fill_levels(self, tr: Tr) -> None:
        """The level filter's choices: any level, each level, a level and above, words without one."""
        current = self.level_box.currentData()
        self.level_box.blockSignals(True)
        self.level_box.clear()
        self.level_box.addItem(tr("All levels"), "")
        for level in LEVEL_FILTERS:
            if level == NO_LEVEL:
                shown = tr("No level (names, phrases)")
            elif level in LEVELS:
                shown = level
            else:
                shown = tr("{level} and above").format(level=level[:-1])
            self.level_box.addItem(shown, level)
        self.level_box.setCurrentIndex(max(0, self.level_box.findData(current)))
        self.level_box.setToolTip(tr("Show the words of one CEFR level, or of a level and above"))
        self.level_box.blockSignals(False)

    def _filter(self) -> None:
        self.proxy.set_filter(
            self.status_box.currentData() or "",
            self.lesson_box.currentData(),
            self.search.text(),
            self.level_box.currentData() or "",
        )
        self._update_count()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _update_count(self) -> None:
        shown, n = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self._tr("{shown} of {n} words").format(shown=shown, n=n))
        self.empty.setText(
            self._tr("No saved words yet. Double-click a word in a lesson and save it from its card.")
            if not n
            else self._tr("No words match the filter.")
        )
        self.empty.setVisible(not shown)

    # --- the selection ----------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        """The selected rows of the table (the current one when nothing is selected), in order."""
        # From the selection's ranges: selectedRows() asks every cell for its flags.
        selection = self.table.selectionModel().selection()
        spans = [selection.at(i) for i in range(selection.size())]
        rows = sorted({r for span in spans for r in range(span.top(), span.bottom() + 1)})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return rows

    def selected_ids(self) -> list[int]:
        """The ids of the selected words, in table order, read from the table's rows as they are now."""
        ids = [self._id_at(self.proxy.index(r, 0)) for r in self.selected_rows()]
        return [i for i in ids if i is not None]

    def _id_at(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        """The word a table cell shows (through the filter to the model's row), None off the table."""
        value = self.proxy.data(self.proxy.index(index.row(), 0), WORD_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def set_status(self, status: str) -> None:
        """Give the selected words a status."""
        ids = self.selected_ids()
        if not ids:
            return
        n = self.words.set_statuses(ids, status)
        self.model.set_status(set(ids), status)
        self._loaded = (self.words.profile_id, *self.words.version())
        shown = self._tr(status)
        message = (self._tr("One word set to {status}.").format(status=shown) if n == 1
                   else self._tr("{n} words set to {status}.").format(n=n, status=shown))
        self.bar.showMessage(message, 4000)
        self.changed.emit()

    def delete_selected(self) -> None:
        """Delete the selected words, keeping them for an undo (Ctrl+Z or the status bar's Undo)."""
        ids = self.selected_ids()
        if not ids:
            return
        next_row = self.selected_rows()[0]
        deleted = self.words.delete(ids)
        self._undo.append(deleted)
        self.undo_changed.emit()
        # Rows out of the model rather than all read anew: over 10,000 words that is 0.2–0.4 s.
        self.model.remove_ids(set(ids))
        self._after_rows_changed()
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(min(next_row, self.proxy.rowCount() - 1), 0))
        columns, values = deleted.rows["words"]
        text = (
            self._tr("Deleted “{word}”.").format(word=values[0][columns.index("text")])
            if deleted.count == 1
            else self._tr("Deleted {n} words.").format(n=deleted.count)
        )
        self._undo_message = text
        self.bar.showMessage(text, 10_000)
        self.changed.emit()

    def undo(self) -> None:
        """Put the words deleted last back."""
        if not self._undo:
            self.bar.showMessage(self._tr("Nothing to undo."), 3000)
            return
        deleted = self._undo.pop()
        self.undo_changed.emit()
        n = self.words.restore(deleted)
        back = [int(row[0]) for row in deleted.rows["words"][1]]
        header = self.table.horizontalHeader()
        self.model.add_rows(self.words.table(word_ids=back), header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._after_rows_changed()
        self.select_ids(set(back))
        self._undo_message = ""
        message = self._tr("One word put back.") if n == 1 else self._tr("{n} words put back.").format(n=n)
        self.bar.showMessage(message, 4000)
        self.changed.emit()

    def can_undo(self) -> bool:
        """Whether deleted words wait to be put back (by Undo here, in the Teach menu or the status bar)."""
        return bool(self._undo)

    def drop_undo(self) -> None:
        """Deleted words stay deleted: another learner, or a lesson edit made after them, came first."""
        if self._undo:
            self._undo.clear()
            self._undo_message = ""
            self.undo_button.hide()
            self.undo_changed.emit()

    def _after_rows_changed(self) -> None:
        self._loaded = (self.words.profile_id, *self.words.version())
        self._fill_lessons()
        self._update_count()

    def select_ids(self, ids: set[int], current: int | None = None) -> None:
        """Select these words (in one selection of row spans: a call per row is slow over thousands),
        the `current` one (or the first) current."""
        # From the model's rows to the table's: mapping each of 10,000 table rows back costs 0.2 s.
        from_source, last = self.proxy.mapFromSource, len(KEYS) - 1
        places = [from_source(self.model.index(i, 0)) for i, row in enumerate(self.model.rows) if row.id in ids]
        chosen = sorted(p.row() for p in places if p.isValid())
        selection = QItemSelection()
        start = 0
        for i, r in enumerate(chosen):
            if i + 1 == len(chosen) or chosen[i + 1] != r + 1:
                selection.select(self.proxy.index(chosen[start], 0), self.proxy.index(r, last))
                start = i + 1
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(selection, flags)
        if chosen:
            rows = self.model.rows
            here = [p.row() for p in places if p.isValid() and rows[self.proxy.mapToSource(p).row()].id == current]
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(here[0] if here else chosen[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _message_changed(self, message: str) -> None:
        self.undo_button.setVisible(bool(message) and message == self._undo_message and bool(self._undo))

    def _store_edit(self, word_id: int, key: str, value: str) -> None:
        if key == "status":
            self.words.set_statuses([word_id], value)
            self.model.set_status({word_id}, value)
        else:
            self.words.edit(word_id, gloss=value if key == "gloss" else None, note=value if key == "note" else None)
        self._loaded = (self.words.profile_id, *self.words.version())  # what is shown is what is stored
        self.changed.emit()

    def _activated(self, index: QModelIndex) -> None:
        word_id = self._id_at(index)
        if word_id is not None:
            self.open_word(word_id)

    def open_word(self, word_id: int) -> None:
        """Open the lesson a word was saved from, at its sentence's paragraph."""
        word = next((r for r in self.model.rows if r.id == word_id), None)
        if word is None:
            return
        if word.lesson_id is None:
            self.bar.showMessage(self._tr("“{word}” was not saved from a lesson.").format(word=word.text), 4000)
            return
        self.open_requested.emit(word.lesson_id, word.block_pos if word.block_pos is not None else 0)

    def open_current(self) -> None:
        """Open the lesson of the word the table's current row shows now."""
        word_id = self._id_at(self.table.currentIndex())
        if word_id is not None:
            self.open_word(word_id)

    def context_menu(self) -> QMenu:
        """Open the lesson, set the status (1–4), delete."""
        menu = QMenu(self)
        menu.setObjectName("MyWordsMenu")
        open_action = menu.addAction(self._tr("Open the lesson at this sentence"))
        open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        open_action.setEnabled(self.table.currentIndex().isValid())
        open_action.triggered.connect(self.open_current)  # the word current when chosen, not when shown
        status_menu = menu.addMenu(self._tr("Set status"))
        for n, status in enumerate(STATUSES, 1):
            action = status_menu.addAction(self._tr(status))
            action.setShortcut(QKeySequence(str(n)))
            action.triggered.connect(lambda _c=False, s=status: self.set_status(s))
        menu.addSeparator()
        delete = menu.addAction(self._tr("Delete"))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.triggered.connect(self.delete_selected)
        return menu

    # --- keys -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.table.viewport():
            fit_columns(self.table)  # the page fits the window it is in, the sentence the widest column
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or not isinstance(event, QKeyEvent):
            return False
        action = self._key_action(watched, event)
        if action is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the page's own keys win over the window's shortcuts (Ctrl+Z, Ctrl+F)
            return True
        action()
        return True

    def _edit_current(self) -> None:
        """F2: edit the current cell of the table, or its row's meaning where the cell cannot be edited
        (the Word, the Sentence, ...)."""
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        index = self.table.currentIndex()
        if not index.isValid() and self.proxy.rowCount():
            index = self.proxy.index(0, 0)
        if index.isValid() and not index.flags() & Qt.ItemFlag.ItemIsEditable:
            index = index.siblingAtColumn(KEYS.index("gloss"))
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _key_action(self, watched: QObject, event: QKeyEvent) -> Callable[[], None] | None:
        key, mods = event.key(), event.modifiers()
        ctrl = mods & Qt.KeyboardModifier.ControlModifier
        if event.matches(QKeySequence.StandardKey.Find):
            return self._focus_search
        if key == Qt.Key.Key_F2 and not mods:  # from anywhere on the page: never the hidden lesson's Rename
            return self._edit_current
        if watched is self.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return lambda: self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if key == Qt.Key.Key_Escape:
                return self.search.clear if self.search.text() else self.close_requested.emit
            return None
        if watched is not self.table:  # the filter bar's lists and button: only leaving is the page's
            return self.close_requested.emit if key == Qt.Key.Key_Escape else None
        if event.matches(QKeySequence.StandardKey.Undo):
            return self.undo
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not ctrl:
            return self.delete_selected
        if key in STATUS_KEYS and not ctrl and not mods & Qt.KeyboardModifier.AltModifier:
            return lambda: self.set_status(STATUS_KEYS[Qt.Key(key)])
        if key == Qt.Key.Key_Escape:
            return self.close_requested.emit
        return None


def show_page(window: QMainWindow, page: QWidget | None) -> None:
    """Show a page in place of the reading view (None: the reading view again)."""
    stack = window.centralWidget()
    if not isinstance(stack, QStackedWidget) or stack.objectName() != "Pages":
        if page is None:
            return
        reading = window.takeCentralWidget()
        stack = QStackedWidget(window)
        stack.setObjectName("Pages")
        if reading is not None:
            stack.addWidget(reading)
        window.setCentralWidget(stack)
    if page is not None and stack.indexOf(page) < 0:
        stack.addWidget(page)
    stack.setCurrentIndex(0) if page is None else stack.setCurrentWidget(page)
    size_by_current(stack)
    stack.show()  # a central widget set on a shown window would appear only after the event loop turns


def page_showing(window: QMainWindow, page: QWidget | None) -> bool:
    """Whether this page is the one in view."""
    stack = window.centralWidget()
    return page is not None and isinstance(stack, QStackedWidget) and stack.currentWidget() is page
