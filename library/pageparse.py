"""A lesson's source parsed again by the current importer with the user's decisions about its lines
laid over the importer's own: the page of lines, each with its role, and the lesson they make."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from library.errors import ImportRefused
from library.importer import split as K
from library.importer.split import Line
from library.importer.text import PAGE_HOOKS, LinesCache, PageHooks
from library.model import TITLE_GUESSED, Block, Lesson
from library.pagekeep import (
    BeforeStructure,
    as_sure_as_before,
    notes_out_of_body,
    title_without_line,
    unplaced_reasons,
)
from library.pagelines import ROLE, STRUCTURAL, Applied, Decision, Page, PageLine, Role, apply_decisions, page_of
from library.pageplaced import import_placements
from library.pageroles import paragraph_made
from library.pagetitle import title_translation_from_line


def parse_with_decisions(
    data: bytes,
    name: str,
    decisions: Sequence[Decision],
    cache: LinesCache | None = None,
    kept: dict[int, int] | None = None,
    prefix: Callable[[tuple[Decision, ...]], Page] | None = None,
    imported: Callable[[], Page] | None = None,
) -> Page:
    """A lesson's source parsed by the current importer with decisions laid over its lines
    (`cache`: the page's classified lines kept from an earlier parse of the same source; `kept`:
    translation line → its paragraph's line, placements library/pageplaced.py keeps; `prefix`: the
    page the first decisions make, as the page view showed it, for the placements a change of
    structure keeps; `imported`: the page with no decisions, for the translations of a paragraph
    given another role)."""
    from library.importer import parse_page

    seen: list[tuple[list[Line], Lesson, dict[int, Block]]] = []
    applied: list[Applied] = []
    before = _placements_before_structure(data, name, decisions, cache, prefix, imported)
    pins = {**before.pins, **(kept or {})}
    orphans = before.orphans or (import_placements(imported, decisions) if imported is not None else {})

    untitled: list[bool] = []

    def decide(lines: list[Line]) -> dict[int, int]:
        had_title = any(ln.kind == K.TITLE for ln in lines)
        result = apply_decisions(lines, decisions, pins, before.held, orphans)
        applied.append(result)
        untitled.append(had_title and not any(ln.kind == K.TITLE for ln in lines))
        return result.forced

    def saw(lines: list[Line], lesson: Lesson) -> None:
        blocks = {ln.index: lesson.blocks[ln.block] for ln in lines if ln.block is not None}
        seen.append((list(lines), lesson, blocks))

    token = PAGE_HOOKS.set(PageHooks(decide, saw, cache))
    try:
        lesson = parse_page(data, name)
    finally:
        PAGE_HOOKS.reset(token)
    lesson.source_name = lesson.source_name or name
    if len(seen) != 1:
        # A tutor's lesson file (or a whole book): no page of lines to decide about.
        return _fixed_page(lesson)
    lines, _parsed, blocks = seen[0]
    page = page_of(lesson, lines, blocks)
    as_sure_as_before(page, before.confidence, applied[0].pinned)
    unplaced_reasons(page, applied[0].reasons)
    _sure_of_decided(page, decisions)
    _split_targets(page)
    page.missed = applied[0].missed
    page.why_missed = applied[0].why_missed
    page.renamed = applied[0].renamed
    page.glosses = applied[0].glossed
    if any(d.op == ROLE and d.role == Role.TITLE for d in decisions if d not in page.missed):
        _title_from_line(lesson, lines)
    if untitled and untitled[0]:
        title_without_line(lesson, name)
    title_translation_from_line(lesson, lines, [d for d in decisions if d not in page.missed])
    lesson.dropped += applied[0].deleted  # deleted by the user: kept aside, as the bytes are
    if any(d not in page.missed for d in decisions):
        notes_out_of_body(page)
    return page


def _title_from_line(lesson: Lesson, lines: list[Line]) -> None:
    """The line the user made the title is the lesson's title, over the one an HTML or EPUB page
    names (its <title>, its book's title): the user read the page and chose."""
    line = next((ln for ln in lines if ln.kind == K.TITLE), None)
    if line is None or line.body == lesson.title:
        return  # the title already (a role given again changes nothing)
    lesson.title = line.body
    lesson.title_translation = line.same_line_translation
    lesson.warnings = [w for w in lesson.warnings if w.kind != TITLE_GUESSED]




def _placements_before_structure(
    data: bytes,
    name: str,
    decisions: Sequence[Decision],
    cache: LinesCache | None,
    prefix: Callable[[tuple[Decision, ...]], Page] | None = None,
    imported: Callable[[], Page] | None = None,
) -> BeforeStructure:
    """Each placed translation line → the line starting the block it was placed on, and the unplaced
    translation lines with why, in the page as the decisions before the first structural one made it
    (`prefix` gives that page as the page view showed it; none is needed without such a decision);
    and of those unplaced, the ones whose block a role change took out, with that block's line
    (`imported`: the page with no decisions), which go back to it where it is a block again."""
    k = next((k for k, d in enumerate(decisions) if d.op in STRUCTURAL), None)
    if k is None:
        return BeforeStructure()
    try:
        base = prefix(tuple(decisions[:k])) if prefix else parse_with_decisions(data, name, decisions[:k], cache)
    except ImportRefused:
        return BeforeStructure()
    if base.fixed:
        return BeforeStructure()
    placed = [
        ln
        for ln in base.lines
        if ln.role == Role.TRANSLATION and ln.target is not None and 0 <= ln.target < len(base.block_lines)
    ]
    held = {n: u.reason for n, u in zip(base.unplaced_lines, base.lesson.unplaced, strict=False) if n >= 0}
    # An entry's gloss, the translation of the paragraph made that entry: held so, taken as its gloss again.
    held.update({n: paragraph_made(Role.GLOSSARY, False) for n in base.glosses})
    starts = set(base.block_lines)
    was = import_placements(imported, decisions[:k]) if imported is not None else {}
    return BeforeStructure(
        pins={ln.n: base.block_lines[ln.target] for ln in placed if ln.target is not None},
        held=held,
        confidence={ln.n: ln.confidence for ln in placed},
        orphans={tr: tg for tr, tg in was.items() if tr in held and tg not in starts},
    )


def _sure_of_decided(page: Page, decisions: Sequence[Decision]) -> None:
    """A line the user gave its role is as sure as can be: the importer's doubt about it is answered."""
    at = {ln.n: i for i, ln in enumerate(page.lines)}
    named = {d.text for d in decisions if d.op == ROLE}
    by_text: dict[str, list[int]] = {}
    for ln in page.lines:  # one pass, however many decisions there are
        if ln.text in named:
            by_text.setdefault(ln.text, []).append(ln.n)
    for d in decisions:
        if d.op != ROLE:
            continue
        # The line the decision names: its number if the text is still there, else the nearest with its text.
        same = by_text.get(d.text)
        if same:
            i = at[min(same, key=lambda n: abs(n - d.n))]
            page.lines[i] = replace(page.lines[i], confidence=1.0)


def _split_targets(page: Page) -> None:
    """The blocks a translation line was split over by the importer (its pieces are their translations)."""
    for i, ln in enumerate(page.lines):
        if ln.role != Role.TRANSLATION or ln.target is not None:
            continue
        # The pieces are in page order on the blocks before the line: look back from it, a bounded way.
        before = [b for b in (p.block for p in page.lines[max(0, i - 40) : i]) if b is not None]
        found = tuple(
            b for b in before
            if any(t and t in ln.text for t in page.lesson.blocks[b].translations.values())
        )
        if found:
            page.lines[i] = replace(ln, targets=found)


def _fixed_page(lesson: Lesson) -> Page:
    """Lines derived from a lesson's structure, for a lesson that was not read from a page."""
    out: list[PageLine] = [PageLine(0, Role.TITLE, None, 1.0, lesson.title, lesson.language)]
    block_lines = []
    for pos, b in enumerate(lesson.blocks):
        block_lines.append(len(out))
        out.append(PageLine(len(out), Role(b.kind), None, 1.0, b.text, lesson.language, pos))
        for lang, text in b.translations.items():
            out.append(PageLine(len(out), Role.TRANSLATION, pos, 1.0, text, lang))
    note_lines = []
    for n in lesson.notes:
        note_lines.append(len(out))
        out.append(PageLine(len(out), Role.NOTE, None, 1.0, f"{n.marker} {n.text}".strip(), ""))
    entry_lines = []
    for g in lesson.glossary:
        entry_lines.append(len(out))
        out.append(PageLine(len(out), Role.GLOSSARY, None, 1.0, g.term, "en"))
    unplaced_lines = []
    for u in lesson.unplaced:
        unplaced_lines.append(len(out))
        out.append(PageLine(len(out), Role.UNPLACED, None, 1.0, u.text, u.lang))
    return Page(lesson, out, block_lines, note_lines, entry_lines, unplaced_lines, fixed=True)
