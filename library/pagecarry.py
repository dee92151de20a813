"""A lesson split off a page ("Split into lessons here") is imported from the text of the lines that go
to it; the roles those lines had in the page (the user's fixes, a glossary line, a translation placed by
hand) are given to the same lines of the new lesson, as decisions of its own, renumbered to its lines, so
it looks as those lines did."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from library.errors import ImportRefused
from library.pagelines import DecisionError, Page, PageLine, Role

if TYPE_CHECKING:
    from library.pages import Pages

# Roles a line of the new lesson is given as it had it (an unplaced line is what the import makes of a
# line it cannot place anyway).
CARRIED = frozenset(r for r in Role if r not in (Role.UNPLACED,))


def carry_roles(pages: Pages, lesson_id: int, moved: Sequence[PageLine], was: Page) -> int:
    """Give each line of lesson `lesson_id` (just split off) the role its line had on the page `was`
    (`moved`: those lines, in order), a translation on the block its line was placed on; returns how many
    roles were given. A role the new lesson's lines do not allow is left as its import made it."""
    given = 0
    old_start = {k: ln for k, ln in enumerate(was.block_lines)}
    old_text = {ln.n: ln.text for ln in was.lines}
    for old in moved:
        if old.role not in CARRIED:
            continue
        try:
            page = pages.page(lesson_id)
        except ImportRefused:
            return given
        new = _same_line(page, old)
        if new is None or (new.role == old.role and new.target is None and old.target is None):
            continue
        if Role.TITLE in (new.role, old.role):
            continue  # the new lesson's title is its own (a post's heading on the page is its title)
        to = None
        if old.role == Role.TRANSLATION:
            start = old_start.get(old.target) if old.target is not None else None
            to = _block_of(page, old_text.get(start, "") if start is not None else "")
            if to is None or (new.role == Role.TRANSLATION and new.target == to):
                continue
        try:
            pages.set_role(lesson_id, new.n, str(old.role), to)
            given += 1
        except DecisionError:
            continue  # (nothing to change, or a role the new lesson's lines refuse)
    return given


def _same_line(page: Page, old: PageLine) -> PageLine | None:
    """The new lesson's line with the old line's text."""
    return next((ln for ln in page.lines if ln.text == old.text), None)


def _block_of(page: Page, text: str) -> int | None:
    """The new lesson's block whose first line has `text`."""
    for k, n in enumerate(page.block_lines):
        if n >= 0 and next((ln.text for ln in page.lines if ln.n == n), None) == text:
            return k
    return None
