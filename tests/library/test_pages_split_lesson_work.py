"""A lesson split off a page takes the user's own work on its paragraphs with them: own translations,
questions, own notes, saved words' paragraphs and the reading place, on the same paragraphs of the new
lesson; the first lesson gets it back when the split is undone (tests/data/pageview/two_posts.txt)."""

from __future__ import annotations

from pathlib import Path

from library import Library
from library.model import Anchor

TWO_POSTS = Path(__file__).resolve().parents[1] / "data" / "pageview" / "two_posts.txt"


def block_of(lib: Library, lid: int, start: str) -> int:
    return next(k for k, b in enumerate(lib.lessons.get(lid).blocks) if b.text.startswith(start))


def test_own_work_on_the_paragraphs_split_off_goes_with_them(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lid = lib.lessons.import_file(TWO_POSTS).lesson_id
        students = block_of(lib, lid, "Students asked")
        lib.editing.set_translation(lid, students, "ja", "学生たちが変更を求めた。")
        lib.editing.add_question(lid, students, "Why did students ask?", "a quiet place")
        lib.editing.add_note(lid, text="my own note", anchor=Anchor(students, 0, 8))
        lib.editing.set_translation(lid, block_of(lib, lid, "After three"), "ja", "三か月の後。")
        lib.lessons.set_position(lid, students)  # reading there
        before = lib.editing.snapshot(lid)
        n = next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith("A Library Opens"))
        made = lib.pages.split_lesson(lid, n)
        new = lib.lessons.get(made)
        at = block_of(lib, made, "Students asked")
        assert new.blocks[at].translation("ja") == "学生たちが変更を求めた。"
        assert [(q.block, q.text) for q in new.questions] == [(at, "Why did students ask?")]
        assert [(nt.text, nt.anchor.block if nt.anchor else None) for nt in new.notes] == [("my own note", at)]
        assert lib.lessons.position(made) == at
        old = lib.lessons.get(lid)
        assert old.blocks[block_of(lib, lid, "After three")].translation("ja") == "三か月の後。"
        assert "my own note" not in [nt.text for nt in old.notes]  # not left behind with no place
        lib.editing.restore(lid, before)  # the split undone in the window
        back = lib.lessons.get(lid)
        assert back.blocks[block_of(lib, lid, "Students asked")].translation("ja") == "学生たちが変更を求めた。"
        assert [q.text for q in back.questions] == ["Why did students ask?"]
