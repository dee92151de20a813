"""Known words seeded at once (a CEFR level, the most common words, an Anki deck, a word list) and
taken back; and Read next, which orders lessons by their share of words unknown to the learner."""

from __future__ import annotations

import zipfile
from pathlib import Path

import genanki
import pytest

from library import Library
from library.errors import ImportRefused
from library.study import seeding
from library.study.read_next import parse_band
from tests.library.study.test_levels import PARAGRAPH


def make_apkg(path: Path, fronts: list[str], backs: list[str] | None = None) -> Path:
    """A small Anki deck with one note a front (the back says what it means, or is `backs`')."""
    model = genanki.Model(
        1607392319,
        "Simple",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(2059400110, "My deck")
    for i, front in enumerate(fronts):
        back = backs[i] if backs is not None else f"meaning {i}"
        deck.add_note(genanki.Note(model=model, fields=[front, back], guid=f"g{i}"))
    genanki.Package(deck).write_to_file(str(path))
    return path


def test_a_level_seeds_its_base_forms_and_names_are_left_out() -> None:
    a1 = seeding.level_words("A1")
    a2 = seeding.level_words("a2")
    assert {"river", "dog", "morning", "go"} <= set(a1)
    assert set(a1) < set(a2) and "argue" in set(a2) - set(a1)  # argued is A2
    assert "went" not in a1 and "resilience" not in a2  # a form goes as its lemma; C2 is not A2
    assert not {"london", "john", "tomas"} & set(a2)
    assert 1000 < len(a1) < len(a2) < 5000
    with pytest.raises(ValueError):
        seeding.level_words("D1")


def test_a_level_seeds_real_words_only_not_fragments_or_names() -> None:
    a2 = set(seeding.level_words("A2"))
    # Fragments, abbreviations and names cefrpy lists at easy levels (found in a seeded library).
    assert not a2 & {"al", "lj", "eq", "il", "dc", "rs", "sh", "yer", "y", "york"}
    assert {"a", "i", "am", "by", "up", "go", "we", "cow", "egg", "pen", "zoo", "hat", "tea"} <= a2
    # Letters only, but for the contractions a beginner reads everywhere (can't, I'm), at their parts' level.
    assert all((w.isalpha() or w in seeding.CONTRACTIONS) and (len(w) > 1 or w in "ai") for w in a2)
    assert {"cannot", "can't", "i'm", "gonna"} <= a2


# Names written lower-case (cities, surnames, days, nationalities: capitalised-only words) and fragments
# wordfreq splits off or a plural leaves (pantie of panties): none is a word a learner knows.
NAMES_AND_FRAGMENTS = {"winnipeg", "windsor", "webb", "spencer", "madrid", "monday", "aa", "aaa", "lago", "pantie"}
EVERYDAY = {"the", "a", "i", "of", "and", "you", "be", "have", "go", "milk", "banana", "ok", "tv", "yeah"}


@pytest.mark.parametrize("source", ["level", "top"])
def test_names_and_fragments_are_not_seeded_as_known_words(source: str) -> None:
    words = set(seeding.level_words("A2") if source == "level" else seeding.top_words(10_000))
    assert not words & NAMES_AND_FRAGMENTS
    assert words >= EVERYDAY


def test_the_most_common_words_are_lemmas_in_frequency_order() -> None:
    top = seeding.top_words(2000)
    assert len(top) == len(set(top)) == 2000
    assert top[:3] == ["the", "to", "and"]
    assert top.index("be") < top.index("house") < top.index("river")  # is, was, were → be
    assert "autonomy" not in top and "was" not in top


def test_an_anki_deck_gives_each_notes_first_field_as_text(tmp_path: Path) -> None:
    deck = make_apkg(tmp_path / "deck.apkg", ["<b>river</b>", "take&nbsp;part", "<div>Mayor</div>", "<i></i>", "犬"])
    assert seeding.apkg_words(deck) == ["river", "take part", "Mayor", "", "犬"]
    broken = tmp_path / "broken.apkg"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ImportRefused, match="not an Anki deck"):
        seeding.apkg_words(broken)
    with zipfile.ZipFile(tmp_path / "new.apkg", "w") as z:
        z.writestr("collection.anki21b", b"\x28\xb5\x2f\xfd")
    with pytest.raises(ImportRefused, match="newest format"):
        seeding.apkg_words(tmp_path / "new.apkg")


def test_a_deck_that_is_not_one_is_refused_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_notes = tmp_path / "no_notes.apkg"
    with zipfile.ZipFile(no_notes, "w") as z:
        z.writestr("collection.anki2", b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(ImportRefused, match="not an Anki deck"):
        seeding.apkg_words(no_notes)
    with zipfile.ZipFile(tmp_path / "empty.apkg", "w") as z:
        z.writestr("media", b"{}")
    with pytest.raises(ImportRefused, match="no collection inside"):
        seeding.apkg_words(tmp_path / "empty.apkg")
    # A collection past the limit is refused from the zip's directory, before it is unpacked.
    deck = make_apkg(tmp_path / "deck.apkg", ["river"])
    monkeypatch.setattr(seeding, "MAX_COLLECTION", 1000)
    with pytest.raises(ImportRefused, match="MB unpacked"):
        seeding.apkg_words(deck)


def test_a_word_list_is_one_a_line_or_the_first_column_of_csv() -> None:
    assert seeding.list_words("river\n\n# my list\ntake part\n  dog  \n") == ["river", "take part", "dog"]
    assert seeding.list_words("access,アクセス\nchatbot,\"a, b\"\n") == ["access", "chatbot"]
    assert seeding.list_words("mayor\t市長\nlevee\t堤防\n") == ["mayor", "levee"]


def test_a_word_list_reads_each_lines_first_field_and_skips_a_header() -> None:
    # A line with no separator among CSV lines is one word, not the whole line of a sniffed dialect.
    assert seeding.list_words("beyond,向こう\nclaim,主張\nsoftware\n") == ["beyond", "claim", "software"]
    assert seeding.list_words("word,meaning\nrestricted,制限\n") == ["restricted"]
    assert seeding.list_words("English;日本語\nlevee;堤防\nriver\tかわ\n") == ["levee", "river"]
    assert seeding.list_words("river\nword\n") == ["river", "word"]  # "word" past the first row is a word


def test_seeded_words_are_lower_case_and_lemmatised_unless_names() -> None:
    prepared = seeding.prepare(["Suspended", "Investor", "Reuters", "NASA", "I"])
    found = {lemma: text for lemma, text, _forms in prepared.words}
    assert found == {"suspend": "suspended", "investor": "investor", "reuters": "Reuters", "nasa": "NASA", "i": "I"}


def _lesson(lib: Library, tmp_path: Path) -> int:
    page = tmp_path / "page.txt"
    page.write_text(f"Tomas and the River\n\n{PARAGRAPH}\n", encoding="utf-8")
    lesson_id = lib.lessons.import_file(page).lesson_id
    lib.study.levels.level_pending()
    return lesson_id


def test_seeding_marks_known_keeps_saved_words_and_undoes(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson_id = _lesson(lib, tmp_path)
        words = lib.study.words
        words.save("mayor", "learning")
        done = lib.study.seeding.seed(["River", "rivers", "dog", "Mayor", "the", "", "犬", "walked"])
        assert (done.marked, done.already) == (4, 1)  # river, dog, the, walk; mayor was saved
        assert words.get("mayor").status == "learning"  # type: ignore[union-attr]
        assert words.get("walk").status == "known"  # type: ignore[union-attr]
        found = lib.study.levels.of(lesson_id)
        # river 1, dog 1, the 5, walks 1 of the 33 running words
        assert found is not None and found.known == 8
        assert lib.study.levels.unknown_shares()[lesson_id] == pytest.approx(25 / 33)
        assert lib.study.seeding.undo(done) == 4
        assert words.get("river") is None and words.get("mayor") is not None
        again = lib.study.levels.of(lesson_id)
        assert again is not None and again.known == 0


def test_read_next_orders_by_distance_from_the_band(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        first = _lesson(lib, tmp_path)
        other = tmp_path / "other.txt"
        other.write_text("The Dog\n\nThe dog walks to the river every morning. The dog is old.\n", encoding="utf-8")
        second = lib.lessons.import_file(other).lesson_id
        lib.study.levels.level_pending()
        lib.study.seeding.seed(["the", "dog", "walk", "to", "river", "every", "morning", "be"])
        shares = lib.study.levels.unknown_shares()
        assert shares[second] < shares[first]
        near_first = (shares[first] - 0.01, shares[first] + 0.01)
        assert [n.lesson_id for n in lib.study.read_next.lessons(near_first)] == [first, second]
        assert [n.lesson_id for n in lib.study.read_next.lessons((0.0, 0.05))] == [second, first]
        lib.lessons.set_position(second, 0, 1.0)  # read to the end: not offered again
        assert [n.lesson_id for n in lib.study.read_next.lessons((0.0, 0.05))] == [first]


def test_a_band_is_read_from_percentages() -> None:
    assert parse_band("2-5") == (0.02, 0.05)
    assert parse_band("2–5%") == (0.02, 0.05)
    assert parse_band("3") == (0.03, 0.03)
    for bad in ("", "a-b", "1-2-3", "150", "5-2"):
        with pytest.raises(ValueError):
            parse_band(bad)


def test_a_word_list_past_the_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from library import limits

    words = tmp_path / "words.txt"
    words.write_text("river\ndog\n", encoding="utf-8-sig")
    assert seeding.read_list(words).words == ["river", "dog"]
    monkeypatch.setattr(limits, "MAX_BYTES", 5)
    with pytest.raises(ImportRefused, match="word lists up to"):
        seeding.read_list(words)


def test_a_word_list_keeps_only_words_and_short_phrases_and_counts_the_rest() -> None:
    listed = seeding.word_list(
        "river\n\u0000\u0001junk\n<b>bold</b>\n🔥fire\nthe quick brown fox\n\"hello, world\",挨拶\n"
        "take part in\nrock'n'roll\ncafé\nwell-being\n123\n-\n"
    )
    assert listed.words == ["river", "bold", "take part in", "rock'n'roll", "café", "well-being"]
    assert listed.skipped == {seeding.NOT_A_WORD: 5, seeding.TOO_LONG: 1}
    assert listed.skipped_text() == "6 lines skipped: 5 not words, 1 longer than 3 words"
    assert seeding.word_list("dog\n🐶\n").skipped_text() == "1 line skipped: not words"
    assert seeding.word_list("dog\ncat\n").skipped_text() == ""
    # A deck's fields go through the same check.
    assert seeding.checked(["<b>night</b>", "夜行列車", "", "a very long front side"]).words == ["night"]


def test_every_term_offered_is_marked_a_duplicate_or_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seeding, "MAX_SEED", 4)
    prepared = seeding.prepare(["river", "rivers", "River", "river", "bridge", "levee", "canal", "dam"])
    # The first four different terms are read (river, rivers, River, bridge): two words, the repeat
    # of river and its two other forms duplicates; levee, canal and dam are past the limit.
    assert (len(prepared.words), prepared.duplicates, prepared.cut) == (2, 3, 3)
    assert len(prepared.words) + prepared.duplicates + prepared.cut == 8


def test_a_decks_japanese_back_field_is_the_learners_own_meaning(tmp_path: Path) -> None:
    from library import Library

    deck = make_apkg(tmp_path / "deck.apkg", ["harbours", "levee", "river"],
                     ["<b>港</b>、<br>波止場", "a bank beside a river", ""])
    with Library(tmp_path / "lib.db") as lib:
        listed = seeding.deck_list(deck)
        lib.study.seeding.seed(listed.words, listed.meanings)
        saved = {w.lemma: (w.gloss, w.gloss_source) for w in lib.study.words.list()}
    # Japanese: kept as the learner's (tags stripped), under the word's lemma; English or empty: none.
    assert saved == {"harbour": ("港 、 波止場", ""), "levee": ("", ""), "river": ("", "")}
