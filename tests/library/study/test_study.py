"""Studying in the library: the dictionary, my words, review, progress and export (no Qt)."""

from __future__ import annotations

import csv
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from library import Library
from library.study import dictionary as dictionary_module
from library.study.dictionary import Dictionary, gloss_keys
from library.study.export import export_anki, export_csv
from library.study.words import sentence_at
from library.wordforms import compile_forms, forms_of, lemma_of
from tests.study_data import install_tiny_dictionary, write_other_lesson


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    library = Library(tmp_path / "lib.db")
    yield library  # type: ignore[misc]
    library.close()


def test_lemmas_and_forms() -> None:
    assert lemma_of("accessed") == "access"
    assert lemma_of("Addresses") == "address"
    assert lemma_of("took part") == "take part"
    assert lemma_of("used") == "use"
    assert {"access", "accessed", "accesses", "accessing"} <= forms_of("access")
    assert "took part" in forms_of("take part")
    pattern = compile_forms(forms_of("autonomy") | forms_of("take part"))
    assert pattern is not None
    text = "Autonomy's value; they took  part. Non-autonomy, autonomyish."
    assert [m.group() for m in pattern.finditer(text)] == ["Autonomy", "took  part"]


def test_gloss_keys_strip_particles_and_notes() -> None:
    assert [k for k, _ in gloss_keys("to access (e.g. a computer)")] == ["access"]
    assert [k for k, _ in gloss_keys("autonomy; self-government")] == ["autonomy", "self-government"]
    assert gloss_keys("a very long definition that is not a key at all") == []


def test_own_dictionary_finds_inflected_forms() -> None:
    dictionary = install_tiny_dictionary()
    found = dictionary.lookup("Accessed")
    assert found.lemmas == ["access", "accessed"]  # the lemma is tried first: an inflected word ranks as it
    assert found.japanese() == ["アクセス"]
    assert found.senses[0].source == "user:tiny"
    assert dictionary.lookup("took part").japanese() == ["参加する"]
    assert dictionary.lookup("autonomy").japanese() == ["自治", "自主性"]
    assert dictionary.lookup("zebra").senses == []


def test_importing_again_replaces_the_same_dictionary(tmp_path: Path) -> None:
    dictionary = install_tiny_dictionary()
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text("word,japanese\nzebra,シマウマ\n", encoding="utf-8")
    assert dictionary.import_file(csv_file) == 1
    assert dictionary.import_file(csv_file) == 1
    assert dictionary.sources() == {"user:mine": 1, "user:tiny": 5}
    assert dictionary.lookup("zebras").japanese() == ["シマウマ"]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02 just one column\n")
    with pytest.raises(dictionary_module.DictionaryError):
        dictionary.import_file(bad)


def test_without_the_package_the_state_says_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)
    dictionary = Dictionary(tmp_path / "d.db")
    assert dictionary.jmdict_state() == "missing"
    with pytest.raises(dictionary_module.DictionaryError, match="pip install"):
        dictionary.build_jmdict()
    assert dictionary.lookup("access", auto_build=True).jmdict == "missing"


def test_saving_words_and_phrases(lib: Library) -> None:
    words = lib.study.words
    saved = words.save("autonomy", "learning", sentence="They want autonomy.", sentence_translation="自治を求める。")
    assert (saved.lemma, saved.status) == ("autonomy", "learning")
    again = words.save("Autonomy", "known", note="self-rule")
    assert again.id == saved.id and again.sentence == "They want autonomy." and again.note == "self-rule"
    words.save("took part", "new")
    assert words.get("takes part") is not None
    assert words.counts() == {"new": 1, "learning": 0, "known": 1, "ignored": 0}
    marks = words.marks()
    found = [(s, e, st) for s, e, st in marks.find("Autonomy matters. She takes part, we took part.")]
    assert [st for *_, st in found] == ["known", "new", "new"]
    assert words.remove("autonomy") and words.get("autonomy") is None
    with pytest.raises(ValueError):
        words.save("x", "forgotten")


def test_sentence_at_finds_the_sentence() -> None:
    text = "OpenAI shut it down. Supporters want autonomy for the region! Others do not."
    assert sentence_at(text, text.index("autonomy")) == "Supporters want autonomy for the region!"


def test_review_schedules_with_fsrs(lib: Library) -> None:
    words, review = lib.study.words, lib.study.review
    word = words.save("autonomy", "new")
    words.save("chatbot", "known")
    now = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
    assert review.due_count(now) == 1
    assert [d.word.text for d in review.due(now)] == ["autonomy"]
    preview = review.preview(word.id, now)
    assert set(preview) == {1, 2, 3, 4} and preview[1].endswith("m")
    due = review.grade(word.id, 3, now)
    assert due > now
    assert review.due_count(now) == 0
    assert words.get("autonomy").status == "learning"  # type: ignore[union-attr]
    assert review.due_count(now + timedelta(days=30)) == 1
    assert review.reviewed_count() == 1


def test_progress_counts_and_levels(lib: Library, tmp_path: Path) -> None:
    lesson_id = lib.lessons.import_file(write_other_lesson(tmp_path)).lesson_id
    before = {lv.lesson_id: lv for lv in lib.study.progress.levels()}[lesson_id]
    assert before.unknown == before.distinct > 10
    for w in ("many", "schools", "now", "give", "students", "more", "autonomy"):
        lib.study.words.save(w, "known")
    after = {lv.lesson_id: lv for lv in lib.study.progress.levels()}[lesson_id]
    assert after.unknown == before.unknown - 7  # "students" and "schools" count once each
    lib.lessons.set_position(lesson_id, 0, 1.0)
    summary = lib.study.progress.summary()
    assert summary.lessons_finished == 1 and summary.words_read == lib.lessons.list()[0].word_count
    assert summary.counts["known"] == 7
    assert summary.known_over_time[-1][1] == 7


def test_anki_export_is_a_collection_with_stable_ids(lib: Library, tmp_path: Path) -> None:
    words = lib.study.words
    words.save(
        "autonomy",
        "learning",
        gloss="自治",
        sentence="They want more autonomy.",
        sentence_translation="彼らはさらなる自治を求めている。",
    )
    words.save("access", "new", sentence="Users accessed it.")
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert export_anki(words.list(), first) == 2
    export_anki(words.list(), second)

    def notes(path: Path) -> list[tuple[str, str]]:
        with zipfile.ZipFile(path) as z:
            (tmp_path / "x").mkdir(exist_ok=True)
            db = z.extract("collection.anki2", tmp_path / "x" / path.stem)
        conn = sqlite3.connect(db)
        try:
            return sorted(conn.execute("SELECT guid, flds FROM notes").fetchall())
        finally:
            conn.close()

    a, b = notes(first), notes(second)
    assert [g for g, _ in a] == [g for g, _ in b]  # a re-export updates the same notes
    fields = {f.split("\x1f")[0]: f.split("\x1f") for _, f in a}
    assert "They want more <b>autonomy</b>." in fields["autonomy"]
    assert "彼らはさらなる自治を求めている。" in fields["autonomy"]
    assert export_csv(words.list(), tmp_path / "w.csv") == 2
    rows = list(csv.reader((tmp_path / "w.csv").open(encoding="utf-8-sig")))
    assert rows[0][:3] == ["word", "lemma", "status"] and {r[0] for r in rows[1:]} == {"autonomy", "access"}


def test_marks_find_whole_words_only_even_inside_a_rejected_phrase(lib: Library) -> None:
    for word in ("took part", "part", "art"):
        lib.study.words.save(word, "learning")
    marks = lib.study.words.marks()
    text = "He mistook part of it. Art, art-house and start: they took part."
    found = [(text[s:e], status) for s, e, status in marks.find(text)]
    # "mistook part" is not "took part", but its "part" is a word of its own; "art" inside
    # "start" and the hyphenated "art-house" are not marked.
    assert found == [("part", "learning"), ("Art", "learning"), ("took part", "learning")]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessives_are_the_word_itself(lib: Library, apostrophe: str) -> None:
    assert lemma_of(f"Company{apostrophe}s") == "company"
    assert lemma_of(f"companies{apostrophe}") == "company"
    assert lemma_of(f"Austria{apostrophe}s") == "austria"
    dictionary = install_tiny_dictionary()
    found = dictionary.lookup(f"autonomy{apostrophe}s")
    assert found.lemmas[0] == "autonomy" and found.japanese() == ["自治", "自主性"]  # looked up as the word
    saved = lib.study.words.save(f"Autonomy{apostrophe}s", "learning")
    assert saved.lemma == "autonomy" and lib.study.words.get("autonomy") is not None
    text = "The region’s autonomy's limits. Autonomy grew."
    marks = lib.study.words.marks()
    # The possessive as saved is marked whole; the bare word is marked as the same word.
    assert [text[s:e] for s, e, _ in marks.find(text)] == ["autonomy's", "Autonomy"]
