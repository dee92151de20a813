"""The article: click or key to show translations; hover a noted term for its note."""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractSlider, QApplication, QWidget

from library.model import GlossaryEntry
from library.search import match_spans
from library.wordforms import WORD_RE
from reader.article.search_marks import is_search_mark, mark_selections
from reader.article.state import ArticleBase
from reader.ui.hovercard import entry_html, note_html

MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)


class ArticleView(ArticleBase):
    """Shows a lesson; paragraphs toggle their translation, noted terms show their note on hover."""

    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self.anchorClicked.connect(self._on_anchor)
        # A click shows a translation at once but scrolls it into view only once it cannot be
        # the first click of a double-click: a scroll would move the word the second click is for.
        self._scroll_later = QTimer(self, singleShot=True, interval=QApplication.doubleClickInterval())
        self._scroll_later.timeout.connect(self._scroll_to_pending)
        self._pending = -1
        self._double = False  # the release that ends a double-click is not a click of its own

    def cancel_pending_click(self) -> None:
        """A double-click came: the first click's scroll must not happen, nor may its release toggle."""
        self._scroll_later.stop()
        self._pending = -1
        self._double = True

    def _scroll_to_pending(self) -> None:
        if self.built is not None and self._pending in self.shown and self._pending in self.built.extra_block:
            self._ensure_visible(self._pending)
        self._pending = -1

    # --- search marks -----------------------------------------------------------------
    def mark_search(self, index: int, lang: str, query: str) -> int:
        """Mark where `query` matched in lesson block `index` (its shown translation for a translation hit)
        until the next click, key or search; returns how many places."""
        self.clear_search_marks()
        if self.built is None or self.style_ is None or self.lesson is None or not query.strip():
            return 0
        if lang in ("en", "title"):
            if index not in self.built.starts:
                return 0
            found = match_spans(self.lesson.blocks[index].text, query, english=True)
            spans = [self.built.doc_span(index, s, e) for s, e in found]
        else:
            if index not in self.shown or index not in self.built.has_translation:
                return 0
            block = self.block_for(index, extra=True)  # the translation as shown, note markers and all
            spans = [(block.position() + s, block.position() + e) for s, e in match_spans(block.text(), query, False)]
        marks = mark_selections(self.document(), spans, self.style_.theme)
        self.setExtraSelections(self.extraSelections() + marks)
        return len(marks)

    def clear_search_marks(self) -> None:
        """Take the search marks away (glossary highlights stay)."""
        current = self.extraSelections()
        kept = [sel for sel in current if not is_search_mark(sel)]
        if len(kept) != len(current):
            self.setExtraSelections(kept)

    # --- hover cards ----------------------------------------------------------------
    def show_note(self, note_index: int, near: QRect) -> None:
        """Show the card for note `note_index` under `near` (viewport coordinates)."""
        if self.lesson is None or not 0 <= note_index < len(self.lesson.notes):
            return
        assert self.style_ is not None
        content = note_html(self.lesson.notes[note_index], self.style_.tr("Source"))
        self.card.show_html(f"note:{note_index}", content, self._global(near))

    def show_note_at_anchor(self, note_index: int) -> None:
        """Show a note's card under its marked term (or its paragraph), scrolling it into view."""
        if self.lesson is None or self.built is None or not 0 <= note_index < len(self.lesson.notes):
            return
        anchor = self.lesson.notes[note_index].anchor
        if anchor is not None and anchor.block in self.built.starts:
            start, end = self.built.doc_span(anchor.block, anchor.start, anchor.end)
        elif self.focus_index in self.built.extra_block:
            start = end = self.block_for(self.focus_index).position()
        else:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        first = self.cursorRect(cursor)
        if not self.viewport().rect().contains(first.center()):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + first.top() - self.viewport().height() // 3)
            first = self.cursorRect(cursor)
        cursor.setPosition(end)
        last = self.cursorRect(cursor)
        left = first.left() if last.top() == first.top() else last.left() - 24
        self.show_note(note_index, QRect(left, last.top(), max(24, last.left() - left), last.height()))

    def _show_entry(self, near: QRect) -> None:
        assert self.lesson is not None
        entry: GlossaryEntry = self.lesson.glossary[self.highlight_entry]
        self.card.show_html(f"gloss:{self.highlight_entry}", entry_html(entry), self._global(near), 320)

    def _global(self, rect: QRect) -> QRect:
        return QRect(self.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def _on_hover(self, pos: QPoint) -> None:
        href = self.anchorAt(pos)
        if href.startswith("note:"):
            self.card.cancel_hide()
            if self.card.pinned:
                return
            self.show_note(int(href[5:]), self._line_rect(pos))
            return
        if self.highlight_spans and self._over_text(pos):
            position = self.cursorForPosition(pos).position()
            i = bisect.bisect_right(self.highlight_spans, (position, 1 << 30)) - 1
            if i >= 0 and self.highlight_spans[i][0] <= position <= self.highlight_spans[i][1]:
                self.card.cancel_hide()
                if not self.card.pinned:
                    self._show_entry(self._line_rect(pos))
                return
        self.card.schedule_hide()

    def _line_rect(self, pos: QPoint) -> QRect:
        rect = self.cursorRect(self.cursorForPosition(pos))
        return QRect(pos.x() - 12, rect.top(), 24, rect.height())

    def _over_text(self, pos: QPoint) -> bool:
        point = QPointF(pos.x() + self.horizontalScrollBar().value(), pos.y() + self.verticalScrollBar().value())
        return self.document().documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit) >= 0

    def notes_near(self, index: int) -> list[int]:
        """Notes anchored in paragraph `index`, then those its shown translation refers to."""
        if self.lesson is None or self.built is None:
            return []
        found = [i for i, n in enumerate(self.lesson.notes) if n.anchor is not None and n.anchor.block == index]
        if index in self.shown and index in self.built.has_translation:
            text = self.block_for(index, extra=True).text()
            found += [i for i, n in enumerate(self.lesson.notes) if n.marker and n.marker in text and i not in found]
        return found

    def _on_anchor(self, url: QUrl) -> None:
        href = url.toString()
        if href.startswith("note:"):
            self.show_note(int(href[5:]), self._line_rect(self.viewport().mapFromGlobal(self.cursor().pos())))
            self.card.pin()
        elif href.startswith("add:"):
            self.add_translation_requested.emit(int(href[4:]))

    # --- events -----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        # a new click: a double-click whose last release went elsewhere (the lookup card, a popup, takes
        # the mouse) is over, or this click would be taken for its release and choose nothing
        self._double = False
        self.clear_search_marks()
        self._press = event.position().toPoint()
        if self.card.pinned and not self.anchorAt(self._press).startswith("note:"):
            self.card.close_card()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        on_link, built = bool(self.anchorAt(pos)), self.built
        super().mouseReleaseEvent(event)  # may follow a link, which may rebuild the document
        double, self._double = self._double, False
        if event.button() != Qt.MouseButton.LeftButton or self.built is None or self.built is not built or double:
            return
        moved = (pos - self._press).manhattanLength() > QApplication.startDragDistance()
        if moved or on_link or self.textCursor().hasSelection():
            return
        point = QPointF(pos.x() + self.horizontalScrollBar().value(), pos.y() + self.verticalScrollBar().value())
        block = self.cursorForPosition(pos).block()
        layout = self.document().documentLayout()
        if not layout.blockBoundingRect(block).adjusted(-40, -4, 40, 4).contains(point):
            return
        if block.blockNumber() in (0, self.built.title_extra) and self.built.title_extra >= 0:
            self.set_title_shown(not self.title_shown())  # the title, or its translation under it
            return
        index = self.built.owner.get(block.blockNumber(), -1)
        if index in self.built.extra_block:
            visible = index not in self.shown
            self.set_shown(index, visible, ensure_visible=False)
            if visible:
                self._pending = index
                self._scroll_later.start()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.cancel_pending_click()
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not event.buttons():
            self._on_hover(event.position().toPoint())

    def leaveEvent(self, event: QEvent) -> None:
        self.card.schedule_hide()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key not in MODIFIER_KEYS:  # Ctrl held down to copy is not yet a key of its own
            self.clear_search_marks()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        order = self.paragraphs()
        if not plain or not order:
            super().keyPressEvent(event)
            return
        cur = order.index(self.focus_index) if self.focus_index in order else -1
        if key in (Qt.Key.Key_Down, Qt.Key.Key_J):
            self.set_focus_index(order[min(cur + 1, len(order) - 1)] if cur >= 0 else self._first_on_screen())
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_K):
            self.set_focus_index(order[max(cur - 1, 0)] if cur >= 0 else self._first_on_screen())
        elif key == Qt.Key.Key_Home:
            self.set_focus_index(order[0])
        elif key == Qt.Key.Key_End:
            self.set_focus_index(order[-1])
            self.whole_screen.scrolled_on()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
            self.whole_screen.scrolled_on()
        elif key == Qt.Key.Key_PageUp:
            self.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_T) and cur >= 0:
            self.toggle(self.focus_index)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and cur >= 0:
            self.select_word(1 if key == Qt.Key.Key_Right else -1)
        elif key == Qt.Key.Key_A and cur >= 0:
            self.add_translation_requested.emit(self.focus_index)
        elif key == Qt.Key.Key_N and cur >= 0:
            self._cycle_note()
        elif key == Qt.Key.Key_Escape and (self.card.isVisible() or self.highlight_spans):
            if self.card.isVisible():
                self.card.close_card()
            else:
                self.clear_highlight()
        else:
            super().keyPressEvent(event)

    def select_word(self, step: int) -> None:
        """→ / ←: select the next (previous) word of the focused paragraph, for L to look it up without a mouse."""
        if self.built is None or self.focus_index not in self.built.para_block:
            return
        block = self.block_for(self.focus_index)
        words = [(m.start(), m.end()) for m in WORD_RE.finditer(block.text())]
        if not words:
            return
        cursor = self.textCursor()
        at = cursor.selectionStart() - block.position() if cursor.hasSelection() else -1
        inside = block.position() <= cursor.selectionStart() < block.position() + block.length()
        if not inside or at < 0:
            start, end = words[0] if step > 0 else words[-1]
        else:
            current = next((i for i, (s, _e) in enumerate(words) if s >= at), len(words) - 1)
            start, end = words[min(max(current + step, 0), len(words) - 1)]
        cursor.setPosition(block.position() + start)
        cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.viewport().update()

    def _first_on_screen(self) -> int:
        first = self.first_visible_index()
        order = self.paragraphs()
        return next((i for i in order if i >= first), order[0])

    def _cycle_note(self) -> None:
        notes = self.notes_near(self.focus_index)
        if not notes:
            return
        current = int(self.card.key[5:]) if self.card.isVisible() and self.card.key.startswith("note:") else -1
        self.show_note_at_anchor(notes[(notes.index(current) + 1) % len(notes)] if current in notes else notes[0])
        self.card.pin()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        # keys need a paragraph to act on; a click chooses its own (taking the first on screen here
        # left that one chosen when the click's release was not a click, and edits went to it)
        mouse = getattr(event, "reason", lambda: None)() == Qt.FocusReason.MouseFocusReason
        if self.focus_index < 0 and self.paragraphs() and not mouse:
            self.focus_index = self._first_on_screen()
        self.viewport().update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        super().wheelEvent(event)
        if event.angleDelta().y() < 0 and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.whole_screen.scrolled_on()  # scrolling on where there is nothing more to scroll

    def hideEvent(self, event: Any) -> None:
        self.card.close_card()  # a card must not outlive the article on screen
        self.whole_screen.stop()
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        place = self._place  # before the new width moves the text under the scroll position
        self._keeping_place = True
        try:
            super().resizeEvent(event)
            self._fit_measure()
        finally:
            self._keeping_place = False
        self.keep_place(place)
        moves = self.moves  # a jump made before the timer fires (a search hit, a word's sentence) stands

        def again() -> None:  # once the scroll range follows the new layout
            if self.moves == moves:
                self.keep_place(place)

        QTimer.singleShot(0, again)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()  # what can wait until the reader sees the page starts now
        if self.built is None or self.style_ is None:
            return
        self.reading.update()  # painted is on screen: what the reader saw before scrolling on
        self.whole_screen.painted()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        layout = self.document().documentLayout()
        accent = QColor(self.style_.theme.accent)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        for index in self.shown:
            if index in self.built.has_translation:
                block = self.block_for(index, extra=True)
                rect = layout.blockBoundingRect(block)
                lines = block.layout()
                # as tall as the translation's lines (not its block's margins: a one-line one got a stub)
                height = lines.boundingRect().height() if lines is not None and lines.lineCount() else rect.height()
                painter.drawRect(QRectF(rect.left(), lines.position().y() if lines is not None else rect.top(), 3,
                                        height))
        if self.focus_index >= 0:
            last = self.block_for(self.focus_index, extra=self.focus_index in self.shown)
            rect = self._doc_rect(self.focus_index).adjusted(-10, -5, 10, 0)
            text_layout = last.layout()
            if text_layout is not None and text_layout.lineCount():
                rect.setBottom(text_layout.position().y() + text_layout.boundingRect().bottom() + 5)
            if not self.hasFocus():
                accent.setAlpha(70)
            painter.setPen(QPen(accent, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 6, 6)
        painter.end()
