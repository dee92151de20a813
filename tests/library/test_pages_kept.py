"""The page view over other formats and the user's other work: Markdown lines, lesson packs carrying
the decisions, imported notes and entries the user edited, saved words, and tutor lesson files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from library import Library
from library.pagelines import DecisionError, Role

DATA = Path(__file__).resolve().parents[1] / "data" / "pageview"
GARDEN = DATA / "garden_page.txt"
HARBOUR = DATA / "harbour_page.md"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


def n_of(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def block_of(lib: Library, lid: int, start: str) -> int:
    return next(i for i, b in enumerate(lib.lessons.get(lid).blocks) if b.text.startswith(start))


def test_markdown_page_has_lines_and_takes_decisions(lib: Library) -> None:
    lid = lib.lessons.import_file(HARBOUR).lesson_id
    lines = lib.pages.lines(lid)
    assert lines[0].role == Role.TITLE and lines[0].text == "Weekly Reading"
    lib.pages.set_role(lid, n_of(lib, lid, "The Harbour Market"), "title")
    boats = block_of(lib, lid, "Fishing boats")
    lib.pages.set_role(lid, n_of(lib, lid, "漁船は"), "translation", to=boats)
    lesson = lib.lessons.get(lid)
    assert lesson.title == "The Harbour Market Opens Early"
    assert lesson.blocks[boats].translation("ja") == "漁船は日の出前に港の市場に着きます。"
    assert lesson.blocks[block_of(lib, lid, "By eight")].translation() is None


def _as_shown(lesson_json: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in lesson_json.items() if k not in ("id", "source")}


def test_a_pack_carries_the_decisions_and_opens_as_the_same_fixed_lesson(lib: Library, tmp_path: Path) -> None:
    lid = lib.lessons.import_file(GARDEN).lesson_id
    lib.pages.set_role(lid, n_of(lib, lid, "City Gardens"), "title")
    lib.pages.set_role(lid, n_of(lib, lid, "lot "), "glossary")
    lib.pages.set_text(lid, n_of(lib, lid, "Many of"), "Many of the gardeners had never met before.")
    lib.editing.set_translation(lid, block_of(lib, lid, "Volunteers"), "ja", "ボランティア")
    pack = tmp_path / "garden.studypack"
    lib.packs.export([lid], pack)
    with Library(tmp_path / "elsewhere.db") as other:
        result = other.packs.import_pack(pack)
        oid = result.lessons[0].lesson_id
        assert _as_shown(other.lessons.get(oid).to_json()) == _as_shown(lib.lessons.get(lid).to_json())
        assert other.pages.lines(oid) == lib.pages.lines(lid)
        assert other.pages.decisions(oid) == lib.pages.decisions(lid)
    members = json.loads(__import__("zipfile").ZipFile(pack).read("lessons/1/edits.json"))
    assert [d["op"] for d in members["line_decisions"]] == ["role", "role", "text"]


def test_an_edited_imported_note_stays_with_its_note_when_notes_before_it_change(
    lib: Library, reference_path: Path
) -> None:
    lid = lib.lessons.import_file(reference_path).lesson_id
    first = lib.lessons.get(lid).notes[0]
    lib.editing.update_note(lid, first.ref, text="my own words on this note")
    # A paragraph made a note: a note comes before the edited one, which moves down the list.
    lib.pages.set_role(lid, n_of(lib, lid, "France has moved"), "note")
    notes = lib.lessons.get(lid).notes
    assert notes[0].text.startswith("France has moved")
    edited = next(n for n in notes if n.marker == first.marker)
    assert edited.text == "my own words on this note" and edited.ref == "import:1"
    lib.pages.undo(lid)
    assert lib.lessons.get(lid).notes[0].text == "my own words on this note"


def test_an_edited_imported_entry_stays_with_its_entry(lib: Library, reference_path: Path) -> None:
    lid = lib.lessons.import_file(reference_path).lesson_id
    first = lib.lessons.get(lid).glossary[0]
    lib.editing.update_entry(lid, first.ref, definition="my definition")
    lib.pages.set_role(lid, n_of(lib, lid, "France has moved"), "glossary")  # an entry before it
    glossary = lib.lessons.get(lid).glossary
    assert glossary[0].term == "France"
    assert next(g for g in glossary if g.term == first.term).definition == "my definition"


def test_an_imported_note_stays_on_its_term_when_its_paragraph_is_joined_and_split(
    lib: Library, reference_path: Path
) -> None:
    lid = lib.lessons.import_file(reference_path).lesson_id
    lesson = lib.lessons.get(lid)
    anchored = [
        (n.marker, lesson.blocks[n.anchor.block].text[n.anchor.start : n.anchor.end]) for n in lesson.notes if n.anchor
    ]
    assert anchored
    i = next(i for i in range(1, len(lesson.blocks)) if any(n.anchor and n.anchor.block == i for n in lesson.notes))
    block = lesson.blocks[i]
    prev = lesson.blocks[i - 1].text
    n = n_of(lib, lid, prev)
    lib.pages.join(lid, n)

    def terms() -> list[tuple[str, str]]:
        now = lib.lessons.get(lid)
        return [
            (x.marker, now.blocks[x.anchor.block].text[x.anchor.start : x.anchor.end]) for x in now.notes if x.anchor
        ]

    assert terms() == anchored
    lib.pages.split(lid, n, len(prev) + 1)
    assert terms() == anchored
    assert lib.lessons.get(lid).blocks[i].text == block.text


def test_a_saved_word_keeps_its_paragraph_and_its_mark(lib: Library) -> None:
    lid = lib.lessons.import_file(GARDEN).lesson_id
    pos = block_of(lib, lid, "Volunteers")
    text = lib.lessons.get(lid).blocks[pos].text
    word = lib.study.words.save("seeds", lesson_id=lid, block_pos=pos, sentence=text)
    lib.pages.set_role(lid, n_of(lib, lid, "Our team picks"), "site")
    lib.pages.set_role(lid, n_of(lib, lid, "Saturday"), "paragraph")
    lib.pages.join(lid, n_of(lib, lid, "One retired"))  # the paragraph before it takes it in
    saved = lib.study.words.by_id(word.id)
    assert saved is not None and saved.lesson_id == lid
    assert saved.block_pos is not None
    block = lib.lessons.get(lid).blocks[saved.block_pos].text
    assert text in block  # its sentence is still in the paragraph it points to
    found = [block[s:e] for s, e, _ in lib.study.words.marks().find(block)]
    assert found == ["seeds"]


def test_a_tutor_lesson_file_has_lines_but_refuses_changes(lib: Library) -> None:
    doc = {
        "title": "Snow in April",
        "blocks": [
            {
                "kind": "paragraph",
                "text": "It snowed in April this year.",
                "translations": {"ja": "今年は四月に雪が降った。"},
            }
        ],
    }
    lid = lib.lessons.import_bytes(json.dumps(doc, ensure_ascii=False).encode(), "snow.json").lesson_id
    lines = lib.pages.lines(lid)
    assert [(ln.role, ln.text) for ln in lines] == [
        (Role.TITLE, "Snow in April"),
        (Role.PARAGRAPH, "It snowed in April this year."),
        (Role.TRANSLATION, "今年は四月に雪が降った。"),
    ]
    assert lines[2].target == 0
    with pytest.raises(DecisionError, match="lesson file"):
        lib.pages.set_role(lid, 1, "title")


def test_a_pack_with_a_decision_of_no_known_role_opens_without_it(lib: Library, tmp_path: Path) -> None:
    lid = lib.lessons.import_file(GARDEN).lesson_id
    lib.pages.set_role(lid, n_of(lib, lid, "City Gardens"), "title")
    lib.db.execute("UPDATE line_decisions SET role = 'banner'")  # as a pack from elsewhere might say
    pack = tmp_path / "odd.studypack"
    lib.packs.export([lid], pack)
    with Library(tmp_path / "elsewhere.db") as other:
        oid = other.packs.import_pack(pack).lessons[0].lesson_id
        assert other.lessons.get(oid).title == "Saturday Morning Notes"  # the page as imported
        assert other.pages.reimport(oid)[0].role == "banner"  # said, and dropped
        assert other.pages.decisions(oid) == []


def test_a_pack_with_too_many_decisions_is_refused_in_one_line(lib: Library, tmp_path: Path) -> None:
    from library.packs import PackRefused
    from library.pagelines import MAX_DECISIONS

    lid = lib.lessons.import_file(GARDEN).lesson_id
    lib.pages.set_role(lid, n_of(lib, lid, "City Gardens"), "title")
    row = lib.db.execute("SELECT op, n, text, role FROM line_decisions").fetchone()
    lib.db.conn.executemany(
        "INSERT INTO line_decisions (lesson_id, op, n, text, role) VALUES (?, ?, ?, ?, ?)",
        [(lid, *row)] * MAX_DECISIONS,
    )
    pack = tmp_path / "many.studypack"
    lib.packs.export([lid], pack)
    with Library(tmp_path / "elsewhere.db") as other:
        with pytest.raises(PackRefused, match="more than 2,000 changes"):
            other.packs.import_pack(pack)
        assert other.lessons.count() == 0
    with pytest.raises(DecisionError, match="at most 2,000"):
        lib.pages.set_role(lid, 0, "site")  # (the old title a heading now: another role)


def test_split_into_lessons_here(lib: Library) -> None:
    lid = lib.lessons.import_file(DATA / "two_posts.txt").lesson_id
    lib.lessons.set_position(lid, block_of(lib, lid, "Some roads"))
    n = n_of(lib, lid, "A Library Opens")
    made = lib.pages.split_lesson(lid, n)
    first, second = lib.lessons.get(lid), lib.lessons.get(made)
    assert first.title == "Rain Returns to the Valley Farms"
    assert [b.text[:10] for b in first.blocks] == ["After thre", "Farmers sa", "Some roads"]
    assert first.blocks[1].translation("ja")
    assert second.title == "A Library Opens Its Doors at Night"
    assert [b.text[:10] for b in second.blocks] == ["The city l", "Students a", "Librarians"]
    assert "A Library Opens Its Doors at Night" in first.dropped  # kept aside, as the source bytes are
    assert lib.lessons.position(lid) == 2
    with pytest.raises(DecisionError, match="first"):
        lib.pages.split_lesson(lid, 0)
    lib.pages.undo(lid)  # the first lesson whole again; the lesson made stays
    assert len(lib.lessons.get(lid).blocks) == 7 and lib.lessons.get(made).title == second.title


def test_html_page_has_lines_and_takes_decisions(lib: Library) -> None:
    lid = lib.lessons.import_file(DATA / "market_page.html").lesson_id
    lines = lib.pages.lines(lid)
    assert [ln.role for ln in lines[:3]] == [Role.TITLE, Role.CAPTION, Role.CAPTION]  # the figure's, kept once
    closed = block_of(lib, lid, "The night market closed")
    line = next(ln for ln in lines if ln.text.startswith("夜市は"))
    assert line.target != closed  # the importer's guess, wrong on purpose
    lib.pages.set_role(lid, line.n, "translation", to=closed)
    lesson = lib.lessons.get(lid)
    assert lesson.blocks[closed].translation("ja") == "夜市は五年前、広場の修理のために閉まりました。"
    assert [b.translation() for b in lesson.blocks].count(None) == len(lesson.blocks) - 1
    assert lesson.captions == ["Stalls light up the old square on Friday evening."]


def test_a_reimport_the_decisions_would_leave_empty_keeps_none_of_them(lib: Library) -> None:
    lid = lib.lessons.import_file(DATA / "two_posts.txt").lesson_id
    keep = "The city library will now stay open until midnight on weekdays."
    for line in lib.pages.lines(lid):
        if line.role in (Role.PARAGRAPH, Role.HEADING) and line.text != keep:
            lib.pages.set_role(lid, line.n, "site")
    assert [b.text for b in lib.lessons.get(lid).blocks] == [keep]
    made = lib.pages.decisions(lid)
    assert len(made) == 6  # five paragraphs and the second post's heading
    data = (DATA / "two_posts.txt").read_bytes().replace(keep.encode() + b"\n", b"")
    lib.db.execute("UPDATE sources SET data = ? WHERE lesson_id = ?", [data, lid])
    missed = lib.pages.reimport(lid)
    assert missed == made and lib.pages.decisions(lid) == []
    assert len(lib.lessons.get(lid).paragraphs) == 5  # the page as the importer reads it now
