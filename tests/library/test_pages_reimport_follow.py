"""A re-import from a changed copy of a page's file: the user's work over the lesson (their
translations, questions, notes' places, saved words, reading positions, role decisions and English
edits) follows the text it belongs to, not the paragraph number it had; what matches nothing on the
new page is listed as not kept, with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Library
from library.editing import Anchor
from library.pagealike import match_texts
from library.sourcefile import reimport_from

ORCHARD = Path(__file__).resolve().parents[1] / "data" / "pageview" / "orchard_page.txt"
CAFE = "A small cafe by the gate"
MINE = "門のそばの小さなカフェ。"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


def block_of(lib: Library, lid: int, start: str) -> int:
    return next(i for i, b in enumerate(lib.lessons.get(lid).blocks) if b.text.startswith(start))


def n_of(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def work_on_cafe(lib: Library) -> int:
    """The page imported, with the user's work on its cafe paragraph; returns the lesson."""
    lid = lib.lessons.import_file(ORCHARD).lesson_id
    k = block_of(lib, lid, CAFE)
    text = lib.lessons.get(lid).blocks[k].text
    lib.editing.set_translation(lid, k, "ja", MINE)
    lib.editing.add_question(lid, k, "What does the cafe sell?", "cider")
    at = text.index("apple cake")
    lib.editing.add_note(lid, "a sweet baked with apples", Anchor(k, at, at + len("apple cake")))
    lib.study.words.save("cider", sentence=text, lesson_id=lid, block_pos=k)
    lib.lessons.set_position(lid, k)
    return lid


def assert_on_cafe(lib: Library, lid: int, cake: str = "apple cake") -> None:
    lesson = lib.lessons.get(lid)
    k = block_of(lib, lid, CAFE)
    assert [i for i, b in enumerate(lesson.blocks) if b.user_translations] == [k]
    assert lesson.blocks[k].user_translations == {"ja": MINE}
    assert lib.db.execute("SELECT block_pos FROM questions").fetchall() == [(k,)]
    note = next(n for n in lesson.notes if n.text == "a sweet baked with apples")
    assert note.anchor is not None and note.anchor.block == k
    assert lesson.blocks[k].text[note.anchor.start : note.anchor.end] == cake
    assert lib.db.execute("SELECT block_pos FROM words WHERE text = 'cider'").fetchall() == [(k,)]
    assert lib.lessons.position(lid) == k


def changed(edit: str) -> bytes:
    return ORCHARD.read_text(encoding="utf-8").replace(*edit.split(" => ")).encode()


@pytest.mark.parametrize(
    "edit",
    [
        # a paragraph added above it
        "The apple orchard on => A new path now leads walkers from the station to the hill.\n\nThe apple orchard on",
        # a paragraph above it removed
        "Families pick fruit from the low branches and fill paper bags to take home.\n\n => ",
        # two paragraphs change places
        "Families pick fruit from the low branches and fill paper bags to take home.\n\n"
        "A small cafe by the gate sells warm cider and slices of apple cake.\n\n => "
        "A small cafe by the gate sells warm cider and slices of apple cake.\n\n"
        "Families pick fruit from the low branches and fill paper bags to take home.\n\n",
    ],
    ids=["added-above", "removed-above", "reordered"],
)
def test_the_users_work_follows_its_paragraph_through_a_changed_source(lib: Library, edit: str) -> None:
    lid = work_on_cafe(lib)
    assert reimport_from(lib, lid, changed(edit)) == []
    assert lib.pages.lost == []
    assert_on_cafe(lib, lid)


def test_a_small_edit_of_the_paragraph_keeps_the_work_on_it_and_the_note_on_its_words(lib: Library) -> None:
    lid = work_on_cafe(lib)
    edit = "sells warm cider and slices => sells hot cider and thick slices"
    data = changed(edit).decode().replace("The apple orchard on", "Parking is free.\n\nThe apple orchard on")
    assert reimport_from(lib, lid, data.encode()) == []
    assert lib.pages.lost == []
    assert "thick slices" in lib.lessons.get(lid).blocks[block_of(lib, lid, CAFE)].text
    assert_on_cafe(lib, lid)


def test_work_on_a_paragraph_gone_from_the_source_is_listed_as_not_kept(lib: Library) -> None:
    lid = work_on_cafe(lib)
    gone = "A small cafe by the gate sells warm cider and slices of apple cake.\n\n => "
    assert reimport_from(lib, lid, changed(gone)) == []
    lost = lib.pages.lost
    assert any(MINE in said and "no longer on the page" in said for said in lost)
    assert any("What does the cafe sell?" in said for said in lost)
    assert any("a sweet baked with apples" in said and "kept, with no place" in said for said in lost)
    assert any("“cider”" in said for said in lost)
    lesson = lib.lessons.get(lid)
    assert not any(b.user_translations for b in lesson.blocks)
    assert lib.db.execute("SELECT count(*) FROM questions").fetchone()[0] == 0
    note = next(n for n in lesson.notes if n.text == "a sweet baked with apples")
    assert note.anchor is None  # kept, on no unrelated word
    assert lib.db.execute("SELECT block_pos FROM words WHERE text = 'cider'").fetchall() == [(None,)]
    # the reading place goes to the paragraph before the one gone
    assert lib.lessons.position(lid) == block_of(lib, lid, "Families pick")


def test_role_decisions_and_english_edits_follow_their_lines_through_a_changed_source(lib: Library) -> None:
    lid = lib.lessons.import_file(ORCHARD).lesson_id
    lib.pages.set_role(lid, n_of(lib, lid, "Families pick"), "heading")
    lib.pages.set_text(lid, n_of(lib, lid, "The owners plant"), "The owners plant thirty young trees each spring.")
    edit = (
        "The apple orchard on => A new path now leads walkers from the station to the hill.\n\nThe apple orchard on"
    )
    data = changed(edit).decode().replace("paper bags to take home", "paper bags to carry home").encode()
    assert reimport_from(lib, lid, data) == []
    blocks = lib.lessons.get(lid).blocks
    families = block_of(lib, lid, "Families pick")
    assert blocks[families].kind == "heading"
    assert "carry home" in blocks[families].text  # the source's own edit is read
    assert [b.text for b in blocks][-1] == "The owners plant thirty young trees each spring."
    assert len(lib.pages.decisions(lid)) == 2


def test_a_reimport_of_the_unchanged_file_keeps_everything_and_says_so(lib: Library) -> None:
    lid = work_on_cafe(lib)
    assert reimport_from(lib, lid, ORCHARD.read_bytes()) == []
    assert lib.pages.reimport(lid) == []
    assert lib.pages.lost == []
    assert_on_cafe(lib, lid)


def test_work_kept_against_a_line_made_site_text_follows_the_line_through_a_changed_source(lib: Library) -> None:
    lid = lib.lessons.import_file(ORCHARD).lesson_id
    lib.editing.set_translation(lid, block_of(lib, lid, CAFE), "ja", MINE)
    lib.pages.set_role(lid, n_of(lib, lid, CAFE), "site")  # the translation waits against its line
    assert not any(b.user_translations for b in lib.lessons.get(lid).blocks)
    edit = "The apple orchard on => A new path now leads walkers from the station to the hill.\n\nThe apple orchard on"
    assert reimport_from(lib, lid, changed(edit)) == []
    assert lib.pages.lost == []
    lib.pages.set_role(lid, n_of(lib, lid, CAFE), "paragraph")
    blocks = lib.lessons.get(lid).blocks
    assert {b.text[:24]: b.user_translations for b in blocks if b.user_translations} == {CAFE: {"ja": MINE}}


POND = ORCHARD.with_name("pond_page.txt")


def test_an_edited_imported_note_follows_its_note_when_another_is_added_before_it(lib: Library) -> None:
    lid = lib.lessons.import_file(POND).lesson_id
    lib.editing.update_note(lid, "import:0", text="stone bridge: my own words for it.")
    page = POND.read_text(encoding="utf-8")
    herons = "Herons wait by the willow tree.※2\n\n"
    page = page.replace("Ducks gather near the reeds", herons + "Ducks gather near the reeds")
    page = page.replace("※1 stone bridge:", "※2 willow tree: a tree with long thin branches.\n\n※1 stone bridge:")
    assert reimport_from(lib, lid, page.encode()) == []
    assert lib.pages.lost == []
    notes = {n.marker: n.text for n in lib.lessons.get(lid).notes}
    assert notes == {"※2": "willow tree: a tree with long thin branches.", "※1": "stone bridge: my own words for it."}


def test_texts_are_matched_by_content_not_position() -> None:
    old = [
        "Ducks gather near the reeds at the edge of the pond.",
        "Older residents remember skating on the frozen pond.",
        "A volunteer group clears rubbish from the water each month.",
        "The owners plant twenty young trees each spring.",
    ]
    new = [
        "A volunteer group clears rubbish from the water every month.",  # moved up, one word changed
        "Something else entirely is written here now, about trains.",  # new, like none before
        "Ducks gather near the reeds at the edge of the pond.",
        "The owners plant twenty young trees each spring.",
    ]
    assert match_texts(old, new) == {0: 2, 2: 0, 3: 3}


def test_a_split_and_a_role_on_lines_the_source_edited_are_kept_and_named_by_their_text_now(lib: Library) -> None:
    lid = lib.lessons.import_file(ORCHARD).lesson_id
    cafe = next(b.text for b in lib.lessons.get(lid).blocks if b.text.startswith(CAFE))
    lib.pages.split(lid, n_of(lib, lid, CAFE), cafe.index("and slices"))
    lib.pages.set_role(lid, n_of(lib, lid, "Families pick"), "heading")
    data = changed("warm cider => hot cider").decode().replace("paper bags to take", "cloth bags to take")
    assert reimport_from(lib, lid, data.encode()) == []
    texts = [b.text for b in lib.lessons.get(lid).blocks]
    assert "A small cafe by the gate sells hot cider" in texts and "and slices of apple cake." in texts
    assert [d.text[:40] for d in lib.pages.decisions(lid)] == [
        "A small cafe by the gate sells hot cider",  # the line as the page has it now
        "Families pick fruit from the low branche",
    ]
    assert "cloth bags" in lib.pages.decisions(lid)[1].text
    lib.pages.undo(lid)
    lib.pages.undo(lid)
    assert [b.text for b in lib.lessons.get(lid).blocks if b.text.startswith(CAFE)] == [
        "A small cafe by the gate sells hot cider and slices of apple cake."
    ]
    assert all(b.kind == "paragraph" for b in lib.lessons.get(lid).blocks)
