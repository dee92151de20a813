"""Word levels, a lesson's level profile and readability, and its difficulty for the learner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from library import Library
from library.study.levels import WordLevel, level_text, readability_grade, word_band, word_level, word_level_info

# A paragraph of our own. Each word's level, counted by hand from cefrpy's list (the easiest part of
# speech of the word or of its lemma):
#   A1 (25): Every morning walks his old dog to the river The the of the town but that its bridges
#            were and the was He about it
#   A2 (1): argued   B1 (2): mayor praised   B2 (1): unsafe   C1 (1): obsolete
#   C2 (2): resilience levee   unlisted (1): blogged   names, not levelled (2): Tomas Tomas
PARAGRAPH = (
    "Every morning, Tomas walks his old dog to the river. The mayor praised the resilience of the town,"
    " but Tomas argued that its bridges were obsolete and the levee was unsafe. He blogged about it."
)
HAND_COUNT = {"A1": 25, "A2": 1, "B1": 2, "B2": 1, "C1": 1, "C2": 2, "unlisted": 1}


def test_a_paragraph_is_levelled_as_counted_by_hand() -> None:
    found = level_text([PARAGRAPH])
    assert found.counts == HAND_COUNT
    assert (found.words, found.names, found.sentences) == (33, 2, 3)


# A paragraph of our own with words levelled through a guessed lemma, a contraction, a compound and
# a possessive, counted by hand from cefrpy's list (the easiest part of speech), lemminflect's lemmas
# and wordfreq's Zipf frequencies (a lemma guessed for a plural lemminflect lacks counts where it is
# a word, at Zipf 3 or more):
#   A1 (19): keeps her on an old phone The can't (can + not) it and she won't (will + not) miss them
#            In the the to city's (city)
#   A2 (3): reach chefs serve      B2 (1): well-known (the list lacks it: its hardest part, known)
#   C2 (3): playlists (lemminflect lacks it; playlist is a word, Zipf 3.6), sushis (sushi),
#           commuters
#   unlisted (3): influencers ringtones megacities (the list lacks them; influencer, ringtone and
#                 megacity are below Zipf 3: 2.95, 2.99, 1.98)
#   names, not levelled (2): Mira Kell (first in a sentence, before a capital: the list has them as
#                 names only)
#   syllables (39): pyphen's points plus one, word by word: Mi-ra in-flu-encers ring-tones
#                   megac-i-ties well--known com-muters, and one each for the other 25
GUESSED = (
    "Mira Kell keeps her playlists on an old phone. The influencers' ringtones can't reach it, and"
    " she won't miss them. In the megacities, well-known chefs serve sushis to the city's commuters."
)
GUESSED_COUNT = {"A1": 19, "A2": 3, "B1": 0, "B2": 1, "C1": 0, "C2": 3, "unlisted": 3}
GUESSED_LEMMAS = {"playlists": "playlist", "sushis": "sushi", "commuters": "commuter", "chefs": "chef",
                  "influencers": "influencers", "ringtones": "ringtones", "megacities": "megacities"}


def test_a_paragraph_of_guessed_lemmas_contractions_and_compounds_is_levelled_as_counted_by_hand() -> None:
    found = level_text([GUESSED])
    assert found.counts == GUESSED_COUNT
    assert (found.words, found.names, found.sentences, found.syllables) == (29, 2, 3, 39)
    assert all(found.lemmas[lemma] == 1 for lemma in GUESSED_LEMMAS.values())


# The same paragraph by frequency band, counted by hand from wordfreq's ranks of each word or its
# lemma, whichever is commoner (names left out):
#   1k (23): Every morning walks his old dog to the river The the of the town but that its were and
#            the was He about it      2k (2): river bridges      5k (3): mayor praised argued
#   rarer (5): resilience obsolete levee unsafe blogged
BAND_COUNT = {"1k": 23, "2k": 2, "5k": 3, "10k": 0, "rarer": 5}


def test_a_paragraph_is_banded_by_frequency_as_counted_by_hand() -> None:
    assert level_text([PARAGRAPH], bands=True).bands == BAND_COUNT
    assert level_text([PARAGRAPH]).bands == {}  # not asked for: wordfreq's list is not needed
    assert word_band("went") == word_band("go") == "1k"  # a form is as common as its lemma at least
    assert word_band("autonomy") == "10k" and word_band("chatbot") == "rarer"


def test_inflected_forms_take_their_lemmas_level() -> None:
    assert word_level("went") == word_level("go") == "A1"
    assert word_level("accessed") == word_level("access") == "B1"
    assert word_level("Autonomy") == "B2"
    assert word_level("well-known") == "B2"  # a compound the list lacks: its hardest part
    assert word_level("company’s") == word_level("company")
    assert word_level("chatbot") is None


def test_names_are_not_levelled_but_the_same_word_in_lower_case_is() -> None:
    assert level_text(["We flew to China last year."]).names == 1
    found = level_text(["We flew to China last year. The china cup broke."])
    assert found.names == 0 and found.words == 10
    assert level_text(["Then I said that I was ready."]).names == 0  # the pronoun is no name
    # At the start of a sentence a capital says nothing: the word is levelled.
    assert level_text(["Reuters said so."]).names == 0


def test_readability_grade_is_flesch_kincaid() -> None:
    assert readability_grade(20, 2, 30) == pytest.approx(0.39 * 10 + 11.8 * 1.5 - 15.59)
    assert readability_grade(0, 0, 0) == 0.0
    easy = level_text(["The cat sat. The dog ran. We had fun."]).grade
    hard = level_text([PARAGRAPH]).grade
    assert easy < hard


def _page(tmp_path: Path, body: str = PARAGRAPH) -> Path:
    page = tmp_path / "page.txt"
    page.write_text(f"Tomas and the River\n\n{body}\n", encoding="utf-8")
    return page


def test_difficulty_is_stored_at_import_and_follows_status_changes(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = lib.lessons.import_file(_page(tmp_path)).lesson_id
        levels = lib.study.levels
        assert levels.pending() == 1
        assert levels.level_pending() == 1 and levels.pending() == 0
        first = levels.of(lesson_id)
        assert first is not None and first.counts == HAND_COUNT
        assert first.unknown_share == 1.0
        words = lib.study.words
        words.save("the", "known")  # 5 running words
        words.save("dog", "ignored")  # ignored counts as known: 1
        words.save("mayor", "learning")  # learning does not
        assert levels.all()[lesson_id].known == 6
        words.save("walked", "known")  # saved under walk: 1 more
        assert levels.all()[lesson_id].known == 7
        words.set_status("the", "learning")
        assert levels.all()[lesson_id].known == 2
        words.remove("dog")
        words.save("Tomas", "known")  # a name: not among the running words
        done = levels.all()[lesson_id]
        assert done.known == 1 and done.unknown_share == pytest.approx(32 / 33)
        assert levels.unknown_shares() == {lesson_id: pytest.approx(32 / 33)}  # what the list shows


def test_a_new_lesson_counts_words_the_learner_knew_before(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lib.study.words.save("river", "known")
        lesson_id = lib.lessons.import_file(_page(tmp_path)).lesson_id
        found = lib.study.levels.of(lesson_id)  # levelled on first use when no import step did it
        assert found is not None and found.known == 1


def test_each_learner_has_their_own_difficulty(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = lib.lessons.import_file(_page(tmp_path)).lesson_id
        lib.study.levels.level_pending()
        lib.study.words.save("river", "known")
        lib.profiles.switch("Ken", create=True)
        found = lib.study.levels.of(lesson_id)
        assert found is not None and found.known == 0
        lib.profiles.switch("Default")
        again = lib.study.levels.of(lesson_id)
        assert again is not None and again.known == 1


def test_an_old_library_is_upgraded_and_its_lessons_levelled(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(Path(__file__).parents[2] / "fixtures" / "library_v1.db", old)
    with Library(old) as lib:
        ids = [row.id for row in lib.lessons.list()]
        assert ids and lib.study.levels.pending() == len(ids)
        lib.study.levels.level_pending()
        assert set(lib.study.levels.all()) == set(ids)
        lib.lessons.delete(ids[0])  # the levels go with the lesson
        assert ids[0] not in lib.study.levels.all()


def test_a_word_the_list_lacks_gets_a_level_estimated_from_its_band() -> None:
    assert word_level("hello") is None and word_level("website") is None  # cefrpy lists neither
    assert word_level_info("hello") == WordLevel("A2", "2k", estimated=True)
    assert word_level_info("website") == WordLevel("A1", "1k", estimated=True)
    assert word_level_info("went") == WordLevel("A1", "1k")  # listed: cefrpy's level, not estimated
    assert word_level_info("chatbot") == WordLevel(None, "rarer")  # too rare to estimate
    assert word_level_info("website").to_json() == {"level": "A1", "level_estimated": True, "band": "1k"}


def test_lessons_levelled_with_other_word_levels_are_levelled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from library.study import level_table

    with Library(tmp_path / "lib.db") as lib:
        lesson_id = lib.lessons.import_file(_page(tmp_path)).lesson_id
        levels = lib.study.levels
        assert levels.level_pending() == 1
        # What an older levelling might have stored: other counts, and lemmas under other keys.
        lib.db.execute("UPDATE lesson_levels SET a1 = 3, c2 = 9")
        lib.db.execute("UPDATE lesson_lemmas SET lemma = 'old-' || lemma")
        lib.db.conn.commit()
        # Up to date: nothing is pending, and what is stored is left as it is.
        assert levels.pending() == 0 and levels.level_pending() == 0
        kept = levels.of(lesson_id)
        assert kept is not None and (kept.counts["A1"], kept.counts["C2"]) == (3, 9)
        # A program whose word levels are otherwise: every lesson is levelled again, once.
        monkeypatch.setattr(level_table, "LEVELS_VERSION", level_table.LEVELS_VERSION + "-next")
        assert levels.pending() == 1
        assert levels.level_pending() == 1 and levels.pending() == 0 and levels.level_pending() == 0
        again = levels.of(lesson_id)
        assert again is not None and again.counts == HAND_COUNT
        lib.study.words.save("the", "known")  # the lemma counts are keyed by lemma again: 5 running words
        assert levels.all()[lesson_id].known == 5


def test_an_upgraded_library_levels_its_lessons_again(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lesson_id = lib.lessons.import_file(_page(tmp_path)).lesson_id
        lib.study.levels.level_pending()
    # The file as schema 6 had it: no stamp on the stored levels, which are an older program's.
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE lesson_levels DROP COLUMN levels_version")
    conn.execute("UPDATE lesson_levels SET a1 = 3")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    with Library(path) as lib:
        assert lib.study.levels.pending() == 1
        lib.study.levels.level_pending()
        found = lib.study.levels.of(lesson_id)
        assert found is not None and found.counts == HAND_COUNT
