"""A change of one line's role leaves every other translation placed (library/pageplaced.py).

The page (tests/data/pages_to_fix/harbour_grouped.txt) groups its translations after the English,
one short, and ends with a line of word pairs the import takes for the last translation. Making
that line a glossary entry leaves the aligner one translation short and unsure: it used to take
the other translations off their paragraphs, unasked."""

from __future__ import annotations

from pathlib import Path

from library import Library
from library.pagelines import Role

PAGE = Path(__file__).resolve().parents[1] / "data" / "pages_to_fix" / "harbour_grouped.txt"


def _placed(lib: Library, lesson_id: int) -> dict[int, str]:
    """Each placed translation line → the start of the paragraph it is on."""
    page = lib.pages.page(lesson_id)
    starts = {k: page.lesson.blocks[k].text[:20] for k in range(len(page.lesson.blocks))}
    return {ln.n: starts[ln.target] for ln in page.lines if ln.role == Role.TRANSLATION and ln.target is not None}


def test_a_word_list_taken_for_a_translation_made_a_glossary_entry_unplaces_nothing_else(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = lib.lessons.import_file(PAGE).lesson_id
        pairs = next(ln for ln in lib.pages.lines(lesson_id) if ln.text.startswith("harbour 港"))
        before = _placed(lib, lesson_id)
        assert pairs.n in before  # the import took it for a translation
        lines_before = lib.pages.lines(lesson_id)

        lib.pages.set_role(lesson_id, pairs.n, "glossary")
        after = _placed(lib, lesson_id)
        assert {n: p for n, p in before.items() if n != pairs.n} == after
        assert any(e.term == "harbour" for e in lib.lessons.get(lesson_id).glossary) or any(
            ln.n == pairs.n and ln.role == Role.GLOSSARY for ln in lib.pages.lines(lesson_id)
        )
        assert lib.lessons.get(lesson_id).unplaced == []

        lib.pages.undo(lesson_id)
        assert lib.pages.lines(lesson_id) == lines_before


def test_a_translation_the_user_makes_unplaced_stays_unplaced(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = lib.lessons.import_file(PAGE).lesson_id
        first = min(_placed(lib, lesson_id))
        lib.pages.set_role(lesson_id, first, "unplaced")
        assert first not in _placed(lib, lesson_id)
