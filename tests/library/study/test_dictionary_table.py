"""The shared JMdict table (no Qt): built once per machine from a small JMdict, ranked for learners,
rebuilt when its stamp changes, one build at a time, and a cancelled build leaves nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from library.study import dictionary as dictionary_module
from library.study import dictionary_table
from library.study.dictionary import BuildCancelled, Dictionary, DictionaryBusy, pos_in_sentence
from library.study.meanings import fill_meanings
from library.study.words import Words
from tests.jmdict_fixture import write_mini_jmdict


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small JMdict, as if the `jamdict-data` package held it."""
    source = write_mini_jmdict(tmp_path / "jamdict" / "jamdict.db")
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: source)
    return source


def test_everyday_words_come_first(tmp_path: Path, mini: Path) -> None:
    dictionary = Dictionary(tmp_path / "data" / "dictionary.db")
    assert dictionary.jmdict_state() == "unbuilt"
    dictionary.build_jmdict()
    assert dictionary.jmdict_state() == "ready"
    rice = dictionary.lookup("rice").japanese()
    # ichi1 (everyday) before news1 (newspaper); "cooked rice" is found under rice; the archaic sense sinks
    assert rice.index("米") < rice.index("米穀") and rice.index("ご飯") < rice.index("米穀"), rice
    assert rice.index("米穀") < rice.index("飯米")
    assert dictionary.lookup("autonomy").japanese()[0] == "自治"
    assert dictionary.lookup("Accessed").japanese()[0] == "アクセス"  # "(e.g. to a computer)" is only a note


def test_each_ranking_rule_on_the_small_jmdict(tmp_path: Path, mini: Path) -> None:
    dictionary = Dictionary(tmp_path / "data" / "dictionary.db")
    dictionary.build_jmdict()
    first = {w: dictionary.lookup(w).japanese()[0] for w in ("crash", "dealer", "investor", "suspension",
                                                              "restrictions")}
    assert first == {
        "crash": "衝突",  # the sound バタン (ichi1, but mimetic) after
        "dealer": "販売業者",  # the card game's 親 after
        "investor": "投資者",  # the katakana loanword of no priority list after
        "suspension": "休止",  # the word alone before a sense listing it among others
        "restrictions": "制限",  # ranked as its lemma: not 紐, whose gloss lists "restrictions"
    }
    assert {w: s.headword for w, s in dictionary.first_senses(list(first)).items()} == first


def test_news_senses_of_verbs_and_adverbs_come_first(tmp_path: Path, mini: Path) -> None:
    dictionary = Dictionary(tmp_path / "data" / "dictionary.db")
    dictionary.build_jmdict()
    suspend = dictionary.lookup("suspended").japanese()
    # A verb is found under its noun (休止, 中止 "suspension"), before "to hang; to suspend".
    assert suspend[:2] == ["休止", "中止"] and suspend.index("下げる") == 2, suspend
    assert dictionary.lookup("hang").japanese()[0] == "下げる"  # its own first gloss: first still
    # An adverb under its adjective (厳しい "severe"), before the everyday-only ひしひし listing it third.
    assert dictionary.lookup("severely").japanese() == ["厳しい", "ひしひし"]
    # A verb's own gloss stays first where it is as common as the noun ("to cancel" 取り消す).
    cancel = dictionary.lookup("cancel").japanese()
    assert cancel[0] in ("取り消す", "解除") and "やめる" in cancel, cancel
    assert dictionary.lookup("cancellation").japanese() == ["解除"]  # not the other way round
    first = {w: s.headword for w, s in dictionary.first_senses(["suspended", "severely"]).items()}
    assert first == {"suspended": "休止", "severely": "厳しい"}


def test_the_part_of_speech_in_the_sentence_comes_first(tmp_path: Path, mini: Path) -> None:
    dictionary = Dictionary(tmp_path / "dictionary.db")
    dictionary.build_jmdict()
    assert pos_in_sentence("They wanted to ", "address") == "v"
    assert pos_in_sentence("Write your ", "address") == "n"
    assert pos_in_sentence("Address. ", "it") is None
    assert dictionary.lookup("address", pos="n").japanese()[0] == "住所"
    assert dictionary.lookup("address", pos="v").japanese()[0] == "呼び掛ける"
    assert dictionary.lookup("address").japanese()[0] == "住所"


def test_one_table_serves_every_data_folder(tmp_path: Path, mini: Path) -> None:
    first = Dictionary(tmp_path / "one" / "dictionary.db")
    info = first.build_jmdict()
    assert Path(info["path"]) == dictionary_table.table_path() and info["rows"] > 10
    other = Dictionary(tmp_path / "two" / "dictionary.db")  # another data folder on the same machine
    assert other.jmdict_state() == "ready"
    assert "自治" in other.lookup("autonomy").japanese()
    assert not (tmp_path / "two" / "dictionary.db").exists()  # nothing was built or written for it


def test_a_changed_jmdict_is_built_again_and_the_old_table_answers_meanwhile(tmp_path: Path, mini: Path) -> None:
    dictionary = Dictionary(tmp_path / "dictionary.db")
    dictionary.build_jmdict()
    write_mini_jmdict(mini, version="test-2")  # jamdict-data upgraded
    fresh = Dictionary(tmp_path / "dictionary.db")
    assert fresh.jmdict_state() == "stale"
    found = fresh.lookup("autonomy")
    assert found.jmdict == "ready" and "自治" in found.japanese()
    fresh.build_jmdict()
    assert fresh.jmdict_state() == "ready" and fresh.meta()["jmdict.version"] == "test-2"


def test_a_data_folders_old_table_answers_until_the_shared_one_is_built(tmp_path: Path, mini: Path) -> None:
    own = tmp_path / "data" / "dictionary.db"
    Dictionary(own).import_text("zebra,シマウマ\n", "mine")
    with sqlite3.connect(own) as conn:  # as the per-folder build left it
        conn.execute("INSERT INTO entries VALUES ('autonomy', 0, 'jmdict', '自主', 'じしゅ', 'autonomy', 'n.')")
        conn.execute("INSERT INTO meta VALUES ('jmdict.built', '2025-01-01T00:00:00Z')")
    dictionary = Dictionary(own)
    assert dictionary.jmdict_state() == "stale"  # answers, and is to be built in the shared place
    assert dictionary.lookup("autonomy").japanese() == ["自主"]
    dictionary.build_jmdict()
    assert dictionary.lookup("autonomy").japanese()[0] == "自治"  # the shared table now, not the old rows
    assert dictionary.lookup("zebra").japanese() == ["シマウマ"]
    assert dictionary.sources() == {"user:mine": 1}  # the old rows are gone from the data folder's file
    assert dictionary.jmdict_state() == "ready"


def test_a_live_build_is_not_repeated_and_a_dead_ones_lock_is_taken_over(tmp_path: Path, mini: Path) -> None:
    lock = dictionary_table.lock_path()
    lock.parent.mkdir(parents=True)
    lock.write_text(f"{os.getpid()} 0.450\n")  # a build running in this process (another window)
    dictionary = Dictionary(tmp_path / "dictionary.db")
    assert dictionary_table.build_progress() == pytest.approx(0.45)
    with pytest.raises(DictionaryBusy):
        dictionary.build_jmdict()
    assert not dictionary.table.exists()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    lock.write_text(f"{dead.stdout.strip()} 0.300\n")  # a builder killed part way
    assert dictionary_table.build_progress() is None
    dictionary.build_jmdict()
    assert dictionary.jmdict_state() == "ready" and not lock.exists()


def test_a_cancelled_build_leaves_nothing(tmp_path: Path, mini: Path) -> None:
    dictionary = Dictionary(tmp_path / "dictionary.db")
    shares: list[float] = []
    with pytest.raises(BuildCancelled):
        dictionary.build_jmdict(share=shares.append, cancelled=lambda: bool(shares) and shares[-1] >= 0.8)
    folder = dictionary.table.parent
    assert shares and max(shares) < 1.0
    assert sorted(p.name for p in folder.iterdir()) == []  # no table, no half-written part, no lock
    assert dictionary.jmdict_state() == "unbuilt"


def test_words_saved_before_get_their_meaning_from_the_shared_table(tmp_path: Path, mini: Path) -> None:
    from library import Library

    with Library(tmp_path / "lib.db") as lib:
        words: Words = lib.study.words
        words.save("autonomy", "new")
        dictionary = Dictionary(tmp_path / "data" / "dictionary.db")  # no file of the learner's own
        assert fill_meanings(words, dictionary) == 0
        dictionary.build_jmdict()
        assert fill_meanings(words, dictionary) == 1
        saved = words.get("autonomy")
        assert saved is not None and saved.gloss.startswith("自治")


def test_the_real_jmdict_gives_everyday_words_first(tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.study_data import install_jmdict

    dictionary = install_jmdict(tmp_path_factory)  # the real table, built once per run
    rice = dictionary.lookup("rice").japanese()
    assert rice[0] == "米" and rice.index("ご飯") < rice.index("米穀"), rice  # before: 米穀 first, ご飯 absent
    assert dictionary.lookup("autonomy").japanese()[0] == "自治"
    assert dictionary.lookup("book").japanese()[0] == "本"
    assert dictionary.lookup("run", pos="v").japanese()[0] == "走る"


# Words of news articles whose first sense was a sound, a game's term, a rare loanword or a sense
# listing the word among others (crash → バタン, investor → インベスター, dirty → どろどろ, …). criticism is
# 批判 (Zipf 4.8 in running text) before 非難 (4.3, "blame") since the headwords' frequency counts.
REAL_FIRSTS = {
    "restrictions": "制限", "services": "サービス", "investor": "投資家", "investors": "投資家",
    "crash": "衝突", "crashed": "衝突", "dirty": "汚い", "access": "アクセス", "address": "住所",
    "rice": "米", "autonomy": "自治", "government": "政府", "criticism": "批判", "export": "輸出",
    "mainland": "本土", "companies": "会社",
    # A verb under its noun, an adverb under its adjective (suspended → 下げる, severely → ひしひし before);
    # a sense that has the word first before one listing it among synonyms (dirty, severely → 深刻 before).
    "suspend": "中止", "suspended": "中止", "severely": "厳しい",
}


def test_the_real_jmdict_first_senses_of_news_words(tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.study_data import install_jmdict

    dictionary = install_jmdict(tmp_path_factory)
    assert {w: dictionary.lookup(w).japanese()[0] for w in REAL_FIRSTS} == REAL_FIRSTS
    assert {w: s.headword for w, s in dictionary.first_senses(list(REAL_FIRSTS)).items()} == REAL_FIRSTS



def test_first_senses_come_from_the_shared_table_as_lookups_do(tmp_path: Path, mini: Path) -> None:
    Dictionary(tmp_path / "one" / "dictionary.db").build_jmdict()
    other = Dictionary(tmp_path / "two" / "dictionary.db")  # a data folder with no file of its own
    assert not other.path.exists() and other.has_entries()
    firsts = other.first_senses(["autonomy", "rice", "models", "zzz"])
    assert set(firsts) == {"autonomy", "rice", "models"}
    for word, sense in firsts.items():
        assert sense.headword == other.lookup(word).senses[0].headword, word


def test_words_marked_known_at_once_get_their_own_meaning_not_a_base_words(tmp_path: Path, mini: Path) -> None:
    from library import Library

    with Library(tmp_path / "lib.db") as lib:
        words: Words = lib.study.words
        dictionary = Dictionary(tmp_path / "data" / "dictionary.db")
        dictionary.build_jmdict()
        lib.study.seeding.seed(["remains"])  # marked known from a list: no sentence to tell which sense
        words.save("autonomy", "new")
        assert fill_meanings(words, dictionary) == 2
        meanings = {w.text: w.gloss for w in words.list()}
        # The word's own meaning only, not that of "remain" it could be a form of (残る).
        assert meanings["remains"] == "遺体" and meanings["autonomy"]
