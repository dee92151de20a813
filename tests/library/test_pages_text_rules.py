"""A fix of a paragraph's English leaves every translation where it was; a paragraph's new text
must have words (not a note's marker alone); the title's translation is a line in the
translation's language. The page is tests/data/pageview/lighthouse_page.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library
from library.pagelines import DecisionError, Role

PAGE = Path(__file__).resolve().parents[1] / "data" / "pageview" / "lighthouse_page.txt"


def _placed(lib: Library, lesson_id: int) -> dict[str, tuple[int | None, float]]:
    return {ln.text: (ln.target, ln.confidence) for ln in lib.pages.lines(lesson_id) if ln.role == Role.TRANSLATION}


def _line(lib: Library, lesson_id: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lesson_id) if ln.text.startswith(start))


def test_rewriting_a_paragraph_moves_no_translation(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = lib.lessons.import_file(PAGE).lesson_id
        before = _placed(lib, lesson_id)
        assert len(before) == 3
        lib.pages.set_text(lesson_id, _line(lib, lesson_id, "Guides lead"), "Tours start at nine.")
        assert _placed(lib, lesson_id) == before


def test_a_paragraph_cannot_become_a_marker_alone(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = lib.lessons.import_file(PAGE).lesson_id
        n = _line(lib, lesson_id, "Guides lead")
        for text in ("※1", "※1.", " … "):
            with pytest.raises(DecisionError, match="no words"):
                lib.pages.set_text(lesson_id, n, text)
        assert lib.pages.decisions(lesson_id) == []


def test_the_title_translation_is_not_an_english_line(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = lib.lessons.import_file(PAGE).lesson_id
        with pytest.raises(DecisionError, match="in English"):
            lib.pages.set_role(lesson_id, _line(lib, lesson_id, "The town hopes"), "title_translation")
        lib.pages.set_role(lesson_id, _line(lib, lesson_id, "灯台が"), "title_translation")
        assert lib.lessons.get(lesson_id).title_translation == "灯台が見学者に公開される"
