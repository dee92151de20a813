"""The imported tables written again after a change to a page's lines hold what an import of the
same lines would: a role change and then a re-import give the same lesson, row for row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from library import Library
from library.pagelines import Role

DATA = Path(__file__).resolve().parents[1] / "data"
FERRY = DATA / "pageview" / "ferry_page.txt"
BOOK_PARAGRAPHS = 40


def bilingual_page() -> str:
    """A small bilingual book: a title, then paragraphs each followed by its Japanese line."""
    out = ["Letters from the Lighthouse"]
    for k in range(BOOK_PARAGRAPHS):
        out.append(f"On day {k + 1} the keeper wrote that the lamp burned for {k + 10} hours and the sea was calm.")
        out.append(f"{k + 1}日目、灯台守はランプが{k + 10}時間燃え、海は穏やかだったと書いた。")
    return "\n\n".join(out)


def stored(conn: sqlite3.Connection, lesson_id: int) -> dict[str, list[tuple[object, ...]]]:
    """The lesson's imported rows, block ids left out (a rewrite may give them new ones)."""
    return {
        "blocks": conn.execute("SELECT pos, kind, text FROM blocks WHERE lesson_id = ? ORDER BY pos", [lesson_id])
        .fetchall(),
        "translations": conn.execute(
            "SELECT b.pos, t.lang, t.text FROM translations t JOIN blocks b ON b.id = t.block_id"
            " WHERE b.lesson_id = ? ORDER BY b.pos, t.lang",
            [lesson_id],
        ).fetchall(),
        **{
            table: conn.execute(f"SELECT * FROM {table} WHERE lesson_id = ? ORDER BY pos", [lesson_id]).fetchall()
            for table in ("captions", "notes", "glossary", "unplaced", "dropped", "import_warnings")
        },
    }


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


@pytest.mark.parametrize("role", ["site", "heading", "unplaced"])
def test_a_role_change_then_a_reimport_give_the_same_lesson(lib: Library, tmp_path: Path, role: str) -> None:
    page = tmp_path / "lighthouse.txt"
    page.write_text(bilingual_page(), encoding="utf-8")
    other = lib.lessons.import_file(FERRY).lesson_id  # another lesson's blocks around this one's ids
    lid = lib.lessons.import_file(page).lesson_id
    lines = lib.pages.lines(lid)
    n = next(ln.n for ln in lines if ln.role == Role.PARAGRAPH and ln.block == 7)
    lib.pages.set_role(lid, n, role)
    changed = stored(lib.db.conn, lid)
    lesson = lib.lessons.get(lid)
    assert len(changed["blocks"]) == BOOK_PARAGRAPHS - (0 if role == "heading" else 1)
    assert lib.pages.reimport(lid) == []
    assert stored(lib.db.conn, lid) == changed
    again = lib.lessons.get(lid)
    assert [(b.kind, b.text, b.translations) for b in again.blocks] == [
        (b.kind, b.text, b.translations) for b in lesson.blocks
    ]
    assert lib.lessons.get(other).blocks[0].translations  # the other lesson's translations untouched


def test_each_translation_is_stored_with_its_own_block(lib: Library) -> None:
    first = lib.lessons.import_file(FERRY).lesson_id
    lib.lessons.delete(first)  # ids freed at the end of the table: the next import's blocks take them
    lid = lib.lessons.import_file(FERRY).lesson_id
    rows = stored(lib.db.conn, lid)
    texts = dict((pos, text) for pos, _kind, text in rows["blocks"])
    assert [(texts[pos][:10], t[:4]) for pos, _lang, t in rows["translations"]] == [
        ("The island", "島で唯一"),
        ("Fishermen ", "早朝の便"),
        ("A return t", "往復券は"),
        ("Students w", "学生は平"),
    ]
