"""A word list the import read as paragraphs, each term's gloss line taken for its translation
(tests/data/pageview/lantern_words.txt, a page of our own), is repaired by hand: a join takes the line
right after it whatever its role, a glossary line may be joined too, and a paragraph made a glossary
entry takes its translation as the entry's gloss; undo restores the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library
from library.pagelines import DecisionError, PageLine
from reader.__main__ import main

PAGE = Path(__file__).resolve().parents[1] / "data" / "pageview" / "lantern_words.txt"
TERMS = {
    "a paper lantern": "紙の灯籠",
    "to float something down a river": "川に流す",
    "to fold paper by hand": "手で紙を折る",
}


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


@pytest.fixture
def lid(lib: Library) -> int:
    return lib.lessons.import_file(PAGE).lesson_id


def line(lib: Library, lid: int, text: str) -> PageLine:
    return next(ln for ln in lib.pages.lines(lid) if ln.text == text)


def glossary(lib: Library, lid: int) -> list[tuple[str, str]]:
    return [(g.term, g.translation) for g in lib.lessons.get(lid).glossary]


def test_the_page_is_imported_wrong(lib: Library, lid: int) -> None:
    for term, gloss in TERMS.items():
        assert line(lib, lid, term).role == "paragraph"
        assert line(lib, lid, gloss).role == "translation"
    assert glossary(lib, lid) == []


def test_a_join_takes_the_line_right_after_it_even_a_translation(lib: Library, lid: int) -> None:
    term = line(lib, lid, "a paper lantern")
    lib.pages.join(lid, term.n)
    joined = next(ln for ln in lib.pages.lines(lid) if ln.n == term.n)
    assert joined.text == "a paper lantern 紙の灯籠"
    assert line(lib, lid, "to float something down a river").role == "paragraph"  # the next paragraph stays
    lib.pages.set_role(lid, term.n, "glossary")
    assert glossary(lib, lid) == [("a paper lantern", "紙の灯籠")]
    assert lib.lessons.get(lid).unplaced == []


def test_a_glossary_line_joins_with_the_line_after_it(lib: Library, lid: int) -> None:
    term = line(lib, lid, "to fold paper by hand")
    gloss = line(lib, lid, "手で紙を折る")
    lib.pages.set_role(lid, gloss.n, "unplaced")  # the gloss left unplaced, as another import leaves it
    lib.pages.set_role(lid, term.n, "glossary")
    assert glossary(lib, lid) == [("to", "")]  # (a line in no shape the importer reads: `term definition`)
    lib.pages.join(lid, term.n)  # refused before: "a join takes a heading or a paragraph"
    assert glossary(lib, lid) == [("to fold paper by hand", "手で紙を折る")]
    assert lib.lessons.get(lid).unplaced == []
    lib.pages.undo(lid)
    assert line(lib, lid, "手で紙を折る").role == "unplaced"


def test_a_join_after_the_last_line_is_refused(lib: Library, lid: int) -> None:
    last = lib.pages.lines(lid)[-1]
    lib.pages.set_role(lid, last.n, "paragraph")
    with pytest.raises(DecisionError, match="the last line"):
        lib.pages.join(lid, last.n)


def test_a_paragraph_made_a_glossary_entry_takes_its_translation_as_the_gloss(lib: Library, lid: int) -> None:
    for term in TERMS:
        lib.pages.set_role(lid, line(lib, lid, term).n, "glossary")
    assert glossary(lib, lid) == list(TERMS.items())
    lesson = lib.lessons.get(lid)
    assert lesson.unplaced == []
    assert not any(t in b.text or t in " ".join(b.translations.values()) for b in lesson.blocks for t in TERMS)
    assert [line(lib, lid, g).role for g in TERMS.values()] == ["glossary"] * 3
    # A change of structure later on keeps each gloss with its entry.
    first = lib.pages.lines(lid)[1]
    lib.pages.split(lid, first.n, first.text.index(" the town") + 1)
    assert glossary(lib, lid) == list(TERMS.items())
    assert lib.lessons.get(lid).unplaced == []
    for _ in range(len(TERMS) + 1):
        lib.pages.undo(lid)
    assert glossary(lib, lid) == []
    assert [line(lib, lid, g).role for g in TERMS.values()] == ["translation"] * 3
    assert [line(lib, lid, g).target for g in TERMS.values()] == [3, 4, 5]


def test_fix_n_glossary_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "cli.db")
    assert main(["import", str(PAGE), "--library", path]) == 0
    lib = Library(Path(path))
    n = line(lib, 1, "to float something down a river").n
    lib.close()
    assert main(["fix", "1", str(n), "glossary", "--library", path]) == 0
    assert main(["fix", "1", str(n + 2), "--join", "--library", path]) == 0  # the next term, with its gloss
    capsys.readouterr()
    lib = Library(Path(path))
    assert glossary(lib, 1) == [("to float something down a river", "川に流す")]
    assert any(b.text == "to fold paper by hand 手で紙を折る" for b in lib.lessons.get(1).blocks)
    lib.close()
    assert main(["fix", "1", "--undo", "--library", path]) == 0
    assert main(["fix", "1", "--undo", "--library", path]) == 0
    lib = Library(Path(path))
    assert glossary(lib, 1) == []
    assert line(lib, 1, "川に流す").role == "translation"


@pytest.mark.parametrize("gloss_first", [False, True], ids=["term first", "gloss first"])
def test_a_gloss_line_left_unplaced_made_an_entry_under_its_term_is_the_terms_gloss(
    lib: Library, lid: int, gloss_first: bool
) -> None:
    lib.pages.set_role(lid, line(lib, lid, "手で紙を折る").n, "unplaced")  # as another import leaves it
    order = ["手で紙を折る", "to fold paper by hand"] if gloss_first else ["to fold paper by hand", "手で紙を折る"]
    for text in order:  # as the window makes a selection of lines glossary entries
        lib.pages.set_role(lid, line(lib, lid, text).n, "glossary")
    assert glossary(lib, lid) == [("to fold paper by hand", "手で紙を折る")]
    assert lib.lessons.get(lid).unplaced == []
    first = lib.pages.lines(lid)[1]
    lib.pages.split(lid, first.n, first.text.index(" the town") + 1)  # and after a change of structure
    assert glossary(lib, lid) == [("to fold paper by hand", "手で紙を折る")]
    lib.pages.undo(lid)
    lib.pages.undo(lid)  # the second line's decision taken back
    if gloss_first:  # the gloss an entry of its own, under no term now
        assert line(lib, lid, "手で紙を折る").role == "glossary"
        assert glossary(lib, lid) == [("手で紙を折る", "")]
    else:
        assert line(lib, lid, "手で紙を折る").role == "unplaced"
        assert glossary(lib, lid) == [("to", "")]


def test_a_join_on_an_entrys_gloss_line_is_refused(lib: Library, lid: int) -> None:
    lib.pages.set_role(lid, line(lib, lid, "a paper lantern").n, "glossary")
    gloss = line(lib, lid, "紙の灯籠")
    assert gloss.role == "glossary"
    decided = lib.pages.decisions(lid)
    with pytest.raises(DecisionError, match="part of the glossary entry above it"):
        lib.pages.join(lid, gloss.n)  # its text would be in no entry: the next term would be lost
    assert lib.pages.decisions(lid) == decided
    assert glossary(lib, lid) == [("a paper lantern", "紙の灯籠")]
