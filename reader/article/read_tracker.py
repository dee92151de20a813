"""How much of a lesson was actually read: paragraphs the reader scrolled past, or saw at the end."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.article.state import ArticleBase


class ReadTracker:
    """Counts a paragraph as read once it has been on screen and then scrolled off the top
    (a page at a time or less), or is on screen when the reader reaches the end. Opening a
    lesson or jumping to a word far down puts paragraphs on screen but reads none of them.

    A lesson whose whole text is on screen has nothing to scroll: it is read once the reader has
    had it on screen a while (see WholeScreenWatch) or pressed End or tried to scroll on; until
    then `whole_on_screen` is true and nothing of it is counted.

    One rule for every jump the reader did not scroll (a lesson opened at a word's sentence, a
    search hit, a word of the word list, a review card's lesson): it moves the reading position and
    never the share read. What it skipped is not read, and landing at the end reads nothing until
    the reader scrolls there themselves. A resize, a zoom or a new layout of the text is no scroll
    of the reader's either: it reads nothing."""

    def __init__(self, view: ArticleBase) -> None:
        self.view = view
        self.words: dict[int, int] = {}
        self.total = 0
        self.seen: set[int] = set()  # on screen at some time, not read yet
        self.read: set[int] = set()
        self.last_top = self.last_maximum = 0
        self.jumped = False  # the view was last moved by a jump, not scrolled by the reader
        self._jump_pending = False
        self._geometry: tuple[int, int] | None = None  # the viewport's size last seen

    def jump(self) -> None:
        """The view is about to be moved by a jump (call before scrolling)."""
        self._jump_pending = True

    def reset(self, keep: bool = False) -> None:
        """Count the lesson's paragraphs' words; a new lesson (not `keep`) has nothing seen or read yet."""
        view = self.view
        self._geometry = None  # a new layout: the next look at the screen reads nothing
        if not keep:
            self.seen, self.read, self.last_top = set(), set(), 0
            self.jumped = True  # a lesson just shown: its first screen is not read yet
        if view.lesson is None or view.built is None:
            self.words, self.total = {}, 0
            return
        self.words = {i: max(1, len(view.lesson.blocks[i].text.split())) for i in view.built.extra_block}
        self.total = sum(self.words.values())
        self.seen &= self.words.keys()
        self.read &= self.words.keys()

    def on_screen(self) -> list[int]:
        """Lesson indexes of the paragraphs with any part on screen now (a binary search: books are long)."""
        view, built = self.view, self.view.built
        if built is None:
            return []
        layout, doc, bar = view.document().documentLayout(), view.document(), view.verticalScrollBar()
        top, bottom = bar.value(), bar.value() + view.viewport().height()
        order = list(built.extra_block)

        def bottom_of(index: int) -> float:
            # a hidden translation block has no place in the layout: the paragraph's own block ends it
            extra = doc.findBlockByNumber(built.extra_block[index])
            block = extra if extra.isVisible() else doc.findBlockByNumber(built.para_block[index])
            return layout.blockBoundingRect(block).bottom()

        at = bisect.bisect_right(order, float(top), key=bottom_of)
        found: list[int] = []
        for index in order[at:]:
            if layout.blockBoundingRect(doc.findBlockByNumber(built.para_block[index])).top() >= bottom:
                break
            found.append(index)
        return found

    def update(self) -> None:
        """Note what is on screen now; what was seen before and lies above it has been read."""
        shown = self.on_screen()
        if not shown:
            return
        bar, viewport = self.view.verticalScrollBar(), self.view.viewport()
        geometry = (viewport.width(), viewport.height())
        if geometry != self._geometry or self.view.keeping_place:
            # A resize, a zoom or a new layout moved the text, not the reader: nothing is read by it,
            # and what it moved off the top was not scrolled past.
            self._geometry = geometry
            self.last_top, self.last_maximum = bar.value(), bar.maximum()
            self.seen = {i for i in self.seen if i >= shown[0]}
            self.seen.update(i for i in shown if i not in self.read)
            return
        step = bar.value() - self.last_top
        if self._jump_pending:
            self.seen.clear()  # a jump skips what lay between and what it leaves: none of it was read
            self.jumped, self._jump_pending = True, False
        elif abs(step) > bar.pageStep():
            self.seen.clear()  # End or a drag of the scroll bar skips what lay between
            self.jumped = False
        elif step and not self.view.keeping_place and bar.maximum() == self.last_maximum:
            self.jumped = False  # the reader scrolls on from where the jump left them (not a new layout's clamp)
        scrolled_on = step > 0 and bar.maximum() == self.last_maximum  # not a clamp of a new layout's range
        self.last_top, self.last_maximum = bar.value(), bar.maximum()
        if 0 < bar.maximum() <= bar.value() and scrolled_on and not self.jumped:
            # the end reached by scrolling: what is on screen now is read too
            self.read.update(shown)
            self.seen.difference_update(shown)
        passed = {i for i in self.seen if i < shown[0]}
        self.read |= passed
        self.seen -= passed
        self.seen.update(i for i in shown if i not in self.read)

    def whole_on_screen(self) -> bool:
        """The whole lesson is on screen (nothing to scroll) and some of it is not read yet."""
        if self.view.verticalScrollBar().maximum() != 0 or len(self.read) == len(self.words):
            return False
        shown = self.on_screen()
        return bool(shown) and not self.read.issuperset(shown)

    def read_whole_screen(self) -> bool:
        """The reader has had the whole lesson on screen long enough, or pressed End or tried to
        scroll on: all of it is read. False (and nothing read) when the lesson is longer than the screen."""
        if not self.whole_on_screen():
            return False
        shown = self.on_screen()
        self.read.update(shown)
        self.seen.difference_update(shown)
        return True

    def progress(self) -> float:
        """The share of the lesson's words in paragraphs read, 0 to 1."""
        if not self.total:
            return 1.0
        return sum(self.words.get(i, 0) for i in self.read) / self.total
