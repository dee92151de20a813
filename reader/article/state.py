"""The article's state: one document per lesson, shown translations, paragraph focus, highlights."""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import QPoint, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from library.model import Lesson
from library.wordforms import find_forms, word_forms
from reader.article.document import BuiltDoc, DocStyle, build_document
from reader.article.read_tracker import ReadTracker
from reader.article.search_marks import clean_top
from reader.article.whole_screen import WholeScreenWatch
from reader.ui.hovercard import HoverCard

EMPTY_STATE = "No lesson open — choose one in the library, or import a page (Ctrl+O)."

MEASURE_EM = 40  # comfortable line length, in ems of the body text
HEAD = -2  # a reading place in the title and caption above the first block (its "into": how far down them)


class ArticleBase(QTextBrowser):
    """A lesson's document with its translations shown or hidden, a paragraph focus and highlights."""

    add_translation_requested = Signal(int)
    position_changed = Signal(int, float)
    focus_moved = Signal(int)  # the paragraph focus moved, however it moved (click, key, search hit, code)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ArticleView")
        self._own_viewport()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        # Lessons are longer than a screen. A scroll bar that came and went would change the
        # column's width, and the whole lesson would be laid out again.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.card = HoverCard(self)
        self.built: BuiltDoc | None = None
        self.style_: DocStyle | None = None
        self.shown: set[int] = set()
        self._focus = -1
        self.highlight_spans: list[tuple[int, int]] = []
        self.highlight_entry = -1
        self._press = QPoint()
        self._pos_timer = QTimer(self, singleShot=True, interval=500)
        self._pos_timer.timeout.connect(self.report_position)
        self.reading = ReadTracker(self)
        self.whole_screen = WholeScreenWatch(self)
        self._place: tuple[int, float] = (-1, 0.0)
        self._keeping_place = False
        self.moves = 0  # how often the view was moved on purpose (a lesson shown, a jump): see resizeEvent
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    def _scrolled(self, _value: int) -> None:
        self.reading.update()  # every step of a scroll: the paragraphs passed on the way count as read
        if not self._keeping_place:
            self._place = self._top_place()
        self._pos_timer.start()

    @property
    def keeping_place(self) -> bool:
        """The view scrolls back to the reader's place after a new layout: not the reader scrolling."""
        return self._keeping_place

    @property
    def focus_index(self) -> int:
        """The lesson block with the paragraph focus (-1: none)."""
        return self._focus

    @focus_index.setter
    def focus_index(self, index: int) -> None:
        moved, self._focus = index != self._focus, index
        if moved:
            self.focus_moved.emit(index)

    # --- the reading place: kept through resizes, zoom and font changes --------------------------
    def _top_place(self) -> tuple[int, float]:
        """The paragraph at the top of the screen, and how far into it (0 to 1) the top edge is."""
        if self.built is None or not self.built.para_block:
            return (-1, 0.0)
        layout, top = self.document().documentLayout(), self.verticalScrollBar().value()
        head = layout.blockBoundingRect(self.block_for(min(self.built.para_block))).top()
        if top < head:  # the title and caption are on screen: they are the place to keep, not the first paragraph
            return (HEAD, top / head)
        index = self.first_visible_index()
        if index not in self.built.para_block:
            return (-1, 0.0)
        rect = layout.blockBoundingRect(self.block_for(index))
        return (index, min(1.0, max(0.0, (top - rect.top()) / rect.height())) if rect.height() else 0.0)

    def keep_place(self, place: tuple[int, float] | None = None) -> None:
        """Scroll back to the paragraph that was at the top (after the text was laid out anew)."""
        index, into = place or self._place
        if self.built is None or not self.built.para_block or (index, into) == (-1, 0.0):
            return
        if index != HEAD and index not in self.built.para_block:
            return
        self._keeping_place = True
        try:
            layout = self.document().documentLayout()
            if index == HEAD:
                head = layout.blockBoundingRect(self.block_for(min(self.built.para_block))).top()
                self.verticalScrollBar().setValue(int(into * head))
            else:
                rect = layout.blockBoundingRect(self.block_for(index))
                self.verticalScrollBar().setValue(int(rect.top() + into * rect.height()))
        finally:
            self._keeping_place = False
        self._place = (index, into)

    def _own_viewport(self) -> None:
        """Give the view a viewport made here, set up as Qt sets up its own.

        Qt makes the viewport in C++; the first time Python asks for it, PySide looks through
        every QWidget subclass to find its type, about 30 ms of every start-up."""
        viewport = QWidget(self)
        self.setViewport(viewport)
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        viewport.setAcceptDrops(True)  # dropped files reach the window through it
        viewport.setCursor(Qt.CursorShape.ArrowCursor)
        viewport.setMouseTracking(True)  # hover cards
        self.document().documentLayout().setPaintDevice(viewport)

    # --- content ----------------------------------------------------------------
    @property
    def lesson(self) -> Lesson | None:
        """The lesson the article shows: the one its document was built from (the window's Reading owns it)."""
        return self.built.lesson if self.built is not None else None

    def set_lesson(self, lesson: Lesson | None, style: DocStyle, keep_state: bool = False) -> None:
        """Show a lesson (or nothing); with keep_state, shown translations, focus and scroll survive."""
        self.moves += 1
        scroll = self.verticalScrollBar().value()
        place = self._place if keep_state else (-1, 0.0)
        self._keeping_place = keep_state  # setting the document scrolls to the top: not the reader's place
        shown, focus = (set(self.shown), self.focus_index) if keep_state else (set(), -1)
        title_shown = keep_state and self.title_shown()
        focus_before = self._focus
        entry = self.highlight_entry if keep_state else -1
        self.card.close_card()
        self.style_ = style
        old = self.built
        self.built = build_document(lesson, style) if lesson is not None else None
        if self.built is not None:
            self.built.doc.setParent(self)
            self._fit_measure(force=True)  # margins first: the view lays the document out once
            self.setDocument(self.built.doc)
        else:
            # An empty document of its own: clearing would empty the old one, which is deleted
            # next while the view still paints it (the crash on deleting the open lesson).
            self.setDocument(QTextDocument(self))
            self.document().documentLayout().setPaintDevice(self.viewport())
            # Plain text, so that a blank view never looks like a lesson that failed to paint.
            QTextCursor(self.document()).insertText(style.tr(EMPTY_STATE))
        if old is not None:
            old.doc.deleteLater()
        # the focus is set quietly while the document is rebuilt; one focus_moved at the end if it moved
        self.shown, self._focus = set(), -1
        self.highlight_spans, self.highlight_entry = [], -1
        self.setExtraSelections([])
        self.reading.reset(keep=keep_state)
        if not keep_state:
            self.whole_screen.stop()  # a new lesson: its own wait starts when it is painted
        self.card.apply_theme(style.theme, [style.body_family] + ([style.ja_family] if style.ja_family else []),
                              max(9.0, style.size * 0.82))
        if self.built is None:
            self._keeping_place, self._place = False, (-1, 0.0)
            if focus_before != -1:
                self.focus_moved.emit(-1)
            return
        # Kept by paragraph number: a number an undone split or a join took away is gone now.
        shown = {index for index in shown if index in self.built.extra_block}
        for index in shown:
            self._set_extra_visible(index, True, dirty=False)
        if title_shown:
            self.set_title_shown(True, dirty=False)
        if shown or title_shown:
            self.built.doc.markContentsDirty(0, self.built.doc.characterCount())
        self._focus = focus if focus in self.built.para_block else -1
        if entry >= 0:
            self.highlight(entry, scroll_to_first=False)
        self._keeping_place = False
        if not keep_state:
            self._place = self._top_place()
        if keep_state:
            self.verticalScrollBar().setValue(scroll)
            self.keep_place(place)  # zoom or a new font: the same paragraph stays at the top
        if self._focus != focus_before:
            self.focus_moved.emit(self._focus)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Never fetch anything: no network, no local files; only the program's own resources load."""
        if QUrl(name).scheme() in ("qrc", "data"):
            return super().loadResource(kind, name)
        return None

    def paragraphs(self) -> list[int]:
        """Lesson block indexes of the paragraphs, in order."""
        if self.built is None:
            return []
        return [i for i in self.built.extra_block]

    def block_for(self, index: int, extra: bool = False) -> QTextBlock:
        """The QTextBlock of lesson block `index` (or of its translation/prompt)."""
        assert self.built is not None
        number = (self.built.extra_block if extra else self.built.para_block)[index]
        return self.built.doc.findBlockByNumber(number)

    # --- translations -----------------------------------------------------------
    def is_shown(self, index: int) -> bool:
        """Whether the translation (or prompt) under paragraph `index` is showing."""
        return index in self.shown

    def toggle(self, index: int) -> None:
        """Show or hide what is under a paragraph: its translation, or the no-translation prompt."""
        if self.built is None or index not in self.built.extra_block:
            return
        self.set_shown(index, index not in self.shown)

    def set_shown(self, index: int, visible: bool, ensure_visible: bool = True) -> None:
        """Show or hide paragraph `index`'s translation (or prompt), keeping it on screen; a heading has none."""
        if self.built is None or index not in self.built.extra_block:
            return
        self._set_extra_visible(index, visible)
        self.focus_index = index
        if visible and ensure_visible:
            self._ensure_visible(index)
        self.viewport().update()

    def _set_extra_visible(self, index: int, visible: bool, dirty: bool = True) -> None:
        assert self.built is not None
        block = self.block_for(index, extra=True)
        if block.isVisible() == visible:
            return
        block.setVisible(visible)
        if visible:
            self.shown.add(index)
        else:
            self.shown.discard(index)
        if dirty:
            self.built.doc.markContentsDirty(block.position(), block.length())

    def title_shown(self) -> bool:
        """Whether the title's translation is showing under the title."""
        return self.built is not None and self.built.title_extra >= 0 and self.built.doc.findBlockByNumber(
            self.built.title_extra).isVisible()

    def set_title_shown(self, visible: bool, dirty: bool = True) -> None:
        """Show or hide the title's translation (a lesson without one has nothing to show)."""
        if self.built is None or self.built.title_extra < 0:
            return
        block = self.built.doc.findBlockByNumber(self.built.title_extra)
        if block.isVisible() != visible:
            block.setVisible(visible)
            if dirty:
                self.built.doc.markContentsDirty(block.position(), block.length())
                self.viewport().update()

    def show_all(self, visible: bool) -> None:
        """Show every translation (the title's too), or hide every translation and prompt."""
        if self.built is None:
            return
        self.set_title_shown(visible, dirty=False)
        for index in self.built.extra_block:  # prompts close either way: "all" means all translations
            self._set_extra_visible(index, visible and index in self.built.has_translation, dirty=False)
        self.built.doc.markContentsDirty(0, self.built.doc.characterCount())
        self.viewport().update()

    # --- focus, scrolling, position --------------------------------------------------
    def set_focus_index(self, index: int, ensure_visible: bool = True) -> None:
        """Put the visible paragraph focus on lesson block `index`."""
        if self.built is None or index not in self.built.extra_block:
            return
        self.focus_index = index
        if ensure_visible:
            self._ensure_visible(index)
        self.viewport().update()

    def _doc_rect(self, index: int) -> QRectF:
        layout = self.document().documentLayout()
        rect = layout.blockBoundingRect(self.block_for(index))
        if index in self.shown:
            rect = rect.united(layout.blockBoundingRect(self.block_for(index, extra=True)))
        return rect

    def _ensure_visible(self, index: int) -> None:
        rect = self._doc_rect(index)
        bar = self.verticalScrollBar()
        top, height = bar.value(), self.viewport().height()
        if rect.top() < top + 8:
            bar.setValue(int(rect.top()) - 16)
        elif rect.bottom() > top + height - 8:
            bar.setValue(int(min(rect.top() - 16, rect.bottom() - height + 16)))

    def scroll_to(self, index: int) -> None:
        """Scroll so that lesson block `index` is at the top."""
        self.moves += 1
        if self.built is None or index not in self.built.para_block:
            return
        self.reading.jump()  # the reading position moves; nothing is read by it
        frame_top = self._doc_rect(index).top() - 5  # the focus frame, as paintEvent draws it
        self.verticalScrollBar().setValue(clean_top(self.document(), self.block_for(index), frame_top))

    def indexes_between(self, top: float, bottom: float) -> list[int]:
        """Lesson blocks (paragraphs and headings) whose English text lies between two document heights.

        Found from the English blocks' tops, which are always shown and in order: a point
        test (cursorForPosition) can land on a hidden translation block, laid out at 0,0, and
        name a paragraph far from the screen."""
        if self.built is None:
            return []
        doc, layout, numbers = self.built.doc, self.document().documentLayout(), self.built.para_block
        order = list(numbers)  # lesson order, which is document order

        def top_of(index: int) -> float:
            return layout.blockBoundingRect(doc.findBlockByNumber(numbers[index])).top()

        # the last block starting at or above `top` reaches onto the screen (its translation too)
        lo = max(0, bisect.bisect_right(order, top, key=top_of) - 1)
        return order[lo:bisect.bisect_right(order, bottom, key=top_of)]

    def first_visible_index(self) -> int:
        """The first lesson block whose text is on screen."""
        if self.built is None:
            return 0
        layout, top = self.document().documentLayout(), self.verticalScrollBar().value()
        for index, number in self.built.para_block.items():
            if layout.blockBoundingRect(self.built.doc.findBlockByNumber(number)).bottom() > top:
                return index
        return 0

    def reading_index(self) -> int:
        """The paragraph the reader is on: the focused one if it is on screen, else the first on screen."""
        order = self.paragraphs()
        if self.built is None or not order:
            return -1
        if self.focus_index in order:
            rect = self._doc_rect(self.focus_index)
            top = self.verticalScrollBar().value()
            if rect.bottom() > top and rect.top() < top + self.viewport().height():
                return self.focus_index
        first = self.first_visible_index()
        return next((i for i in order if i >= first), order[-1])

    def report_position(self) -> None:
        """Tell the window which paragraph is at the top and how far through the lesson the reader is."""
        if self.built is None:
            return
        self.reading.update()
        bar = self.verticalScrollBar()
        # At the end, the last paragraph: opened there again the view goes as far as it can, to the end,
        # in a window of any size (the first paragraph on screen would open at the top, the last one cut).
        at_end = 0 < bar.maximum() <= bar.value() and bool(self.built.para_block)
        place = next(reversed(self.built.para_block)) if at_end else self.first_visible_index()
        self.position_changed.emit(place, self.reading.progress())

    def stop_tracking(self) -> None:
        """Report the reading position now and stop reporting it."""
        if self._pos_timer.isActive():
            self._pos_timer.stop()
            self.report_position()
        self.built = None

    def visible_text(self) -> str:
        """The text of every block that is on screen now, as a reader sees it."""
        doc, layout = self.document(), self.document().documentLayout()
        top = self.verticalScrollBar().value()
        view = QRectF(0, top, self.viewport().width(), self.viewport().height())
        lines: list[str] = []
        block = doc.begin()
        while block.isValid():
            if block.isVisible() and layout.blockBoundingRect(block).intersects(view):
                lines.append(block.text().replace("\u2028", "\n"))  # a translation's lines (document.one_block)
            block = block.next()
        return "\n".join(lines)

    # --- glossary highlights -------------------------------------------------------
    def highlight(self, entry_index: int, scroll_to_first: bool = True) -> int:
        """Mark every occurrence of a glossary entry (inflections too); returns how many."""
        if self.lesson is None or self.built is None or not 0 <= entry_index < len(self.lesson.glossary):
            return 0
        entry = self.lesson.glossary[entry_index]
        forms = word_forms(entry.term, entry.pos)
        spans: list[tuple[int, int]] = []
        for index, block in enumerate(self.lesson.blocks):
            if index in self.built.starts:
                spans += [self.built.doc_span(index, s, e) for s, e in find_forms(block.text, forms)]
        spans.sort()
        fmt = QTextCharFormat()
        assert self.style_ is not None
        fmt.setBackground(QColor(self.style_.theme.highlight_bg))
        selections = []
        for start, end in spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor, sel.format = cursor, fmt
            selections.append(sel)
        self.setExtraSelections(selections)
        self.highlight_spans, self.highlight_entry = spans, entry_index
        if spans and scroll_to_first:
            rect = self.document().documentLayout().blockBoundingRect(self.document().findBlock(spans[0][0]))
            bar = self.verticalScrollBar()
            if not bar.value() <= rect.top() <= bar.value() + self.viewport().height() - rect.height():
                self.reading.jump()
                bar.setValue(int(rect.top()) - self.viewport().height() // 3)
        return len(spans)

    def clear_highlight(self) -> None:
        """Remove glossary highlights."""
        self.highlight_spans, self.highlight_entry = [], -1
        self.setExtraSelections([])

    def highlighted_words(self) -> list[str]:
        """The highlighted text, in document order."""
        text = self.document().toPlainText()
        return [text[s:e] for s, e in self.highlight_spans]

    def _fit_measure(self, force: bool = False) -> None:
        """Centre the text in a column of comfortable width."""
        if self.built is None or self.style_ is None:
            return
        em = self.style_.size * self.logicalDpiY() / 72.0
        margin = max(8.0, (self.viewport().width() - MEASURE_EM * em) / 2 - 28)
        root = self.built.doc.rootFrame()
        fmt: QTextFrameFormat = root.frameFormat()
        if force or abs(fmt.leftMargin() - margin) > 1:
            fmt.setLeftMargin(margin)
            fmt.setRightMargin(margin)
            root.setFrameFormat(fmt)
