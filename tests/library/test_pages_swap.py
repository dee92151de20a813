"""Swapping a page's languages: each paragraph and the translation placed on it change places, kept
over a re-import and taken back by undo; refused where no English body would be left."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from library import Library
from library.pagelines import DecisionError
from reader.__main__ import main

DATA = Path(__file__).resolve().parents[1] / "data"
TEA = DATA / "pages_to_fix" / "tea_swapped.txt"
FERRY = DATA / "pageview" / "ferry_page.txt"
ENGLISH = ["Sannenzaka Tea House near", "Yoko Tanaka teaches", "Uji Green Farm sends"]
JAPANESE = ["Kyoto Station の近くの", "Owner の Yoko Tanaka", "Tea leaves は Uji"]


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


def starts(texts: list[str], starts: list[str]) -> bool:
    return len(texts) == len(starts) and all(t.startswith(s) for t, s in zip(texts, starts, strict=True))


def test_the_importer_takes_the_tea_page_the_wrong_way_round(lib: Library) -> None:
    lesson = lib.lessons.get(lib.lessons.import_file(TEA).lesson_id)
    assert starts([b.text for b in lesson.blocks], JAPANESE)
    assert starts([b.translations["zh"] for b in lesson.blocks], ENGLISH)


def test_a_swap_puts_each_pair_the_right_way_round_and_a_reimport_keeps_it(lib: Library) -> None:
    lid = lib.lessons.import_file(TEA).lesson_id
    lib.pages.swap_languages(lid)
    lesson = lib.lessons.get(lid)
    assert starts([b.text for b in lesson.blocks], ENGLISH)
    assert lesson.translation_language == "ja"
    assert starts([b.translations["ja"] for b in lesson.blocks], JAPANESE)
    assert lesson.title == "A Tea House Near the Temple"
    assert lib.pages.reimport(lid) == []
    again = lib.lessons.get(lid)
    assert [(b.text, b.translations) for b in again.blocks] == [(b.text, b.translations) for b in lesson.blocks]
    lib.pages.undo(lid)
    assert starts([b.text for b in lib.lessons.get(lid).blocks], JAPANESE)


def test_the_users_work_on_a_paragraph_goes_with_its_pair(lib: Library) -> None:
    lid = lib.lessons.import_file(TEA).lesson_id
    lib.editing.add_question(lid, 1, "Who teaches?", "Yoko Tanaka")
    lib.editing.set_translation(lid, 2, "ja", "茶葉は宇治から届く。")
    lib.pages.swap_languages(lid)
    lesson = lib.lessons.get(lid)
    assert [(q.block, q.text) for q in lesson.questions] == [(1, "Who teaches?")]
    assert lesson.blocks[2].user_translations == {"ja": "茶葉は宇治から届く。"}


def test_a_swap_that_would_leave_no_english_body_is_refused(lib: Library) -> None:
    lid = lib.lessons.import_file(FERRY).lesson_id
    before = [b.text for b in lib.lessons.get(lid).blocks]
    with pytest.raises(DecisionError, match="no English body"):
        lib.pages.swap_languages(lid)
    assert [b.text for b in lib.lessons.get(lid).blocks] == before
    assert lib.pages.decisions(lid) == []


def test_a_page_with_no_translation_placed_has_nothing_to_swap(lib: Library, tmp_path: Path) -> None:
    page = tmp_path / "plain.txt"
    page.write_text("Rain Again\n\nIt rained all week in the valley, and the river rose.\n", encoding="utf-8")
    lid = lib.lessons.import_file(page).lesson_id
    with pytest.raises(DecisionError, match="nothing to swap"):
        lib.pages.swap_languages(lid)


def test_fix_swap_languages_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "lib.db")
    assert main(["import", str(TEA), "--library", path]) == 0
    assert main(["import", str(FERRY), "--library", path]) == 0
    capsys.readouterr()
    assert main(["fix", "1", "--swap-languages", "--json", "--library", path]) == 0
    lines = json.loads(capsys.readouterr().out)
    paragraphs = [ln["text"] for ln in lines if ln["role"] == "paragraph"]
    assert starts(paragraphs, ENGLISH)
    assert main(["fix", "2", "--swap-languages", "--library", path]) == 1
    assert "lesson 2: swapping would leave no English body" in capsys.readouterr().err
    assert main(["fix", "1", "3", "--swap-languages", "--library", path]) == 2
    assert "takes no line number" in capsys.readouterr().err
    assert main(["fix", "1", "--swap-languages", "--undo", "--library", path]) == 2
    assert "one change at a time" in capsys.readouterr().err


def test_a_library_of_schema_5_keeps_its_decisions_and_takes_a_swap(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lid = lib.lessons.import_file(TEA).lesson_id
        lib.pages.set_text(lid, 0, "A Tea House by the Temple")
    conn = sqlite3.connect(path)
    # The table as schema 5 made it: no 'swap' in its check.
    conn.execute("ALTER TABLE line_decisions RENAME TO newer")
    conn.execute("DROP INDEX line_decisions_lesson")
    conn.execute(
        "CREATE TABLE line_decisions (id INTEGER PRIMARY KEY AUTOINCREMENT, lesson_id INTEGER NOT NULL"
        " REFERENCES lessons(id) ON DELETE CASCADE, op TEXT NOT NULL CHECK (op IN ('role', 'join', 'split',"
        " 'text', 'delete', 'move', 'end')), n INTEGER NOT NULL, text TEXT NOT NULL, role TEXT, target_n INTEGER,"
        " target_text TEXT, at INTEGER, value TEXT)"
    )
    conn.execute("INSERT INTO line_decisions SELECT * FROM newer")
    conn.execute("DROP TABLE newer")
    conn.execute("CREATE INDEX line_decisions_lesson ON line_decisions(lesson_id, id)")
    conn.execute("ALTER TABLE lesson_levels DROP COLUMN levels_version")  # schema 7's
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    with Library(path) as lib:
        assert [d.op for d in lib.pages.decisions(lid)] == ["text"]
        lib.pages.swap_languages(lid)
        assert [d.op for d in lib.pages.decisions(lid)] == ["text", "swap"]
        lesson = lib.lessons.get(lid)
        assert lesson.title == "A Tea House by the Temple"
        assert starts([b.text for b in lesson.blocks], ENGLISH)


def test_a_swap_kept_for_a_page_now_read_the_right_way_round_is_not_made(lib: Library) -> None:
    # As a re-import meets it when the importer has come to read the page right: the decision is
    # there, and laying it over lines whose English is already the body would take the English away.
    from library.pagelines import SWAP, Decision

    lid = lib.lessons.import_file(FERRY).lesson_id
    first = next(ln for ln in lib.pages.lines(lid) if ln.role == "translation")
    with pytest.raises(DecisionError, match="no English body"):
        lib.pages.decide(lid, Decision(SWAP, first.n, first.text))
    assert lib.lessons.get(lid).blocks[0].text.startswith("The island's")
