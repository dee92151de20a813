"""Moving what the user made over a lesson with the lines it belongs to, when a decision about
the page's lines (or its undoing) assembles the lesson again.

The overlay refers to blocks by position and to imported notes, entries and unplaced items
by their import position. Each is taken to the line it came from in the page before, that
line through the decision to its line in the page after, and so to its new position: the old
block that started at line n is the new block holding line n; joining shifts the second
part's offsets by the first part's length and a space; a split moves what lies after the
split point to the new block.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from library.pagealike import through_edit as through_edit
from library.pagelines import DELETE, END, JOIN, MOVE, SPLIT, SWAP, TEXT, Decision, Page, PageLine, Role
from library.store.database import Database

# (block position, offset in its text) → the same in the page after, or None where it is gone.
BlockMap = Callable[[int, int], tuple[int, int] | None]


def parked(n: int) -> int:
    """The block position kept for the user's work on line n while that line is no block (made a
    glossary entry, site text…): negative, so the lesson shows it nowhere, and it comes back with
    the line when the line is a block again (an undo, another role)."""
    return -1 - n


def parked_line(pos: int) -> int:
    """The line a parked block position stands for."""
    return -1 - pos


def block_map(old: Page, new: Page, d: Decision, forward: bool) -> BlockMap:
    """Where a place in the old page's blocks is in the new page's."""
    old_by_n = {ln.n: ln for ln in old.lines}
    new_by_n = {ln.n: ln for ln in new.lines}
    # The decision's line, in the lines it was made on (the old page's going forward, the new's going back).
    before = old if forward else new
    i = _resolved(before, d.n, d.text)
    m = i + 1 if d.target_n is None or d.op != JOIN else _resolved(before, d.target_n, d.target_text or "")

    partner = _partners(old) if d.op == SWAP else {}
    piece, after = _split_numbers(old, new, i, forward) if d.op == SPLIT else (i + 1, {})

    def length(page: Page, line: PageLine | None) -> int:
        return len(page.lesson.blocks[line.block].text) if line is not None and line.block is not None else 0

    def move_line(n: int, o: int) -> tuple[int, int] | None:
        op = d.op
        if op == SWAP:  # a block is now its translation's line (its text another: from its start)
            return (partner[n], 0) if n in partner else (n, o)
        if op == JOIN and forward:
            if n == m:
                return i, o + length(old, old_by_n.get(i)) + 1
            return (n - 1, o) if n > m else (n, o)
        if op == JOIN:
            first = length(new, new_by_n.get(i))
            if n == i and o > first:
                return m, max(0, o - first - 1)
            return (n + 1, o) if n >= m else (n, o)
        if op == SPLIT and forward:
            first = length(new, new_by_n.get(i))
            if n == i and o >= first:
                shift = length(old, old_by_n.get(i)) - length(new, new_by_n.get(piece))
                return piece, max(0, o - shift)
            return (after.get(n, n), o) if n > i else (n, o)
        if op == SPLIT:
            if n == piece:
                shift = length(new, new_by_n.get(i)) - length(old, old_by_n.get(piece))
                return i, o + shift
            return (after.get(n, n), o) if n > piece else (n, o)
        if op == DELETE and forward:
            if n == i:
                return None
            return (n - 1, o) if n > i else (n, o)
        if op == DELETE:
            return (n + 1, o) if n >= i else (n, o)
        if op == END:
            return None if forward and n >= i else (n, o)
        if op == MOVE:
            j = _moved_with(before, i, d.at or 0)
            return (j, o) if n == i else (i, o) if n == j else (n, o)
        if op == TEXT and n == i:
            old_line, new_line = old_by_n.get(i), new_by_n.get(i)
            if (
                old_line is not None
                and new_line is not None
                and old_line.block is not None
                and new_line.block is not None
            ):
                return n, through_edit(
                    old.lesson.blocks[old_line.block].text, new.lesson.blocks[new_line.block].text, o
                )
        return n, o

    def moved(pos: int, offset: int) -> tuple[int, int] | None:
        if pos < 0:
            start = parked_line(pos)
        elif pos < len(old.block_lines):
            start = old.block_lines[pos]
        else:
            return None
        got = move_line(start, offset)
        if got is None:
            return None
        line = new_by_n.get(got[0])
        if line is None:
            return None
        if line.block is None:
            return parked(got[0]), got[1]
        return line.block, got[1]

    return moved


def _split_numbers(old: Page, new: Page, i: int, forward: bool) -> tuple[int, dict[int, int]]:
    """For a split of line i: the number of the piece split off (in the page that has it), and each
    line after the split line → its number the other way (a split keeps the numbers of the lines
    after it where the piece takes the place of a line folded into the split one, library/pagelines.py)."""
    split, whole = (new, old) if forward else (old, new)
    ns = [ln.n for ln in whole.lines]
    k = ns.index(i) if i in ns else -1
    if k < 0 or len(split.lines) != len(whole.lines) + 1:  # (not as a split leaves them: one line more)
        one_on = {n: n + 1 for n in ns if n > i}
        return i + 1, (one_on if forward else {b: a for a, b in one_on.items()})
    piece = split.lines[k + 1].n
    pairs = zip(ns[k + 1 :], (ln.n for ln in split.lines[k + 2 :]), strict=True)
    return piece, ({a: b for a, b in pairs} if forward else {b: a for a, b in pairs})


def _partners(page: Page) -> dict[int, int]:
    """Each block's first line → the first translation line placed on it (the sides a swap exchanges)."""
    out: dict[int, int] = {}
    for ln in page.lines:
        if ln.role == Role.TRANSLATION and ln.target is not None and 0 <= ln.target < len(page.block_lines):
            out.setdefault(page.block_lines[ln.target], ln.n)
    return out


def _resolved(page: Page, n: int, text: str) -> int:
    """The number of the line a decision names, in the page it was made on (as find_line finds it
    over the page's lines: the n-th if its text is still `text`, else the nearest with that text)."""
    lines = page.lines
    if 0 <= n < len(lines) and lines[n].text == text:
        return lines[n].n
    found = [k for k, ln in enumerate(lines) if ln.text == text]
    return lines[min(found, key=lambda k: abs(k - n))].n if found else n


def _moved_with(page: Page, i: int, step: int) -> int:
    """The line a move of line i swapped with (as library.pagelines._neighbour chose it)."""
    ns = [ln.n for ln in page.lines]
    k = ns.index(i) if i in ns else -1
    if k < 0:
        return i
    is_block = page.lines[k].block is not None
    j = k + step
    while is_block and 0 <= j < len(ns) and page.lines[j].block is None:
        j += step
    return ns[j] if 0 <= j < len(ns) else i


def line_map(old: Page, new: Page, d: Decision, forward: bool) -> Callable[[int], int | None]:
    """Where an old line is in the new page (for items that are whole lines: notes, entries, unplaced)."""
    # Lines keep their numbers except around the decision's line.
    before = old if forward else new
    i = _resolved(before, d.n, d.text)
    m = i + 1 if d.target_n is None or d.op != JOIN else _resolved(before, d.target_n, d.target_text or "")
    piece, after = _split_numbers(old, new, i, forward) if d.op == SPLIT else (i + 1, {})
    stayed = {}
    if d.op == END:  # the notes that stayed: whole page → ended going forward, the other way back
        stayed = _stayed(old, new, i) if forward else {b: a for a, b in _stayed(new, old, i).items()}

    def moved(n: int) -> int | None:
        if d.op == JOIN:
            return (i if n == m else n - 1 if n > m else n) if forward else (n + 1 if n >= m else n)
        if d.op == SPLIT:
            if forward:
                return after.get(n, n) if n > i else n
            return i if n == piece else after.get(n, n) if n > piece else n
        if d.op == DELETE:
            return (None if n == i else n - 1 if n > i else n) if forward else (n + 1 if n >= i else n)
        if d.op == MOVE:
            j = _moved_with(before, i, d.at or 0)
            return j if n == i else i if n == j else n
        if d.op == END and n >= i:
            return stayed.get(n) if forward else stayed.get(n, n)
        return n

    return moved


def _stayed(old: Page, new: Page, i: int) -> dict[int, int]:
    """The lines from line i on that stayed when the lesson was made to end before line i (notes
    whose terms are before it), old number → new, in order by their text."""
    after = [ln for ln in new.lines if ln.n >= i]
    out: dict[int, int] = {}
    k = 0
    for ln in old.lines:
        if ln.n >= i and k < len(after) and ln.text == after[k].text:
            out[ln.n] = after[k].n
            k += 1
    return out


def _items(old_lines: list[int], new_lines: list[int], lines: Callable[[int], int | None]) -> dict[int, int]:
    """Old import position → new, for items known by their line (the k-th item of a line stays the k-th)."""
    where: dict[tuple[int, int], int] = {}
    seen: dict[int, int] = {}
    for pos, n in enumerate(new_lines):
        k = seen.get(n, 0)
        seen[n] = k + 1
        where[(n, k)] = pos
    out: dict[int, int] = {}
    seen = {}
    for pos, n in enumerate(old_lines):
        k = seen.get(n, 0)
        seen[n] = k + 1
        m = lines(n) if n >= 0 else None
        if m is not None and (m, k) in where:
            out[pos] = where[(m, k)]
    return out


def remap_overlay(db: Database, lesson_id: int, old: Page, new: Page, d: Decision, forward: bool) -> None:
    """Move the lesson's overlay rows, reading positions and saved words from the old page to the new."""
    blocks = block_map(old, new, d, forward)
    lines = line_map(old, new, d, forward)

    def pos_of(pos: int) -> int | None:
        got = blocks(pos, 0)
        return got[0] if got is not None else None

    rows = db.execute("SELECT block_pos, lang, text FROM user_translations WHERE lesson_id = ?", [lesson_id]).fetchall()
    db.execute("DELETE FROM user_translations WHERE lesson_id = ?", [lesson_id])
    merged: dict[tuple[int, str], str] = {}
    for pos, lang, text in rows:
        to = pos_of(pos)
        if to is not None:  # a deleted block's translation goes with it (the window's undo brings it back)
            merged[(to, lang)] = f"{merged[(to, lang)]}\n{text}" if (to, lang) in merged else text
    for (pos, lang), text in merged.items():
        db.execute(
            "INSERT INTO user_translations (lesson_id, block_pos, lang, text) VALUES (?, ?, ?, ?)",
            [lesson_id, pos, lang, text],
        )
    rows = db.execute("SELECT block_pos, lang FROM hidden_translations WHERE lesson_id = ?", [lesson_id]).fetchall()
    db.execute("DELETE FROM hidden_translations WHERE lesson_id = ?", [lesson_id])
    for pos, lang in rows:
        to = pos_of(pos)
        if to is not None:
            db.execute(
                "INSERT OR IGNORE INTO hidden_translations (lesson_id, block_pos, lang) VALUES (?, ?, ?)",
                [lesson_id, to, lang],
            )
    _move_questions(db, lesson_id, new, pos_of, d.op in (JOIN, SPLIT))
    for rid, ab, ast, ae in db.execute(
        "SELECT id, anchor_block, anchor_start, anchor_end FROM user_notes"
        " WHERE lesson_id = ? AND anchor_block IS NOT NULL",
        [lesson_id],
    ).fetchall():
        got = blocks(ab, ast or 0)
        if got is None:
            # Its paragraph is gone (deleted, split off): the note is kept with no place, listed so,
            # never left on whichever paragraph now has the number; its words and where they stood in
            # their paragraph are kept, so that undoing the deletion puts it back there.
            db.execute("UPDATE user_notes SET anchor_block = NULL WHERE id = ?", [rid])
        elif ast is not None and ae is not None:
            tail = blocks(ab, ae - 1)  # the span's last character: an edit inside it changes its length
            end = tail[1] + 1 if tail is not None and tail[0] == got[0] and tail[1] >= got[1] else got[1] + ae - ast
            db.execute(
                "UPDATE user_notes SET anchor_block = ?, anchor_start = ?, anchor_end = ? WHERE id = ?",
                [got[0], got[1], end, rid],
            )
    if d.op == DELETE and not forward:
        _notes_back(db, lesson_id, new, _resolved(new, d.n, d.text))
    _renumber(db, "user_notes", lesson_id, _items(old.note_lines, new.note_lines, lines))
    _renumber(db, "user_glossary", lesson_id, _items(old.entry_lines, new.entry_lines, lines))
    _renumber(db, "unplaced_actions", lesson_id, _items(old.unplaced_lines, new.unplaced_lines, lines))
    follow_reading(db, lesson_id, old, new, d, forward)


def _notes_back(db: Database, lesson_id: int, page: Page, n: int) -> None:
    """A deletion of line n undone: the user's notes the deletion left with no place whose words are in
    that paragraph again, where they stood (or nearest there), are on it again."""
    line = next((ln for ln in page.lines if ln.n == n), None)
    if line is None or line.block is None:
        return
    text = page.lesson.blocks[line.block].text
    for rid, ast, _ae, words in db.execute(
        "SELECT id, anchor_start, anchor_end, anchor_text FROM user_notes WHERE lesson_id = ?"
        " AND anchor_block IS NULL AND anchor_start IS NOT NULL AND anchor_end IS NOT NULL AND anchor_text != ''",
        [lesson_id],
    ).fetchall():
        found, k = [], text.find(words)
        while k >= 0:
            found.append(k)
            k = text.find(words, k + 1)
        if found:
            at = min(found, key=lambda k: abs(k - ast))
            db.execute(
                "UPDATE user_notes SET anchor_block = ?, anchor_start = ?, anchor_end = ? WHERE id = ?",
                [line.block, at, at + len(words), rid],
            )


def _move_questions(
    db: Database, lesson_id: int, new: Page, pos_of: Callable[[int], int | None], divided: bool
) -> None:
    """Each question to its paragraph's new position; after a split (or an undone join) to the piece that
    holds its answer. Questions brought onto one paragraph keep their order, the first paragraph's first."""
    rows = db.execute(
        "SELECT id, block_pos, sort, answer FROM questions WHERE lesson_id = ? ORDER BY block_pos, sort, id",
        [lesson_id],
    ).fetchall()
    placed: list[tuple[int, int, int, int]] = []  # (new position, old position, order, id)
    for k, (qid, pos, _sort, answer) in enumerate(rows):
        to = pos_of(pos)
        if to is None:
            db.execute("DELETE FROM questions WHERE id = ?", [qid])  # on a deleted paragraph
            continue
        if divided and to >= 0:
            to = _holding(new, to, answer or "")
        placed.append((to, pos, k, qid))
    count: dict[int, int] = {}
    for to, _pos, _k, qid in sorted(placed):
        count[to] = count.get(to, 0) + 1
        db.execute("UPDATE questions SET block_pos = ?, sort = ? WHERE id = ?", [to, count[to], qid])


def _holding(page: Page, pos: int, answer: str) -> int:
    """The block by `pos` whose text holds a question's answer (its own where it does, or where none does)."""
    blocks = page.lesson.blocks
    key = answer.strip().casefold()
    if not key or not 0 <= pos < len(blocks) or key in blocks[pos].text.casefold():
        return pos
    return next((k for k in (pos + 1, pos - 1) if 0 <= k < len(blocks) and key in blocks[k].text.casefold()), pos)


def follow_reading(db: Database, lesson_id: int, old: Page, new: Page, d: Decision, forward: bool) -> None:
    """Move every learner's reading position and saved words' paragraphs from the old page to the new
    (apart from the overlay: an undo in the window restores the overlay, not these)."""
    blocks = block_map(old, new, d, forward)

    def pos_of(pos: int) -> int | None:
        got = blocks(pos, 0)
        return got[0] if got is not None and got[0] >= 0 else None

    last_block = max(0, len(new.block_lines) - 1)
    for profile, pos in db.execute(
        "SELECT profile_id, position FROM reading_state WHERE lesson_id = ?", [lesson_id]
    ).fetchall():
        to = pos_of(pos)
        db.execute(
            "UPDATE reading_state SET position = ? WHERE profile_id = ? AND lesson_id = ?",
            [to if to is not None else min(pos, last_block), profile, lesson_id],
        )
    # A word whose paragraph was no block (made site text, deleted, split off) has none; where its
    # sentence is in a block again (the change undone, another role), that block is its paragraph.
    lost = db.execute(
        "SELECT id, sentence FROM words WHERE lesson_id = ? AND block_pos IS NULL AND sentence != ''", [lesson_id]
    ).fetchall()
    for wid, pos, sentence, text, forms in db.execute(
        "SELECT id, block_pos, sentence, text, forms FROM words WHERE lesson_id = ? AND block_pos IS NOT NULL",
        [lesson_id],
    ).fetchall():
        # The word's own place in its paragraph goes through the change (a split inside its sentence
        # takes it to the piece holding it; an undone join to the paragraph it came from).
        got = blocks(pos, word_offset(old, pos, sentence, [text, *forms.split("|")]))
        to = got[0] if got is not None and got[0] >= 0 else None
        db.execute("UPDATE words SET block_pos = ? WHERE id = ?", [_with_sentence(new, to, sentence), wid])
    if lost:
        texts = [b.text for b in new.lesson.blocks]
        for wid, sentence in lost:
            found = next((k for k, text in enumerate(texts) if sentence in text), None)
            if found is not None:
                db.execute("UPDATE words SET block_pos = ? WHERE id = ?", [found, wid])


def word_offset(page: Page, pos: int, sentence: str, forms: list[str]) -> int:
    """Where a saved word stands in block `pos` of a page: the first of its forms in its sentence there
    (as a whole word), else its sentence's start, else the block's start."""
    blocks = page.lesson.blocks
    if not 0 <= pos < len(blocks):
        return 0
    body = blocks[pos].text
    start = body.find(sentence) if sentence else -1
    lo, hi = (start, start + len(sentence)) if start >= 0 else (0, len(body))
    found = [
        m.start()
        for f in forms
        if f.strip()
        for m in [re.compile(rf"(?<!\w){re.escape(f.strip())}(?!\w)", re.IGNORECASE).search(body, lo, hi)]
        if m is not None
    ]
    return min(found) if found else max(start, 0)


def _with_sentence(page: Page, pos: int | None, sentence: str) -> int | None:
    """The block by `pos` that holds a saved word's sentence: a split (or an undone join) puts the
    sentences after the split point in the next block, which a block position alone cannot tell."""
    blocks = page.lesson.blocks
    if pos is None or not sentence or not 0 <= pos < len(blocks) or sentence in blocks[pos].text:
        return pos
    return next((k for k in (pos + 1, pos - 1) if 0 <= k < len(blocks) and sentence in blocks[k].text), pos)


def _renumber(db: Database, table: str, lesson_id: int, moves: dict[int, int]) -> None:
    """Give overlay rows of imported items their new import positions (in two steps: positions are unique)."""
    rows = db.execute(
        f"SELECT rowid, import_pos FROM {table} WHERE lesson_id = ? AND import_pos IS NOT NULL", [lesson_id]
    ).fetchall()
    for rowid, _pos in rows:
        db.execute(f"UPDATE {table} SET import_pos = ? WHERE rowid = ?", [-1 - rowid, rowid])
    for rowid, pos in rows:
        # An item whose line is gone keeps a position no item has: its edit waits, unseen, for an undo.
        to = moves.get(pos, -1 - rowid)
        db.execute(f"UPDATE OR IGNORE {table} SET import_pos = ? WHERE rowid = ?", [to, rowid])
