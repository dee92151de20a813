"""Why a change to a lesson's lines cannot be made: the one-line reason a refusal gives."""

from __future__ import annotations

from library.pagelines import DELETE, END, JOIN, MOVE, ROLE, SPLIT, SWAP, TEXT, Decision, Page, PageLine, Role
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
        return f"line {d.n} is the last line: there is nothing after it to join"
    if d.op == SPLIT:
        return f"line {d.n} cannot be split at {d.at} (it is {plural(len(line.text), 'character')} long)"
    if d.op == END:
        return f"line {d.n} is the page's first: no lesson would be left before it"
    if d.op == SWAP:
        return why_not_swap(page, swap_sides(page))
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


def swap_sides(page: Page) -> list[tuple[int, int]]:
    """The pairs a swap of languages changes: (index of a block's line, index of its translation line)
    in `page.lines`, each translation with the block it is placed on."""
    at = {ln.n: i for i, ln in enumerate(page.lines)}
    out = []
    for j, ln in enumerate(page.lines):
        if ln.role == Role.TRANSLATION and ln.target is not None and 0 <= ln.target < len(page.block_lines):
            i = at.get(page.block_lines[ln.target])
            if i is not None and page.lines[i].role in _BLOCKS:
                out.append((i, j))
    return out


def why_not_swap(page: Page, pairs: list[tuple[int, int]]) -> str:
    """Why the page's languages cannot be swapped: no pairs, or no English body after the swap."""
    if not pairs:
        return "no line is placed as a paragraph's translation: there is nothing to swap"
    count = plural(len(pairs), "translation")
    return (
        f"swapping would leave no English body: the {count} placed on the paragraphs read less as English"
        " than the paragraphs do"
    )


# The changes that edit the English body, and the roles of the lines each takes.
_EDITS = {
    JOIN: ("a join", (*_BLOCKS, Role.GLOSSARY)),
    SPLIT: ("a split", (*_BLOCKS, Role.GLOSSARY)),  # a glossary line's pieces stay glossary lines
    MOVE: ("a move", _BLOCKS),
    DELETE: ("a deletion", _BLOCKS),
    TEXT: ("new text", (*_BLOCKS, Role.TITLE)),
}


def _a(role: Role) -> str:
    names = {
        Role.TITLE_TRANSLATION: "title's translation",
        Role.GLOSSARY: "word list's line",
        Role.SITE: "line of site text",
        Role.UNPLACED: "unplaced line",
        Role.TITLE: "title",
    }
    name = names.get(role, str(role))
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def why_not_edit(line: PageLine, op: str) -> str:
    """Why an edit of the English (join, split, move, delete, text) cannot be made on `line`, or ""
    where its role takes it: a note, a word list's line or a translation is no part of the body."""
    what, roles = _EDITS.get(op, ("", ()))
    if not what or line.role in roles:
        return ""
    named = [_a(r) for r in roles]
    takes = f"{', '.join(named[:-1])} or {named[-1]}"
    return f"line {line.n} is {_a(line.role)}: {what} takes {takes} (give the line another role first)"


def join_partner(page: Page, line: PageLine) -> PageLine | str:
    """The line a join of `line` takes: the line right after it on the page, whatever its role (a term's
    gloss the import took for its translation or left unplaced, the rest of a sentence, the next
    paragraph); the reason for a refusal where there is none."""
    nxt = next((ln for ln in page.lines if ln.n > line.n), None)
    if nxt is not None:
        return nxt
    return f"line {line.n} is the last line: there is nothing after it to join"


def why_not_again(page: Page, line: PageLine, role: str) -> str:
    """Why giving `line` the role `role` changes nothing, or "" where it changes something: a line given
    its own role again, sure already, is no change (and no undo step). A line the importer joined to the
    block above it is no "already": made a paragraph, it stands alone; nor is a translation (placed by
    hand, it stays on its paragraph whatever changes later), the title or its translation (the user's
    choice stands over what an HTML page's head says)."""
    if role != line.role or line.confidence < 1.0 or role in (Role.TRANSLATION, Role.TITLE, Role.TITLE_TRANSLATION):
        return ""
    if line.block is not None and 0 <= line.block < len(page.block_lines) and page.block_lines[line.block] != line.n:
        return ""  # part of the block above it
    return f"line {line.n} is {_a(Role(role))} already: nothing to change"
