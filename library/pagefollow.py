"""What the user made over a lesson, taken to the text it belongs to when the lesson is imported again
from its source (`Pages.reimport`), a changed copy of the file included.

A re-import may read a page whose paragraphs are not where they were: one added above, one removed,
lines reordered, a sentence edited. The overlay names blocks, notes, entries and unplaced items by
their position, so each is matched by its content instead: the stored text before against the text
the page has now, the same text first (in order, then anywhere), then the most alike for a small edit.
An offset in a block (a note's anchor) goes through the edit as a diff places it. What matches nothing
is listed as not kept, with the reason; a note whose words are gone is kept without a place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from library.pagealike import match_texts, through_edit
from library.pagelines import Page
from library.pageremap import parked, parked_line
from library.store.database import Database

GONE = "its paragraph is no longer on the page"
SHOWN = 40  # characters of a text shown in a report line


@dataclass(frozen=True)
class Before:
    """A lesson's imported tables as the overlay refers to them, read before a re-import writes them again."""

    blocks: list[str]
    notes: list[str]
    entries: list[str]
    unplaced: list[str]
    lines: dict[int, str] = field(default_factory=dict)  # the page's lines (for work kept against a line)


def parked_work(db: Database, lesson_id: int) -> bool:
    """True where some of the user's work on the lesson is kept against a line that is no block now."""
    return any(
        db.execute(f"SELECT 1 FROM {table} WHERE lesson_id = ? AND {column} < 0 LIMIT 1", [lesson_id]).fetchone()
        for table, column in (
            ("user_translations", "block_pos"),
            ("hidden_translations", "block_pos"),
            ("questions", "block_pos"),
            ("user_notes", "anchor_block"),
        )
    )


def before(db: Database, lesson_id: int, page: Page | None) -> Before:
    """The stored texts the overlay's positions refer to (`page`: the page as it was shown, for its lines)."""

    def texts(sql: str) -> list[str]:
        return [str(r[0]) for r in db.execute(sql, [lesson_id]).fetchall()]

    return Before(
        blocks=texts("SELECT text FROM blocks WHERE lesson_id = ? ORDER BY pos"),
        notes=texts("SELECT marker || ' ' || text FROM notes WHERE lesson_id = ? ORDER BY pos"),
        entries=texts("SELECT term FROM glossary WHERE lesson_id = ? ORDER BY pos"),
        unplaced=texts("SELECT text FROM unplaced WHERE lesson_id = ? ORDER BY pos"),
        lines={ln.n: ln.text for ln in page.lines} if page is not None else {},
    )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


class _Places:
    """Where an old block position (or a line's parked one) is on the new page, and an offset in it."""

    def __init__(self, was: Before, new: Page) -> None:
        self._was = was
        self._texts = [b.text for b in new.lesson.blocks]
        self._blocks = match_texts(was.blocks, self._texts)
        olds = sorted(was.lines)
        news = [ln.n for ln in new.lines]
        by_line = match_texts([was.lines[n] for n in olds], [ln.text for ln in new.lines])
        self._lines = {olds[i]: news[j] for i, j in by_line.items()}
        self._block_of = {ln.n: ln.block for ln in new.lines}

    def pos(self, pos: int) -> int | None:
        """The new position of old block `pos` (parked positions kept against their line), None if gone."""
        if pos < 0:
            n = self._lines.get(parked_line(pos))
            if n is None:
                return None
            block = self._block_of.get(n)
            return block if block is not None else parked(n)
        return self._blocks.get(pos)

    def offset(self, pos: int, to: int, offset: int) -> int:
        """An offset in old block `pos`, in new block `to` (through the edit between them)."""
        if pos < 0 or to < 0 or pos >= len(self._was.blocks):
            return offset
        old, new = self._was.blocks[pos], self._texts[to]
        return offset if old == new else through_edit(old, new, offset)

    def text(self, pos: int) -> str:
        if 0 <= pos < len(self._was.blocks):
            return self._was.blocks[pos]
        return self._was.lines.get(parked_line(pos), "") if pos < 0 else ""

    def before_gone(self, pos: int) -> int:
        """For a place whose block is gone: the new position of the nearest block before it that is kept."""
        for k in range(min(pos, len(self._was.blocks)) - 1, -1, -1):
            if k in self._blocks:
                return self._blocks[k]
        return 0


def follow_reimport(db: Database, lesson_id: int, was: Before, new: Page) -> list[str]:
    """Take the lesson's overlay, reading positions and saved words from the texts they were on to where
    those texts are on the re-imported page; returns a line for each thing that could not be kept."""
    places = _Places(was, new)
    lost: list[str] = []

    def where(pos: int) -> str:
        return f"“{_short(places.text(pos))}”" if places.text(pos) else f"block {pos}"

    rows = db.execute("SELECT block_pos, lang, text FROM user_translations WHERE lesson_id = ?", [lesson_id]).fetchall()
    db.execute("DELETE FROM user_translations WHERE lesson_id = ?", [lesson_id])
    for pos, lang, text in rows:
        to = places.pos(pos)
        if to is None:
            lost.append(f"your translation “{_short(text)}” of {where(pos)} ({GONE})")
            continue
        db.execute(
            "INSERT OR REPLACE INTO user_translations (lesson_id, block_pos, lang, text) VALUES (?, ?, ?, ?)",
            [lesson_id, to, lang, text],
        )
    rows = db.execute("SELECT block_pos, lang FROM hidden_translations WHERE lesson_id = ?", [lesson_id]).fetchall()
    db.execute("DELETE FROM hidden_translations WHERE lesson_id = ?", [lesson_id])
    for pos, lang in rows:
        to = places.pos(pos)
        if to is not None:  # a hidden translation of a paragraph gone is nothing to hide
            db.execute(
                "INSERT OR IGNORE INTO hidden_translations (lesson_id, block_pos, lang) VALUES (?, ?, ?)",
                [lesson_id, to, lang],
            )
    for qid, pos, text in db.execute(
        "SELECT id, block_pos, text FROM questions WHERE lesson_id = ? ORDER BY block_pos, sort, id", [lesson_id]
    ).fetchall():
        to = places.pos(pos)
        if to is None:
            lost.append(f"your question “{_short(text)}” on {where(pos)} ({GONE})")
            db.execute("DELETE FROM questions WHERE id = ?", [qid])
        else:
            db.execute("UPDATE questions SET block_pos = ? WHERE id = ?", [to, qid])
    lost += _anchors(db, lesson_id, places, new)
    lost += _items(db, "user_notes", lesson_id, was.notes, [f"{n.marker} {n.text}" for n in new.lesson.notes], "note")
    lost += _items(db, "user_glossary", lesson_id, was.entries, [e.term for e in new.lesson.glossary], "entry")
    lost += _items(db, "unplaced_actions", lesson_id, was.unplaced, [u.text for u in new.lesson.unplaced], "item")
    _reading(db, lesson_id, places, new)
    lost += _words(db, lesson_id, places, new)
    return lost


def _anchors(db: Database, lesson_id: int, places: _Places, new: Page) -> list[str]:
    """Each note's anchor to its words on the new page: through the edit of its paragraph, or where its
    words are in that paragraph now; a note whose paragraph or words are gone is kept with no place."""
    lost = []
    texts = [b.text for b in new.lesson.blocks]
    for rid, ab, ast, ae, atext, text, ipos in db.execute(
        "SELECT id, anchor_block, anchor_start, anchor_end, anchor_text, text, import_pos FROM user_notes"
        " WHERE lesson_id = ? AND anchor_block IS NOT NULL",
        [lesson_id],
    ).fetchall():
        to = places.pos(ab)
        got: tuple[int, int, int] | None = None
        if to is not None and to < 0:
            got = (to, ast, ae)  # kept against its line while the line is no paragraph
        elif to is not None and ast is not None and ae is not None:
            body = texts[to]
            start, end = places.offset(ab, to, ast), places.offset(ab, to, ae - 1) + 1
            if atext and body[start:end] != atext:
                at = _nearest(body, atext, start)
                start, end = (at, at + len(atext)) if at >= 0 else (-1, -1)
            if 0 <= start < end <= len(body):
                got = (to, start, end)
        if got is None:
            # An unplaced note of the user's own stays listed with the notes (with no place); an
            # imported note's own anchor is the importer's again.
            db.execute(
                "UPDATE user_notes SET anchor_block = NULL, anchor_start = NULL, anchor_end = NULL WHERE id = ?", [rid]
            )
            what = f"on “{_short(atext or places.text(ab))}”"
            why = GONE if to is None else "its words are no longer in its paragraph"
            name = f"“{_short(text)}”" if text else ("an imported note" if ipos is not None else "a note")
            lost.append(f"the place of your note {name} {what} ({why}: the note is kept, with no place)")
        else:
            db.execute(
                "UPDATE user_notes SET anchor_block = ?, anchor_start = ?, anchor_end = ? WHERE id = ?", [*got, rid]
            )
    return lost


def _nearest(body: str, words: str, near: int) -> int:
    """Where `words` stand in `body` nearest `near` (-1 if nowhere)."""
    found, at = [], body.find(words)
    while at >= 0:
        found.append(at)
        at = body.find(words, at + 1)
    return min(found, key=lambda k: abs(k - near)) if found else -1


def _items(db: Database, table: str, lesson_id: int, old: list[str], new: list[str], what: str) -> list[str]:
    """The user's edits of imported notes, entries and unplaced items to the item with that content now."""
    moves = match_texts(old, new)
    rows = db.execute(
        f"SELECT rowid, import_pos FROM {table} WHERE lesson_id = ? AND import_pos IS NOT NULL", [lesson_id]
    ).fetchall()
    if all(moves.get(pos) == pos for _rid, pos in rows if pos >= 0):
        return []
    lost = []
    for rowid, _pos in rows:  # in two steps: positions are unique
        db.execute(f"UPDATE {table} SET import_pos = ? WHERE rowid = ?", [-1 - rowid, rowid])
    for rowid, pos in rows:
        to = moves.get(pos) if pos >= 0 else None
        if to is None and 0 <= pos < len(old):
            lost.append(f"your change to the imported {what} “{_short(old[pos])}” (it is no longer on the page)")
        # An item whose text is gone keeps a position no item has (as pageremap._renumber does).
        to = to if to is not None else -1 - rowid
        db.execute(f"UPDATE OR IGNORE {table} SET import_pos = ? WHERE rowid = ?", [to, rowid])
    return lost


def _reading(db: Database, lesson_id: int, places: _Places, new: Page) -> None:
    """Every learner's reading position to its paragraph, or the one before it where it is gone."""
    last = max(0, len(new.lesson.blocks) - 1)
    for profile, pos in db.execute(
        "SELECT profile_id, position FROM reading_state WHERE lesson_id = ?", [lesson_id]
    ).fetchall():
        to = places.pos(pos)
        to = to if to is not None and to >= 0 else places.before_gone(pos)
        db.execute(
            "UPDATE reading_state SET position = ? WHERE profile_id = ? AND lesson_id = ?",
            [min(to, last), profile, lesson_id],
        )


def _words(db: Database, lesson_id: int, places: _Places, new: Page) -> list[str]:
    """Each saved word to the paragraph holding its sentence (its own paragraph's new place first)."""
    texts = [b.text for b in new.lesson.blocks]
    lost = []
    for wid, text, pos, sentence in db.execute(
        "SELECT id, text, block_pos, sentence FROM words WHERE lesson_id = ?", [lesson_id]
    ).fetchall():
        to = places.pos(pos) if pos is not None else None
        to = to if to is not None and to >= 0 else None
        if sentence and (to is None or sentence not in texts[to]):
            found = [k for k, t in enumerate(texts) if sentence in t]
            if found:
                to = min(found, key=lambda k: abs(k - (to if to is not None else pos or 0)))
        if to is None and pos is not None and pos >= 0:
            lost.append(f"the paragraph of your saved word “{text}” ({GONE}: the word is kept)")
        if to != pos:
            db.execute("UPDATE words SET block_pos = ? WHERE id = ?", [to, wid])
        if to is not None and sentence and sentence not in texts[to]:
            lost += _reworded(db, wid, text, sentence, texts[to])
    return lost


def _reworded(db: Database, wid: int, text: str, sentence: str, paragraph: str) -> list[str]:
    """A saved word whose paragraph's wording changed takes the sentence there most like its own (so a
    later change of structure finds its paragraph by it); said where the word is no longer in it."""
    from library.study.sentence_follow import likest_sentence
    from library.study.words import Word, form_in

    now = likest_sentence(sentence, paragraph)
    if now is None:
        return [f"the sentence of your saved word “{text}” is no longer in its paragraph (the word is kept)"]
    db.execute("UPDATE words SET sentence = ? WHERE id = ?", [now, wid])
    row = db.execute("SELECT lemma FROM words WHERE id = ?", [wid]).fetchone()
    if form_in(now, Word(wid, text, str(row[0]) if row else text, "new")) is None:
        return [f"your saved word “{text}” is no longer in its sentence, now “{_short(now)}” (the word is kept)"]
    return []
