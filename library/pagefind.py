"""Finding the line a decision names in the lines it is laid over: by its text, its number a hint,
and where no line has its text, the line most alike it (a small edit of it, in a changed copy of a page)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from library.pagealike import most_alike, through_edit
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


class Naming(Protocol):
    """A decision as far as the lines it names go."""

    @property
    def op(self) -> str: ...

    @property
    def n(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def target_n(self) -> int | None: ...

    @property
    def target_text(self) -> str | None: ...

    @property
    def at(self) -> int | None: ...


# The decisions found on a line alike their line where none has its text (a small edit of it).
ALIKE_OPS = ("role", "text", "delete", "move", "split", "join")


def found_alike(lines: Sequence[Texted], d: Naming) -> dict[str, Any]:
    """What makes decision d name its lines as they are now where one of them has no line with its text
    but one alike it (an edited copy of the page): their numbers and texts now, and a split's place
    through the edit; empty where each is found by its text, or one is found by neither."""
    out: dict[str, Any] = {}
    if d.op in ALIKE_OPS and find_line(lines, d.n, d.text) is None:
        i = alike_line(lines, d.n, d.text)
        if i is None:
            return {}
        out.update(n=i, text=lines[i].body)
        if d.op == "split" and d.at is not None:
            out.update(at=through_edit(d.text, lines[i].body, d.at))
    if d.op in ("role", "join") and d.target_text and find_line(lines, d.target_n or 0, d.target_text) is None:
        t = alike_line(lines, d.target_n if d.target_n is not None else -1, d.target_text)
        if t is not None:
            out.update(target_n=t, target_text=lines[t].body)
    return out


def _listed(line: Texted) -> bool:
    """False for a line the importer folded into the line above it (not one of the page view's lines)."""
    return getattr(line, "kind", None) not in FOLDED
