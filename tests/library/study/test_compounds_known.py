"""A hyphenated compound the level list lacks ("ten-year", "well-known") is known to a learner who knows
its parts (marked one by one, many at once, or seeded by level), unless it is saved itself; the lesson's
known count follows every change, as levelling the lesson again would count it."""

from __future__ import annotations

from pathlib import Path

from library import Library
from library.study.levels import word_level
from library.study.seeding import level_words

# Our own sentences: 20 running words, of them three compounds of easy parts.
TEXT = ("Compounds at Work\n\nThe town made a ten-year plan. A well-known cook opened a new shop, "
        "and the ten-year wait was over.\n")


def _setup(lib: Library, tmp_path: Path) -> int:
    page = tmp_path / "compounds.txt"
    page.write_text(TEXT, encoding="utf-8")
    lesson_id = lib.lessons.import_file(page).lesson_id
    lib.study.levels.level_pending()
    return lesson_id


def _known(lib: Library, lesson_id: int) -> int:
    found = lib.study.levels.of(lesson_id)
    assert found is not None
    return found.known


def _again(lib: Library, lesson_id: int) -> int:
    lib.study.levels.relevel(lesson_id)
    return _known(lib, lesson_id)


def test_compounds_of_known_parts_are_known(tmp_path: Path) -> None:
    assert word_level("ten-year") == "A1" and word_level("well-known") == "B2"  # levelled by their parts
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = _setup(lib, tmp_path)
        words = lib.study.words
        words.save("ten", "known")
        assert _known(lib, lesson_id) == 0  # "ten" stands only in the compound; "year" is not known
        words.save("year", "known")
        assert _known(lib, lesson_id) == 2 == _again(lib, lesson_id)  # both ten-years
        words.save("ten-year", "learning")  # saved itself: its own status counts
        assert _known(lib, lesson_id) == 0 == _again(lib, lesson_id)
        words.delete([words.get("ten-year").id])  # type: ignore[union-attr]
        assert _known(lib, lesson_id) == 2 == _again(lib, lesson_id)
        words.save("year", "learning")
        assert _known(lib, lesson_id) == 0 == _again(lib, lesson_id)
        ids = [w.id for w in words.list()]
        words.set_statuses(ids, "known")
        assert _known(lib, lesson_id) == 2 == _again(lib, lesson_id)


def test_seeding_the_first_levels_knows_the_compounds_of_their_words(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = _setup(lib, tmp_path)
        known_before = _known(lib, lesson_id)
        assert lib.study.seeding.seed(level_words("A2")).marked > 500
        assert not {"ten-year", "well-known"} & {w.lemma for w in lib.study.words.list()}  # not saved
        known = _known(lib, lesson_id)
        assert known == _again(lib, lesson_id) > known_before
        lib.study.words.save("year", "learning")  # taken back: the two ten-years are unknown again
        assert _known(lib, lesson_id) == known - 2 == _again(lib, lesson_id)  # ("year" is no word of its own here)
        lib.study.words.save("year", "known")
        assert _known(lib, lesson_id) == known
        lib.study.words.save("well", "learning")  # and "well-known" was known by its parts too
        assert _known(lib, lesson_id) == known - 1 == _again(lib, lesson_id)


def test_a_compound_of_known_parts_gets_no_gloss() -> None:
    from library.study.glosses import find_glosses

    text = "A well-known cook opened a shop."
    own = {"well-known": "有名な"}
    found = find_glosses([(0, text)], "B2", glossary={}, own=own, known=set(), lookup=None)
    assert [g.word for g in found] == ["well-known"]  # B2, by its hardest part
    found = find_glosses([(0, text)], "B2", glossary={}, own=own, known={"well", "know"}, lookup=None)
    assert found == []  # I know both parts: I know the compound
    found = find_glosses([(0, text)], "B2", glossary={}, own=own, known={"well"}, lookup=None)
    assert [g.word for g in found] == ["well-known"]


def test_a_library_of_schema_6_learns_its_compounds_at_the_upgrade(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lesson_id = _setup(lib, tmp_path)
        lib.study.words.save("ten", "known")
        lib.study.words.save("year", "known")
        assert _known(lib, lesson_id) == 2
    conn = sqlite3.connect(path)  # as schema 6 left it: no parts kept, a count without the compounds
    conn.execute("DROP TABLE compound_parts")
    conn.execute("ALTER TABLE words DROP COLUMN gloss_source")
    conn.execute("ALTER TABLE lesson_levels DROP COLUMN levels_version")  # nor schema 7's stamp
    conn.execute("UPDATE lesson_known SET known = 0")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    with Library(path) as lib:
        assert _known(lib, lesson_id) == 2  # counted again at the upgrade
        assert lib.study.words.get("ten") is not None and lib.study.words.get("ten").gloss_source == ""  # type: ignore[union-attr]
        lib.study.words.save("year", "learning")
        assert _known(lib, lesson_id) == 0 == _again(lib, lesson_id)
