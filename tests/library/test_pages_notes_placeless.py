"""A note whose paragraph leaves the body (made site text or a caption, or deleted) is kept with no
place, listed with the lesson's notes, and never moved onto the same words in another paragraph;
undoing the change gives it its place again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from library import Library
from library.editing import Anchor

POND = Path(__file__).resolve().parents[1] / "data" / "pageview" / "pond_page.txt"
BRIDGE = "The old stone bridge"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


def n_of(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


CHANGES: dict[str, Callable[[Library, int], object]] = {
    "site": lambda lib, lid: lib.pages.set_role(lid, n_of(lib, lid, BRIDGE), "site"),
    "caption": lambda lib, lid: lib.pages.set_role(lid, n_of(lib, lid, BRIDGE), "caption"),
    "delete": lambda lib, lid: lib.pages.delete(lid, n_of(lib, lid, BRIDGE)),
}


def anchors(lib: Library, lid: int) -> dict[str, str | None]:
    """Each note's text start → the words it is anchored on (None: no place)."""
    lesson = lib.lessons.get(lid)
    out: dict[str, str | None] = {}
    for note in lesson.notes:
        a = note.anchor
        out[note.text[:12]] = lesson.blocks[a.block].text[a.start : a.end] if a is not None else None
    return out


@pytest.mark.parametrize("change", CHANGES)
def test_a_note_whose_paragraph_leaves_the_body_has_no_place_and_no_other_words(lib: Library, change: str) -> None:
    lid = lib.lessons.import_file(POND).lesson_id
    lesson = lib.lessons.get(lid)
    k = next(i for i, b in enumerate(lesson.blocks) if b.text.startswith(BRIDGE))
    text = lesson.blocks[k].text
    at = text.index("stone bridge")
    lib.editing.add_note(lid, "my own note on the bridge", Anchor(k, at, at + len("stone bridge")))
    before = anchors(lib, lid)
    assert before["my own note "] == "stone bridge"
    assert before["stone bridge"] is not None  # the page's own note, by its marker
    CHANGES[change](lib, lid)
    # both kept, with no place: not on "stone bridge" in the paragraph about the volunteers
    assert anchors(lib, lid) == {"stone bridge": None, "my own note ": None}
    lib.pages.undo(lid)  # as `fix ID --undo` does it (a deleted paragraph's note too, as the window's undo)
    assert anchors(lib, lid) == before


def test_fix_undo_of_a_deletion_puts_the_users_note_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.__main__ import main

    path = tmp_path / "cli.db"
    assert main(["import", str(POND), "--library", str(path)]) == 0
    with Library(path) as lib:
        lesson = lib.lessons.get(1)
        k = next(i for i, b in enumerate(lesson.blocks) if b.text.startswith(BRIDGE))
        at = lesson.blocks[k].text.index("stone bridge")
        lib.editing.add_note(1, "my own note on the bridge", Anchor(k, at, at + len("stone bridge")))
        before = anchors(lib, 1)
        n = n_of(lib, 1, BRIDGE)
    assert main(["fix", "1", str(n), "--delete", "--yes", "--library", str(path)]) == 0
    with Library(path) as lib:
        assert anchors(lib, 1)["my own note "] is None
    assert main(["fix", "1", "--undo", "--library", str(path)]) == 0
    capsys.readouterr()
    with Library(path) as lib:
        assert anchors(lib, 1) == before
        assert [n.anchor for n in lib.lessons.get(1).notes if n.origin == "user"] == [Anchor(k, at, at + 12)]
