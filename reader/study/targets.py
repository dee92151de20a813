"""Which words of the article a lookup is about: the word under the pointer, or the selection
snapped to its letters, as (text, lesson block index, start, end) in the block's English text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QTextCursor

from library.study.phrases import Known, phrase_at
from library.wordforms import WORD_RE
from reader.article.document import TITLE
from reader.article.view import ArticleView
from reader.article.word_marks import text_offset

Target = tuple[str, int, int, int]  # text, lesson block index, start, end
TITLE_INDEX = -1  # the block index of a word in the lesson's title (not one of its blocks)


def _place(article: ArticleView, position: int) -> tuple[int, int] | None:
    """(block index, offset) of a document position in English text; the title is text to look up too."""
    place = text_offset(article, position)
    if place is not None:
        return place
    block = article.document().findBlock(position)
    if block.blockNumber() == 0 and block.userState() == TITLE:
        return TITLE_INDEX, position - block.position()
    return None


def english_of(article: ArticleView, index: int) -> str:
    """The English text of a lesson block, or the title's for TITLE_INDEX."""
    assert article.lesson is not None
    return article.lesson.title if index == TITLE_INDEX else article.lesson.blocks[index].text


def word_at(article: ArticleView, pos: QPoint) -> Target | None:
    """(word, block index, start, end) of the English word at a viewport point."""
    cursor = article.cursorForPosition(pos)
    place = _place(article, cursor.position())
    if place is None or article.lesson is None:
        return None
    index, offset = place
    text = english_of(article, index)
    for m in WORD_RE.finditer(text):
        if m.start() <= offset <= m.end() and (offset < m.end() or m.start() == offset):
            return m.group(), index, m.start(), m.end()
        if m.start() > offset:
            break
    return None


def phrase_target(article: ArticleView, target: Target, known: Known) -> Target:
    """The longest dictionary phrase around a word looked up ("prime minister" for "minister"), or the word."""
    _word, index, start, end = target
    text = english_of(article, index)
    phrase = phrase_at(text, start, end, known)
    if phrase is None:
        return target
    return " ".join(text[phrase.start : phrase.end].split()), index, phrase.start, phrase.end


def selection_target(article: ArticleView) -> Target | None:
    """The selected English text (a word or phrase) as (text, block index, start, end)."""
    cursor = article.textCursor()
    if not cursor.hasSelection() or article.lesson is None:
        return None
    first = _place(article, cursor.selectionStart())
    last = _place(article, cursor.selectionEnd())
    if first is None or last is None or first[0] != last[0]:
        return None
    index = first[0]
    text = english_of(article, index)
    start, end = first[1], last[1]
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    # a selection that ends inside a word ("…models develo") means the whole word
    while 0 < start < len(text) and text[start - 1].isalnum():
        start -= 1
    while start < end < len(text) and text[end].isalnum():
        end += 1
    if start >= end or len(text[start:end].split()) > 8:
        return None
    return " ".join(text[start:end].split()), index, start, end


def select_target(article: ArticleView, target: Target) -> None:
    """Select on screen the words a lookup is about (a selection snapped to whole words shows them whole)."""
    _text, index, start, end = target
    built = article.built
    if built is None:
        return
    if index == TITLE_INDEX:
        base = article.document().begin().position()
        first, last = base + start, base + end
    elif index in built.starts:
        first, last = built.doc_span(index, start, end)
    else:
        return
    cursor = QTextCursor(article.document())
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    article.setTextCursor(cursor)


def near(article: ArticleView, pos: QPoint) -> QRect:
    """A small global rectangle on the line at viewport point `pos`, for a card to stand under."""
    rect = article.cursorRect(article.cursorForPosition(pos))
    local = QRect(pos.x() - 12, rect.top(), 24, rect.height())
    return QRect(article.viewport().mapToGlobal(local.topLeft()), local.size())
