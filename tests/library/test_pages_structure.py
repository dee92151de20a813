"""Structural changes to a page's lines (move, split, delete, join) keep every translation on the
English line it was placed on: the translations are not matched to the paragraphs again by position."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library
from library.pagelines import DecisionError
from reader.__main__ import main

FERRY = Path(__file__).resolve().parents[1] / "data" / "pageview" / "ferry_page.txt"

# The page's English lines and the translation the import places on each (the heading has none).
PAIRS = {
    "The island's": "島で唯一",
    "Fishermen": "早朝の便",
    "Tickets and prices": None,
    "A return ticket": "往復券",
    "Students": "学生は",
}


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


@pytest.fixture
def ferry(lib: Library) -> int:
    return lib.lessons.import_file(FERRY).lesson_id


def n_of(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def translations(lib: Library, lid: int) -> dict[str, str | None]:
    """Each block's start (as PAIRS names it) → the start of its Japanese translation, in block order."""
    out: dict[str, str | None] = {}
    for b in lib.lessons.get(lid).blocks:
        key = next((k for k in PAIRS if b.text.startswith(k)), b.text)
        ja = b.translations.get("ja")
        out[key] = next((v for v in PAIRS.values() if v and ja and ja.startswith(v)), ja)
    return out


def unplaced(lib: Library, lid: int) -> list[str]:
    return [u.text for u in lib.lessons.get(lid).unplaced]


def test_the_page_imports_with_each_translation_on_its_paragraph(lib: Library, ferry: int) -> None:
    assert translations(lib, ferry) == PAIRS
    assert unplaced(lib, ferry) == []


def test_a_moved_paragraph_takes_its_translation(lib: Library, ferry: int) -> None:
    lib.pages.move(ferry, n_of(lib, ferry, "The island's"), 1)
    got = translations(lib, ferry)
    assert list(got)[:2] == ["Fishermen", "The island's"]
    assert got == PAIRS  # the same pairs, whatever their order
    lib.pages.move_paragraph(ferry, 1, -1)  # and back, as edit mode moves it
    assert list(translations(lib, ferry)) == list(PAIRS)
    assert translations(lib, ferry) == PAIRS


def test_a_heading_moved_past_a_paragraph_shifts_no_translation(lib: Library, ferry: int) -> None:
    lib.pages.move(ferry, n_of(lib, ferry, "Tickets"), -1)
    got = translations(lib, ferry)
    assert list(got) == ["The island's", "Tickets and prices", "Fishermen", "A return ticket", "Students"]
    assert got == PAIRS and unplaced(lib, ferry) == []


def test_a_paragraph_moved_past_a_heading_leaves_the_heading_without_translation(lib: Library, ferry: int) -> None:
    lib.pages.move(ferry, n_of(lib, ferry, "A return ticket"), -1)
    got = translations(lib, ferry)
    assert list(got)[2:4] == ["A return ticket", "Tickets and prices"]
    assert got == PAIRS


def test_a_split_off_piece_with_no_letters_is_refused_and_moves_no_translation(lib: Library, ferry: int) -> None:
    n = n_of(lib, ferry, "Fishermen")
    text = next(ln.text for ln in lib.pages.lines(ferry) if ln.n == n)
    with pytest.raises(DecisionError, match="punctuation alone"):
        lib.pages.split(ferry, n, len(text) - 1)  # before the final "."
    assert [b.text for b in lib.lessons.get(ferry).blocks][1] == text
    assert translations(lib, ferry) == PAIRS
    assert unplaced(lib, ferry) == []


def test_a_deleted_paragraphs_translation_goes_with_it(lib: Library, ferry: int) -> None:
    lib.pages.delete(ferry, n_of(lib, ferry, "Fishermen"))
    got = translations(lib, ferry)
    assert got == {k: v for k, v in PAIRS.items() if k != "Fishermen"}  # none moved onto a neighbour
    # Not dropped: it is unplaced, listed for the user to place.
    assert [u[:4] for u in unplaced(lib, ferry)] == ["早朝の便"]


def test_deleting_two_paragraphs_unplaces_no_other_translation(lib: Library, ferry: int) -> None:
    lib.pages.delete(ferry, n_of(lib, ferry, "The island's"))
    lib.pages.delete(ferry, n_of(lib, ferry, "A return ticket"))
    assert translations(lib, ferry) == {"Fishermen": "早朝の便", "Tickets and prices": None, "Students": "学生は"}
    assert sorted(u[:2] for u in unplaced(lib, ferry)) == ["島で", "往復"]


def test_a_join_takes_the_next_paragraph_past_its_translation_and_merges_both(lib: Library, ferry: int) -> None:
    lib.pages.join_paragraphs(ferry, 0)  # as edit mode joins them (the page view's join takes the next line)
    first = lib.lessons.get(ferry).blocks[0]
    assert first.text.endswith("office said. Fishermen welcomed the change because the early boat leaves at five.")
    assert "島で" not in first.text
    ja = first.translations["ja"].split("\n")
    assert [t[:4] for t in ja] == ["島で唯一", "早朝の便"]
    assert translations(lib, ferry) == {k: v for k, v in PAIRS.items() if k != "Fishermen"}


def test_joining_a_hard_wrapped_paragraph_repeats_no_word(lib: Library, ferry: int) -> None:
    lib.pages.join_paragraphs(ferry, 3)  # "A return ticket", with the next paragraph
    texts = [b.text for b in lib.lessons.get(ferry).blocks]
    assert "A return ticket will cost 900 yen, up from 800 yen a year ago. Students will still travel" in texts[3]
    assert len(texts) == 4


def test_fix_move_down_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "lib.db")
    assert main(["import", str(FERRY), "--library", path]) == 0
    capsys.readouterr()
    lib = Library(Path(path))
    n = n_of(lib, 1, "The island's")
    lib.close()
    assert main(["fix", "1", str(n), "--move", "down", "--library", path]) == 0
    capsys.readouterr()
    lib = Library(Path(path))
    assert translations(lib, 1) == PAIRS
    assert list(translations(lib, 1))[:2] == ["Fishermen", "The island's"]


MARKET = FERRY.with_name("market_page.html")
LINE = "Now about forty sellers offer food, books and handmade toys until late."


def test_a_line_made_the_title_of_an_html_page_is_the_lessons_title(lib: Library) -> None:
    lid = lib.lessons.import_file(MARKET).lesson_id
    assert lib.lessons.get(lid).title == "A Night Market Returns to the Old Square"
    lib.pages.set_role(lid, n_of(lib, lid, LINE), "title")
    assert lib.lessons.get(lid).title == LINE  # the user's choice, over the page's <title>
    lib.pages.undo(lid)
    assert lib.lessons.get(lid).title == "A Night Market Returns to the Old Square"


def test_a_line_made_the_title_of_an_epub_chapter_is_the_lessons_title(lib: Library, tmp_path: Path) -> None:
    from library.importer.epub import write_epub

    book = tmp_path / "market.epub"
    book.write_bytes(write_epub("Evening Stories", [("market.xhtml", MARKET.read_text(encoding="utf-8"))]))
    lid = lib.lessons.import_file(book).lesson_id
    assert lib.lessons.get(lid).title != LINE
    lib.pages.set_role(lid, n_of(lib, lid, LINE), "title")
    assert lib.lessons.get(lid).title == LINE


def test_a_saved_word_follows_its_sentence_through_a_split_and_an_undone_join(lib: Library, ferry: int) -> None:
    n = n_of(lib, ferry, "The island's")
    lib.pages.join_paragraphs(ferry, 0)
    joined = lib.lessons.get(ferry).blocks[0].text
    second = "Fishermen welcomed the change because the early boat leaves at five."
    assert second in joined
    word = lib.study.words.save("Fishermen", lesson_id=ferry, block_pos=0, sentence=second)
    lib.pages.undo(ferry)  # the join taken back: the sentence is in the second paragraph again
    saved = lib.study.words.by_id(word.id)
    assert saved is not None and saved.block_pos == 1
    assert second in lib.lessons.get(ferry).blocks[1].text
    lib.pages.join_paragraphs(ferry, 0)
    saved = lib.study.words.by_id(word.id)
    assert saved is not None and saved.block_pos == 0
    lib.pages.split(ferry, n, joined.index(second))  # split where the join was
    saved = lib.study.words.by_id(word.id)
    assert saved is not None and saved.block_pos == 1
