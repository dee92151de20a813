"""Which words get a gloss, and which gloss wins, on a paragraph of our own (no Qt)."""

from __future__ import annotations

from pathlib import Path

from library.model import GlossaryEntry
from library.study.dictionary import Dictionary
from library.study.glosses import find_glosses, gloss_of, glossary_glosses, names_in, trim

TEXT = ("Lawmakers in Oslo debated the budget. Critics said the ruling party ignored the drought, "
        "and Oslo officials promised a domestic plan.")


def words_of(found: list) -> list[str]:
    """The glossed words, in order."""
    return [g.word for g in found]


def test_names_are_not_glossed_and_the_word_list_wins() -> None:
    assert names_in([TEXT]) == {"oslo"}
    lookups: list[list[str]] = []

    def lookup(words: list[str], _pos: dict[str, str | None], _sentences: dict[str, str]) -> dict[str, str]:
        lookups.append(words)
        return {"lawmakers": "議員", "drought": "干ばつ", "domestic": "国内の", "oslo": "オスロ"}

    glossary = glossary_glosses([GlossaryEntry("drought", "n.", "a long time without rain", "日照り")])
    found = find_glosses([(0, TEXT)], "B2", glossary=glossary, own={}, known=set(), lookup=lookup)
    assert words_of(found) == ["Lawmakers", "drought", "domestic"]
    assert [(g.text, g.source) for g in found] == [("議員", "dictionary"), ("日照り", "glossary"),
                                                   ("国内の", "dictionary")]
    # One batch, without the word list's words; the phrases that hold a hard word are asked in it too.
    assert len(lookups) == 1 and lookups[0][:2] == ["lawmakers", "domestic"] and "drought" not in lookups[0]
    assert "domestic plan" in lookups[0]


def test_threshold_and_known_words() -> None:
    found = find_glosses([(0, TEXT)], "C1", glossary={}, own={"drought": "干ばつ"}, known=set(), lookup=None)
    assert words_of(found) == []  # no C1 word here
    found = find_glosses([(0, TEXT)], "unknown", glossary={}, own={"critic": "批評家", "budget": "予算"},
                         known={"budget"}, lookup=None)
    assert words_of(found) == ["Critics"]  # budget is known to me; without a dictionary only my notes


def test_trim_keeps_the_first_sense_short() -> None:
    assert trim("自治; 自主性") == "自治"
    assert trim("国際連合安全保障理事会") == "国際連合安全保…"
    assert trim("a bed on a train or a ship", 16) == "a bed on a…"


def test_first_senses_ranks_as_lookup(tmp_path: Path) -> None:
    dictionary = Dictionary(tmp_path / "d.db")
    dictionary.import_text("english\tjapanese\nautonomy\t自治\nautonomy\t自主性\ncarriage\t客車\n", "mine", tsv=True)
    firsts = dictionary.first_senses(["autonomy", "carriages", "zzz"])
    assert set(firsts) == {"autonomy", "carriages"}
    for word, sense in firsts.items():
        assert sense.headword == dictionary.lookup(word).senses[0].headword


def test_capitalised_neighbours_are_a_name() -> None:
    # "Kong" next to "Hong", "Bank" next to "World": names, though "bank" is written in lower case too
    # and "Hong Kong" begins a sentence; "However" begins one before a name and keeps its gloss.
    text = ("Hong Kong is busy. Firms in Hong Kong and the World Bank agreed. The bank, however, said so. "
            "However Microsoft waited.")
    senses = {"hong": "紅", "kong": "槓子", "bank": "銀行", "however": "しかし", "busy": "忙しい"}
    found = find_glosses([(0, text)], "A1", glossary={}, own={}, known=set(),
                         lookup=lambda words, _pos, _sentences: {w: senses[w] for w in words if w in senses})
    glossed = [(g.word, text[g.start - 6:g.start].strip()) for g in found if g.word.lower() in senses]
    assert [w for w, _before in glossed] == ["busy", "bank", "however", "However"]
    assert glossed[1][1].endswith("The")  # the lower-case "bank" after "The", not the World Bank's


def test_a_gloss_is_always_japanese() -> None:
    # The word list's English-only definition gives way to the dictionary; its Japanese translation wins.
    text = "The region wants autonomy. Its sovereignty is old. The treaty was signed."
    glossary = glossary_glosses([
        GlossaryEntry("autonomy", "n.", "the state of governing yourself", ""),
        GlossaryEntry("sovereignty", "n.", "full power over a country", "主権"),
        GlossaryEntry("treaty", "n.", "条約（国家間の）", ""),  # a definition written in Japanese is one
    ])
    senses = {"autonomy": "自治", "sovereignty": "統治権", "treaty": "協定"}
    found = {g.word: (g.text, g.source) for g in find_glosses(
        [(0, text)], "B2", glossary=glossary, own={}, known=set(),
        lookup=lambda words, _pos, _sentences: {w: senses[w] for w in words if w in senses})}
    assert found["autonomy"] == ("自治", "dictionary")
    assert found["sovereignty"] == ("主権", "glossary")
    assert found["treaty"] == ("条約", "glossary")


def test_a_gloss_is_the_first_japanese_part_and_never_english() -> None:
    assert gloss_of("a large body of ice that moves slowly; 氷河") == "氷河"
    assert gloss_of("to compensate 補う") == "補う"
    assert gloss_of("to move people away", "避難させる（ひなんさせる）") == "避難させる"
    assert gloss_of("a large body of ice", "glacier") == ""
    glossary = glossary_glosses([GlossaryEntry("glacier", "n.", "a large body of ice; 氷河", "")])
    assert glossary == {"glacier": "氷河"}
    found = find_glosses([(0, "The glacier above the town could collapse.")], "B2", glossary={},
                         own={"glacier": "a large body of ice"}, known=set(), lookup=lambda w, _p, _s: {})
    assert [g.text for g in found] == []  # an English meaning passed in is no gloss either


def test_a_name_that_only_starts_its_sentences_is_a_name_where_the_list_has_it_as_one_first() -> None:
    from library.study.levels import level_text

    # Vienna (B2, listed only as a name) and London (A1 as a name, C2 as anything else) start their
    # sentences only; "Critics" and "However" do too, and are common words.
    text = "Vienna sent diplomats. London agreed. Critics doubted the treaty. However, talks went on."
    assert names_in([text]) == {"vienna", "london"}
    found = find_glosses([(0, text)], "B2", glossary={}, own={}, known=set(),
                         lookup=lambda words, _pos, _sentences: {w: "語" for w in words if " " not in w})
    assert [g.word for g in found] == ["diplomats", "treaty"]
    levels = level_text([text])
    assert levels.names == 2 and levels.words == 11  # the names are not levelled, as the card tells them
