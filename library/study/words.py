"""My words: the learner's saved words and phrases, with status, note and the sentence they came
from; and the one pattern that finds them all in a lesson."""

from __future__ import annotations

import builtins
import re
from dataclasses import asdict, dataclass
from typing import Any

from library.profiles import CurrentProfile
from library.store.database import Database
from library.study.difficulty import KNOWN, status_changed
from library.wordforms import compile_lowered, find_lowered, forms_of, lemma_of, normal_form

STATUSES = ("new", "learning", "known", "ignored")
DICTIONARY_GLOSS = "dictionary"  # a saved word's gloss_source: its meaning was filled in from the dictionary
# How `Words.table` may order its rows: by word, status, date saved (newest first) or review due
# (soonest first, words not in review last).
SORTS = {
    "word": "w.lemma COLLATE NOCASE, w.id",
    "status": "w.status, w.lemma, w.id",
    "date": "w.created_at DESC, w.id DESC",
    "due": "due_on = '', due_on, w.lemma, w.id",
}
# The tables whose rows hang off a word (and go when it is deleted), so an undo can put them back.
_WORD_TABLES = ("words", "word_events", "review_cards", "review_log")
# Past this many words changed at once, every lesson's known count is counted again in one statement
# rather than moved word by word.
_RECOUNT_PAST = 200
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass
class Word:
    """One saved word or phrase."""

    id: int
    text: str
    lemma: str
    status: str
    note: str = ""
    gloss: str = ""
    sentence: str = ""
    sentence_translation: str = ""
    lesson_id: int | None = None
    block_pos: int | None = None
    created_at: str = ""
    updated_at: str = ""
    gloss_source: str = ""  # "" the meaning is mine (typed), "dictionary" filled in from it

    def to_json(self) -> dict[str, Any]:
        """The word as the command line prints it."""
        return asdict(self)


@dataclass
class WordRow:
    """One line of the My words table: a saved word, its lesson's title and when it is next due."""

    id: int
    text: str
    lemma: str
    status: str
    gloss: str
    note: str
    sentence: str
    lesson_id: int | None
    lesson_title: str
    block_pos: int | None
    created_at: str
    due: str  # ISO time; "" for words not in review (known, ignored)
    sentence_translation: str = ""
    updated_at: str = ""
    gloss_source: str = ""

    def to_json(self) -> dict[str, Any]:
        """The row as the command line prints it."""
        return asdict(self)


@dataclass
class Deleted:
    """Saved words as they were before a delete, with their reviews and history, for an undo."""

    rows: dict[str, tuple[builtins.list[str], builtins.list[tuple[Any, ...]]]]

    @property
    def count(self) -> int:
        """How many words were deleted."""
        return len(self.rows["words"][1])


@dataclass
class Marks:
    """Saved words found in a text: one compiled pattern over every form, and the status of each form."""

    pattern: re.Pattern[str] | None
    status_of: dict[str, str]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, status) of each saved word in `text`."""
        if self.pattern is None:
            return []
        get = self.status_of.get
        return [
            (s, e, get(g) or get(" ".join(g.replace("’", "'").lower().split()), "new"))
            for s, e, g in find_lowered(self.pattern, text)
        ]


def sentence_at(text: str, start: int, end: int | None = None) -> str:
    """The sentence of `text` holding the span start…end."""
    end = start if end is None else end
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    first = max(b for b in bounds if b <= start)
    last = min((b for b in bounds if b >= end and b > first), default=len(text))
    return text[first:last].strip()


def _statuses(
    rows: tuple[builtins.list[str], builtins.list[tuple[Any, ...]]], now: str | None
) -> builtins.list[tuple[str, str | None, str | None]]:
    """(lemma, status, `now`) of each of a table's rows of words."""
    columns, values = rows
    lemma, status = columns.index("lemma") if columns else 0, columns.index("status") if columns else 0
    return [(v[lemma], v[status], now) for v in values]


def recount_known(db: Database, profile_id: int) -> None:
    """Count again, in every lesson, the running words this learner knows (after many changes at once)."""
    db.execute("DELETE FROM lesson_known WHERE profile_id = ?", [profile_id])
    db.execute(
        "INSERT INTO lesson_known (profile_id, lesson_id, known) SELECT ?, m.lesson_id, sum(m.count)"
        f" FROM lesson_lemmas m JOIN words w ON w.lemma = m.lemma AND w.profile_id = ? AND w.status IN {KNOWN!r}"
        " GROUP BY m.lesson_id",
        [profile_id, profile_id],
    )
    from library.study.compounds import add_known_by_parts

    add_known_by_parts(db, profile_id)  # and the compounds known by their parts ("ten-year")


def headword_of(text: str, name: bool = False) -> str:
    """What a word is saved as: its base form in lower case ("persuaded" → persuade, "Critics" →
    critic); a name (`name`) or an abbreviation in capitals (US, NATO) as written; a phrase as written."""
    text = " ".join(text.split())
    if not text or " " in text or name or (len(text) > 1 and text.isupper()):
        return text
    return lemma_of(text) or text


def form_in(sentence: str, word: Word) -> tuple[int, int] | None:
    """Where the saved word stands in its sentence, in whichever form the sentence has it (the word is
    saved as "persuade", the sentence says "persuaded"): (start, end), or None."""
    forms = forms_of(word.lemma) | {word.text.lower(), word.lemma}
    pattern = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True) if f)
    if not pattern:
        return None
    found = re.search(rf"(?<![\w’'-])(?:{pattern})(?![\w-])", sentence, re.IGNORECASE)
    return found.span() if found else None


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    """Ids in groups small enough for one statement's parameters."""
    return [ids[i : i + size] for i in range(0, len(ids), size)]


class Words:
    """Saved words of one profile."""

    COLUMNS = (
        "id, text, lemma, status, note, gloss, sentence, sentence_translation, lesson_id, block_pos,"
        " created_at, updated_at, gloss_source"
    )

    def __init__(self, db: Database, profile: int | CurrentProfile = 1) -> None:
        self._db = db
        # The active learner, shared with the library's other per-learner areas.
        self._profile = profile if isinstance(profile, CurrentProfile) else CurrentProfile(profile)
        self._marks: Marks | None = None
        self._marks_key: tuple[Any, ...] | None = None
        self._edits = 0  # changes made here: two within one second of updated_at still differ

    @property
    def profile_id(self) -> int:
        """The learner whose words these are."""
        return self._profile.id

    @profile_id.setter
    def profile_id(self, value: int) -> None:
        self._profile.id = value

    def _word(self, row: tuple[Any, ...]) -> Word:
        return Word(*row)

    def get(self, text: str) -> Word | None:
        """The saved word for `text` (any form of it), if there is one."""
        row = self._db.execute(
            f"SELECT {self.COLUMNS} FROM words WHERE profile_id = ? AND lemma = ?",
            [self.profile_id, lemma_of(normal_form(text))],
        ).fetchone()
        return self._word(row) if row else None

    def by_id(self, word_id: int) -> Word | None:
        """A saved word by its id."""
        row = self._db.execute(
            f"SELECT {self.COLUMNS} FROM words WHERE profile_id = ? AND id = ?", [self.profile_id, word_id]
        ).fetchone()
        return self._word(row) if row else None

    def list(self, status: str | None = None) -> builtins.list[Word]:
        """Saved words, most recently saved first (of one status if given)."""
        sql = f"SELECT {self.COLUMNS} FROM words WHERE profile_id = ?"
        args: builtins.list[Any] = [self.profile_id]
        if status:
            sql += " AND status = ?"
            args.append(status)
        return [self._word(r) for r in self._db.execute(sql + " ORDER BY created_at DESC, id DESC", args)]

    def table(
        self,
        status: str | None = None,
        lesson_id: int | None = None,
        sort: str = "date",
        word_ids: builtins.list[int] | None = None,
    ) -> builtins.list[WordRow]:
        """Every saved word with its lesson's title and review due, in one query (My words page, `words list`)."""
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}")
        where = "w.profile_id = ?"
        args: builtins.list[Any] = [self.profile_id]
        if status:
            where += " AND w.status = ?"
            args.append(status)
        if lesson_id is not None:
            where += " AND w.lesson_id = ?"
            args.append(lesson_id)
        if word_ids is not None:  # a few words, read again (an undone delete): one query per 500
            if len(word_ids) > 500:
                return [r for chunk in _chunks(word_ids) for r in self.table(status, lesson_id, sort, chunk)]
            where += f" AND w.id IN ({','.join('?' * len(word_ids))})"
            args.extend(word_ids)
        # New and learning words never reviewed are due from the moment they were saved, as in Review.due.
        sql = (
            "SELECT w.id, w.text, w.lemma, w.status, w.gloss, w.note, w.sentence, w.lesson_id,"
            " coalesce(l.user_title, l.title, ''), w.block_pos, w.created_at,"
            " CASE WHEN w.status IN ('new', 'learning') THEN coalesce(c.due, w.created_at) ELSE '' END AS due_on,"
            " w.sentence_translation, w.updated_at, w.gloss_source"
            " FROM words w LEFT JOIN lessons l ON l.id = w.lesson_id"
            " LEFT JOIN review_cards c ON c.word_id = w.id"
            f" WHERE {where} ORDER BY {SORTS[sort]}"
        )
        return [WordRow(*r) for r in self._db.execute(sql, args)]

    def lessons_with_words(self) -> builtins.list[tuple[int, str, int]]:
        """(lesson id, title, number of words) of each lesson words were saved from, by title."""
        return [
            (int(i), str(t), int(n))
            for i, t, n in self._db.execute(
                "SELECT l.id, coalesce(l.user_title, l.title), count(*) FROM words w JOIN lessons l"
                " ON l.id = w.lesson_id WHERE w.profile_id = ? GROUP BY l.id ORDER BY 2 COLLATE NOCASE, 1",
                [self.profile_id],
            )
        ]

    def edit(self, word_id: int, *, gloss: str | None = None, note: str | None = None,
             from_dictionary: bool = False) -> None:
        """Change a saved word's meaning or note (None keeps it); a meaning given is mine unless
        `from_dictionary` (filled in from the dictionary: glosses then prefer the sense in context)."""
        source = None if gloss is None else DICTIONARY_GLOSS if from_dictionary else ""
        self._edits += 1
        with self._db.atomic():
            self._db.execute(
                "UPDATE words SET gloss = coalesce(?, gloss), note = coalesce(?, note),"
                " gloss_source = coalesce(?, gloss_source),"
                " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ? AND profile_id = ?",
                [gloss, note, source, word_id, self.profile_id],
            )

    def set_statuses(self, word_ids: builtins.list[int], status: str) -> int:
        """Give saved words one status (recording each change for progress); how many changed."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        changed = 0
        moved: builtins.list[tuple[str, str | None, str | None]] = []
        self._edits += 1
        with self._db.atomic():
            for chunk in _chunks(word_ids):
                marks = ",".join("?" * len(chunk))
                found = self._db.execute(
                    f"SELECT id, lemma, status FROM words WHERE profile_id = ? AND status != ? AND id IN ({marks})",
                    [self.profile_id, status, *chunk],
                ).fetchall()
                ids = [r[0] for r in found]
                moved.extend((lemma, was, status) for _i, lemma, was in found)
                self._db.conn.executemany(
                    "UPDATE words SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                    [(status, i) for i in ids],
                )
                self._db.conn.executemany(
                    "INSERT INTO word_events (profile_id, word_id, status) VALUES (?, ?, ?)",
                    [(self.profile_id, i, status) for i in ids],
                )
                changed += len(ids)
            self._known_counts_follow(moved)
        self._marks = None
        return changed

    def _known_counts_follow(self, moved: builtins.list[tuple[str, str | None, str | None]]) -> None:
        """Every lesson's count of running words this learner knows follows words whose status
        changed (lemma, status before, status after; None for a word not saved), in the caller's
        transaction: the lessons' stored difficulty is right the moment the change commits."""
        # (a compound saved or forgotten changes too: unsaved, it is known by its parts, compounds.py)
        moved = [m for m in moved if (m[1] in KNOWN) != (m[2] in KNOWN) or (m[1] is None) != (m[2] is None)]
        if len(moved) > _RECOUNT_PAST:
            recount_known(self._db, self.profile_id)
            return
        for lemma, was, now in moved:
            status_changed(self._db, self.profile_id, lemma, was, now)

    def forget_marks(self) -> None:
        """Words were changed by another part of the library (a seeding's undo): read them again."""
        self._edits += 1
        self._marks = None

    def delete(self, word_ids: builtins.list[int]) -> Deleted:
        """Forget saved words (with their reviews), keeping what an undo needs to put them back."""
        rows: dict[str, tuple[builtins.list[str], builtins.list[tuple[Any, ...]]]] = {
            t: ([], []) for t in _WORD_TABLES
        }
        chunks = [(chunk, ",".join("?" * len(chunk))) for chunk in _chunks(word_ids)]
        mine = "SELECT id FROM words WHERE profile_id = ? AND id IN ({})"
        self._edits += 1
        with self._db.atomic():
            for table in _WORD_TABLES:
                key = "id" if table == "words" else "word_id"
                for chunk, marks in chunks:
                    cur = self._db.execute(
                        f"SELECT * FROM {table} WHERE {key} IN ({mine.format(marks)})", [self.profile_id, *chunk]
                    )
                    rows[table] = ([d[0] for d in cur.description], rows[table][1] + cur.fetchall())
            # Every word's own rows before any word: word_events and review_log have no index on
            # word_id, so the cascade scans what is left of them for each deleted word (deleting
            # 10,000 of 10,000 words with an event each: 4.6 s when done chunk by chunk, 0.1 s so).
            for table in _WORD_TABLES[:0:-1]:
                for chunk, marks in chunks:
                    self._db.execute(
                        f"DELETE FROM {table} WHERE word_id IN ({mine.format(marks)})", [self.profile_id, *chunk]
                    )
            for chunk, marks in chunks:
                self._db.execute(f"DELETE FROM words WHERE id IN ({mine.format(marks)})", [self.profile_id, *chunk])
            self._known_counts_follow(_statuses(rows["words"], None))
        self._marks = None
        return Deleted(rows)

    def restore(self, deleted: Deleted) -> int:
        """Put deleted words back as they were (same ids, dates, reviews); how many came back."""
        self._edits += 1
        with self._db.atomic():
            columns, values = deleted.rows["words"]
            ids = [v[columns.index("id")] for v in values] if values else []
            there = self._present(ids)  # a word saved again since keeps what it has now (INSERT OR IGNORE)
            for table in _WORD_TABLES:  # words first: the others refer to them
                columns, values = deleted.rows[table]
                if values:
                    self._db.conn.executemany(
                        f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({','.join('?' * len(columns))})",
                        values,
                    )
            columns, values = deleted.rows["words"]
            came = self._present(ids) - there
            back = [v for v in values if v[columns.index("id")] in came]
            self._known_counts_follow([(lemma, None, status) for lemma, status, _ in _statuses((columns, back), None)])
        self._marks = None
        return deleted.count

    def _present(self, ids: builtins.list[int]) -> set[int]:
        """Which of these word ids are saved."""
        return {
            r[0]
            for chunk in _chunks(ids)
            for r in self._db.execute(f"SELECT id FROM words WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        }

    def counts(self) -> dict[str, int]:
        """How many words have each status."""
        found = dict(
            self._db.execute(
                "SELECT status, count(*) FROM words WHERE profile_id = ? GROUP BY status", [self.profile_id]
            ).fetchall()
        )
        return {s: int(found.get(s, 0)) for s in STATUSES}

    def save(
        self,
        text: str,
        status: str | None = "new",
        *,
        note: str | None = None,
        gloss: str | None = None,
        sentence: str | None = None,
        sentence_translation: str | None = None,
        lesson_id: int | None = None,
        block_pos: int | None = None,
        written: str | None = None,
        gloss_from_dictionary: bool = False,
    ) -> Word:
        """Save a word or phrase (or update the saved one: given fields replace, others are kept);
        `written`: the form the sentence has (or as typed), found and marked with the word's other
        forms. A `status` of None keeps a saved word's status (a new one is new). A `gloss` given is
        the learner's own meaning unless `gloss_from_dictionary`."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        text = " ".join(normal_form(text).split())
        if not text:
            raise ValueError("nothing to save")
        lemma = lemma_of(text)
        seen = {" ".join(normal_form(t).lower().split()) for t in (text, written or text)}  # the forms as written
        old = self.get(text)
        status = status or (old.status if old else "new")
        source = None if gloss is None else DICTIONARY_GLOSS if gloss_from_dictionary else ""
        self._edits += 1
        with self._db.atomic():
            if old is None:
                cur = self._db.execute(
                    "INSERT INTO words (profile_id, text, lemma, forms, status, note, gloss, sentence,"
                    " sentence_translation, lesson_id, block_pos, gloss_source)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        self.profile_id,
                        text,
                        lemma,
                        "|".join(sorted(forms_of(lemma) | seen)),
                        status,
                        note or "",
                        gloss or "",
                        sentence or "",
                        sentence_translation or "",
                        lesson_id,
                        block_pos,
                        source or "",
                    ],
                )
                word_id = int(cur.lastrowid or 0)
            else:
                word_id = old.id
                self._db.execute(
                    "UPDATE words SET status = ?, note = coalesce(?, note), gloss = coalesce(?, gloss),"
                    " sentence = coalesce(?, sentence), sentence_translation = coalesce(?, sentence_translation),"
                    " lesson_id = coalesce(?, lesson_id), block_pos = coalesce(?, block_pos),"
                    " gloss_source = coalesce(?, gloss_source),"
                    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                    [status, note, gloss, sentence, sentence_translation, lesson_id, block_pos, source, word_id],
                )
                self._keep_forms(word_id, seen)
            if old is None or old.status != status:
                status_changed(self._db, self.profile_id, lemma, old.status if old else None, status)
                self._db.execute(
                    "INSERT INTO word_events (profile_id, word_id, status) VALUES (?, ?, ?)",
                    [self.profile_id, word_id, status],
                )
        self._marks = None
        word = self.by_id(word_id)
        assert word is not None
        return word

    def _keep_forms(self, word_id: int, seen: set[str]) -> None:
        """Add forms written or typed to a saved word's forms (each is marked in a lesson)."""
        row = self._db.execute("SELECT forms FROM words WHERE id = ?", [word_id]).fetchone()
        forms = set(str(row[0] or "").split("|")) - {""} if row else set()
        if row and forms and not seen <= forms:
            self._db.execute("UPDATE words SET forms = ? WHERE id = ?", ["|".join(sorted(forms | seen)), word_id])

    def set_status(self, text: str, status: str) -> Word:
        """Change a saved word's status (saving it if it was not)."""
        return self.save(text, status)

    def remove(self, text: str) -> bool:
        """Forget a saved word; True if there was one."""
        word = self.get(text)
        if word is None:
            return False
        with self._db.atomic():
            self._db.execute("DELETE FROM words WHERE id = ?", [word.id])
            status_changed(self._db, self.profile_id, word.lemma, word.status, None)
        self._marks = None
        return True

    def version(self) -> tuple[int, str, int]:
        """Changes whenever a word is saved, changed or removed (by any window on this library; here, by
        every change, however close to the one before)."""
        row = self._db.execute(
            "SELECT count(*), coalesce(max(updated_at), '') || coalesce(max(id), 0) FROM words WHERE profile_id = ?",
            [self.profile_id],
        ).fetchone()
        return int(row[0]), str(row[1]), self._edits

    def marks(self, statuses: tuple[str, ...] = ("new", "learning", "known")) -> Marks:
        """The pattern finding every saved word (each of its forms) with the given statuses."""
        key = (self.profile_id, *self.version(), ",".join(statuses))
        if self._marks is not None and self._marks_key == key:
            return self._marks
        status_of: dict[str, str] = {}
        marks = ",".join("?" * len(statuses))
        for lemma, forms, status in self._db.execute(
            f"SELECT lemma, forms, status FROM words WHERE profile_id = ? AND status IN ({marks})",
            [self.profile_id, *statuses],
        ):
            for form in forms.split("|") if forms else forms_of(lemma):
                status_of.setdefault(form, status)
        self._marks = Marks(compile_lowered(status_of), status_of)
        self._marks_key = key
        return self._marks
