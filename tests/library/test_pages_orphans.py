"""A heading or paragraph given a role that is no block's (site text, a caption, a note…) leaves its
translation unplaced, saying why, instead of giving it to the paragraph above or saying that no
paragraph matched it; undoing the change gives the translation back to its paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library

FERRY = Path(__file__).resolve().parents[1] / "data" / "pageview" / "ferry_page.txt"
JAPANESE = "早朝の便が5時に出るため"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


def n_of(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def placed(lib: Library, lid: int) -> dict[str, str]:
    return {b.text[:12]: b.translation() or "" for b in lib.lessons.get(lid).blocks}


@pytest.mark.parametrize(
    ("role", "said"),
    [
        ("site", "site text"),
        ("caption", "a caption"),
        ("note", "a note"),
        # (made a glossary entry, it takes its translation as the gloss: tests/library/test_pages_word_list_repair.py)
        ("exercise", "part of an exercise"),
        ("unplaced", "an unplaced line"),
    ],
)
@pytest.mark.parametrize("split_first", [False, True], ids=["roles only", "after a split"])
def test_a_paragraph_made_no_block_leaves_its_translation_unplaced_and_says_why(
    lib: Library, role: str, said: str, split_first: bool
) -> None:
    lid = lib.lessons.import_file(FERRY).lesson_id
    before = placed(lib, lid)
    if split_first:  # a change of structure first: the placements are pinned, and the same holds
        lib.pages.split(lid, n_of(lib, lid, "Students will"), 14)
        before = placed(lib, lid)
    lib.pages.set_role(lid, n_of(lib, lid, "Fishermen welcomed"), role)
    lesson = lib.lessons.get(lid)
    kept = {start: text for start, text in before.items() if not start.startswith("Fishermen")}
    assert placed(lib, lid) == kept  # the paragraph above keeps its own translation only
    got = [(u.text[:12], u.reason) for u in lesson.unplaced if u.text.startswith(JAPANESE)]
    assert got == [(JAPANESE, f"its paragraph was made {said}")]
    row = next(ln for ln in lib.pages.lines(lid) if ln.text.startswith(JAPANESE))
    assert row.role == "unplaced" and row.target is None
    lib.pages.undo(lid)
    assert placed(lib, lid) == before
    assert not lib.lessons.get(lid).unplaced


def test_a_translation_placed_by_hand_on_a_paragraph_made_site_text_is_unplaced_too(lib: Library) -> None:
    lid = lib.lessons.import_file(FERRY).lesson_id
    lib.pages.set_role(lid, n_of(lib, lid, JAPANESE), "translation", to=4)
    lib.pages.set_role(lid, n_of(lib, lid, "Students will"), "site")
    got = [(u.text[:12], u.reason) for u in lib.lessons.get(lid).unplaced]
    assert (JAPANESE, "its paragraph was made site text") in got


def test_a_heading_made_the_titles_translation_leaves_the_translation_placed_on_it_unplaced(lib: Library) -> None:
    grouped = FERRY.parents[1] / "pages_to_fix" / "harbour_grouped.txt"
    lid = lib.lessons.import_file(grouped).lesson_id
    lib.pages.set_role(lid, n_of(lib, lid, "一部の住民は"), "heading")  # a Japanese line taken for English
    heading = next(ln.block for ln in lib.pages.lines(lid) if ln.text.startswith("一部の住民は"))
    assert heading is not None
    lib.pages.set_role(lid, n_of(lib, lid, "harbour 港"), "translation", to=heading)
    lib.pages.set_role(lid, n_of(lib, lid, "一部の住民は"), "title_translation")
    lesson = lib.lessons.get(lid)
    assert lesson.title_translation.startswith("一部の住民は")
    got = [(u.text[:9], u.reason) for u in lesson.unplaced if u.text.startswith("harbour")]
    assert got == [("harbour 港", "its heading was made the title's translation")]
    assert not any((b.translation() or "").startswith("harbour") for b in lesson.blocks)


@pytest.mark.parametrize(("again", "said"), [("paragraph", None), ("caption", "its paragraph was made a caption")])
def test_after_a_change_of_structure_the_translation_follows_its_paragraphs_role(
    lib: Library, again: str, said: str | None
) -> None:
    lid = lib.lessons.import_file(FERRY).lesson_id
    before = placed(lib, lid)
    fishermen = n_of(lib, lid, "Fishermen welcomed")
    lib.pages.set_role(lid, fishermen, "site")
    lib.pages.split(lid, n_of(lib, lid, "Students will"), 14)  # the placements are pinned from here on
    lib.pages.set_role(lid, n_of(lib, lid, "Fishermen welcomed"), again)
    lesson = lib.lessons.get(lid)
    got = [(u.text[:12], u.reason) for u in lesson.unplaced]
    if said is None:  # a paragraph again: its translation is back on it
        assert got == []
        assert placed(lib, lid)["Fishermen we"] == before["Fishermen we"]
    else:
        assert got == [(JAPANESE, said)]


GROUPED = Path(__file__).resolve().parents[1] / "data" / "pages_to_fix" / "harbour_grouped.txt"


def placements(lib: Library, lid: int) -> dict[str, str]:
    """Each placed translation line's start → the start of the block it is placed on."""
    page = lib.pages.page(lid)
    blocks = page.lesson.blocks
    return {
        ln.text[:10]: blocks[ln.target].text[:20]
        for ln in page.lines
        if ln.role == "translation" and ln.target is not None
    }


def test_a_paragraph_made_site_text_then_a_paragraph_again_keeps_its_translation_through_a_split(
    lib: Library,
) -> None:
    lid = lib.lessons.import_file(GROUPED).lesson_id
    n = n_of(lib, lid, "Some residents")
    lib.pages.set_role(lid, n, "site")
    assert any("site text" in u.reason for u in lib.lessons.get(lid).unplaced)
    lib.pages.set_role(lid, n, "paragraph")
    before = placements(lib, lid)
    assert not any("site text" in u.reason for u in lib.lessons.get(lid).unplaced)
    text = next(ln.text for ln in lib.pages.lines(lid) if ln.text.startswith("The boat holds"))
    lib.pages.split(lid, n_of(lib, lid, "The boat holds"), text.index("which"))
    assert not any("site text" in u.reason for u in lib.lessons.get(lid).unplaced)
    assert {k: v for k, v in placements(lib, lid).items() if v != "which is faster than"} == before
