"""A word list with no heading, each term's line followed by its gloss line, that the import read as one
paragraph of sentence pairs (tests/data/pageview/kiosk_words.txt, a page of our own): making its term
lines glossary entries, alone or with their gloss lines, gives one entry a term with its gloss, and no gloss
line leaves the lesson; undo restores the paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library

PAGE = Path(__file__).resolve().parents[1] / "data" / "pageview" / "kiosk_words.txt"
TERMS = [("ferry", "フェリー"), ("timetable", "時刻表"), ("shift worker", "交代勤務の労働者")]


@pytest.mark.parametrize("with_glosses", [False, True], ids=["term lines only", "term and gloss lines"])
def test_a_word_list_read_as_pairs_made_glossary_is_one_entry_a_term(tmp_path: Path, with_glosses: bool) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lid = lib.lessons.import_file(PAGE).lesson_id
        before = lib.pages.lines(lid)
        texts = {t for pair in TERMS for t in pair} if with_glosses else {term for term, _ in TERMS}
        for n in [ln.n for ln in before if ln.text in texts]:
            if next(ln for ln in lib.pages.lines(lid) if ln.n == n).role != "glossary":  # as the window skips it
                lib.pages.set_role(lid, n, "glossary")
        lesson = lib.lessons.get(lid)
        assert [(g.term, g.translation) for g in lesson.glossary] == TERMS
        assert not lesson.unplaced
        assert all(ln.role == "glossary" for ln in lib.pages.lines(lid) if ln.text in {t for p in TERMS for t in p})
        while lib.pages.undo(lid) is not None:
            pass
        assert lib.pages.lines(lid) == before
