"""The My words queries: the table in one statement, filters, sorts, edits, statuses, delete and undo (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from library import Library
from tests.conftest import REFERENCE
from tests.study_data import write_other_lesson


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "lib.db")
    yield library
    library.close()


def statements(lib: Library) -> list[str]:
    """Every SQL statement run from now on, in a list that fills as they run."""
    seen: list[str] = []
    lib.db.conn.set_trace_callback(seen.append)
    return seen


def test_table_gives_lesson_title_and_due_in_one_query(lib: Library, tmp_path: Path) -> None:
    first = lib.lessons.import_file(REFERENCE).lesson_id
    other = lib.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    words = lib.study.words
    words.save("reserve", "new", lesson_id=first, block_pos=3, sentence="Reserve a seat.", gloss="予約する")
    words.save("carriage", "learning", lesson_id=other, block_pos=1)
    words.save("timetable", "known", lesson_id=first, block_pos=5, note="my note")
    words.save("platform", "ignored")
    lib.study.review.grade(words.get("carriage").id, 3)  # type: ignore[union-attr]
    seen = statements(lib)
    rows = {r.text: r for r in words.table()}
    lib.db.conn.set_trace_callback(None)
    assert len(seen) == 1  # no query per row
    title = lib.lessons.get(first).title
    assert rows["reserve"].lesson_title == title and rows["reserve"].block_pos == 3
    assert rows["reserve"].gloss == "予約する" and rows["reserve"].sentence == "Reserve a seat."
    assert rows["reserve"].due == rows["reserve"].created_at  # never reviewed: due since it was saved
    assert rows["carriage"].due > rows["carriage"].created_at  # graded: due later
    assert rows["timetable"].due == "" and rows["timetable"].note == "my note"  # known: not in review
    assert rows["platform"].lesson_title == "" and rows["platform"].lesson_id is None


def test_table_filters_by_status_and_lesson_and_sorts(lib: Library, tmp_path: Path) -> None:
    first = lib.lessons.import_file(REFERENCE).lesson_id
    other = lib.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    words = lib.study.words
    for text, status, lesson in (("zeal", "new", first), ("apple", "known", other), ("mango", "learning", first)):
        words.save(text, status, lesson_id=lesson)
    # Saved within one second: make the dates differ as they would on different days.
    for i, text in enumerate(("zeal", "apple", "mango")):
        lib.db.execute("UPDATE words SET created_at = ? WHERE text = ?", [f"2026-01-0{i + 1}T00:00:00Z", text])
    assert [r.text for r in words.table(sort="word")] == ["apple", "mango", "zeal"]
    assert [r.text for r in words.table(sort="date")] == ["mango", "apple", "zeal"]  # newest first
    assert [r.text for r in words.table(sort="status")] == ["apple", "mango", "zeal"]  # known, learning, new
    assert [r.text for r in words.table(sort="due")] == ["zeal", "mango", "apple"]  # not in review last
    assert [r.text for r in words.table(lesson_id=first, sort="word")] == ["mango", "zeal"]
    assert [r.text for r in words.table(status="known")] == ["apple"]
    assert [r.text for r in words.table(status="new", lesson_id=other)] == []
    ids = [r.id for r in words.table(sort="word")]
    assert [r.text for r in words.table(sort="word", word_ids=ids[1:])] == ["mango", "zeal"]
    assert words.table(word_ids=[]) == []
    with pytest.raises(ValueError):
        words.table(sort="colour")
    assert [(t, n) for _i, t, n in words.lessons_with_words()] == sorted(
        [(lib.lessons.get(first).title, 2), (lib.lessons.get(other).title, 1)], key=lambda p: p[0].lower()
    )


def test_edit_and_set_statuses_record_events(lib: Library) -> None:
    words = lib.study.words
    ids = [words.save(t).id for t in ("one", "two", "three")]
    words.edit(ids[0], gloss="一", note="counting")
    words.edit(ids[0], note="")
    word = words.by_id(ids[0])
    assert word is not None and (word.gloss, word.note) == ("一", "")
    assert words.set_statuses(ids[:2], "known") == 2
    assert words.set_statuses(ids, "known") == 1  # two were known already
    assert [r.status for r in words.table(sort="word")] == ["known", "known", "known"]
    events = lib.db.execute("SELECT word_id, status FROM word_events ORDER BY id").fetchall()
    assert events[3:] == [(ids[0], "known"), (ids[1], "known"), (ids[2], "known")]
    assert words.marks().find("one two three")[0][2] == "known"  # the marks are made anew
    with pytest.raises(ValueError):
        words.set_statuses(ids, "forgotten")


def test_delete_and_restore_put_back_everything(lib: Library) -> None:
    words = lib.study.words
    kept = words.save("stay")
    gone = [words.save(t, note=f"note {t}").id for t in ("leave", "depart")]
    lib.study.review.grade(gone[0], 3, now=datetime.now(UTC) - timedelta(days=1))
    before = words.table(sort="word")
    cards = lib.db.execute("SELECT * FROM review_cards ORDER BY word_id").fetchall()
    log = lib.db.execute("SELECT * FROM review_log ORDER BY id").fetchall()
    deleted = words.delete(gone)
    assert deleted.count == 2
    assert [r.text for r in words.table()] == ["stay"]
    assert lib.db.execute("SELECT count(*) FROM review_log").fetchone()[0] == 0
    assert words.marks().find("leave and stay") == [(10, 14, "new")]
    assert words.restore(deleted) == 2
    assert words.table(sort="word") == before  # same ids, dates, notes and due
    assert lib.db.execute("SELECT * FROM review_cards ORDER BY word_id").fetchall() == cards
    assert lib.db.execute("SELECT * FROM review_log ORDER BY id").fetchall() == log
    assert len(words.marks().find("leave and stay")) == 2
    assert kept.id not in gone


def test_words_are_the_active_learners(lib: Library) -> None:
    words = lib.study.words
    words.save("mine")
    other = lib.profiles.create("Ken")
    words.profile_id = other.id
    words.save("his")
    assert [r.text for r in words.table()] == ["his"]
    mine = lib.db.execute("SELECT id FROM words WHERE text = 'mine'").fetchone()[0]
    assert words.delete([mine]).count == 0  # another learner's word is not touched
    assert words.set_statuses([mine], "known") == 0
    words.profile_id = 1
    assert [(r.text, r.status) for r in words.table()] == [("mine", "new")]
