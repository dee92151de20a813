"""After a structural change the translations stay as they were: an unplaced one stays unplaced until
the user places it, a kept one keeps how sure the import was of it, and one whose paragraph was
deleted is listed saying so. A paragraph the page repeats with its translation keeps one copy of both."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library

PAGES = Path(__file__).resolve().parents[1] / "data" / "pageview"
BAKERY = PAGES / "bakery_page.txt"
THANKED = "彼女は、再建を助けるために"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


@pytest.fixture
def bakery(lib: Library) -> int:
    return lib.lessons.import_file(BAKERY).lesson_id


def n_of(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def translations(lib: Library, lid: int) -> dict[str, float]:
    """Each translation line's text → its confidence."""
    return {ln.text: ln.confidence for ln in lib.pages.lines(lid) if ln.role == "translation"}


def placed(lib: Library, lid: int) -> list[str]:
    return [t for b in lib.lessons.get(lid).blocks for t in b.translations.values()]


@pytest.mark.parametrize(("start", "at"), [("She thanked", 30), ("About 200 people", 36)])
def test_an_unplaced_translation_stays_unplaced_through_a_split(
    lib: Library, bakery: int, start: str, at: int
) -> None:
    assert [u.text[:12] for u in lib.lessons.get(bakery).unplaced] == [THANKED[:12]]
    before = placed(lib, bakery)
    lib.pages.split(bakery, n_of(lib, bakery, start), at)
    assert [u.text[:12] for u in lib.lessons.get(bakery).unplaced] == [THANKED[:12]]
    assert sorted(placed(lib, bakery)) == sorted(before)  # no translation twice, none new
    # The user places it: then it is placed.
    lib.pages.undo(bakery)
    lib.pages.split(bakery, n_of(lib, bakery, "About 200 people"), 36)
    target = next(i for i, b in enumerate(lib.lessons.get(bakery).blocks) if b.text.startswith("She thanked"))
    lib.pages.set_role(bakery, n_of(lib, bakery, THANKED), "translation", target)
    assert lib.lessons.get(bakery).unplaced == []
    assert lib.lessons.get(bakery).blocks[target].translations["ja"].startswith(THANKED)


def test_a_split_or_join_leaves_the_other_translations_as_sure_as_they_were(lib: Library, bakery: int) -> None:
    before = translations(lib, bakery)
    warned = {w.text: w.confidence for w in lib.lessons.get(bakery).warnings if w.text in before}
    n = n_of(lib, bakery, "About 200 people")
    lib.pages.split(bakery, n, len("About 200 people waited outside when"))
    assert translations(lib, bakery) == before
    lib.pages.join(bakery, n)
    assert translations(lib, bakery) == before
    assert {w.text: w.confidence for w in lib.lessons.get(bakery).warnings if w.text in before} == warned


def test_a_deleted_paragraphs_translation_is_listed_as_such(lib: Library, bakery: int) -> None:
    lib.pages.delete(bakery, n_of(lib, bakery, "The village bakery"))
    reasons = {u.text[:6]: u.reason for u in lib.lessons.get(bakery).unplaced}
    assert reasons == {
        "村のパン屋は": "its paragraph was deleted",
        THANKED[:6]: "no paragraph matched it closely enough",
    }


def test_a_repeated_paragraphs_translation_is_kept_once(lib: Library) -> None:
    lid = lib.lessons.import_file(PAGES / "rain_page.txt").lesson_id
    lesson = lib.lessons.get(lid)
    rain = "谷の農家は火曜日、3か月ぶりの雨を歓迎した。"
    assert [b.translations["ja"] for b in lesson.blocks if rain in b.translations["ja"]] == [rain]
    assert lesson.blocks[0].translations["ja"] == rain
    assert lesson.blocks[1].translations["ja"] == "川は一晩で2メートル増水したと当局は述べた。"
    assert lesson.unplaced == []
