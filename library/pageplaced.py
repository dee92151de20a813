"""A change of one line's role never takes another translation off its paragraph.

After a role change the lesson is assembled again and the aligner matches the translations
anew: often that is what the user wants (marking a menu line as site text puts every
translation after it right at once). But with one line fewer on one side the aligner may
become unsure and leave translations unplaced that the import had placed: the user changed
one line and lost the placing of others, unasked. So a translation the import placed, that
the new assembly leaves unplaced, goes back to the paragraph the import gave it, as long as
that paragraph is still a paragraph and the user decided nothing about the line itself.

Only changes of roles: after a join, split, deletion, move or a fix of the English every
earlier placement is pinned already (library/pages.py, `_placements_before_structure`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from library.pagelines import NO_MATCH, ROLE, STRUCTURAL, Decision, Page, Role

# The roles a line made them no longer has a block's: its translations go unplaced, not to another block.
_BLOCKS = frozenset({Role.HEADING, Role.PARAGRAPH})


def import_placements(imported: Callable[[], Page], decisions: Sequence[Decision]) -> dict[int, int]:
    """Each translation line the import placed → the line starting its block, where a change of roles
    may have taken a block out of the body (library/pagelines.py unplaces those blocks' translations);
    none otherwise, and after a change of structure, which pins every placement itself."""
    if not any(d.op == ROLE and d.role not in _BLOCKS for d in decisions):
        return {}
    if any(d.op in STRUCTURAL for d in decisions):
        return {}
    page = imported()
    if page.fixed:
        return {}
    if page.placed is None:  # the page as imported is kept while its source is: worked out once
        page.placed = {
            ln.n: page.block_lines[ln.target]
            for ln in page.lines
            if ln.role == Role.TRANSLATION and ln.target is not None and 0 <= ln.target < len(page.block_lines)
        }
    return page.placed


def lost_placements(imported: Page, page: Page, decisions: Sequence[Decision]) -> dict[int, int]:
    """Translation line → the line starting the paragraph the import placed it on, for each
    translation `page` leaves unplaced that `imported` (the page with no decisions) had placed."""
    if not decisions or any(d.op in STRUCTURAL for d in decisions) or imported.fixed or page.fixed:
        return {}
    decided = {d.text for d in decisions if d.op == ROLE}
    now = {ln.n: ln for ln in page.lines}
    starts = set(page.block_lines)
    lost: dict[int, int] = {}
    for ln in imported.lines:
        if ln.role != Role.TRANSLATION or ln.target is None or not 0 <= ln.target < len(imported.block_lines):
            continue
        target_line = imported.block_lines[ln.target]
        current = now.get(ln.n)
        if current is None or current.text != ln.text or ln.text in decided:
            continue
        if current.role == Role.UNPLACED and target_line in starts:
            lost[ln.n] = target_line
    return lost


def keep_placements(
    page: Page,
    decisions: Sequence[Decision],
    imported: Callable[[], Page],
    again: Callable[[dict[int, int]], Page],
) -> Page:
    """`page`, or the page assembled `again` with the translations it lost pinned where the import
    put them (`imported` gives the page with no decisions, made only when there are decisions)."""
    if not decisions or any(d.op in STRUCTURAL for d in decisions) or page.fixed:
        return page
    # An unplaced line the aligner could not place may be one it took off a paragraph; one a change
    # unplaced (its paragraph made site text, deleted…) is not: none, and the import's page is not needed.
    why = {n: u.reason for n, u in zip(page.unplaced_lines, page.lesson.unplaced, strict=False)}
    if not any(ln.role == Role.UNPLACED and why.get(ln.n, NO_MATCH) == NO_MATCH for ln in page.lines):
        return page
    base = imported()
    lost = lost_placements(base, page, decisions)
    if not lost:
        return page
    page = again(lost)
    # As sure as the import was of them: a guess kept is still a guess, and shown as one.
    sure = {ln.n: ln.confidence for ln in base.lines if ln.n in lost}
    page.lines = [replace(ln, confidence=min(ln.confidence, sure[ln.n])) if ln.n in sure else ln for ln in page.lines]
    return page
