"""Pages for a printed handout: spacing in points, and page breaks where a reader expects them.

QTextDocument breaks pages line by line and knows no "keep with next": a heading can end a
page with its text on the next, and a paragraph can leave one line alone on a page. Here the
document is laid out for the page and a break is put before such a block, until none is left."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPagedPaintDevice, QTextBlock, QTextCursor, QTextDocument, QTextFormat

MARGIN_CM = 2.0
PARAGRAPH_GAP_PT = 8.0  # after each paragraph
HEADING_GAP_PT = 14.0  # before each heading

LAST_PAGE_LINES = 3  # fewer lines than this on the last page look like a mistake
KEEP_LINES = 10  # a heading's section this short (an answer list, say) is read as one and kept on one page
BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def set_up_pages(doc: QTextDocument, device: QPagedPaintDevice) -> float:
    """Lay `doc` out for the device's pages (2 cm margins); returns the page height in layout units."""
    doc.documentLayout().setPaintDevice(device)
    # The page is in the device's pixels; the layout reads margins as 96-dpi pixels and scales them.
    css_dpi = 96.0
    root = doc.rootFrame()
    fmt = root.frameFormat()
    fmt.setMargin(MARGIN_CM / 2.54 * css_dpi)
    root.setFrameFormat(fmt)
    doc.setPageSize(QSizeF(device.width(), device.height()))
    _space_blocks(doc, css_dpi / 72.0)
    return doc.pageSize().height()


def _space_blocks(doc: QTextDocument, per_pt: float) -> None:
    """Space after paragraphs and before headings, in points (the handout's style sheet gives none
    that survives printing)."""
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.headingLevel() > 0:
            fmt.setTopMargin(HEADING_GAP_PT * per_pt if block.previous().isValid() else 0)
            fmt.setBottomMargin(PARAGRAPH_GAP_PT * per_pt / 2)
        else:  # an empty paragraph too: it is what follows a table (the word bank)
            fmt.setBottomMargin(max(fmt.bottomMargin(), PARAGRAPH_GAP_PT * per_pt))
        QTextCursor(block).setBlockFormat(fmt)
        block = block.next()


def _lines_by_page(doc: QTextDocument, block: QTextBlock, page: float) -> list[int]:
    """The page number of each of a block's lines."""
    layout = block.layout()
    top = doc.documentLayout().blockBoundingRect(block).top()
    return [int((top + layout.lineAt(i).y()) // page) for i in range(layout.lineCount())]


def _break_before(block: QTextBlock) -> bool:
    fmt = block.blockFormat()
    if fmt.pageBreakPolicy() & BREAK_BEFORE:
        return False
    fmt.setPageBreakPolicy(fmt.pageBreakPolicy() | BREAK_BEFORE)
    QTextCursor(block).setBlockFormat(fmt)
    return True


def _next_text_block(block: QTextBlock) -> QTextBlock:
    nxt = block.next()
    while nxt.isValid() and not nxt.text().strip():
        nxt = nxt.next()
    return nxt


def _with_heading(block: QTextBlock) -> QTextBlock:
    """The block, or the heading right before it: a heading keeps with its text."""
    previous = block.previous()
    while previous.isValid() and not previous.text().strip():
        previous = previous.previous()
    return previous if previous.isValid() and previous.blockFormat().headingLevel() > 0 else block


def _section_lines(doc: QTextDocument, heading: QTextBlock, page: float) -> list[int]:
    """The page of each line from a heading to the next heading (or the end), at most KEEP_LINES + 1 of them."""
    pages: list[int] = []
    block = heading
    while block.isValid() and len(pages) <= KEEP_LINES:
        if block != heading and block.blockFormat().headingLevel() > 0:
            break
        if block.text().strip():
            pages += _lines_by_page(doc, block, page)
        block = block.next()
    return pages


def _fix_one(doc: QTextDocument, page: float) -> bool:
    """Put a page break before the first block that ends a page badly; False if none does."""
    block = doc.begin()
    last_page_lines: list[QTextBlock] = []
    pages_end = 0
    while block.isValid():
        pages = _lines_by_page(doc, block, page) if block.text().strip() else []
        if pages and block.previous().isValid():
            heading = block.blockFormat().headingLevel() > 0
            nxt = _next_text_block(block)
            if heading and nxt.isValid():
                following = _lines_by_page(doc, nxt, page)
                if following and following[0] > pages[-1] and _break_before(block):
                    return True  # a heading at a page's foot goes over with its text
                section = _section_lines(doc, block, page)
                if len(section) <= KEEP_LINES and section[0] != section[-1] and _break_before(block):
                    return True  # a short list split over two pages goes over whole, with its heading
            first_page, last_page = pages[0], pages[-1]
            if first_page != last_page:
                on_first = pages.count(first_page)
                on_last = pages.count(last_page)
                # one line left alone at a page's foot or head: the paragraph moves over (with its heading)
                if (on_first < 2 or on_last < 2) and _break_before(_with_heading(block)):
                    return True
        if pages:
            if pages[-1] > pages_end:
                pages_end, last_page_lines = pages[-1], []
            last_page_lines += [block] * sum(1 for p in pages if p == pages_end)
        block = block.next()
    if pages_end > 0 and len(last_page_lines) < LAST_PAGE_LINES:  # a near-empty last page: take a block more
        previous = last_page_lines[0].previous()
        while previous.isValid() and not previous.text().strip():
            previous = previous.previous()
        if previous.isValid() and previous.previous().isValid() and _break_before(_with_heading(previous)):
            # the break an earlier round put on the last page would now open a page of its own
            _clear_breaks_from(last_page_lines[0])
            return True
    return False


def _clear_breaks_from(block: QTextBlock) -> None:
    """Take the page breaks off this block and every block after it."""
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.pageBreakPolicy() & BREAK_BEFORE:
            fmt.setPageBreakPolicy(fmt.pageBreakPolicy() & ~BREAK_BEFORE)
            QTextCursor(block).setBlockFormat(fmt)
        block = block.next()


def pages_with_text(doc: QTextDocument, page: float) -> int:
    """How many pages hold a line of text. The layout's height ends with the last line's leading and the
    page's bottom margin, which spill onto a page of their own when that line is at the page's foot."""
    last = 0
    block = doc.begin()
    while block.isValid():
        if block.text().strip():
            last = max(last, *_lines_by_page(doc, block, page))
        block = block.next()
    return last + 1


def paginate(doc: QTextDocument, page: float, rounds: int = 200) -> int:
    """Move blocks to the next page until no heading ends a page and no line stands alone; returns breaks made."""
    made = 0
    while made < rounds and _fix_one(doc, page):
        made += 1
    return made
