"""The fast lookups behind levelling give what the one-word calls give."""

from __future__ import annotations

import pyphen
from cefrpy import CEFRAnalyzer

from library import wordforms
from library.study import lemma_batch, word_table

# Words of every kind: listed ones in and out of lemminflect's tables, inflections, possessive-less
# forms, compounds, contractions, letters outside a–z.
EXTRA = ["well-known", "don't", "it's", "co-operate", "x", "accessed", "addresses", "tiredest", "café", "o'clock"]


def _listed(step: int) -> list[str]:
    """Every `step`-th word cefrpy lists, 3 to 12 letters long."""
    analyzer = CEFRAnalyzer()
    return [w for n in range(3, 13) for w in analyzer.yield_words_with_length(n)][::step]


def test_the_level_table_gives_cefrpys_easiest_level_of_each_word() -> None:
    analyzer = CEFRAnalyzer()
    table = word_table.cefr_table()
    for word in _listed(40):
        levels = analyzer.get_pos_level_dict_for_word(word)
        assert table[word] == min(int(level) for level in levels.values()) - 1, word
    assert "chatbot" not in table and "don't" not in table


def test_syllables_are_pyphens_points_plus_one() -> None:
    hyphenator = pyphen.Pyphen(lang="en_US")
    for word in [*_listed(20), *EXTRA]:
        assert word_table.syllables(word) == max(1, len(hyphenator.positions(word)) + 1), word


def test_lemmas_of_many_words_are_each_words_lemma() -> None:
    words = [*_listed(15), *EXTRA]
    found = lemma_batch.lemmas_of_many(words)
    wordforms.lemmas_of.cache_clear()
    assert {w: wordforms.lemma_of(w) for w in words} == found
    # The batch guessed many: the words lemminflect does not list are most of those drawn here.
    assert sum(1 for w in words if not lemma_batch._lemma_lookup()(w)) > 1000


def test_frequency_ranks_are_wordfreqs_top_list_read_from_its_front() -> None:
    from wordfreq import top_n_list

    expected: dict[str, int] = {}
    for rank, word in enumerate(top_n_list("en", word_table.RANKED, wordlist="large"), 1):
        expected.setdefault(word, rank)
    word_table._ranks = None  # read again here, as on first use
    assert word_table.frequency_ranks() == expected
    assert word_table.frequency_ranks()["the"] == 1 and "2024" not in word_table.frequency_ranks()


def test_frequency_ranks_leave_the_rest_of_wordfreqs_list_unread() -> None:
    # In a fresh process: the ranks hold 100,000 words (~12 MB), not wordfreq's whole list beside them
    # (~35 MB, kept in its caches).
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = str(Path(__file__).resolve().parents[3])
    code = (
        "import tracemalloc; from library.study import word_table; tracemalloc.start();"
        " ranks = word_table.frequency_ranks(); print(len(ranks), tracemalloc.get_traced_memory()[1])"
    )
    env = {**os.environ, "PYTHONPATH": repo}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=repo)
    out = run.stdout.split()
    assert int(out[0]) == word_table.RANKED
    assert int(out[1]) < 20_000_000


def test_nouns_guessed_together_are_lemminflects_guess_of_each() -> None:
    import lemminflect

    # Of every length around the 7 last letters the guesser reads, with letters outside a–z.
    words = [*(w + "s" for w in _listed(60)), "x", "os", "cafés", "naïves", "o'neills", "x-rays", "ABCs", "ωmegas"]
    guessed = lemma_batch._guess_nouns(words)
    assert guessed == {w: lemminflect.getAllLemmasOOV(w, "NOUN")["NOUN"][0].lower() for w in words}
