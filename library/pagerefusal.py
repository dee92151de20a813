"""Why a change to a lesson's lines cannot be made: the one-line reason a refusal gives."""

from __future__ import annotations

from library.pagelines import END, JOIN, MOVE, ROLE, SPLIT, Decision, Page, PageLine, Role
from library.plural import plural

_BLOCKS = (Role.HEADING, Role.PARAGRAPH)


def why_not(page: Page, d: Decision) -> str:
    """The reason decision `d` cannot be laid over `page` (the lesson's lines before it)."""
    line = next((ln for ln in page.lines if ln.n == d.n and ln.text == d.text), None)
    if line is None:
        return f"line {d.n} is no longer as it was: look at the lines again"
    kind = _kind(line)
    if d.op == MOVE:
        way = "up" if (d.at or 0) < 0 else "down"
        edge = "first" if way == "up" else "last"
        return f"line {d.n} is the {edge} {kind}: it cannot move {way}"
    if d.op == JOIN:
        return f"line {d.n} is the last {kind}: there is nothing after it to join"
    if d.op == SPLIT:
        return f"line {d.n} cannot be split at {d.at} (it is {plural(len(line.text), 'character')} long)"
    if d.op == END:
        return f"line {d.n} is the page's first: no lesson would be left before it"
    if d.op == ROLE and d.role == Role.TRANSLATION:
        return f"the paragraph line {d.n} would translate is no longer on the page"
    return f"{d.op} does not fit line {d.n} as the lines are now"


def _kind(line: PageLine) -> str:
    """What a move or join passes over: a block among blocks, or a line among lines."""
    if line.role == Role.HEADING:
        return "heading or paragraph"
    if line.role == Role.PARAGRAPH:
        return "paragraph"
    return "line"
