"""Saved words marked in the article by status: spans found once per lesson with one compiled
pattern, painted only where they are on screen by a transparent layer over the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QTextBlock
from PySide6.QtWidgets import QWidget

from library.study.words import Marks
from reader.article.view import ArticleView
from reader.ui.themes import Theme

# status → (background, underline); the learner sees new and learning words at a glance and
# known words only as a thin solid green line (notes have a dashed blue one).
COLOURS = {
    False: {"new": ("#d7e8fb", "#2f6fb3"), "learning": ("#ffe3a3", "#c98a00"), "known": ("", "#5fa36a")},
    True: {"new": ("#21364f", "#7fb0ea"), "learning": ("#4d3d12", "#e0b040"), "known": ("", "#6fbf7a")},
}


def block_spans(article: ArticleView, marks: Marks, index: int) -> list[tuple[int, int, str]]:
    """Document spans (start, end, status) of the saved words in lesson block `index`."""
    lesson, built = article.lesson, article.built
    if lesson is None or built is None or index not in built.starts:
        return []
    found = marks.find(lesson.blocks[index].text)
    if built.inserts.get(index):
        return [(*built.doc_span(index, s, e), st) for s, e, st in found]
    base = built.starts[index]
    return [(base + s, base + e, st) for s, e, st in found]


def find_spans(article: ArticleView, marks: Marks) -> list[tuple[int, int, str]]:
    """Document spans (start, end, status) of every saved word in the lesson's English text."""
    if article.lesson is None:
        return []
    out: list[tuple[int, int, str]] = []
    for index in range(len(article.lesson.blocks)):
        out += block_spans(article, marks, index)
    return out


class WordMarks(QWidget):
    """A layer over the article's viewport that tints saved words by status."""

    def __init__(self, article: ArticleView) -> None:
        # A sibling over the viewport, not its child: scrolling moves a viewport's children.
        super().__init__(article)
        self.setObjectName("WordMarks")
        self.article = article
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.marks: Marks | None = None
        self._by_block: dict[int, list[tuple[int, int, str]]] = {}
        self._built: object = None  # the document the spans were found in
        self._layout: object = None
        self.dark = False
        self.enabled = True
        article.viewport().installEventFilter(self)
        article.verticalScrollBar().valueChanged.connect(lambda _v: self.update())
        self.setGeometry(article.viewport().geometry())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and isinstance(watched, QWidget):
            self.setGeometry(watched.geometry())
        return False

    def set_marks(self, marks: Marks | None, theme: Theme) -> None:
        """Use these saved words from now on; each paragraph is searched when it is first painted, so a
        long book costs only what is on screen."""
        self.dark = theme.dark
        self.marks = marks if marks is not None and marks.pattern is not None else None
        self._by_block = {}
        layout = self.article.document().documentLayout()
        if layout is not self._layout:  # a new document: follow its layout (translations shown, zoom)
            self._layout = layout
            layout.update.connect(self.update)
        self.update()

    def set_enabled(self, on: bool) -> None:
        """Show or hide the marks (the View menu's toggle)."""
        self.enabled = on
        self.setVisible(on)

    def spans_of(self, index: int) -> list[tuple[int, int, str]]:
        """The marks in lesson block `index` (document positions), computed once."""
        if self._built is not self.article.built:
            # Spans are document positions: another document (an edit rebuilt it) needs its own.
            self._built, self._by_block = self.article.built, {}
        found = self._by_block.get(index)
        if found is None:
            found = block_spans(self.article, self.marks, index) if self.marks is not None else []
            self._by_block[index] = found
        return found

    def marked_words(self) -> list[tuple[str, str]]:
        """(text, status) of every mark in the lesson, in document order."""
        if self.marks is None or self.article.lesson is None:
            return []
        text = self.article.document().toPlainText()
        out = []
        for index in range(len(self.article.lesson.blocks)):
            out += [(text[s:e], st) for s, e, st in self.spans_of(index)]
        return out

    def _rects(self, start: int, end: int) -> list[QRectF]:
        doc = self.article.document()
        block: QTextBlock = doc.findBlock(start)
        if not block.isValid() or not block.isVisible():
            return []
        layout = block.layout()
        origin = doc.documentLayout().blockBoundingRect(block).topLeft()
        rects = []
        a, b = start - block.position(), end - block.position()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            lo, hi = line.textStart(), line.textStart() + line.textLength()
            if hi <= a or lo >= b:
                continue
            x1 = float(line.cursorToX(max(a, lo))[0])  # type: ignore[index]
            x2 = float(line.cursorToX(min(b, hi))[0])  # type: ignore[index]
            rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height()))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        article, built = self.article, self.article.built
        if self.marks is None or not self.enabled or built is None:
            return
        top = article.verticalScrollBar().value()
        height = self.height()
        indexes = article.indexes_between(top, top + height)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-article.horizontalScrollBar().value(), -top)
        colours = COLOURS[self.dark]
        for index in indexes:
            for start, end, status in self.spans_of(index):
                bg, line = colours.get(status, ("", ""))
                for rect in self._rects(start, end):
                    if rect.bottom() < top or rect.top() > top + height:
                        continue
                    if bg:
                        fill = QColor(bg)
                        fill.setAlpha(110)
                        painter.fillRect(rect.adjusted(-1, rect.height() * 0.12, 1, -rect.height() * 0.08), fill)
                    if line:
                        # known words: a thin solid line (a dotted one read as a note's dashed underline)
                        pen = QPen(QColor(line), 1.6 if status != "known" else 1.0)
                        painter.setPen(pen)
                        y = rect.bottom() - rect.height() * 0.1
                        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.end()


def text_offset(article: ArticleView, position: int) -> tuple[int, int] | None:
    """(lesson block index, offset in its English text) of a document position inside English text."""
    built = article.built
    if built is None:
        return None
    block = article.document().findBlock(position)
    index = built.owner.get(block.blockNumber(), -1)
    if index < 0 or built.para_block.get(index) != block.blockNumber():
        return None
    offset = position - built.starts[index]
    shift = 0
    for at, length in zip(built.inserts.get(index, []), built.insert_len.get(index, []), strict=False):
        if at + shift < offset:
            if offset < at + shift + length:
                return None  # on a note marker
            shift += length
    return index, offset - shift
