"""Learner profiles in the library: two learners over the same lessons keep their own words,
statuses, reviews, reading progress and last lesson; removing one removes only its data."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from library import Library
from library.profiles import ProfileError
from tests.study_data import write_other_lesson

PAGE = "Town Gets a New Library\n\nThe town of Elm opened a new library on Monday.\n\n町に新しい図書館ができました。\n"


def test_a_new_library_has_one_default_learner(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        assert [p.name for p in lib.profiles.list()] == ["Default"]
        assert lib.profiles.current().id == 1 == lib.study.words.profile_id == lib.lessons.profile_id


def test_opening_with_a_profile_name_creates_it_once(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db", profile="Aiko") as lib:
        assert lib.profiles.current().name == "Aiko"
    with Library(tmp_path / "lib.db", profile="aiko") as lib:  # names are matched without case
        assert [p.name for p in lib.profiles.list()] == ["Default", "Aiko"]
        assert lib.profiles.current().name == "Aiko"
    with Library(tmp_path / "lib.db") as lib:
        assert lib.profiles.current().name == "Default"
    with pytest.raises(ProfileError):
        Library(tmp_path / "lib.db", profile="   ")


def test_two_learners_over_the_same_lessons(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db", profile="Aiko") as lib:
        first = lib.lessons.import_bytes(PAGE.encode(), "p.txt").lesson_id
        second = lib.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
        lib.study.words.save("autonomy", "learning", note="self-rule")
        lib.study.words.save("library", "known")
        due = lib.study.review.due()
        assert [d.word.text for d in due] == ["autonomy"]
        lib.study.review.grade(due[0].word.id, 3, now=datetime(2030, 1, 1, tzinfo=UTC))
        lib.lessons.set_position(first, 0, 1.0)
        lib.lessons.set_position(second, 1, 0.5)

        ben = lib.profiles.switch("Ben", create=True)
        assert lib.profiles.current() == ben
        # Everything per learner follows the one switch.
        assert lib.study.words.profile_id == lib.study.review.profile_id == lib.lessons.profile_id == ben.id
        assert lib.study.words.list() == []
        assert lib.study.words.get("autonomy") is None
        assert lib.study.words.marks().find("Students want autonomy.") == []
        assert lib.study.review.due_count() == 0 and lib.study.review.reviewed_count() == 0
        assert lib.lessons.last_opened() is None
        assert {s.id: (s.progress, s.finished) for s in lib.lessons.list()} == {
            first: (0.0, False),
            second: (0.0, False),
        }
        summary = lib.study.progress.summary()
        assert (summary.lessons, summary.lessons_finished, summary.words_read, summary.reviews) == (2, 0, 0, 0)
        # Ben saves the same word with another status and reads another lesson.
        lib.study.words.save("autonomy", "known")
        lib.lessons.set_position(first, 0, 0.25)
        assert lib.lessons.position(second) == 0
        assert lib.lessons.last_opened() == first
        assert lib.study.words.marks().find("Students want autonomy.") == [(14, 22, "known")]
        assert {lv.lesson_id: lv.finished for lv in lib.study.progress.levels()} == {first: False, second: False}

        lib.profiles.switch("Aiko")
        word = lib.study.words.get("autonomy")
        assert word is not None and (word.status, word.note) == ("learning", "self-rule")
        assert lib.study.words.marks().find("Students want autonomy.") == [(14, 22, "learning")]
        assert lib.study.review.reviewed_count() == 1
        assert lib.lessons.last_opened() == second and lib.lessons.position(second) == 1
        assert {s.id: s.finished for s in lib.lessons.list()} == {first: True, second: False}
        assert lib.study.progress.summary().lessons_finished == 1
        assert lib.study.words.counts()["known"] == 1  # "library"; Ben's known "autonomy" is not Aiko's


def test_removing_a_learner_removes_only_their_data(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson = lib.lessons.import_bytes(PAGE.encode(), "p.txt").lesson_id
        lib.study.words.save("town", "learning")
        lib.lessons.set_position(lesson, 0, 0.5)
        lib.profiles.switch("Ben", create=True)
        word = lib.study.words.save("town", "new")
        lib.study.review.grade(word.id, 1)
        lib.lessons.set_position(lesson, 0, 1.0)
        assert lib.profiles.data_counts("Ben") == {"words": 1, "review_log": 1, "reading_state": 1}

        removed = lib.profiles.delete("Ben")
        assert removed.name == "Ben"
        assert lib.profiles.current().name == "Default"  # the active learner was removed
        for table in ("words", "word_events", "review_cards", "review_log", "reading_state"):
            n = lib.db.execute(f"SELECT count(*) FROM {table} WHERE profile_id = ?", [removed.id]).fetchone()[0]
            assert n == 0, table
        saved = lib.study.words.get("town")
        assert saved is not None and saved.status == "learning"
        assert lib.lessons.last_opened() == lesson and lib.lessons.list()[0].progress == 0.5
        assert lib.lessons.ids() == [lesson]  # the lessons themselves are everyone's
        with pytest.raises(ProfileError, match="only learner"):
            lib.profiles.delete("Default")


def test_rename_and_names_that_clash(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lib.profiles.create("Aiko")
        with pytest.raises(ProfileError, match="already"):
            lib.profiles.create("AIKO")
        with pytest.raises(ProfileError, match="already"):
            lib.profiles.rename("Default", "aiko")
        renamed = lib.profiles.rename("Default", "  Class   3A ")
        assert renamed.id == 1 and renamed.name == "Class 3A"
        assert [p.name for p in lib.profiles.list()] == ["Class 3A", "Aiko"]
        with pytest.raises(ProfileError, match="no learner"):
            lib.profiles.switch("Nobody")
        with pytest.raises(ProfileError, match="no learner"):
            lib.profiles.rename("Nobody", "X")
