"""A tutor's edits: kept apart from the import, applied when a lesson is read, kept by a re-import."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Anchor, Library
from library.editing import next_marker
from library.importer import parse_page

UNPLACED_PAGE = (
    "Town Gets a New Library\n\nThe town of Elm opened a new library on Monday.\n\n"
    "Children can borrow books for free.\n"
)


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


@pytest.fixture
def ref_id(lib: Library, reference_path: Path) -> int:
    return lib.lessons.import_file(reference_path).lesson_id


def block_of(lib: Library, lid: int, start: str) -> int:
    return next(i for i, b in enumerate(lib.lessons.get(lid).blocks) if b.text.startswith(start))


def redo_import(lib: Library, lid: int) -> None:
    """Rewrite the imported rows of a lesson from its original bytes, as redoing an import does."""
    data = lib.lessons.source(lid)
    lesson = parse_page(data, "again.txt")
    conn = lib.db.conn
    with lib.db.atomic():
        for table in ("captions", "blocks", "notes", "glossary", "unplaced", "dropped"):
            conn.execute(f"DELETE FROM {table} WHERE lesson_id = ?", (lid,))
        for pos, block in enumerate(lesson.blocks):
            cur = conn.execute(
                "INSERT INTO blocks (lesson_id, pos, kind, text) VALUES (?, ?, ?, ?)",
                (lid, pos, block.kind, block.text),
            )
            for lang, text in block.translations.items():
                conn.execute("INSERT INTO translations VALUES (?, ?, ?)", (cur.lastrowid, lang, text))
        for i, n in enumerate(lesson.notes):
            a = n.anchor
            conn.execute(
                "INSERT INTO notes (lesson_id, pos, marker, label, text, source_url, anchor_block, anchor_start,"
                " anchor_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (lid, i, n.marker, n.label, n.text, n.source_url, a and a.block, a and a.start, a and a.end),
            )
        for i, g in enumerate(lesson.glossary):
            conn.execute(
                "INSERT INTO glossary (lesson_id, pos, term, part_of_speech, definition, translation,"
                " example) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (lid, i, g.term, g.pos, g.definition, g.translation, g.example),
            )
        for i, c in enumerate(lesson.captions):
            conn.execute("INSERT INTO captions (lesson_id, pos, text) VALUES (?, ?, ?)", (lid, i, c))


def test_translation_edit_move_and_remove(lib: Library, ref_id: int) -> None:
    ed = lib.editing
    first = block_of(lib, ref_id, "Overnight trains")
    key = block_of(lib, ref_id, "Austria’s national railway company")
    ed.set_translation(ref_id, first, "ja", "夜行列車が…")
    assert lib.lessons.get(ref_id).blocks[first].translation("ja") == "夜行列車が…"
    imported = lib.lessons.get(ref_id).blocks[key].translation("ja")
    assert imported and imported.startswith("オーストリアの国営鉄道会社")
    ed.move_translation(ref_id, key, key + 1, "ja")
    lesson = lib.lessons.get(ref_id)
    assert lesson.blocks[key].translation("ja") is None
    assert lesson.blocks[key + 1].translation("ja") == imported
    ed.remove_translation(ref_id, key + 1, "ja")
    assert lib.lessons.get(ref_id).blocks[key + 1].translation("ja") is None
    # the import itself is untouched
    assert lib.db.execute("SELECT count(*) FROM translations").fetchone()[0] == 3


def test_notes_reanchor_add_edit_remove(lib: Library, ref_id: int) -> None:
    ed = lib.editing
    lesson = lib.lessons.get(ref_id)
    note2 = next(n for n in lesson.notes if n.marker == "※2")
    para = block_of(lib, ref_id, "Overnight trains")
    text = lesson.blocks[para].text
    start = text.index("decline")
    ed.anchor_note(ref_id, note2.ref, Anchor(para, start, start + len("decline")))
    ed.update_note(ref_id, note2.ref, text="Edited note")
    data = lib.lessons.get(ref_id).to_json()
    n2 = next(n for n in data["notes"] if n["marker"] == "※2")
    assert n2["anchor_text"] == "decline" and n2["text"] == "Edited note"
    ref = ed.add_note(ref_id, "A new note", Anchor(para, 0, 3), label="The")
    lesson = lib.lessons.get(ref_id)
    new = next(n for n in lesson.notes if n.ref == ref)
    assert new.marker == "※5" and new.origin == "user" and new.anchor == Anchor(para, 0, 3)
    ed.remove_note(ref_id, lesson.notes[0].ref)
    assert [n.marker for n in lib.lessons.get(ref_id).notes] == ["※2", "※3", "※4", "※5"]


def test_glossary_add_edit_move_remove(lib: Library, ref_id: int) -> None:
    ed = lib.editing
    ref = ed.add_entry(ref_id, "export", "v.", "to send goods to another country")
    terms = [g.term for g in lib.lessons.get(ref_id).glossary]
    assert terms == ["sleeper", "reserve", "berth", "privacy", "export"]
    ed.move_entry(ref_id, ref, -1)
    ed.move_entry(ref_id, "import:0", 1)
    assert [g.term for g in lib.lessons.get(ref_id).glossary] == ["reserve", "sleeper", "berth", "export", "privacy"]
    ed.update_entry(ref_id, "import:2", definition="a speech")
    ed.remove_entry(ref_id, "import:3")
    lesson = lib.lessons.get(ref_id)
    assert [g.term for g in lesson.glossary] == ["reserve", "sleeper", "berth", "export"]
    assert lesson.glossary[2].definition == "a speech" and lesson.glossary[2].origin == "edited"


def test_questions_and_unplaced(lib: Library) -> None:
    lid = lib.lessons.import_bytes(UNPLACED_PAGE.encode(), "t.txt").lesson_id
    for i, line in enumerate(("迷子の一行目。", "迷子の二行目。")):  # as an importer that could not place them
        lib.db.execute("INSERT INTO unplaced (lesson_id, pos, text, lang) VALUES (?, ?, ?, 'ja')", [lid, i, line])
    ed = lib.editing
    lesson = lib.lessons.get(lid)
    q = ed.add_question(lid, 1, "Where did the town open a library?", "In Elm")
    assert [(x.block, x.text, x.answer) for x in lib.lessons.get(lid).questions] == [
        (1, "Where did the town open a library?", "In Elm")
    ]
    ed.update_question(lid, q, "Which town?", "Elm")
    assert lib.lessons.get(lid).to_json()["questions"] == [{"block": 1, "text": "Which town?", "answer": "Elm"}]
    assert len(lesson.unplaced) == 2
    if lesson.unplaced:
        first = lesson.unplaced[0]
        ed.place_unplaced(lid, first.ref, 1)
        after = lib.lessons.get(lid)
        assert first.text in (after.blocks[1].translation() or "")
        assert first.ref not in [u.ref for u in after.unplaced]
        for u in after.unplaced:
            ed.discard_unplaced(lid, u.ref)
        assert lib.lessons.get(lid).unplaced == []
        assert lib.db.execute("SELECT count(*) FROM unplaced WHERE lesson_id = ?", [lid]).fetchone()[0] == len(
            lesson.unplaced
        )


def test_snapshot_restore_round_trip(lib: Library, ref_id: int) -> None:
    ed = lib.editing
    before = lib.lessons.get(ref_id).to_json()
    empty = ed.snapshot(ref_id)
    assert not ed.has_edits(ref_id)
    ed.add_question(ref_id, 1, "Why?")
    ed.remove_note(ref_id, "import:1")
    ed.set_translation(ref_id, 1, "ja", "訳")
    edited = ed.snapshot(ref_id)
    after = lib.lessons.get(ref_id).to_json()
    ed.restore(ref_id, empty)
    assert lib.lessons.get(ref_id).to_json() == before
    ed.restore(ref_id, edited)
    assert lib.lessons.get(ref_id).to_json() == after


def test_reimport_and_redone_import_keep_edits(lib: Library, ref_id: int, reference_path: Path) -> None:
    ed = lib.editing
    para = block_of(lib, ref_id, "Overnight trains")
    ed.set_translation(ref_id, para, "ja", "私の訳")
    lesson = lib.lessons.get(ref_id)
    text = lesson.blocks[para].text
    at = text.index("officials")
    ed.anchor_note(ref_id, "import:1", Anchor(para, at, at + len("officials")))
    ed.add_entry(ref_id, "export", "v.")
    ed.add_question(ref_id, para, "Who plans the limits?")
    edited = lib.lessons.get(ref_id).to_json()
    assert lib.lessons.import_file(reference_path).created is False
    assert lib.lessons.get(ref_id).to_json() == edited
    redo_import(lib, ref_id)
    assert lib.lessons.get(ref_id).to_json() == edited


def test_next_marker_follows_the_lesson_style() -> None:
    assert next_marker([]) == "※1"
    assert next_marker(["※1", "※4"]) == "※5"
    assert next_marker(["[1]", "[2]"]) == "[3]"
    assert next_marker(["注1"]) == "注2"
