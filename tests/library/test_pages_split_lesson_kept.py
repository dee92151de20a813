"""A lesson split off a page keeps the user's fixes of the lines that go to it: the roles they had (a word
list made glossary entries, a line made site text) are the new lesson's own decisions, renumbered to its
lines, so each lesson looks as it did; undo of the split gives the first lesson its lines back
(tests/data/pageview/garden_page.txt)."""

from __future__ import annotations

from pathlib import Path

from library import Library

GARDEN = Path(__file__).resolve().parents[1] / "data" / "pageview" / "garden_page.txt"
WORDS = ("lot ", "neighbor ", "retired ", "volunteer ")


def n_of(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def test_the_lines_split_off_keep_their_roles_in_the_new_lesson(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lid = lib.lessons.import_file(GARDEN).lesson_id
        lib.pages.set_role(lid, n_of(lib, lid, "Sign in to save"), "site")
        for word in WORDS:
            lib.pages.set_role(lid, n_of(lib, lid, word), "glossary")
        before = {ln.text: ln.role for ln in lib.pages.lines(lid)}
        made = lib.pages.split_lesson(lid, n_of(lib, lid, "One retired teacher"))
        new = lib.lessons.get(made)
        assert [g.term for g in new.glossary] == ["lot", "neighbor", "retired", "volunteer"]
        assert [b.text[:16] for b in new.blocks] == ["One retired teac", "Volunteers also "]
        roles = {ln.text: ln.role for ln in lib.pages.lines(made)}
        assert all(roles[text] == before[text] for text in roles if before.get(text) not in (None, "title"))
        assert len(lib.pages.decisions(made)) == 5  # the five fixes, on the new lesson's own lines
        lib.pages.undo(lid)
        assert {ln.text: ln.role for ln in lib.pages.lines(lid)} == before
