"""A re-import from the source (the same file, or a changed copy of it) gives the page the decisions
it kept make: the lines the page view shows are the lesson the reading view shows, each line of the
source once, and the decisions whose lines are gone are said and dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library
from library.pagelines import Role
from library.sourcefile import reimport_from

DATA = Path(__file__).resolve().parents[1] / "data"
GROUPED = DATA / "pages_to_fix" / "harbour_grouped.txt"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


def n_of(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def page_and_lesson(path: Path, lid: int) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """What a fresh library (another process) shows of the lesson: its page's blocks with their
    translations as the page view gives them, and the stored lesson's as the reading view does."""
    with Library(path) as fresh:
        page = fresh.pages.page(lid)
        lesson = fresh.lessons.get(lid)
        on: dict[int, list[str]] = {}
        for ln in page.lines:
            if ln.role == Role.TRANSLATION and ln.target is not None:
                on.setdefault(ln.target, []).append(ln.text)
        shown = [(ln.block, ln.text, "\n".join(on.get(ln.block, []))) for ln in page.lines if ln.block is not None]
        stored = [(k, b.text, b.translation() or "") for k, b in enumerate(lesson.blocks)]
        texts = [ln.text for ln in page.lines]
    assert len(texts) == len(set(texts)), "a line of the page is shown twice"
    return shown, stored


def test_a_reimport_of_a_changed_source_gives_the_page_its_kept_decisions_make(lib: Library, tmp_path: Path) -> None:
    source = tmp_path / "harbour.txt"
    source.write_bytes(GROUPED.read_bytes())
    lid = lib.lessons.import_file(source).lesson_id
    shop = n_of(lib, lid, "Local shop owners")
    lib.pages.split(lid, shop, 79)  # a split of a paragraph the changed source leaves out
    lib.pages.set_role(lid, n_of(lib, lid, "一部の住民は"), "heading")
    title = n_of(lib, lid, "Harbour Ferry Returns")
    lib.pages.set_role(lid, title, "paragraph")
    lib.pages.split(lid, title, 14)
    changed = b"\n".join(ln for ln in GROUPED.read_bytes().split(b"\n") if not ln.startswith(b"Local shop owners"))
    missed = reimport_from(lib, lid, changed)
    assert [(d.op, d.text[:17]) for d in missed] == [("split", "Local shop owners")]
    assert lib.pages.not_kept[missed[0]] == "the line is no longer on the page"
    assert [d.op for d in lib.pages.decisions(lid)] == ["role", "role", "split"]
    shown, stored = page_and_lesson(tmp_path / "lib.db", lid)
    assert shown == stored
    # And the same source once more: nothing changes, nothing more is dropped.
    assert lib.pages.reimport(lid) == []
    assert page_and_lesson(tmp_path / "lib.db", lid) == (shown, stored)


def test_a_list_made_entries_then_reimported_after_a_line_above_it_went_shows_each_line_once(
    lib: Library, tmp_path: Path
) -> None:
    lists = DATA / "pageview" / "word_lists.txt"
    source = tmp_path / "lists.txt"
    source.write_bytes(lists.read_bytes())
    lid = lib.lessons.import_file(source).lesson_id
    hive = next(ln for ln in lib.pages.lines(lid) if ln.text.startswith("hive the box"))
    assert len(hive.breaks) == 2  # three lines of the page the importer joined into one
    for at in reversed(hive.breaks):  # Make each line a glossary entry, as the page view does it
        lib.pages.split(lid, hive.n, at)
    for piece in [ln for ln in lib.pages.lines(lid) if ln.n >= hive.n][:3]:
        lib.pages.set_role(lid, piece.n, "glossary")
    terms = [g.term for g in lib.lessons.get(lid).glossary]
    assert terms == ["hive", "orchard", "harvest"]
    # The page changed above the list (two lines went): every line after them has another number now.
    gone = (b"The bees visit", b"apple banana")
    changed = b"\n".join(ln for ln in lists.read_bytes().split(b"\n") if not ln.startswith(gone))
    assert reimport_from(lib, lid, changed) == []
    shown, stored = page_and_lesson(tmp_path / "lib.db", lid)  # each line once
    assert shown == stored
    assert [g.term for g in lib.lessons.get(lid).glossary] == terms
    assert not any("orchard" in b.text for b in lib.lessons.get(lid).blocks)
