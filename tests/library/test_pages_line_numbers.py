"""A line's number is its line on the page: a split of a line the importer joined from several lines
of the page (a hard-wrapped sentence, a word list run together) gives each piece one of those lines'
numbers, so the lines after it keep theirs, and the user's work after it stays where it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from library import Library
from library.pagelines import PageLine
from reader.__main__ import main

DATA = Path(__file__).resolve().parents[1] / "data" / "pageview"
POND = DATA / "pond_fixes.txt"  # 12 lines; line 8 holds lines 8–10 of the page (a word list run together)
FERRY = DATA / "ferry_page.txt"  # line 6 is a sentence hard-wrapped over two lines of the page


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


def numbers(lib: Library, lid: int) -> dict[str, int]:
    return {ln.text: ln.n for ln in lib.pages.lines(lid)}


def line_of(lib: Library, lid: int, start: str) -> PageLine:
    return next(ln for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def test_a_line_split_at_the_pages_own_lines_keeps_the_numbers_after_it(lib: Library) -> None:
    lid = lib.lessons.import_file(POND).lesson_id
    before = numbers(lib, lid)
    assert before["Share this story"] == 11
    words = line_of(lib, lid, "tadpole")
    assert words.n == 8 and len(words.breaks) == 2
    for at in reversed(words.breaks):  # as "Split into lines" cuts it, from the last cut
        lib.pages.split(lid, 8, at)
    after = numbers(lib, lid)
    assert [after[t] for t in ("tadpole a young frog", "reed a tall grass that grows in water",
                               "lily a flower that floats")] == [8, 9, 10]
    assert after["Share this story"] == 11
    assert [ln.n for ln in lib.pages.lines(lid)] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert all(not ln.breaks for ln in lib.pages.lines(lid))  # no piece holds another line now
    lib.pages.undo(lid)
    lib.pages.undo(lid)
    assert numbers(lib, lid) == before


def test_a_split_inside_a_line_of_the_page_adds_one_number(lib: Library) -> None:
    lid = lib.lessons.import_file(POND).lesson_id
    lib.pages.split(lid, 8, len("tadpole a young"))  # inside the first of its lines: one line more
    got = [(ln.n, ln.text) for ln in lib.pages.lines(lid)][8:]
    assert got == [(8, "tadpole a young"),
                   (9, "frog reed a tall grass that grows in water lily a flower that floats"),
                   (12, "Share this story")]
    piece = lib.pages.lines(lid)[9]
    assert [piece.text[b:] for b in piece.breaks] == [  # it holds the page's next two lines still
        "reed a tall grass that grows in water lily a flower that floats", "lily a flower that floats"]


def test_show_lines_agrees_after_a_split(lib: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "cli.db")
    assert main(["import", str(POND), "--library", path]) == 0
    capsys.readouterr()
    other = Library(Path(path))
    at = line_of(other, 1, "tadpole").breaks[-1]
    other.close()
    assert main(["fix", "1", "8", "--split", str(at), "--library", path]) == 0
    capsys.readouterr()
    assert main(["show", "1", "--lines", "--json", "--library", path]) == 0
    shown = json.loads(capsys.readouterr().out)
    rows = shown if isinstance(shown, list) else shown["lines"]
    got = {row["text"]: row["n"] for row in rows}
    assert got["lily a flower that floats"] == 10 and got["Share this story"] == 11


def test_the_users_work_after_a_split_stays_on_its_paragraph(lib: Library) -> None:
    lid = lib.lessons.import_file(FERRY).lesson_id
    students = next(i for i, b in enumerate(lib.lessons.get(lid).blocks) if b.text.startswith("Students"))
    lib.editing.add_question(lid, students, "Who pays half?", "Students")
    lib.editing.set_translation(lid, students, "ko", "학생은 반값")
    wrapped = line_of(lib, lid, "A return ticket")
    assert wrapped.breaks
    lib.pages.split(lid, wrapped.n, wrapped.breaks[0])
    assert line_of(lib, lid, "ago.").n == wrapped.n + 1  # the page's line the sentence's rest was on
    lesson = lib.lessons.get(lid)
    now = next(i for i, b in enumerate(lesson.blocks) if b.text.startswith("Students"))
    assert [q.text for q in lesson.questions if q.block == now] == ["Who pays half?"]
    assert lesson.blocks[now].all_translations.get("ko") == "학생은 반값"
    lib.pages.undo(lid)
    lesson = lib.lessons.get(lid)
    assert [q.text for q in lesson.questions if q.block == students] == ["Who pays half?"]
    assert lesson.blocks[students].all_translations.get("ko") == "학생은 반값"
