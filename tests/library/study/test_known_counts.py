"""Every way a word's status changes (one word, many at once, a delete and its undo, a seeding and its
undo) keeps each lesson's stored count of running words the learner knows right, as levelling the
lesson again from its text would count it."""

from __future__ import annotations

from pathlib import Path

from library import Library
from tests.library.study.test_levels import PARAGRAPH


def _known(lib: Library, lesson_id: int) -> int:
    found = lib.study.levels.of(lesson_id)
    assert found is not None
    return found.known


def _counted_again(lib: Library, lesson_id: int) -> int:
    """What the count is when the lesson is levelled again from its text and the saved words."""
    lib.study.levels.relevel(lesson_id)
    return _known(lib, lesson_id)


def _lesson(lib: Library, tmp_path: Path) -> int:
    page = tmp_path / "page.txt"
    page.write_text(f"Tomas and the River\n\n{PARAGRAPH}\n", encoding="utf-8")
    lesson_id = lib.lessons.import_file(page).lesson_id
    lib.study.levels.level_pending()
    return lesson_id


def test_many_words_set_at_once_move_the_known_count(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = _lesson(lib, tmp_path)
        words = lib.study.words
        ids = [words.save(w).id for w in ("the", "dog", "river", "mayor")]  # 5 + 1 + 1 + 1 running words
        assert _known(lib, lesson_id) == 0
        assert words.set_statuses(ids[:3], "known") == 3
        assert _known(lib, lesson_id) == 7 == _counted_again(lib, lesson_id)
        assert words.set_statuses(ids, "ignored") == 4  # known to ignored: both count as known
        assert _known(lib, lesson_id) == 8 == _counted_again(lib, lesson_id)
        words.set_statuses(ids[:1], "learning")
        assert _known(lib, lesson_id) == 3 == _counted_again(lib, lesson_id)


def test_a_delete_and_its_undo_move_the_known_count(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = _lesson(lib, tmp_path)
        words = lib.study.words
        ids = [words.save(w, "known").id for w in ("the", "dog")] + [words.save("mayor", "learning").id]
        assert _known(lib, lesson_id) == 6
        deleted = words.delete(ids)
        assert _known(lib, lesson_id) == 0 == _counted_again(lib, lesson_id)
        assert words.restore(deleted) == 3
        assert _known(lib, lesson_id) == 6 == _counted_again(lib, lesson_id)


def test_a_large_change_is_counted_again_whole(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = _lesson(lib, tmp_path)
        words = lib.study.words
        done = lib.study.seeding.seed(["the", "dog", "river"] + [f"word{n}" for n in range(300)])
        ids = done.word_ids
        assert _known(lib, lesson_id) == 7
        words.set_statuses(ids, "learning")
        assert _known(lib, lesson_id) == 0 == _counted_again(lib, lesson_id)
        words.set_statuses(ids, "known")
        deleted = words.delete(ids)
        assert _known(lib, lesson_id) == 0
        words.restore(deleted)
        assert _known(lib, lesson_id) == 7 == _counted_again(lib, lesson_id)
        assert lib.study.seeding.undo(done) == len(ids)
        assert _known(lib, lesson_id) == 0 == _counted_again(lib, lesson_id)
