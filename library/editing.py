"""A tutor's edits of a lesson: an overlay kept apart from the import and applied when the lesson is read.

Imported notes, glossary entries and unplaced items are referred to as ``import:N`` (their
position in the import); the user's own as ``user:ID``. Every change is a small write to
the overlay tables, so a redone import (which rewrites the imported tables) keeps them.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from library.markers import next_marker
from library.model import Anchor, GlossaryEntry, Lesson, Note, Question
from library.store.database import Database

if TYPE_CHECKING:
    from library.pages import Pages

# Overlay tables and the columns a snapshot keeps (lesson_id is implied).
OVERLAY: dict[str, tuple[str, ...]] = {
    "user_translations": ("block_pos", "lang", "text"),
    "hidden_translations": ("block_pos", "lang"),
    "user_notes": (
        "id",
        "import_pos",
        "marker",
        "label",
        "text",
        "source_url",
        "anchor_block",
        "anchor_start",
        "anchor_end",
        "anchor_text",
        "hidden",
    ),
    "user_glossary": (
        "id",
        "import_pos",
        "term",
        "part_of_speech",
        "definition",
        "translation",
        "example",
        "sort",
        "hidden",
    ),
    "unplaced_actions": ("import_pos", "action"),
    "questions": ("id", "block_pos", "text", "answer", "sort"),
    # The decisions about the page's lines (library/pages.py): restoring them assembles the lesson again.
    "line_decisions": ("id", "op", "n", "text", "role", "target_n", "target_text", "at", "value"),
}
NOTE_FIELDS = {"marker": "marker", "label": "label", "text": "text", "source_url": "source_url"}
ENTRY_FIELDS = {
    "term": "term",
    "pos": "part_of_speech",
    "definition": "definition",
    "translation": "translation",
    "example": "example",
}
Snapshot = dict[str, list[dict[str, Any]]]


def parse_ref(ref: str) -> tuple[str, int]:
    """("import", N) or ("user", ID) from a reference; ValueError if it is neither."""
    kind, _, num = ref.partition(":")
    if kind not in ("import", "user") or not num.lstrip("-").isdigit():
        raise ValueError(f"not an item reference: {ref!r}")
    return kind, int(num)


def find_anchor(
    lesson: Lesson, block: int | None, start: int | None, end: int | None, text: str | None
) -> Anchor | None:
    """The anchor as stored, or where its words are now if a redone import moved them."""
    if block is None or start is None or end is None or block < 0:
        return None  # (a negative block: its line is no paragraph now, library/pageremap.py)
    blocks = lesson.blocks
    in_range = 0 <= block < len(blocks) and 0 <= start < end <= len(blocks[block].text)
    if in_range and (not text or blocks[block].text[start:end] == text):
        return Anchor(block, start, end)
    if not text or not 0 <= block < len(blocks):
        return None
    # Its words moved in its paragraph (an edit before them): nearest where they were. Never another
    # paragraph's: the same words there are other words (a re-import takes anchors to their paragraph).
    body, found = blocks[block].text, []
    at = body.find(text)
    while at >= 0:
        found.append(at)
        at = body.find(text, at + 1)
    if not found:
        return None
    at = min(found, key=lambda k: abs(k - start))
    return Anchor(block, at, at + len(text))


def last_word(lesson: Lesson, block: int) -> Anchor | None:
    """An anchor on a paragraph's last word, where a note placed on the paragraph as a whole goes."""
    words = list(re.finditer(r"[\w’'-]+", lesson.blocks[block].text))
    return Anchor(block, words[-1].start(), words[-1].end()) if words else None


def apply_edits(conn: sqlite3.Connection, lesson: Lesson) -> Lesson:
    """Lay the user's edits over a lesson read from the imported tables (in place; returns it)."""
    assert lesson.id is not None
    lid = lesson.id
    for pos, lang in conn.execute("SELECT block_pos, lang FROM hidden_translations WHERE lesson_id = ?", (lid,)):
        if 0 <= pos < len(lesson.blocks):
            lesson.blocks[pos].translations.pop(lang, None)

    for i, note in enumerate(lesson.notes):
        note.ref = f"import:{i}"
    notes: list[Note] = list(lesson.notes)
    hidden: set[int] = set()
    for row in conn.execute(
        "SELECT id, import_pos, marker, label, text, source_url, anchor_block, anchor_start, anchor_end,"
        " anchor_text, hidden FROM user_notes WHERE lesson_id = ? ORDER BY id",
        (lid,),
    ):
        rid, ipos, marker, label, text, url, ab, ast, ae, atext, is_hidden = row
        anchor = find_anchor(lesson, ab, ast, ae, atext)
        if ipos is None:
            if not is_hidden:
                notes.append(Note(marker or "", text or "", url, "", anchor, label or "", "user", f"user:{rid}"))
            continue
        if not 0 <= ipos < len(lesson.notes):
            continue
        if is_hidden:
            hidden.add(ipos)
            continue
        note = lesson.notes[ipos]
        note.marker = marker if marker is not None else note.marker
        note.label = label if label is not None else note.label
        note.text = text if text is not None else note.text
        note.source_url = url if url is not None else note.source_url
        if ab is not None:
            note.anchor = anchor
        if any(v is not None for v in (marker, label, text, url, ab)):
            note.origin = "edited"
    lesson.notes = [n for n in notes if not (n.origin != "user" and int(n.ref[7:]) in hidden)]

    sorts: dict[int, float] = {}
    entries: list[tuple[float, int, GlossaryEntry]] = []
    for i, entry in enumerate(lesson.glossary):
        entry.ref = f"import:{i}"
    overrides = {}
    for row in conn.execute(
        "SELECT id, import_pos, term, part_of_speech, definition, translation, example, sort, hidden"
        " FROM user_glossary WHERE lesson_id = ? ORDER BY id",
        (lid,),
    ):
        overrides[(row[1] is None, row[1] if row[1] is not None else row[0])] = row
    for i, entry in enumerate(lesson.glossary):
        row = overrides.get((False, i))
        sort = float(i)
        if row is not None:
            if row[8]:
                continue
            values = dict(zip(("term", "pos", "definition", "translation", "example"), row[2:7], strict=True))
            changed = {k: v for k, v in values.items() if v is not None}
            for k, v in changed.items():
                setattr(entry, k, v)
            if changed:
                entry.origin = "edited"
            sort = row[7] if row[7] is not None else sort
        sorts[i] = sort
        entries.append((sort, i, entry))
    for (is_user, rid), row in overrides.items():
        if is_user and not row[8]:
            entry = GlossaryEntry(
                row[2] or "", row[3] or "", row[4] or "", row[5] or "", row[6] or "", "user", f"user:{rid}"
            )
            entries.append((row[7] if row[7] is not None else 1e9, 1_000_000 + rid, entry))
    lesson.glossary = [e for _s, _i, e in sorted(entries, key=lambda t: (t[0], t[1]))]

    for i, item in enumerate(lesson.unplaced):
        item.ref = f"import:{i}"
    done = {r[0] for r in conn.execute("SELECT import_pos FROM unplaced_actions WHERE lesson_id = ?", (lid,))}
    lesson.unplaced = [u for i, u in enumerate(lesson.unplaced) if i not in done]

    lesson.questions = [
        Question(pos, text, answer, f"user:{qid}")
        for qid, pos, text, answer in conn.execute(
            "SELECT id, block_pos, text, answer FROM questions WHERE lesson_id = ? AND block_pos >= 0"
            " ORDER BY block_pos, sort, id",
            (lid,),
        )
    ]
    return lesson


class Editing:
    """Changes to one library's lessons, each written at once in its own transaction."""

    def __init__(self, db: Database, read: Callable[[int], Lesson], pages: Callable[[], Pages] | None = None) -> None:
        self._db = db
        self._read = read  # the lesson as the reader sees it (Lessons.get), given to keep the modules apart
        self._pages = pages  # the library's page view area (its cache of parsed pages), when there is one

    def _lesson(self, lesson_id: int) -> Lesson:
        return self._read(lesson_id)

    def _touch(self, lesson_id: int) -> None:
        self._db.execute("UPDATE lessons SET indexed = 0 WHERE id = ?", [lesson_id])

    # --- translations ---------------------------------------------------------------
    def set_translation(self, lesson_id: int, block: int, lang: str, text: str) -> None:
        """The user's own translation of a block (empty text removes the translation altogether)."""
        if not text.strip():
            self.remove_translation(lesson_id, block, lang)
            return
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO user_translations (lesson_id, block_pos, lang, text) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (lesson_id, block_pos, lang) DO UPDATE SET text = excluded.text,"
                " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                [lesson_id, block, lang, text.strip()],
            )
            self._touch(lesson_id)

    def remove_translation(self, lesson_id: int, block: int, lang: str) -> None:
        """Remove a block's translation: the user's own is deleted, an imported one hidden."""
        with self._db.atomic():
            self._db.execute(
                "DELETE FROM user_translations WHERE lesson_id = ? AND block_pos = ? AND lang = ?",
                [lesson_id, block, lang],
            )
            imported = self._db.execute(
                "SELECT 1 FROM translations t JOIN blocks b ON b.id = t.block_id"
                " WHERE b.lesson_id = ? AND b.pos = ? AND t.lang = ?",
                [lesson_id, block, lang],
            ).fetchone()
            if imported:
                self._db.execute(
                    "INSERT OR IGNORE INTO hidden_translations (lesson_id, block_pos, lang) VALUES (?, ?, ?)",
                    [lesson_id, block, lang],
                )
            self._touch(lesson_id)

    def move_translation(self, lesson_id: int, source: int, target: int, lang: str) -> None:
        """Move a translation to another paragraph (replacing what that one had)."""
        text = self._lesson(lesson_id).blocks[source].all_translations.get(lang)
        if text is None or source == target:
            return
        with self._db.atomic():
            self.remove_translation(lesson_id, source, lang)
            self.set_translation(lesson_id, target, lang, text)

    # --- notes --------------------------------------------------------------------------
    def add_note(
        self,
        lesson_id: int,
        text: str,
        anchor: Anchor | None = None,
        label: str = "",
        source_url: str | None = None,
        marker: str | None = None,
    ) -> str:
        """A new note of the user's own; returns its reference."""
        lesson = self._lesson(lesson_id)
        marker = marker or next_marker([n.marker for n in lesson.notes])
        a_text = lesson.blocks[anchor.block].text[anchor.start : anchor.end] if anchor else None
        with self._db.atomic():
            cur = self._db.execute(
                "INSERT INTO user_notes (lesson_id, marker, label, text, source_url, anchor_block, anchor_start,"
                " anchor_end, anchor_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    lesson_id,
                    marker,
                    label,
                    text,
                    source_url,
                    anchor.block if anchor else None,
                    anchor.start if anchor else None,
                    anchor.end if anchor else None,
                    a_text,
                ],
            )
        return f"user:{cur.lastrowid}"

    def _note_row(self, lesson_id: int, ref: str) -> int:
        """The overlay row for a note, created (empty) for an imported one."""
        kind, num = parse_ref(ref)
        if kind == "user":
            return num
        self._db.execute("INSERT OR IGNORE INTO user_notes (lesson_id, import_pos) VALUES (?, ?)", [lesson_id, num])
        row = self._db.execute(
            "SELECT id FROM user_notes WHERE lesson_id = ? AND import_pos = ?", [lesson_id, num]
        ).fetchone()
        return int(row[0])

    def update_note(self, lesson_id: int, ref: str, **fields: str | None) -> None:
        """Change a note's marker, label, text or source_url."""
        sets = {NOTE_FIELDS[k]: v for k, v in fields.items()}
        if not sets:
            return
        with self._db.atomic():
            rid = self._note_row(lesson_id, ref)
            assignments = ", ".join(f"{col} = ?" for col in sets)
            self._db.execute(f"UPDATE user_notes SET {assignments} WHERE id = ?", [*sets.values(), rid])

    def anchor_note(self, lesson_id: int, ref: str, anchor: Anchor) -> None:
        """Anchor a note to a span of a block's English text."""
        text = self._lesson(lesson_id).blocks[anchor.block].text
        if not 0 <= anchor.start < anchor.end <= len(text):
            raise ValueError("the anchor is outside the paragraph")
        with self._db.atomic():
            rid = self._note_row(lesson_id, ref)
            self._db.execute(
                "UPDATE user_notes SET anchor_block = ?, anchor_start = ?, anchor_end = ?, anchor_text = ?"
                " WHERE id = ?",
                [anchor.block, anchor.start, anchor.end, text[anchor.start : anchor.end], rid],
            )

    def remove_note(self, lesson_id: int, ref: str) -> None:
        """Remove a note: the user's own is deleted, an imported one hidden."""
        kind, num = parse_ref(ref)
        with self._db.atomic():
            if kind == "user":
                self._db.execute("DELETE FROM user_notes WHERE id = ? AND lesson_id = ?", [num, lesson_id])
            else:
                self._db.execute("UPDATE user_notes SET hidden = 1 WHERE id = ?", [self._note_row(lesson_id, ref)])

    # --- glossary -----------------------------------------------------------------------
    def add_entry(
        self, lesson_id: int, term: str, pos: str = "", definition: str = "", translation: str = "", example: str = ""
    ) -> str:
        """A new glossary entry of the user's own, at the end of the list; returns its reference."""
        lesson = self._lesson(lesson_id)
        with self._db.atomic():
            cur = self._db.execute(
                "INSERT INTO user_glossary (lesson_id, term, part_of_speech, definition, translation, example, sort)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [lesson_id, term.strip(), pos, definition, translation, example, float(len(lesson.glossary) + 1e6)],
            )
        return f"user:{cur.lastrowid}"

    def _entry_row(self, lesson_id: int, ref: str) -> int:
        kind, num = parse_ref(ref)
        if kind == "user":
            return num
        self._db.execute("INSERT OR IGNORE INTO user_glossary (lesson_id, import_pos) VALUES (?, ?)", [lesson_id, num])
        row = self._db.execute(
            "SELECT id FROM user_glossary WHERE lesson_id = ? AND import_pos = ?", [lesson_id, num]
        ).fetchone()
        return int(row[0])

    def update_entry(self, lesson_id: int, ref: str, **fields: str) -> None:
        """Change an entry's term, pos, definition, translation or example."""
        sets = {ENTRY_FIELDS[k]: v for k, v in fields.items()}
        if not sets:
            return
        with self._db.atomic():
            rid = self._entry_row(lesson_id, ref)
            assignments = ", ".join(f"{col} = ?" for col in sets)
            self._db.execute(f"UPDATE user_glossary SET {assignments} WHERE id = ?", [*sets.values(), rid])

    def remove_entry(self, lesson_id: int, ref: str) -> None:
        """Remove a glossary entry: the user's own is deleted, an imported one hidden."""
        kind, num = parse_ref(ref)
        with self._db.atomic():
            if kind == "user":
                self._db.execute("DELETE FROM user_glossary WHERE id = ? AND lesson_id = ?", [num, lesson_id])
            else:
                self._db.execute("UPDATE user_glossary SET hidden = 1 WHERE id = ?", [self._entry_row(lesson_id, ref)])

    def move_entry(self, lesson_id: int, ref: str, step: int) -> None:
        """Move an entry up (-1) or down (+1) the word list."""
        refs = [g.ref for g in self._lesson(lesson_id).glossary]
        if ref not in refs:
            return
        i = refs.index(ref)
        j = i + step
        if not 0 <= j < len(refs):
            return
        refs[i], refs[j] = refs[j], refs[i]
        with self._db.atomic():
            for order, r in enumerate(refs):  # write the whole order: simple and always consistent
                self._db.execute(
                    "UPDATE user_glossary SET sort = ? WHERE id = ?", [float(order), self._entry_row(lesson_id, r)]
                )

    # --- unplaced material ----------------------------------------------------------------
    def place_unplaced(
        self, lesson_id: int, ref: str, block: int, as_: str = "translation", anchor: Anchor | None = None
    ) -> str | None:
        """Place an unplaced item as a block's translation (appended to one it has) or as a note."""
        lesson = self._lesson(lesson_id)
        _kind, num = parse_ref(ref)
        item = next((u for u in lesson.unplaced if u.ref == ref), None)
        if item is None:
            raise KeyError(ref)
        made: str | None = None
        with self._db.atomic():
            if as_ == "translation":
                lang = item.lang if item.lang and item.lang != "en" else (lesson.translation_language or "ja")
                current = lesson.blocks[block].all_translations.get(lang)
                self.set_translation(lesson_id, block, lang, f"{current}\n{item.text}" if current else item.text)
            elif as_ == "note":
                made = self.add_note(lesson_id, item.text, anchor or last_word(lesson, block))
            else:
                raise ValueError(f"cannot place as {as_!r}")
            self._db.execute(
                "INSERT OR REPLACE INTO unplaced_actions (lesson_id, import_pos, action) VALUES (?, ?, 'placed')",
                [lesson_id, num],
            )
        return made

    def discard_unplaced(self, lesson_id: int, ref: str) -> None:
        """Set an unplaced item aside (it stays in the library and in the original bytes)."""
        _kind, num = parse_ref(ref)
        with self._db.atomic():
            self._db.execute(
                "INSERT OR REPLACE INTO unplaced_actions (lesson_id, import_pos, action) VALUES (?, ?, 'discarded')",
                [lesson_id, num],
            )

    # --- questions ------------------------------------------------------------------------
    def add_question(self, lesson_id: int, block: int, text: str, answer: str = "") -> str:
        """A comprehension question on a paragraph; returns its reference."""
        with self._db.atomic():
            row = self._db.execute(
                "SELECT coalesce(max(sort), 0) + 1 FROM questions WHERE lesson_id = ? AND block_pos = ?",
                [lesson_id, block],
            ).fetchone()
            cur = self._db.execute(
                "INSERT INTO questions (lesson_id, block_pos, text, answer, sort) VALUES (?, ?, ?, ?, ?)",
                [lesson_id, block, text.strip(), answer.strip(), row[0]],
            )
        return f"user:{cur.lastrowid}"

    def update_question(self, lesson_id: int, ref: str, text: str, answer: str = "") -> None:
        """Change a question and its answer."""
        with self._db.atomic():
            self._db.execute(
                "UPDATE questions SET text = ?, answer = ? WHERE id = ? AND lesson_id = ?",
                [text.strip(), answer.strip(), parse_ref(ref)[1], lesson_id],
            )

    def remove_question(self, lesson_id: int, ref: str) -> None:
        """Delete a question."""
        with self._db.atomic():
            self._db.execute("DELETE FROM questions WHERE id = ? AND lesson_id = ?", [parse_ref(ref)[1], lesson_id])

    # --- the overlay as a whole (undo, packs) -------------------------------------------------
    def snapshot(self, lesson_id: int, with_ids: bool = True) -> Snapshot:
        """Every overlay row of a lesson, as plain data."""
        out: Snapshot = {}
        for table, cols in OVERLAY.items():
            keep = [c for c in cols if with_ids or c != "id"]
            rows = self._db.execute(
                f"SELECT {', '.join(keep)} FROM {table} WHERE lesson_id = ? ORDER BY rowid", [lesson_id]
            ).fetchall()
            out[table] = [dict(zip(keep, r, strict=True)) for r in rows]
        return out

    def restore(self, lesson_id: int, snap: Snapshot) -> None:
        """Make a lesson's overlay exactly `snap` (rows of unknown tables or columns are ignored)."""
        decisions = self.snapshot(lesson_id)["line_decisions"]
        with self._db.atomic():
            for table, cols in OVERLAY.items():
                self._db.execute(f"DELETE FROM {table} WHERE lesson_id = ?", [lesson_id])
                for row in snap.get(table, []):
                    keep = {c: row[c] for c in cols if c in row}
                    names = ", ".join(["lesson_id", *keep])
                    marks = ", ".join("?" * (len(keep) + 1))
                    self._db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", [lesson_id, *keep.values()])
            if self.snapshot(lesson_id)["line_decisions"] != decisions:
                from library.pages import Pages, decision_of

                # The overlay restored is the one made over that state of the lines: no rows move.
                pages = self._pages() if self._pages is not None else Pages(self._db)
                pages.restored(lesson_id, [decision_of(row) for row in decisions])
            self._touch(lesson_id)

    def exists(self, lesson_id: int) -> bool:
        """Whether the library still holds the lesson."""
        return self._db.execute("SELECT 1 FROM lessons WHERE id = ?", [lesson_id]).fetchone() is not None

    def has_edits(self, lesson_id: int) -> bool:
        """Whether the user has changed anything in a lesson."""
        return any(self.snapshot(lesson_id).values())
