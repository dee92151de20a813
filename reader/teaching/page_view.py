"""The page view: every line of an imported page with its role, to change roles and fix the English.

The view knows nothing of the library: it shows the lines it is given and asks for each change
with a `PageRequest` through its `request` signal; the page-fixing part makes the change (one
undo step) and gives the view the lines again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFontInfo, QKeyEvent, QKeySequence, QResizeEvent, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.teaching.page_choose import TITLE_CHOICE, button_text, choose_paragraph
from reader.teaching.page_model import (
    LINE,
    ROLE,
    SURE,
    TEXT,
    ChipDelegate,
    PageLineLike,
    PageModel,
    role_label,
)
from reader.teaching.page_pieces import line_cuts, pair_cuts
from reader.teaching.page_requests import (
    PAGE_EDITS,
    PIECE_EDITS,
    PLACE_EDITS,
    ROLE_EDITS,
    KeyedEdit,
    PageEdit,
    PageRequest,
)
from reader.teaching.page_table import PageTable
from reader.teaching.page_words import NO_PIECES, TEXT_ROLES, why_no_text
from reader.ui.elided import ElidedLabel
from reader.ui.safe_text import plain_label
from reader.ui.themes import Theme

__all__ = ["PAGE_EDITS", "PLACE_EDITS", "ROLE_EDITS", "PageEdit", "PageRequest", "PageView", "button_text"]

# Narrower than this, the text column shows too little of a line to tell lines apart (about 25 letters).
TEXT_LEAST = 200



# The keys that put the cursor in the text box from the table (as F2 edits a cell in the word list).
EDIT_KEYS = (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter)

class PageView(QDialog):
    """Lines of the page in a table; a key or the context menu changes the selected lines' role."""

    request = Signal(object)  # a PageRequest

    def __init__(self, theme: Theme, tr: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self._widths = (0, 0, 0, 0)  # the line, role (every name, the names shown) and mark columns'
        self.setObjectName("PageView")
        self.setWindowFlag(Qt.WindowType.Window)
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.hint = plain_label(QLabel(self))
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.model = PageModel(theme, tr, self)
        self.table = PageTable(self)
        self.table.setObjectName("PageLines")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the text box and the buttons
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(ROLE, ChipDelegate(self.table))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        # Widths and heights from the font, not from the rows: sizing to contents asked a book's
        # 2,600 lines for their size at every change (0.4 s).
        header = self.table.horizontalHeader()
        for column in (LINE, ROLE, SURE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("PageLineText")
        self.text.setTabChangesFocus(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        self.save_text = QPushButton(self)
        self.split_here = QPushButton(self)
        self.split_lesson = QPushButton(self)
        self.swap = QPushButton(self)
        self.close_button = QPushButton(self)
        for button in (self.save_text, self.split_here):
            row.addWidget(button)
        row.addStretch(1)
        # The page's buttons below, two a line: on one line they held the view over 540 px wide (about
        # 640 px in Japanese), more than a small window can spare beside the article.
        self.page_buttons = [self.split_lesson, self.swap, self.close_button]
        self.page_row = QGridLayout()
        self._lay_page_buttons()
        layout.addLayout(row)
        # What the last change did, or why it could not be made: here, as the main window may be covered.
        self.status = ElidedLabel(self)  # one line: a long message leaves the text box its room
        self.status.setObjectName("PageStatus")
        layout.addWidget(self.status)
        layout.addLayout(self.page_row)
        self.save_text.clicked.connect(self._fix_text)
        self.split_here.clicked.connect(self._split)
        self.split_lesson.clicked.connect(lambda: self._ask(PageEdit.SPLIT_LESSON))
        self.swap.clicked.connect(lambda: self._ask(PageEdit.SWAP_LANGUAGES))
        self.close_button.clicked.connect(self.close)
        self.actions_: dict[PageEdit, QAction] = {}
        self.texts: dict[PageEdit, str] = {}
        for keyed in (*ROLE_EDITS, *PLACE_EDITS, *PAGE_EDITS):
            self._add_action(keyed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.can_split_lesson = self.can_swap = True
        self.pieces = False  # the current line holds several lines of the page
        self.text.installEventFilter(self)
        self.table.installEventFilter(self)
        self.retranslate(tr)

    def showEvent(self, event: QShowEvent) -> None:
        """Fit inside the window it belongs to: a small window gets a view it can hold."""
        parent = self.parentWidget()
        if parent is not None:
            room = parent.window().size()
            width, height = min(self.width(), room.width()), min(self.height(), room.height())
            self.resize(max(width, self.minimumSizeHint().width()), max(height, self.minimumSizeHint().height()))
        super().showEvent(event)

    def _add_action(self, keyed: KeyedEdit) -> None:
        action = QAction(keyed.text, self)
        if keyed.key:
            action.setShortcut(QKeySequence(keyed.key))
        if keyed.edit is PageEdit.SPLIT:  # at the text box's cursor: the key works there too
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            action.triggered.connect(self._split)
        else:
            # Letters must not fire while the user types in the text box: they belong to the table.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(action)
            action.triggered.connect(lambda _c=False, e=keyed.edit: self._ask(e))
        self.actions_[keyed.edit] = action
        self.texts[keyed.edit] = keyed.text

    def retranslate(self, tr: Callable[[str], str]) -> None:
        """The view's words in the interface language."""
        self.tr_ = tr
        self.setWindowTitle(tr("Page view"))
        self.hint.setText(tr("Every line of the imported page with its role. Select lines, then press a key "
                             "or right-click to change their role; fix a line's English in the box below."))
        self.save_text.setText(tr("Save text"))
        self.split_here.setText(tr("Split at the cursor"))
        self.split_lesson.setText(tr("Split into lessons here"))
        self.swap.setText(tr("Swap languages"))
        self.close_button.setText(tr("Close"))
        for edit, action in self.actions_.items():
            action.setText(tr(self.texts[edit]))
        self.model.retranslate(tr)

    def add_page_button(self, action: QAction, name: str) -> QPushButton:
        """A button on the page's row for one of the window's actions (Re-import from source…)."""
        button = QPushButton(button_text(action.text()), self)
        button.setObjectName(f"PageButton_{name}")
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: button.setText(button_text(action.text())))
        self.page_buttons.insert(len(self.page_buttons) - 1, button)  # Close stays last
        self._lay_page_buttons()
        return button

    def _lay_page_buttons(self) -> None:
        """The page's buttons two a line, Close last (those not offered leave no gap)."""
        for button in self.page_buttons:
            self.page_row.removeWidget(button)
        for i, button in enumerate(b for b in self.page_buttons if not b.isHidden()):
            self.page_row.addWidget(button, i // 2, i % 2)

    def set_theme(self, theme: Theme) -> None:
        """Chips in the theme's colours."""
        self.model.set_theme(theme)

    def draw_japanese_with(self, family: str) -> None:
        """The lines and the text box fall back on a Japanese face: the interface's may have no Japanese, and a
        page's translations showed as empty boxes in the English interface."""
        for widget in (self.table, self.text):
            font = widget.font()
            font.setFamilies([QFontInfo(font).family(), family])  # the face drawn now (not an alias), then Japanese
            widget.setFont(font)

    def set_lines(self, lines: Sequence[PageLineLike], current: int | None = None) -> None:
        """Show the page's lines, keeping the current line (by number) where it still is."""
        keep = current if current is not None else self.current_line()
        self.model.set_lines(lines)
        self._fit_columns()
        row = self._row_near(lines, keep)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, TEXT),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, TEXT))
        self._current_changed(self.model.index(row, 0) if row >= 0 else QModelIndex())

    @staticmethod
    def _row_near(lines: Sequence[PageLineLike], keep: int | None) -> int:
        """The row of line `keep`; where it is gone (split into another lesson, deleted), the line that took its
        place, else the last before it: the view stays where the user was, not at the top."""
        if not lines:
            return -1
        if keep is None:
            return 0
        after = next((i for i, line in enumerate(lines) if line.n >= keep), None)
        return after if after is not None else len(lines) - 1

    def _fit_columns(self) -> None:
        """The number, role and mark columns as wide as their widest text (names with the highest ¶N, so that
        a change of role does not widen it); in a narrow view the role column as wide as the names shown,
        the text keeping what it can. Worked out when the lines change, not at each resize."""
        metrics, model, tr = self.table.fontMetrics(), self.model, self.tr_
        top = len(model.numbers)
        shown = {role_label(line, tr, model.numbers) for line in model.lines} | {tr("Role")}
        every = shown | {tr("Translation of ¶{n}").format(n=top), tr("Paragraph ¶{n}").format(n=top),
                         tr("Translation of a heading"), tr("Note {n}").format(n=99)}

        def width(names: set[str]) -> int:
            return max(metrics.horizontalAdvance(t) for t in names) + 2 * ChipDelegate.PAD + 18

        last = str(model.lines[-1].n) if model.lines else "0"
        widest = max(metrics.horizontalAdvance(last), metrics.horizontalAdvance(tr("Line")))
        self._widths = (widest + 14, width(every), width(shown), metrics.horizontalAdvance("?") + 16)
        self._apply_widths()

    def _apply_widths(self) -> None:
        line, every, shown, sure = self._widths
        narrow = self.table.viewport().width() - line - sure - every < TEXT_LEAST
        self.table.setColumnWidth(ROLE, shown if narrow else every)
        self.table.setColumnWidth(LINE, line)
        self.table.setColumnWidth(SURE, sure)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_widths()  # narrower or wider: the role column gives the text room, or takes it back

    def set_page_actions(self, split_lesson: bool, swap: bool) -> None:
        """Offer 'Split into lessons here' and 'Swap languages' only where the library can do them."""
        self.can_split_lesson, self.can_swap = split_lesson, swap
        self.split_lesson.setVisible(split_lesson)
        self.swap.setVisible(swap)
        self._lay_page_buttons()
        self.actions_[PageEdit.SPLIT_LESSON].setEnabled(split_lesson)
        self.actions_[PageEdit.SWAP_LANGUAGES].setEnabled(swap)

    def row_of(self, n: int) -> int:
        """The table row of page line `n` (-1 if it is not shown)."""
        return next((i for i, line in enumerate(self.model.lines) if line.n == n), -1)

    def shown_texts(self, lines: Sequence[int]) -> tuple[str, ...]:
        """The text the table shows for each of these page lines."""
        texts = {line.n: line.text for line in self.model.lines}
        return tuple(texts.get(n, "") for n in lines)

    def current_line(self) -> int | None:
        """The number of the line the table's cursor is on."""
        row = self.table.currentIndex().row()
        return self.model.lines[row].n if 0 <= row < len(self.model.lines) else None

    def selected_lines(self) -> tuple[int, ...]:
        """The selected lines' numbers in page order (the current line if none is selected)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return tuple(self.model.lines[r].n for r in rows if 0 <= r < len(self.model.lines))

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        """The text box shows the current line whole; English lines can be fixed there."""
        line = self.model.lines[index.row()] if index.isValid() and index.row() < len(self.model.lines) else None
        self.text.setPlainText(line.text if line is not None else "")
        english = line is not None and line.role in TEXT_ROLES
        self.text.setReadOnly(not english)
        self.save_text.setEnabled(english)
        why = "" if english or line is None else self._why_no_text(line.role)
        self.save_text.setToolTip(why)
        self.text.setToolTip(why)
        self.split_here.setEnabled(line is not None)
        self.pieces = line is not None and (
            (line.role in ("paragraph", "heading", "glossary", "unplaced") and bool(line_cuts(line)))
            or (line.role == "translation" and bool(pair_cuts(line.text))))  # a word list read as a translation

    def _why_no_text(self, role: str) -> str:
        return self.tr_(why_no_text(role))

    def show_status(self, text: str, refused: bool = False) -> None:
        """Say what the last change did (or, `refused`, why it was not made) in the view's own status line."""
        self.status.setProperty("refused", refused)
        self.status.setText(text)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and index.row() not in {i.row() for i in self.table.selectionModel().selectedRows()}:
            self.table.selectRow(index.row())
        menu = self.line_menu()
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def line_menu(self) -> QMenu:
        """The menu of changes for the selected lines, each with its key."""
        menu = QMenu(self)
        menu.setObjectName("PageLineMenu")
        for group in (ROLE_EDITS, PLACE_EDITS, PAGE_EDITS):
            for keyed in group:
                action = self.actions_[keyed.edit]
                if action.isEnabled() and (self.pieces or keyed.edit not in PIECE_EDITS):
                    menu.addAction(action)
            menu.addSeparator()
        return menu

    def _ask(self, edit: PageEdit) -> None:
        lines = self.selected_lines()
        if not lines and edit is not PageEdit.SWAP_LANGUAGES:
            return
        if edit is PageEdit.TRANSLATES:
            self._ask_paragraph(lines)
            return
        if edit in PIECE_EDITS and not self.pieces:  # the key answers: no line of the page to cut it into
            self.show_status(self.tr_(NO_PIECES), refused=True)
            return
        if edit in (PageEdit.SPLIT_LESSON, *PIECE_EDITS):
            lines = lines[:1]
        self.request.emit(PageRequest(edit, lines, shown=self.shown_texts(lines)))

    def _ask_paragraph(self, lines: tuple[int, ...]) -> None:
        """'This translates paragraph…': the title first, then the paragraphs by the reader's numbers (each
        given by its block, what the library places on), starting at the one above the selected lines."""
        firsts: dict[int, str] = {}
        for line in self.model.lines:
            if line.block in self.model.numbers and line.block not in firsts:
                firsts[line.block] = line.text
        paragraphs = list(firsts.items())
        title = next((line.text for line in self.model.lines if line.role == "title"), None)
        chosen = choose_paragraph(self, self.tr_, paragraphs, self._paragraph_above(lines[0], paragraphs), title)
        if chosen == TITLE_CHOICE:
            self.request.emit(PageRequest(PageEdit.TITLE_TRANSLATION, lines, shown=self.shown_texts(lines)))
        elif chosen is not None:
            self.request.emit(PageRequest(PageEdit.TRANSLATES, lines, target=paragraphs[chosen][0],
                                          shown=self.shown_texts(lines)))

    def _paragraph_above(self, n: int, paragraphs: Sequence[tuple[int, str]]) -> int:
        """The index in `paragraphs` of the nearest paragraph before line `n` (TITLE_CHOICE where the title
        is nearer; the first paragraph where there is neither)."""
        blocks = [block for block, _text in paragraphs]
        row = self.row_of(n)
        for line in reversed(self.model.lines[:max(0, row)]):
            if line.role == "title":
                return TITLE_CHOICE
            if line.role == "paragraph" and line.block in blocks:
                return blocks.index(line.block)
        return 0

    def _split(self) -> None:
        """Split the current line at the text box's cursor; where the cursor is at an end of the line
        (or no line is chosen) there is nothing to split, and the status line says what to do."""
        line = self.current_line()
        at = self.text.textCursor().position()
        if line is None:
            self.show_status(self.tr_("Choose a line to split first."), refused=True)
        elif not 0 < at < len(self.text.toPlainText()):
            self.show_status(self.tr_("Put the cursor in the box below where the line is to be split, "
                                      "then split (Ctrl+Enter)."), refused=True)
        else:
            self.request.emit(PageRequest(PageEdit.SPLIT, (line,), at=at, shown=self.shown_texts((line,))))

    def _fix_text(self) -> None:
        line = self.current_line()
        if line is not None:
            self.request.emit(PageRequest(PageEdit.FIX_TEXT, (line,), text=self.text.toPlainText(),
                                          shown=self.shown_texts((line,))))

    def typing(self) -> bool:
        """Whether the box holds typing not saved yet (it reads otherwise than the current line)."""
        row = self.table.currentIndex().row()
        shown = self.model.lines[row].text if 0 <= row < len(self.model.lines) else ""
        return self.text.toPlainText() != shown

    def keep_typed(self, line: int, text: str) -> None:
        """Put back in the box what the user typed for `line` (a refused "Save text" showed the line anew)."""
        if self.current_line() == line and self.text.toPlainText() != text:
            self.text.setPlainText(text)
            self.text.moveCursor(QTextCursor.MoveOperation.End)

    def edit_text(self) -> None:
        """F2 or Enter on a line: the cursor in the text box at the end of the line, to fix or split it."""
        if self.current_line() is None:
            return
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.moveCursor(QTextCursor.MoveOperation.End)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in EDIT_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.edit_text()
            return True
        # Ctrl+Z / Ctrl+Shift+Z in the box: the typing not saved yet is the editor's to undo; with none,
        # the keys are the window's Undo and Redo of the last page change (as in the table).
        if (watched is self.text and event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo))
                and not self.typing()):
            event.ignore()
            return True
        # Typing in the box of a line "Save text" does not take: the status line says why, not nothing.
        if (watched is self.text and event.type() == QEvent.Type.KeyPress and self.text.isReadOnly()
                and isinstance(event, QKeyEvent) and event.text().isprintable() and event.text().strip()
                and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
            line = self.model.lines[self.table.currentIndex().row()] if self.current_line() is not None else None
            if line is not None:
                self.show_status(self._why_no_text(line.role), refused=True)
        return super().eventFilter(watched, event)
