"""A lemma guessed for a word lemminflect does not list is checked for many words at once, as
`wordforms.guessed_lemma_holds` checks one, from the per-machine table: a levelling reads neither
wordfreq nor lemminflect's inflection table."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from cefrpy import CEFRAnalyzer

from library import wordforms
from library.study import guessed_lemmas, lemma_batch, level_table

REPO = Path(__file__).resolve().parents[3]


def test_levelling_reads_neither_wordfreq_nor_lemminflects_inflection_table() -> None:
    level_table.load()  # the table of this test's folder, built here (its building reads both)
    level_table.close()
    # In a fresh process, as `study-reader level`: plurals lemminflect does not list, whose guessed
    # lemmas are words (playlist, at Zipf 3.6 in wordfreq) or not (influencer, at 2.95).
    code = (
        "import sys; from library.study.levels import level_text;"
        " from lemminflect.core.Inflections import Inflections;"
        " found = level_text(['Her playlists and the influencers ringtones were everywhere.']);"
        " print(found.counts['C2'], found.counts['unlisted'], 'wordfreq' in sys.modules,"
        " hasattr(Inflections(), 'infl_dict'))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env,
                         cwd=REPO).stdout.split()
    assert out == ["1", "2", "False", "False"]


def test_the_words_a_guess_may_be_are_lemminflects_inflected_lemmas_and_wordfreqs_common_words() -> None:
    from lemminflect import config
    from lemminflect.core.Inflections import Inflections
    from wordfreq import get_frequency_list, zipf_frequency

    assert guessed_lemmas.inflection_files() == [Path(config.inflection_lu_fn), Path(config.infl_overrides_fn)]
    inflections = Inflections()
    assert guessed_lemmas.inflected_lemmas() == set(inflections._getInflDict()) | set(inflections._getOverridesDict())
    frequent = guessed_lemmas.frequent_words()
    plain = [w for bucket in get_frequency_list("en", "large") for w in bucket if re.fullmatch("[a-z]+", w)]
    assert sorted(frequent) == sorted(w for w in plain if zipf_frequency(w, "en", wordlist="large") >= 3.0)
    assert 20_000 < len(frequent) < len(plain) / 5
    # Each list's Zipf frequency worked out as wordfreq works it out for a word of it.
    for index, bucket in enumerate(get_frequency_list("en", "large")):
        word = next((w for w in bucket if re.fullmatch("[a-z]+", w)), None)
        if word is not None:
            assert guessed_lemmas.bucket_zipf(index) == zipf_frequency(word, "en", wordlist="large"), word


def test_guesses_hold_for_many_words_as_for_each_word_alone() -> None:
    analyzer = CEFRAnalyzer()
    listed = [w for n in range(3, 13) for w in analyzer.yield_words_with_length(n)][::7]
    words = [*(w + "s" for w in listed), *listed, "cryptocurrencies", "paris", "texas", "well-knowns", "x-rays"]
    lookup = lemma_batch._lemma_lookup()
    unlisted = [w for w in dict.fromkeys(words) if not lookup(w)]
    guessed = lemma_batch._guess_nouns(unlisted)
    with wordforms._lock:
        one_by_one = {w for w, g in guessed.items() if wordforms.guessed_lemma_holds(w, g)}
        together = lemma_batch.guesses_holding(guessed, lookup)
    assert together == one_by_one
    # Of every kind: the guess the word itself, a word, no word, not what the word is a plural of.
    assert len(one_by_one) > 1000 and len(set(guessed) - one_by_one) > 1000
    assert {"cryptocurrencies"} <= together and not {"paris", "texas"} & together
