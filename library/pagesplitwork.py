"""The user's own work on the paragraphs a "Split into lessons here" moves to a lesson of their own goes
with them: their own translations and hidden translations, questions, own notes anchored there and
reading places, renumbered to the new lesson's blocks. The first lesson keeps it in its overlay as the
split found it, so undoing the split there (the window's undo) puts it back. A saved word keeps its
first lesson (a word points at one lesson): its paragraph is none meanwhile and comes back with the undo."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from library.pagelines import Page
from library.store.database import Database


@dataclass
class Work:
    """What the user made on the paragraphs going to the new lesson, by their first line's text."""

    heads: dict[int, str] = field(default_factory=dict)  # old block position → its first line's text
    translations: list[tuple[int, str, str]] = field(default_factory=list)
    hidden: list[tuple[int, str]] = field(default_factory=list)
    questions: list[tuple[int, str, str, float]] = field(default_factory=list)
    notes: list[tuple[Any, ...]] = field(default_factory=list)
    reading: list[tuple[int, int, float, int, Any]] = field(default_factory=list)


def work_going(db: Database, lesson_id: int, page: Page, moved: set[int]) -> Work:
    """The user's work on the blocks of `page` whose first line is one of the `moved` line numbers."""
    texts = {ln.n: ln.text for ln in page.lines}
    work = Work(heads={k: texts[n] for k, n in enumerate(page.block_lines) if n in moved})
    if not work.heads:
        return work
    going = work.heads

    def rows(sql: str) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in db.execute(sql, [lesson_id]).fetchall()]

    work.translations = [r for r in rows(
        "SELECT block_pos, lang, text FROM user_translations WHERE lesson_id = ?") if r[0] in going]
    work.hidden = [r for r in rows(
        "SELECT block_pos, lang FROM hidden_translations WHERE lesson_id = ?") if r[0] in going]
    work.questions = [r for r in rows(
        "SELECT block_pos, text, answer, sort FROM questions WHERE lesson_id = ? ORDER BY sort, id") if r[0] in going]
    work.notes = [r for r in rows(
        "SELECT id, marker, label, text, source_url, anchor_block, anchor_start, anchor_end, anchor_text, hidden"
        " FROM user_notes WHERE lesson_id = ? AND import_pos IS NULL AND anchor_block IS NOT NULL") if r[5] in going]
    work.reading = [r for r in rows(
        "SELECT profile_id, position, progress, finished, opened_at FROM reading_state WHERE lesson_id = ?")
        if r[1] in going]
    return work


def carry_work(db: Database, lesson_id: int, made: int, page: Page, work: Work) -> int:
    """Give lesson `made` (split off `lesson_id`, its page `page`) the work, each on the block whose first
    line has its old block's first line's text; returns how many rows were carried."""
    heads: dict[str | None, int] = {}
    texts = {ln.n: ln.text for ln in page.lines}
    for k, n in enumerate(page.block_lines):
        if n >= 0:
            heads.setdefault(texts.get(n), k)
    to = {old: heads[text] for old, text in work.heads.items() if text in heads}
    carried = 0

    def put(sql: str, values: list[Any]) -> None:
        nonlocal carried
        db.execute(sql, values)
        carried += 1

    for pos, lang, text in work.translations:
        if pos in to:
            put("INSERT OR REPLACE INTO user_translations (lesson_id, block_pos, lang, text) VALUES (?, ?, ?, ?)",
                [made, to[pos], lang, text])
    for pos, lang in work.hidden:
        if pos in to:
            put("INSERT OR IGNORE INTO hidden_translations (lesson_id, block_pos, lang) VALUES (?, ?, ?)",
                [made, to[pos], lang])
    for pos, text, answer, sort in work.questions:
        if pos in to:
            put("INSERT INTO questions (lesson_id, block_pos, text, answer, sort) VALUES (?, ?, ?, ?, ?)",
                [made, to[pos], text, answer, sort])
    for nid, *note in work.notes:
        if note[4] in to:
            note[4] = to[note[4]]
            put("INSERT INTO user_notes (lesson_id, marker, label, text, source_url, anchor_block, anchor_start,"
                " anchor_end, anchor_text, hidden) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [made, *note])
            # (the first lesson would list it as a note with no place: it lives on in the new lesson)
            db.execute("DELETE FROM user_notes WHERE id = ? AND lesson_id = ?", [nid, lesson_id])
    for profile, pos, progress, finished, opened in work.reading:
        if pos in to:
            put("INSERT OR REPLACE INTO reading_state (profile_id, lesson_id, position, progress, finished, opened_at)"
                " VALUES (?, ?, ?, ?, ?, ?)", [profile, made, to[pos], progress, finished, opened])
    return carried
