"""The library's page lines as the page view asks for them (library.pages, in the page view's terms)."""

from __future__ import annotations

from collections.abc import Sequence

from library import Library
from library.pagelines import PageLine
from library.pageroles import NothingToChange


class LibraryPages:
    """The page area of one library: lines by lesson, and each change made through library.pages."""

    def __init__(self, library: Library) -> None:
        self._library, self._pages = library, library.pages

    def lines(self, lesson_id: int) -> Sequence[PageLine]:
        """Every line of the lesson's page with its role."""
        return self._pages.lines(lesson_id)

    def set_role(self, lesson_id: int, lines: Sequence[int], role: str, target: int | None = None) -> None:
        """Give each of these lines the role (all in one change: one undo step); a line that has it already
        is passed over, and the change refused only where every line has it. All of it or none: where the
        library refuses one line (every line made site text would leave no English), the lines changed
        before it are given back their roles, and the refusal is said."""
        unchanged: list[NothingToChange] = []
        made = 0
        try:
            for n in lines:
                try:
                    self._pages.set_role(lesson_id, n, role, target if role == "translation" else None)
                    made += 1
                except NothingToChange as exc:
                    unchanged.append(exc)
        except ValueError:
            for _ in range(made):
                self._pages.undo(lesson_id)
            raise
        if unchanged and len(unchanged) == len(lines):
            raise unchanged[0]

    def saved_words(self, lesson_id: int, blocks: Sequence[int]) -> int:
        """How many of the active learner's saved words were saved from these blocks of the lesson."""
        wanted = set(blocks)
        return sum(1 for w in self._library.study.words.list() if w.lesson_id == lesson_id and w.block_pos in wanted)

    def join(self, lesson_id: int, n: int) -> None:
        """Join line `n` with the next."""
        self._pages.join(lesson_id, n)

    def split(self, lesson_id: int, n: int, at: int) -> None:
        """Split line `n` at `at`."""
        self._pages.split(lesson_id, n, at)

    def set_text(self, lesson_id: int, n: int, text: str) -> None:
        """Line `n` reads `text` now."""
        self._pages.set_text(lesson_id, n, text)

    def delete(self, lesson_id: int, n: int) -> None:
        """Take line `n` out of the lesson."""
        self._pages.delete(lesson_id, n)

    def move(self, lesson_id: int, n: int, step: int) -> None:
        """Move line `n`'s block one block up or down."""
        self._pages.move(lesson_id, n, step)

    def edit_paragraph(self, lesson_id: int, block: int, text: str) -> None:
        """Block `block` reads `text` now."""
        self._pages.edit_paragraph(lesson_id, block, text)

    def delete_paragraph(self, lesson_id: int, block: int) -> None:
        """Take block `block` out of the lesson."""
        self._pages.delete_paragraph(lesson_id, block)

    def join_paragraphs(self, lesson_id: int, block: int) -> None:
        """Join block `block` with the next (past a translation between them)."""
        self._pages.join_paragraphs(lesson_id, block)

    def split_paragraph(self, lesson_id: int, block: int, offset: int) -> None:
        """Split block `block` at `offset` of its shown text."""
        self._pages.split_paragraph(lesson_id, block, offset)

    def move_paragraph(self, lesson_id: int, block: int, step: int) -> None:
        """Move block `block` one paragraph up or down."""
        self._pages.move_paragraph(lesson_id, block, step)

    def undo(self, lesson_id: int) -> None:
        """Take the lesson's last change to its lines back."""
        self._pages.undo(lesson_id)

    def split_lesson(self, lesson_id: int, n: int) -> None:
        """Line `n` and the lines after it become a lesson of their own."""
        self._pages.split_lesson(lesson_id, n)

    def swap_languages(self, lesson_id: int) -> None:
        """The lines taken as translations become the English, and the paragraphs their translations."""
        self._pages.swap_languages(lesson_id)

    def page_actions(self) -> tuple[bool, bool]:
        """Splitting a lesson and swapping its languages, where the library has them."""
        return hasattr(self._pages, "split_lesson"), hasattr(self._pages, "swap_languages")


    def settle(self, lesson_id: int | None = None) -> None:
        """After a change is shown: index the lesson's new text for search and work out its word levels again;
        the words saved from lesson `lesson_id` take their sentences from its English as it reads now."""
        self._library.search.index_pending()
        self._library.study.levels.level_pending()
        if lesson_id is not None:
            from library.study.sentence_follow import follow_text

            try:
                blocks = [block.text for block in self._library.lessons.get(lesson_id).blocks]
            except KeyError:  # the lesson went meanwhile
                return
            follow_text(self._library.db, lesson_id, blocks)


def page_area(library: Library) -> LibraryPages:
    """The page view's door to the library's page lines."""
    return LibraryPages(library)
