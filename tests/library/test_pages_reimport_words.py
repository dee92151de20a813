"""A saved word's sentence follows a re-import that changed its paragraph's wording: the sentence is the
re-imported one most like it, and where the word is no longer in it, the re-import says so; a delete of
the paragraph and its undo then give the word its paragraph back (tests/data/pageview/ferry_page.txt)."""

from __future__ import annotations

from pathlib import Path

from library import Library
from library.sourcefile import reimport_from

FERRY = Path(__file__).resolve().parents[1] / "data" / "pageview" / "ferry_page.txt"
OLD = "Fishermen welcomed the change because the early boat leaves at five."
NEW = "Fishermen welcomed the timetable because the early boat leaves at five."


def _lesson(tmp_path: Path) -> tuple[Library, int, int]:
    lib = Library(tmp_path / "lib.db")
    lid = lib.lessons.import_file(FERRY).lesson_id
    pos = next(k for k, b in enumerate(lib.lessons.get(lid).blocks) if b.text == OLD)
    return lib, lid, pos


def _changed() -> bytes:
    return FERRY.read_bytes().replace(OLD.encode(), NEW.encode())


def test_a_saved_words_sentence_follows_the_reimported_wording(tmp_path: Path) -> None:
    lib, lid, pos = _lesson(tmp_path)
    lib.study.words.save("early", lesson_id=lid, block_pos=pos, sentence=OLD)
    reimport_from(lib, lid, _changed())
    saved = lib.study.words.get("early")
    assert saved is not None and (saved.block_pos, saved.sentence) == (pos, NEW)
    assert lib.pages.lost == []


def test_a_saved_word_no_longer_in_its_paragraph_is_said_and_comes_back_after_delete_and_undo(
    tmp_path: Path,
) -> None:
    lib, lid, pos = _lesson(tmp_path)
    lib.study.words.save("change", lesson_id=lid, block_pos=pos, sentence=OLD)
    reimport_from(lib, lid, _changed())
    assert len(lib.pages.lost) == 1
    said = lib.pages.lost[0]
    assert said.startswith("your saved word “change” is no longer in its sentence, now “Fishermen welcomed the")
    assert said.endswith("” (the word is kept)")
    saved = lib.study.words.get("change")
    assert saved is not None and (saved.block_pos, saved.sentence) == (pos, NEW)
    n = next(ln.n for ln in lib.pages.lines(lid) if ln.text == NEW)
    lib.pages.delete(lid, n)
    lib.pages.undo(lid)
    saved = lib.study.words.get("change")
    assert saved is not None and saved.block_pos == pos
