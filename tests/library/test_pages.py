"""The page view: a lesson's lines with their roles, decisions laid over them, the lesson assembled
again, and what the user made over it kept on the text it belongs to."""

from __future__ import annotations

from pathlib import Path

import pytest

from library import Anchor, Library
from library.pagelines import DecisionError, Role

GARDEN = Path(__file__).resolve().parents[1] / "data" / "pageview" / "garden_page.txt"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.db")


@pytest.fixture
def garden(lib: Library) -> int:
    return lib.lessons.import_file(GARDEN).lesson_id


def n_of(lib: Library, lid: int, start: str) -> int:
    return next(ln.n for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def role_of(lib: Library, lid: int, start: str) -> Role:
    return next(ln.role for ln in lib.pages.lines(lid) if ln.text.startswith(start))


def block_of(lib: Library, lid: int, start: str) -> int:
    return next(i for i, b in enumerate(lib.lessons.get(lid).blocks) if b.text.startswith(start))


def test_every_line_has_a_number_role_and_text_in_page_order(lib: Library, garden: int) -> None:
    lines = lib.pages.lines(garden)
    assert [ln.n for ln in lines] == sorted(ln.n for ln in lines)
    assert lines[0].role == Role.TITLE and lines[0].text == "Saturday Morning Notes"
    translations = [ln for ln in lines if ln.role == Role.TRANSLATION]
    assert translations and all(ln.target is not None for ln in translations)
    assert all(0.0 <= ln.confidence <= 1.0 for ln in lines)
    text = GARDEN.read_text(encoding="utf-8")
    assert all(ln.text in text for ln in lines)  # nothing made up, nothing but the page's lines


def test_reference_lesson_lines_name_every_role_it_has(lib: Library, reference_path: Path) -> None:
    lid = lib.lessons.import_file(reference_path).lesson_id
    lines = lib.pages.lines(lid)
    roles = {ln.role for ln in lines}
    assert {Role.TITLE, Role.CAPTION, Role.HEADING, Role.PARAGRAPH, Role.TRANSLATION, Role.NOTE, Role.GLOSSARY} <= roles
    lesson = lib.lessons.get(lid)
    # Each note's lines name the note; the three-paragraph note ※3 is three lines of one note.
    by_note = [[ln.text for ln in lines if ln.note == i] for i in range(len(lesson.notes))]
    assert [len(x) for x in by_note] == [1, 1, 3, 1]
    assert all(x[0].startswith(n.marker) for x, n in zip(by_note, lesson.notes, strict=True))
    # Where the importer warned, the line says how sure it was: the caption the page repeats.
    warned = {w.text: w.confidence for w in lesson.warnings}
    assert any(ln.confidence < 1.0 for ln in lines)
    assert all(ln.confidence == warned[ln.text] for ln in lines if ln.confidence < 1.0)


def test_make_a_line_the_title(lib: Library, garden: int) -> None:
    lib.pages.set_role(garden, n_of(lib, garden, "City Gardens"), "title")
    lesson = lib.lessons.get(garden)
    assert lesson.title == "City Gardens Bring Neighbors Together"
    assert "City Gardens Bring Neighbors Together" not in [b.text for b in lesson.blocks]
    # A page has one title: the old one is what the importer takes such a line for, a heading over the
    # longer line after it, never site text, and no "?" is left on it.
    assert role_of(lib, garden, "Saturday Morning") == Role.HEADING
    assert "Saturday Morning Notes" in [b.text for b in lesson.blocks]
    assert "Saturday Morning Notes" not in lesson.dropped
    assert not [w for w in lesson.warnings if w.text == "Saturday Morning Notes"]
    assert next(ln for ln in lib.pages.lines(garden) if ln.text.startswith("Saturday")).confidence == 1.0
    lib.pages.undo(garden)
    assert role_of(lib, garden, "Saturday Morning") == Role.TITLE


def test_four_paragraphs_become_glossary_entries(lib: Library, garden: int) -> None:
    for word in ("lot ", "neighbor ", "retired ", "volunteer "):
        lib.pages.set_role(garden, n_of(lib, garden, word), "glossary")
    lesson = lib.lessons.get(garden)
    assert [g.term for g in lesson.glossary] == ["lot", "neighbor", "retired", "volunteer"]
    assert lesson.glossary[1].definition == "a person who lives near you"
    assert not any(b.text.startswith(("lot ", "neighbor ", "retired ", "volunteer ")) for b in lesson.blocks)


def test_two_lines_become_site_text(lib: Library, garden: int) -> None:
    lib.pages.set_role(garden, n_of(lib, garden, "Our team picks"), "site")
    lib.pages.set_role(garden, n_of(lib, garden, "Sign in to save"), "site")
    lesson = lib.lessons.get(garden)
    texts = [b.text for b in lesson.blocks]
    assert not any(t.startswith(("Our team", "Sign in")) for t in texts)
    assert {
        "Our team picks three new stories for you every single week.",
        "Sign in to save this story and read it again later on.",
    } <= set(lesson.dropped)


def test_a_translation_is_attached_to_another_paragraph(lib: Library, garden: int) -> None:
    teacher = block_of(lib, garden, "One retired teacher")
    lib.pages.set_role(garden, n_of(lib, garden, "退職した先生"), "translation", to=teacher)
    lesson = lib.lessons.get(garden)
    assert lesson.blocks[teacher].translation("ja") == "退職した先生は、庭が毎日家を出る理由になったと言いました。"
    assert lesson.blocks[block_of(lib, garden, "Volunteers")].translation() is None
    line = next(ln for ln in lib.pages.lines(garden) if ln.text.startswith("退職した先生"))
    assert line.target == teacher


def test_join_and_split_paragraphs(lib: Library, garden: int) -> None:
    n = n_of(lib, garden, "One retired teacher")
    first = lib.lessons.get(garden).blocks[block_of(lib, garden, "One retired teacher")].text
    lib.pages.join(garden, n)  # the line after it is the translation of the paragraph after
    lesson = lib.lessons.get(garden)
    joined = lesson.blocks[block_of(lib, garden, "One retired teacher")].text
    assert joined.startswith(first + " ") and joined.endswith("young plants.")
    lib.pages.split(garden, n, len(first))
    lesson = lib.lessons.get(garden)
    pos = block_of(lib, garden, "One retired teacher")
    assert lesson.blocks[pos].text == first
    assert lesson.blocks[pos + 1].text.startswith("Volunteers also teach")


def test_fix_a_typo(lib: Library, garden: int) -> None:
    n = n_of(lib, garden, "Many of the gardeners")
    lib.pages.set_text(garden, n, "Many of the gardeners had never met before they began working side by side.")
    assert lib.lessons.get(garden).blocks[block_of(lib, garden, "Many of")].text.endswith("began working side by side.")


def test_undo_takes_the_last_decision_back(lib: Library, garden: int) -> None:
    before = lib.lessons.get(garden).to_json()
    lines_before = lib.pages.lines(garden)
    lib.pages.set_role(garden, n_of(lib, garden, "lot "), "glossary")
    assert lib.lessons.get(garden).to_json() != before
    lib.pages.undo(garden)
    assert lib.lessons.get(garden).to_json() == before
    assert lib.pages.lines(garden) == lines_before
    assert lib.pages.undo(garden) is None  # nothing left to undo


def test_window_undo_through_the_snapshot_reassembles(lib: Library, garden: int) -> None:
    before = lib.lessons.get(garden).to_json()
    snap = lib.editing.snapshot(garden)
    lib.pages.set_role(garden, n_of(lib, garden, "Our team picks"), "site")
    assert lib.lessons.get(garden).to_json() != before
    lib.editing.restore(garden, snap)
    assert lib.lessons.get(garden).to_json() == before


def test_window_undo_and_redo_move_the_reading_position_back_and_forth(lib: Library, garden: int) -> None:
    lib.lessons.set_position(garden, block_of(lib, garden, "Volunteers"))
    at_first = lib.lessons.position(garden)
    snap = lib.editing.snapshot(garden)
    lib.pages.set_role(garden, n_of(lib, garden, "Our team picks"), "site")
    lib.pages.set_role(garden, n_of(lib, garden, "City Gardens"), "title")
    after = lib.editing.snapshot(garden)
    assert lib.lessons.position(garden) == at_first - 1  # two blocks out, the old title one in
    lib.editing.restore(garden, snap)  # undo, as the window does it
    assert lib.lessons.position(garden) == at_first == block_of(lib, garden, "Volunteers")
    lib.editing.restore(garden, after)  # redo
    assert lib.lessons.position(garden) == at_first - 1 == block_of(lib, garden, "Volunteers")


def test_wrong_line_role_or_target_is_a_one_line_error(lib: Library, garden: int) -> None:
    with pytest.raises(DecisionError, match="no line 999"):
        lib.pages.set_role(garden, 999, "title")
    with pytest.raises(DecisionError, match="no such role"):
        lib.pages.set_role(garden, 1, "banner")
    with pytest.raises(DecisionError, match="no paragraph 99"):
        lib.pages.set_role(garden, n_of(lib, garden, "退職"), "translation", to=99)
    assert lib.pages.decisions(garden) == []


def test_user_translation_stays_on_its_paragraph_after_a_role_change_above_it(lib: Library, garden: int) -> None:
    lib.editing.set_translation(garden, block_of(lib, garden, "Across the city"), "ja", "市内のあちこちで")
    lib.pages.set_role(garden, n_of(lib, garden, "Our team picks"), "site")  # a block above it goes
    lesson = lib.lessons.get(garden)
    assert lesson.blocks[block_of(lib, garden, "Across the city")].translation("ja") == "市内のあちこちで"
    lib.pages.set_role(garden, n_of(lib, garden, "Saturday Morning"), "heading")  # a block above it comes
    lesson = lib.lessons.get(garden)
    assert lesson.blocks[block_of(lib, garden, "Across the city")].translation("ja") == "市内のあちこちで"


def test_reading_position_follows_its_paragraph(lib: Library, garden: int) -> None:
    lib.lessons.set_position(garden, block_of(lib, garden, "Volunteers"))
    lib.pages.set_role(garden, n_of(lib, garden, "City Gardens"), "title")
    lib.pages.set_role(garden, n_of(lib, garden, "Our team picks"), "site")
    assert lib.lessons.position(garden) == block_of(lib, garden, "Volunteers")


def note_on(lib: Library, lid: int, word: str, start: str) -> str:
    """A user's note anchored on the last `word` in the paragraph starting `start` (the word is there
    more than once: finding it by its text alone would take the first); returns its reference."""
    pos = block_of(lib, lid, start)
    text = lib.lessons.get(lid).blocks[pos].text
    at = text.rindex(word)
    assert text.index(word) != at
    return lib.editing.add_note(lid, "a note", Anchor(pos, at, at + len(word)))


def anchored(lib: Library, lid: int, ref: str) -> tuple[str, str]:
    """The anchored words, and the paragraph's text from them on."""
    lesson = lib.lessons.get(lid)
    note = next(n for n in lesson.notes if n.ref == ref)
    assert note.anchor is not None
    text = lesson.blocks[note.anchor.block].text
    return text[note.anchor.start : note.anchor.end], text[note.anchor.start :]


def test_note_stays_on_its_term_through_join_split_and_edit(lib: Library, garden: int) -> None:
    ref = note_on(lib, garden, "plant", "Volunteers")
    on = ("plant", "plants.")
    first = n_of(lib, garden, "One retired teacher")
    length = len(lib.lessons.get(garden).blocks[block_of(lib, garden, "One retired")].text)
    lib.pages.join(garden, first)
    assert anchored(lib, garden, ref) == on
    lib.pages.split(garden, first, length + 1)
    assert anchored(lib, garden, ref) == on
    lib.pages.set_role(garden, n_of(lib, garden, "Our team"), "site")
    assert anchored(lib, garden, ref) == on
    lib.pages.set_text(
        garden, n_of(lib, garden, "Volunteers"), "Volunteers teach children to plant seeds and grow plants."
    )
    assert anchored(lib, garden, ref) == on


def test_work_on_a_paragraph_given_another_role_is_kept_unseen_and_comes_back(lib: Library, garden: int) -> None:
    pos = block_of(lib, garden, "One retired teacher")
    lib.editing.set_translation(garden, pos, "ja", "退職した先生の訳")
    lib.editing.add_question(garden, pos, "Who spoke?", "A teacher")
    ref = note_on(lib, garden, "e", "One retired teacher")
    before = lib.lessons.get(garden).to_json()
    lib.search.index_pending()
    assert [h.block_pos for h in lib.search.query("退職した先生の訳")] == [pos]
    n = n_of(lib, garden, "One retired teacher")
    lib.pages.set_role(garden, n, "site")
    lib.search.index_pending()
    lesson = lib.lessons.get(garden)
    assert "退職した先生の訳" not in [t for b in lesson.blocks for t in b.all_translations.values()]
    assert lesson.questions == [] and next(x for x in lesson.notes if x.ref == ref).anchor is None
    assert lib.search.query("退職した先生の訳") == []  # not found on a paragraph it is not on
    lib.pages.set_role(garden, n, "paragraph")  # made a paragraph again (not an undo): all of it is back
    assert lib.lessons.get(garden).to_json() == before


def test_word_levels_are_worked_out_again_after_a_change(lib: Library, garden: int) -> None:
    lib.study.levels.level_pending()

    def running_words() -> int:
        row = lib.db.execute(
            "SELECT a1 + a2 + b1 + b2 + c1 + c2 + unlisted + names FROM lesson_levels WHERE lesson_id = ?", [garden]
        ).fetchone()
        return int(row[0])

    before = running_words()
    for word in ("lot ", "neighbor ", "retired ", "volunteer "):
        lib.pages.set_role(garden, n_of(lib, garden, word), "glossary")
    assert lib.study.levels.level_pending() == 1
    assert running_words() < before


def test_a_change_made_elsewhere_meanwhile_is_not_built_on(
    lib: Library, garden: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assemble = lib.pages._assemble

    def while_another_window_changes_the_lines(lesson_id: int, decisions: tuple) -> object:  # type: ignore[type-arg]
        page = assemble(lesson_id, decisions)
        with Library(tmp_path / "lib.db") as other:  # between this window's reading and its writing
            other.pages.set_role(garden, n_of(other, garden, "Our team picks"), "site")
        return page

    monkeypatch.setattr(lib.pages, "_assemble", while_another_window_changes_the_lines)
    with pytest.raises(DecisionError, match="another window"):
        lib.pages.set_role(garden, n_of(lib, garden, "Sign in"), "site")
    monkeypatch.undo()
    assert [d.text[:12] for d in lib.pages.decisions(garden)] == ["Our team pic"]


def test_edit_mode_paragraph_edits(lib: Library, garden: int) -> None:
    many = block_of(lib, garden, "Many of the gardeners")
    first = lib.lessons.get(garden).blocks[many].text
    ref = note_on(lib, garden, "e", "One retired teacher")  # on the last "e" of the paragraph after it
    on = anchored(lib, garden, ref)
    original = lib.lessons.get(garden).to_json()
    # Joined past the translation line between them: the translation stays one.
    lib.pages.join_paragraphs(garden, many)
    lesson = lib.lessons.get(garden)
    joined = lesson.blocks[many].text
    assert joined.startswith(first + " One retired teacher") and joined.endswith("every day.")
    assert lesson.blocks[many].translation("ja") == "その多くは、一緒に作業を始めるまで会ったこともありませんでした。"
    assert anchored(lib, garden, ref) == on
    lib.pages.split_paragraph(garden, many, len(first) + 1)
    assert lib.lessons.get(garden).blocks[many + 1].text.startswith("One retired teacher")
    assert anchored(lib, garden, ref) == on
    lib.pages.move_paragraph(garden, many, 1)
    assert lib.lessons.get(garden).blocks[many].text.startswith("One retired teacher")
    lib.pages.edit_paragraph(garden, many, "One retired teacher said the garden gave her a reason to go out every day.")
    lib.pages.delete_paragraph(garden, many + 1)
    assert not any(b.text.startswith("Many of") for b in lib.lessons.get(garden).blocks)
    for _ in range(5):
        lib.pages.undo(garden)
    assert lib.lessons.get(garden).to_json() == original
    with pytest.raises(DecisionError, match="no paragraph 99"):
        lib.pages.edit_paragraph(garden, 99, "x")
