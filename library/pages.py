"""The page view area of an open library: a lesson's lines, the user's decisions about them,
and the lesson assembled again from its source with those decisions laid over the importer's.

After each decision the imported tables are written again as an import writes them, and
what the user made over the lesson (their translations, hidden translations, questions,
notes' anchors, edits of imported notes, entries and unplaced items, reading positions,
saved words' paragraphs) is moved with the lines it belonged to.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from library.errors import ImportRefused
from library.importer.text import LinesCache
from library.pagecarry import carry_roles
from library.pagedeleted import put_back, work_on
from library.pagefollow import Before, before, follow_reimport, parked_work
from library.pagekeep import notes_staying
from library.pagelines import (
    DELETE,
    END,
    JOIN,
    LINE_GONE,
    MAX_DECISIONS,
    MOVE,
    OPS,
    ROLE,
    SETTABLE,
    SPLIT,
    SWAP,
    TEXT,
    Decision,
    DecisionError,
    Page,
    PageLine,
    Role,
)
from library.pageparse import parse_with_decisions
from library.pageplaced import keep_placements
from library.pagerefusal import join_partner, swap_sides, why_not, why_not_again, why_not_edit, why_not_swap
from library.pageremap import _resolved, follow_reading, remap_overlay, through_edit
from library.pageroles import NoSuchTarget, NothingToChange
from library.pagesplit import has_words, only_marker_after, split_point
from library.pagesplitwork import carry_work, work_going
from library.pageswap import swap_leaves_english
from library.store.database import Database

# A note's marker in a line's text (`※1`, `*2`, `注3`).
NOTE_MARK = re.compile(r"(?:※|注|\*)\s?\d{1,3}")

if TYPE_CHECKING:
    from library.lessons import Lessons

CACHED_PAGES = 4
T = TypeVar("T")
# What ends a line of text (str.splitlines's breaks): a line's new text holds none.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
DECISION_COLUMNS = ("op", "n", "text", "role", "target_n", "target_text", "at", "value")


class Pages:
    """Lessons' page lines and the decisions over them, in one library."""

    def __init__(self, db: Database, lessons: Lessons | None = None) -> None:
        self._db = db
        self._lessons = lessons  # for a lesson split off another
        # The last page parsed per lesson, with the decisions it was parsed with: the page
        # before a change is the page after the one before, so each change parses once.
        self._cache: dict[int, tuple[tuple[Decision, ...], bytes, Page]] = {}
        # Per lesson, its source's classified lines (library.importer.text.PageHooks.cache).
        self._lines: dict[int, tuple[bytes, LinesCache]] = {}
        self._imports: dict[int, tuple[bytes, Page]] = {}  # the page as imported, by lesson
        # The decisions the last reimport could not keep → what changed on the page.
        self.not_kept: dict[Decision, str] = {}
        # What of the user's work over the lesson the last reimport could not keep, a line each.
        self.lost: list[str] = []

    def decisions(self, lesson_id: int) -> list[Decision]:
        """The decisions made about a lesson's lines, in order."""
        rows = self._db.execute(
            f"SELECT {', '.join(DECISION_COLUMNS)} FROM line_decisions WHERE lesson_id = ? ORDER BY id",
            [lesson_id],
        ).fetchall()
        return [Decision(*r) for r in rows]

    def page(self, lesson_id: int) -> Page:
        """A lesson's page as its decisions make it."""
        return self._page(lesson_id, tuple(self.decisions(lesson_id)))

    def lines(self, lesson_id: int) -> list[PageLine]:
        """A lesson's page lines, in order, each with its role."""
        return self.page(lesson_id).lines

    def _source(self, lesson_id: int) -> tuple[bytes, str]:
        row = self._db.execute(
            "SELECT s.data, l.source_name FROM sources s JOIN lessons l ON l.id = s.lesson_id WHERE l.id = ?",
            [lesson_id],
        ).fetchone()
        if row is None:
            raise KeyError(lesson_id)
        return bytes(row[0]), str(row[1])

    def _page(self, lesson_id: int, decisions: tuple[Decision, ...]) -> Page:
        data, name = self._source(lesson_id)
        cached = self._cache.get(lesson_id)
        if cached is not None and cached[0] == decisions and cached[1] == data:
            return cached[2]
        lines = self._lines.get(lesson_id)
        if lines is None or lines[0] != data:
            lines = (data, {})
        cache = lines[1]

        def prefix(first: tuple[Decision, ...]) -> Page:
            return self._page(lesson_id, first)  # as the page view showed it (placements kept)

        def imported() -> Page:
            return self._imported(lesson_id, data, name, cache)

        page = keep_placements(
            parse_with_decisions(data, name, decisions, cache, prefix=prefix, imported=imported),
            decisions,
            imported,
            lambda kept: parse_with_decisions(data, name, decisions, cache, kept, prefix, imported),
        )
        _keep(self._cache, lesson_id, (decisions, data, page))
        _keep(self._lines, lesson_id, lines)
        return page

    def _imported(self, lesson_id: int, data: bytes, name: str, cache: LinesCache) -> Page:
        """The page as the import made it (no decisions), kept apart from the page with decisions:
        a role change asks for it each time, and it changes only with the source."""
        kept = self._imports.get(lesson_id)
        if kept is None or kept[0] != data:
            kept = (data, parse_with_decisions(data, name, (), cache))
            _keep(self._imports, lesson_id, kept)
        return kept[1]

    # --- decisions ---------------------------------------------------------------------
    def set_role(self, lesson_id: int, n: int, role: str, to: int | None = None) -> Page:
        """Give line n a role; a translation's `to` is the block (heading or paragraph) it translates."""
        page = self.page(lesson_id)
        line = _line(page, n)
        if role not in {str(r) for r in SETTABLE}:
            raise DecisionError(f"no such role: {role!r} (roles: {', '.join(SETTABLE)})")
        if role == Role.UNPLACED and line.role == Role.UNPLACED:
            return page  # already unplaced: no decision (one would hold the line back from a later placing)
        target_n = target_text = None
        if role == Role.TRANSLATION:
            if to is None:
                raise DecisionError("a translation needs the paragraph it translates (--to M)")
            if not 0 <= to < len(page.block_lines):
                count = len(page.block_lines)
                raise NoSuchTarget(f"no paragraph {to} (the lesson's headings and paragraphs are 0–{count - 1})")
            if line.block == to:
                raise NoSuchTarget(f"line {n} is paragraph {to} itself: a line cannot be its own translation")
            target_n = page.block_lines[to]
            target_text = _line(page, target_n).text
        elif to is not None:
            raise DecisionError("--to is for a translation only")
        if role == Role.TITLE_TRANSLATION and line.lang == "en":
            raise DecisionError(f"line {n} is in English: the title's translation is in the translation's language")
        same = why_not_again(page, line, role)
        if same:
            raise NothingToChange(same)
        return self.decide(lesson_id, Decision(ROLE, line.n, line.text, role, target_n, target_text))

    def join(self, lesson_id: int, n: int) -> Page:
        """Join heading, paragraph or glossary line n with the line right after it, whatever its role (a
        term with its gloss line, taken for its translation or left unplaced)."""
        page = self.page(lesson_id)
        line = _body_line(page, n, JOIN)
        if line.role == Role.GLOSSARY and line.n not in page.entry_lines:
            raise DecisionError(
                f"line {n} is part of the glossary entry above it (its gloss, definition or example): join the"
                " entry's own line"
            )
        nxt = join_partner(page, line)
        if isinstance(nxt, str):
            raise DecisionError(nxt)
        return self.decide(lesson_id, Decision(JOIN, line.n, line.text, target_n=nxt.n, target_text=nxt.text))

    def split(self, lesson_id: int, n: int, at: int) -> Page:
        """Split line n in two at character offset `at`."""
        page = self.page(lesson_id)
        line = _body_line(page, n, SPLIT)
        if line.role == Role.GLOSSARY and line.n not in page.entry_lines:
            raise DecisionError(
                f"line {n} is part of the glossary entry above it (its gloss, definition or example): split the"
                " entry's own line"
            )
        if not 0 < at < len(line.text) or not line.text[:at].strip() or not line.text[at:].strip():
            raise DecisionError(f"cannot split line {n} at {at}: {_empty_piece(line.text, at)}")
        # A cut inside one visible character or a note marker moves to the nearest boundary.
        snapped = split_point(line.text, at)
        if snapped is None and only_marker_after(line.text, at):
            raise DecisionError(
                f"cannot split line {n} at {at}: only a note marker would be left after it (it stays with its term)"
            )
        if snapped is None:
            raise DecisionError(f"cannot split line {n} at {at}: no place near it between two characters")
        if not has_words(line.text[:snapped]) or not has_words(line.text[snapped:]):
            raise DecisionError(
                f"cannot split line {n} at {at}: a piece would be punctuation alone (it stays with its text)"
            )
        return self.decide(lesson_id, Decision(SPLIT, line.n, line.text, at=snapped))

    def set_text(self, lesson_id: int, n: int, text: str) -> Page:
        """Replace line n's text (a typo fixed)."""
        line = _body_line(self.page(lesson_id), n, TEXT)
        if not text.strip():
            raise DecisionError("the new text is empty (to take a line out, delete it)")
        if any(c in text.strip() for c in LINE_BREAKS):
            raise DecisionError("the new text has a line break: a line is one line (to make two, split it)")
        if not any(c.isalnum() for c in NOTE_MARK.sub("", text)):
            raise DecisionError("the new text has no words: a paragraph is not a note marker or punctuation alone")
        return self.decide(lesson_id, Decision(TEXT, line.n, line.text, value=text.strip()))

    def delete(self, lesson_id: int, n: int) -> Page:
        """Take line n out of the lesson (its text stays in the source bytes)."""
        line = _body_line(self.page(lesson_id), n, DELETE)
        kept = work_on(self._db, lesson_id, line.block) if line.block is not None else None
        return self.decide(lesson_id, Decision(DELETE, line.n, line.text, value=kept))

    def move(self, lesson_id: int, n: int, step: int) -> Page:
        """Move line n up (-1) or down (+1): a heading or paragraph past the next block that way."""
        line = _body_line(self.page(lesson_id), n, MOVE)
        return self.decide(lesson_id, Decision(MOVE, line.n, line.text, at=step))

    # --- the English, paragraph by paragraph (edit mode): each a decision on the block's line ---
    def _block_line(self, lesson_id: int, block: int) -> tuple[Page, PageLine]:
        page = self.page(lesson_id)
        if not 0 <= block < len(page.block_lines) or page.block_lines[block] < 0:
            raise DecisionError(
                f"no paragraph {block} (the lesson's headings and paragraphs are 0–{len(page.block_lines) - 1})"
            )
        return page, _line(page, page.block_lines[block])

    def edit_paragraph(self, lesson_id: int, block: int, text: str) -> Page:
        """Fix a paragraph's (or heading's) English text."""
        return self.set_text(lesson_id, self._block_line(lesson_id, block)[1].n, text)

    def delete_paragraph(self, lesson_id: int, block: int) -> Page:
        """Take a paragraph out of the lesson."""
        return self.delete(lesson_id, self._block_line(lesson_id, block)[1].n)

    def join_paragraphs(self, lesson_id: int, block: int) -> Page:
        """Join a paragraph with the one after it (past any translation line between them)."""
        page, line = self._block_line(lesson_id, block)
        if block + 1 >= len(page.block_lines):
            raise DecisionError(f"paragraph {block} is the last: there is none after it to join")
        nxt = _line(page, page.block_lines[block + 1])
        return self.decide(lesson_id, Decision(JOIN, line.n, line.text, target_n=nxt.n, target_text=nxt.text))

    def split_paragraph(self, lesson_id: int, block: int, offset: int) -> Page:
        """Split a paragraph in two at a character offset of its text (as the lesson shows it)."""
        page, line = self._block_line(lesson_id, block)
        shown = page.lesson.blocks[block].text
        # The line may differ from the block's text (note markers taken out): the offset is carried over.
        at = offset if shown == line.text else through_edit(shown, line.text, offset)
        return self.split(lesson_id, line.n, at)

    def move_paragraph(self, lesson_id: int, block: int, step: int) -> Page:
        """Move a paragraph up (-1) or down (+1), past the paragraph that way."""
        return self.move(lesson_id, self._block_line(lesson_id, block)[1].n, step)

    def split_lesson(self, lesson_id: int, n: int) -> int:
        """Split a page of several posts: line n and the lines after it become a lesson of their own
        (imported from their text), and the lesson ends before line n; returns the new lesson's id."""
        page = self.page(lesson_id)
        line = _line(page, n)
        if page.fixed:
            raise DecisionError("this lesson was made from a lesson file, not a page: its lines cannot be changed")
        if line.n == page.lines[0].n:
            raise DecisionError(f"line {n} is the page's first: no lesson would be left before it")
        if self._lessons is None:
            raise DecisionError("lessons cannot be made here")
        name = Path(self._source(lesson_id)[1]).stem or "page"
        staying = notes_staying(page, line.n)  # notes whose term is before line n stay with it
        data = "\n\n".join(ln.text for ln in page.lines if ln.n >= line.n and ln.n not in staying).encode("utf-8")
        with self._db.atomic():
            try:
                made = self._lessons.import_bytes(data, f"{name} (from line {n}).txt")
            except ImportRefused as exc:
                raise DecisionError(f"the lines from {n} on are no lesson of their own ({exc})") from None
            moved = [ln for ln in page.lines if ln.n >= line.n and ln.n not in staying]
            work = work_going(self._db, lesson_id, page, {ln.n for ln in moved})  # (before the lines go)
            self.decide(lesson_id, Decision(END, line.n, line.text))
            carry_roles(self, made.lesson_id, moved, page)  # the new lesson looks as its lines did
            carry_work(self._db, lesson_id, made.lesson_id, self.page(made.lesson_id), work)  # and has their work
        return made.lesson_id

    def swap_languages(self, lesson_id: int) -> Page:
        """Swap the page's languages: each heading or paragraph with a translation placed on it and that
        translation change places (library.pageswap); refused where no English body would be left."""
        page = self.page(lesson_id)
        if page.fixed:
            raise DecisionError("this lesson was made from a lesson file, not a page: its lines cannot be changed")
        pairs = swap_sides(page)
        if not pairs:
            raise DecisionError(why_not_swap(page, []))
        body = [page.lines[i].text for i, _ in pairs]
        translations = [page.lines[j].text for _, j in pairs]
        if not swap_leaves_english(body, translations):
            raise DecisionError(why_not_swap(page, pairs))
        first = page.lines[pairs[0][1]]
        return self.decide(lesson_id, Decision(SWAP, first.n, first.text))

    def decide(self, lesson_id: int, decision: Decision) -> Page:
        """Add a decision, assemble the lesson again, and move the user's work with its lines."""
        if decision.op not in OPS:
            raise DecisionError(f"no such change: {decision.op!r}")
        old_decisions = tuple(self.decisions(lesson_id))
        if len(old_decisions) >= MAX_DECISIONS:
            raise DecisionError(f"a lesson keeps at most {MAX_DECISIONS:,} changes to its lines")
        old = self._page(lesson_id, old_decisions)
        if old.fixed:
            raise DecisionError("this lesson was made from a lesson file, not a page: its lines cannot be changed")
        new = self._assemble(lesson_id, (*old_decisions, decision))
        if new.missed:
            raise DecisionError(why_not(old, decision))

        with self._db.atomic():
            self._unchanged(lesson_id, old_decisions)
            self._insert(lesson_id, decision)
            remap_overlay(self._db, lesson_id, old, new, decision, forward=True)
            self.write(lesson_id, new)
        return new

    def _unchanged(self, lesson_id: int, decisions: tuple[Decision, ...]) -> None:
        """DecisionError if another window changed the lesson's lines since they were read (in the transaction)."""
        if tuple(self.decisions(lesson_id)) != decisions:
            raise DecisionError("the lesson's lines were changed in another window meanwhile: look again and retry")

    def _insert(self, lesson_id: int, d: Decision) -> None:
        names = ", ".join(DECISION_COLUMNS)
        marks = ", ".join("?" * len(DECISION_COLUMNS))
        self._db.execute(
            f"INSERT INTO line_decisions (lesson_id, {names}) VALUES (?, {marks})", [lesson_id, *asdict(d).values()]
        )

    def undo(self, lesson_id: int) -> Page | None:
        """Take the last decision back; None if there was none."""
        decisions = tuple(self.decisions(lesson_id))
        if not decisions:
            return None
        old = self._page(lesson_id, decisions)
        new = self._assemble(lesson_id, decisions[:-1])
        with self._db.atomic():
            self._unchanged(lesson_id, decisions)
            self._db.execute(
                "DELETE FROM line_decisions WHERE id = (SELECT max(id) FROM line_decisions WHERE lesson_id = ?)",
                [lesson_id],
            )
            remap_overlay(self._db, lesson_id, old, new, decisions[-1], forward=False)
            self._work_back(lesson_id, new, decisions[-1])
            self.write(lesson_id, new)
        return new

    def _work_back(self, lesson_id: int, page: Page, d: Decision) -> None:
        """A deletion taken back: the user's work it kept (library/pagedeleted.py) on its paragraph again."""
        if d.op != DELETE or not d.value:
            return
        n = _resolved(page, d.n, d.text)
        line = next((ln for ln in page.lines if ln.n == n), None)
        if line is not None and line.block is not None:
            put_back(self._db, lesson_id, line.block, d.value)

    def _assemble(self, lesson_id: int, decisions: tuple[Decision, ...]) -> Page:
        try:
            return self._page(lesson_id, decisions)
        except ImportRefused as e:
            raise DecisionError(f"the change would leave no lesson: {e}") from None

    def restored(self, lesson_id: int, before: Sequence[Decision]) -> Page:
        """Assemble the lesson again after an undo or redo in the window restored its decisions (and the
        overlay made over them) from `before`: reading positions and saved words follow, step by step."""
        after = tuple(self.decisions(lesson_id))
        before = tuple(before)
        with self._db.atomic():
            try:
                if before[: len(after)] == after:  # undone: take the later decisions back, last first
                    for k in range(len(before), len(after), -1):
                        old, new = self._page(lesson_id, before[:k]), self._page(lesson_id, before[: k - 1])
                        follow_reading(self._db, lesson_id, old, new, before[k - 1], forward=False)
                elif after[: len(before)] == before:  # redone
                    for k in range(len(before), len(after)):
                        old, new = self._page(lesson_id, after[:k]), self._page(lesson_id, after[: k + 1])
                        follow_reading(self._db, lesson_id, old, new, after[k], forward=True)
            except ImportRefused:
                pass  # an earlier state the importer now refuses: the lesson below says so
            page = self._assemble(lesson_id, after)
            self.write(lesson_id, page)
        return page

    def before_reimport(self, lesson_id: int) -> Before:
        """What the lesson's overlay refers to now, for `reimport` to take it to its text on the page it reads."""
        page: Page | None = None
        if parked_work(self._db, lesson_id):  # work kept against a line that is no block: the lines are needed
            with suppress(ImportRefused):
                page = self.page(lesson_id)
        return before(self._db, lesson_id, page)

    def reimport(self, lesson_id: int, was: Before | None = None) -> list[Decision]:
        """Import the lesson again from its source with the current importer, keeping each decision
        whose line is still there; returns the decisions it could not keep (and drops them). The user's
        work over the lesson follows its text (`was`: the lesson before its source was replaced);
        `lost` says what of it could not be kept."""
        self.lost = []
        if was is None:
            was = self.before_reimport(lesson_id)
        self._cache.pop(lesson_id, None)
        self._lines.pop(lesson_id, None)  # read the page anew
        decisions = self.decisions(lesson_id)
        kept, why = list(decisions), dict[Decision, str]()
        # The page is the one the kept decisions make by themselves: a decision that missed still counted
        # (the first change of structure pins the placements before it), so without it the lines may
        # differ; and with them so, another decision may miss. Each pass drops at least one.
        while True:
            try:
                page = self._page(lesson_id, tuple(kept))
            except ImportRefused:
                # The decisions leave nothing the importer takes now: the page as it reads it, none kept.
                page = replace(self._page(lesson_id, ()), missed=list(kept))
            if not page.missed:
                break
            why.update({d: page.why_missed.get(d, LINE_GONE) for d in page.missed})
            kept = [d for d in kept if d not in page.missed]
        missed = [d for d in decisions if d in why]
        self.not_kept = {d: why[d] for d in missed}
        renamed = bool(page.renamed)
        if renamed:
            # Made on lines alike their own (a small edit of them): kept naming those lines as they are
            # now, so later changes and undos find them by their text.
            kept = [page.renamed.get(d, d) for d in kept]
            page = self._page(lesson_id, tuple(kept))
        with self._db.atomic():
            if missed or renamed:
                self._db.execute("DELETE FROM line_decisions WHERE lesson_id = ?", [lesson_id])
                for d in kept:
                    self._insert(lesson_id, d)
            self.write(lesson_id, page)
            self.lost = follow_reimport(self._db, lesson_id, was, page)
        self._cache.pop(lesson_id, None)
        return missed

    def write(self, lesson_id: int, page: Page) -> None:
        """Write the imported tables of a lesson again from an assembled page (the caller holds the transaction)."""
        from library.lessons import write_imported

        lesson = page.lesson
        conn: sqlite3.Connection = self._db.conn
        for table in ("captions", "blocks", "notes", "glossary", "unplaced", "dropped", "import_warnings", "exercises"):
            conn.execute(f"DELETE FROM {table} WHERE lesson_id = ?", (lesson_id,))
        # Its word levels are worked out again, as after an import (Study.levels.level_pending).
        conn.execute("DELETE FROM lesson_levels WHERE lesson_id = ?", (lesson_id,))
        conn.execute(
            "UPDATE lessons SET title = ?, translation_language = ?, word_count = ?, glossary_heading = ?,"
            " title_translation = ?, indexed = 0 WHERE id = ?",
            (
                lesson.title,
                lesson.translation_language,
                lesson.word_count(),
                lesson.glossary_heading,
                lesson.title_translation,
                lesson_id,
            ),
        )
        write_imported(conn, lesson_id, lesson)


def _keep(cache: dict[int, T], key: int, value: T) -> None:
    """Keep a value as the newest of a cache of the last few lessons' (a book's page is megabytes)."""
    cache.pop(key, None)
    cache[key] = value
    while len(cache) > CACHED_PAGES:
        del cache[next(iter(cache))]


def _line(page: Page, n: int) -> PageLine:
    """Line n of a page; DecisionError if it has none."""
    for line in page.lines:
        if line.n == n:
            return line
    last = page.lines[-1].n if page.lines else -1
    raise NoSuchTarget(f"no line {n} (the page's lines are 0–{last})")


def _body_line(page: Page, n: int, op: str) -> PageLine:
    """Line n for an edit of the English (op); DecisionError where its role is no part of the body."""
    line = _line(page, n)
    why = why_not_edit(line, op)
    if why:
        raise DecisionError(why)
    return line


def decision_of(row: dict[str, Any]) -> Decision:
    """A decision from a row of the overlay's snapshot."""
    values: dict[str, Any] = {c: row.get(c) for c in DECISION_COLUMNS}
    return Decision(**values)


def _empty_piece(text: str, at: int) -> str:
    """Why a cut at `at` leaves a piece with no text: which piece, or that the line is shorter."""
    if at > len(text) or at < 0:
        return f"it is {len(text)} characters long"
    return "the first piece would be empty" if not text[:at].strip() else "the second piece would be empty"
