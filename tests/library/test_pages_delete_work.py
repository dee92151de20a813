"""A deleted paragraph's own work comes back with it when the deletion is taken back (library.pages.undo):
its hidden translation too; and the share of a lesson's words a file holds (library.overlap)."""

from __future__ import annotations

from pathlib import Path

from library import Library
from library.lessons import read_page
from library.overlap import LITTLE_IN_COMMON, share_in_common

DATA = Path(__file__).resolve().parents[1] / "data" / "pageview"


def hidden(lib: Library) -> list[tuple[int, str]]:
    return [tuple(r) for r in lib.db.execute("SELECT block_pos, lang FROM hidden_translations WHERE lesson_id = 1")]


def test_undo_of_a_delete_brings_a_hidden_translation_back(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lib.lessons.import_file(DATA / "garden_page.txt")
        lesson = lib.lessons.get(1)
        k, lang = next((i, next(iter(b.all_translations))) for i, b in enumerate(lesson.blocks) if b.all_translations)
        lib.editing.remove_translation(1, k, lang)
        assert hidden(lib) == [(k, lang)]
        n = next(ln.n for ln in lib.pages.lines(1) if ln.block == k)
        lib.pages.delete(1, n)
        assert hidden(lib) == []
        lib.pages.undo(1)
        assert hidden(lib) == [(k, lang)]


def test_a_changed_copy_holds_most_of_the_lessons_words_and_another_page_few(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lib.lessons.import_file(DATA / "garden_page.txt")
        lesson = lib.lessons.get(1)
        assert share_in_common(lesson, read_page(DATA / "garden_page.txt")) == 1.0
        assert share_in_common(lesson, read_page(DATA / "bakery_page.txt")) < LITTLE_IN_COMMON
