"""What the user typed in the page view's text box and has not saved: kept per line while they move to
another line or lesson (shown again in the box when they come back), and asked about when the view closes,
so that nothing typed is thrown away without a word."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.teaching.page_model import PageLineLike

if TYPE_CHECKING:
    from reader.teaching.page_view import PageView

# A line is known by its number and its text as shown when the typing began: a draft is not put on a
# line of another lesson (or one changed since) that has the same number.
Key = tuple[int, str]

KEPT = "Your change to line {n} is kept, not saved: go back to it and press Save text, or close the view to choose."
ASK_TITLE = "Unsaved change"
ASK_ONE = "Save your change to line {n}?"
ASK_MANY = "Save your changes to lines {lines}?"
SAVE, DISCARD = "Save", "Discard"
NOT_CLOSED = "Not closed: your change to line {n} is kept, not saved."
DISCARDED = "Your change to line {n} was discarded."


class Drafts:
    """Typing not saved, per line."""

    def __init__(self) -> None:
        self._typed: dict[Key, str] = {}

    def keep(self, key: Key, typed: str) -> bool:
        """Keep `typed` for the line (dropped where it reads as the line does); whether a change is kept."""
        if typed == key[1]:
            self._typed.pop(key, None)
            return False
        self._typed[key] = typed
        return True

    def typed(self, key: Key) -> str | None:
        return self._typed.get(key)

    def drop(self, n: int) -> None:
        for key in [k for k in self._typed if k[0] == n]:
            del self._typed[key]

    def on(self, lines: Sequence[PageLineLike]) -> list[tuple[Key, str]]:
        """The drafts of the lines shown (in page order): those of another lesson wait for it."""
        return [((ln.n, ln.text), self._typed[(ln.n, ln.text)]) for ln in lines if (ln.n, ln.text) in self._typed]

    def discard(self, keys: Sequence[Key]) -> None:
        for key in keys:
            self._typed.pop(key, None)


def question(tr: Callable[[str], str], numbers: Sequence[int]) -> str:
    if len(numbers) == 1:
        return tr(ASK_ONE).format(n=numbers[0])
    return tr(ASK_MANY).format(lines=", ".join(str(n) for n in numbers))


def ask_to_save(view: PageView, tr: Callable[[str], str], numbers: Sequence[int]) -> bool | None:
    """Save (True), Discard (False) or Cancel (None: said in the view's status line) the typing kept on
    the lines `numbers`, asked once."""
    from reader.window import dialogs

    answer = dialogs.choose(view, tr(ASK_TITLE), question(tr, numbers), [tr(SAVE), tr(DISCARD)])
    if answer is None:
        view.show_status(tr(NOT_CLOSED).format(n=", ".join(str(n) for n in numbers)), refused=True)
        return None
    return answer == 0
