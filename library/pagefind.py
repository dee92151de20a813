"""Finding the line a decision names in the lines it is laid over: by its text, its number a hint,
and where no line has its text, the line most alike it (a small edit of it, in a changed copy of a page)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from library.pagealike import most_alike
from library.pageroles import FOLDED


class Texted(Protocol):
    """Anything with a line's text as `body` (an importer's line, or a stand-in for a page line)."""

    @property
    def body(self) -> str: ...


def find_line(lines: Sequence[Texted], n: int, text: str) -> int | None:
    """The line a decision names: number n if its text is still `text`, else the nearest line with that text.
    Never a line folded into the one above it (the page view does not list it: a split at a hard-wrapped
    line's start makes a piece with its text, and a decision naming that piece, once the lines above
    changed, would otherwise take the folded line too, and the page would show its text twice)."""
    if 0 <= n < len(lines) and lines[n].body == text and _listed(lines[n]):
        return n
    found = [i for i, ln in enumerate(lines) if ln.body == text and _listed(ln)]
    return min(found, key=lambda i: abs(i - n)) if found else None


def alike_line(lines: Sequence[Texted], n: int, text: str) -> int | None:
    """The line most alike `text` (a small edit of it), for a decision whose line no line has the text of."""
    return most_alike([ln.body for ln in lines], n, text, [_listed(ln) for ln in lines])


def _listed(line: Texted) -> bool:
    """False for a line the importer folded into the line above it (not one of the page view's lines)."""
    return getattr(line, "kind", None) not in FOLDED
