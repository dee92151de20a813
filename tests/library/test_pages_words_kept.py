"""A saved word whose paragraph stops being a block (made site text, deleted, split off into a
lesson of its own) has no paragraph meanwhile, and has it again when the change is undone, by the
command line's undo or the window's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from library import Library

FERRY = Path(__file__).resolve().parents[1] / "data" / "pageview" / "ferry_page.txt"
START = "Fishermen welcomed"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


def n_of(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


CHANGES: dict[str, Callable[[Library, int], object]] = {
    "site": lambda lib, lid: lib.pages.set_role(lid, n_of(lib, lid, START), "site"),
    "delete": lambda lib, lid: lib.pages.delete(lid, n_of(lib, lid, START)),
    "split-lesson": lambda lib, lid: lib.pages.split_lesson(lid, n_of(lib, lid, START)),
}


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("window", [False, True], ids=["fix --undo", "the window's undo"])
def test_a_saved_words_paragraph_comes_back_with_the_undo(lib: Library, change: str, window: bool) -> None:
    lid = lib.lessons.import_file(FERRY).lesson_id
    blocks = lib.lessons.get(lid).blocks
    pos = next(k for k, b in enumerate(blocks) if b.text.startswith(START))
    sentence = blocks[pos].text
    word = lib.study.words.save("welcomed", lesson_id=lid, block_pos=pos, sentence=sentence)
    snapshot = lib.editing.snapshot(lid)
    CHANGES[change](lib, lid)
    saved = lib.study.words.get(word.text)
    assert saved is not None and saved.block_pos is None  # its paragraph is no block of this lesson
    if window:
        lib.editing.restore(lid, snapshot)
    else:
        lib.pages.undo(lid)
    saved = lib.study.words.get(word.text)
    assert saved is not None and saved.block_pos == pos
    assert lib.lessons.get(lid).blocks[pos].text == sentence


ORCHARD = FERRY.with_name("orchard_page.txt")
CAFE = "A small cafe by the gate"


def block_of(lib: Library, lid: int, start: str) -> int:
    return next(i for i, b in enumerate(lib.lessons.get(lid).blocks) if b.text.startswith(start))


def paragraph_of(lib: Library, text: str) -> int | None:
    saved = lib.study.words.get(text)
    assert saved is not None
    return saved.block_pos


def test_a_split_inside_a_saved_words_sentence_takes_the_word_to_the_piece_holding_it(lib: Library) -> None:
    lid = lib.lessons.import_file(ORCHARD).lesson_id
    k = block_of(lib, lid, CAFE)
    sentence = lib.lessons.get(lid).blocks[k].text
    lib.study.words.save("cider", lesson_id=lid, block_pos=k, sentence=sentence)
    lib.study.words.save("cakes", lesson_id=lid, block_pos=k, sentence=sentence, written="cake")
    lib.pages.split(lid, n_of(lib, lid, CAFE), sentence.index("and slices"))
    assert paragraph_of(lib, "cider") == k
    assert paragraph_of(lib, "cakes") == k + 1 == block_of(lib, lid, "and slices")
    lib.pages.undo(lid)
    assert paragraph_of(lib, "cakes") == k


@pytest.mark.parametrize("window", [False, True], ids=["fix --undo", "the window's undo"])
def test_undoing_a_join_gives_a_word_saved_on_the_joined_paragraph_the_paragraph_holding_it(
    lib: Library, window: bool
) -> None:
    lid = lib.lessons.import_file(ORCHARD).lesson_id
    first = block_of(lib, lid, "Families pick")
    snapshot = lib.editing.snapshot(lid)
    lib.pages.join(lid, n_of(lib, lid, "Families pick"))
    joined = lib.lessons.get(lid).blocks[first].text
    assert CAFE in joined
    lib.study.words.save("gate", lesson_id=lid, block_pos=first, sentence=joined)  # saved from the joined text
    lib.study.words.save("branches", lesson_id=lid, block_pos=first, sentence=joined)
    if window:
        lib.editing.restore(lid, snapshot)
    else:
        lib.pages.undo(lid)
    assert paragraph_of(lib, "gate") == block_of(lib, lid, CAFE) == first + 1
    assert paragraph_of(lib, "branches") == first
