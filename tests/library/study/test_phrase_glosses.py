"""A dictionary phrase in the text ("prime minister", "interest rates") is glossed once, over the whole
phrase, not word by word; the longest phrase wins; words sentences are made of never end a phrase."""

from __future__ import annotations

from pathlib import Path

from library.study.dictionary import Dictionary
from library.study.glosses import dictionary_lookup, find_glosses
from library.study.phrases import dictionary_known, phrase_at

# Each word's own sense, and the phrases' (the senses a learner would get word by word are wrong).
SENSES = """english\tjapanese
prime\t春
minister\t牧師
former prime minister\t元首相
prime minister\t首相
interest\t興味
rate\t割合
interest rate\t金利
central\t中央
bank\t土手
central bank\t中銀
issue\t問題
an issue\t一号
vienna\tウィーン
diplomat\t外交官
"""

TEXT = ("The prime minister spoke first. Later two prime ministers argued about interest rates, which "
        "the central bank sets. A former prime minister said it was an issue.")


def dictionary(tmp_path: Path) -> Dictionary:
    found = Dictionary(tmp_path / "dictionary.db", table=tmp_path / "no-table.db")
    found.import_text(SENSES, "phrases", tsv=True)
    return found


def test_a_phrase_is_glossed_once_over_its_words(tmp_path: Path) -> None:
    lookup = dictionary_lookup(dictionary(tmp_path))
    found = find_glosses([(0, TEXT)], "A1", glossary={}, own={}, known=set(), lookup=lookup)
    glossed = [(g.word, g.text) for g in found]
    assert ("prime minister", "首相") in glossed and ("prime ministers", "首相") in glossed  # inflected too
    assert ("interest rates", "金利") in glossed and ("central bank", "中銀") in glossed
    assert ("former prime minister", "元首相") in glossed  # the longest phrase, not "prime minister" in it
    assert not {"prime", "minister", "ministers", "interest", "rates", "central", "bank"} & {g.word for g in found}
    assert ("issue", "問題") in glossed  # "an issue" is no phrase of its text: it begins with "an"
    first = next(g for g in found if g.word == "prime minister")
    assert TEXT[first.start:first.end] == "prime minister" and first.level == "B2"


def test_a_phrase_glosses_only_where_one_of_its_words_is_hard_and_my_words_win(tmp_path: Path) -> None:
    lookup = dictionary_lookup(dictionary(tmp_path))
    found = find_glosses([(0, TEXT)], "B2", glossary={}, own={"interest rate": "利率"},
                         known={"central bank"}, lookup=lookup)
    words = {g.word: (g.text, g.source) for g in found}
    assert words["prime minister"] == ("首相", "dictionary")
    assert "interest rates" not in words  # A2 words: not hard at B2, whatever my note
    found = find_glosses([(0, TEXT)], "A1", glossary={"prime minister": "総理"}, own={"interest rate": "利率"},
                         known={"central bank"}, lookup=lookup)
    words = {g.word: (g.text, g.source) for g in found}
    assert words["prime minister"] == ("総理", "glossary") and words["interest rates"] == ("利率", "note")
    assert not {"central bank", "central", "bank"} & set(words)  # known as a whole: nor its words


def test_the_phrase_around_a_word(tmp_path: Path) -> None:
    known = dictionary_known(dictionary(tmp_path).first_senses)
    at = TEXT.index("ministers")
    phrase = phrase_at(TEXT, at, at + len("ministers"), known)
    assert phrase is not None and TEXT[phrase.start:phrase.end] == "prime ministers"
    at = TEXT.index("issue")
    assert phrase_at(TEXT, at, at + 5, known) is None  # "an issue" begins with a word sentences are made of
    at = TEXT.index("spoke")
    assert phrase_at(TEXT, at, at + 5, known) is None


def test_a_phrase_without_a_japanese_sense_leaves_its_words_their_glosses(tmp_path: Path) -> None:
    found = Dictionary(tmp_path / "dictionary.db", table=tmp_path / "no-table.db")
    found.import_text("english\tjapanese\nprime\t主要な\nminister\t大臣\nprime minister\thead of a government\n",
                      "mixed", tsv=True)
    glosses = find_glosses([(0, "The prime minister spoke.")], "B2", glossary={}, own={}, known=set(),
                           lookup=dictionary_lookup(found))
    assert [(g.word, g.text) for g in glosses] == [("prime", "主要な"), ("minister", "大臣")]  # never English


def test_a_capitalised_title_before_a_name_is_a_phrase_not_a_name(tmp_path: Path) -> None:
    found = dictionary(tmp_path)
    found.import_text("english\tjapanese\nsupreme court\t最高裁\nsupreme\t最高の\ncourt\t中庭\n", "titles", tsv=True)
    text = ("Prime Minister Kenji Tanaka met the Central Bank chief. Later the Supreme Court ruled against "
            "Prime Minister Tanaka.")
    glosses = find_glosses([(0, text)], "A1", glossary={}, own={}, known=set(), lookup=dictionary_lookup(found))
    glossed = [(g.word, g.text) for g in glosses]
    assert glossed.count(("Prime Minister", "首相")) == 2, glossed
    assert ("Central Bank", "中銀") in glossed and ("Supreme Court", "最高裁") in glossed
    # glossed once, as the phrase: not word by word, and the name after the title is no word of it
    words = {"Prime", "Minister", "Central", "Bank", "Supreme", "Court", "Kenji", "Tanaka"}
    assert not words & {g.word for g in glosses}
