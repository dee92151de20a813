"""Whether the lemma lemminflect guesses for a word it does not list holds
(`wordforms.guessed_lemma_holds`: the word is the guess's regular plural, and the guess is a word),
asked of many words at once as levelling asks it.

That a guess is a word is asked first, of lemminflect's lemma table (read for the lemmas already)
and of the per-machine table (library/study/level_table.py), which holds the other words it may be:
lemminflect's inflected lemmas and wordfreq's words at Zipf 3 or more (lemma_words). So neither
lemminflect's inflection table (0.6 s to read) nor wordfreq (0.5 s to import and read) is read in a
levelling, and only a guess that is a word is inflected (lemminflect's network run once a word)."""

from __future__ import annotations

import math
import re
from pathlib import Path

PLAIN_WORD = re.compile(r"[a-z]+")  # a word wordfreq reads as one token, as it is written
ZIPF_WORD = 3.0  # wordfreq's Zipf frequency from which a guessed lemma is a word (once in a million words)
ZIPF_FLOOR = 0.0  # zipf_frequency's default minimum


def lemma_words() -> set[str]:
    """The words a lemma guessed for an unlisted word may be, beside those lemminflect lists as
    forms: its inflected lemmas, and wordfreq's words (a–z only) at ZIPF_WORD or more."""
    return inflected_lemmas() | set(frequent_words())


def inflection_files() -> list[Path]:
    """lemminflect's inflection table and overrides (where its config has them), found without
    importing the package (which imports numpy: 0.1 s)."""
    from importlib.util import find_spec

    spec = find_spec("lemminflect")
    if spec is None or spec.origin is None:
        raise ImportError("lemminflect is not installed")
    resources = Path(spec.origin).parent / "resources"
    return [resources / "infl_lu.csv.gz", resources / "infl_overrides.csv"]


def inflected_lemmas() -> set[str]:
    """Every word lemminflect's `getAllInflections` gives forms of (the lemmas of its inflection
    table and of its overrides), read from its file's first column without building the table."""
    import gzip

    from lemminflect import config
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
    from lemminflect.codecs.OverridesCodec import OverridesCodec

    with gzip.open(config.inflection_lu_fn, "rt", encoding="utf-8") as file:
        lemmas = {line.strip().split(",")[0] for line in file}
    lemmas |= set(InflectionLUCodec.updateForAuxMod({}))  # the modals and "be", which it adds
    return lemmas | set(OverridesCodec.load(config.infl_overrides_fn))


def bucket_zipf(index: int) -> float:
    """What `zipf_frequency` gives a one-token word of wordfreq's list i (at -i cB): the frequency
    10^(-i/100), combined over its one token, rounded to 3 significant digits, then as Zipf to 2
    places, in wordfreq's own arithmetic."""
    freq = 1.0 / (0.0 + 1.0 / 10 ** (-index / 100))
    freq = max(freq, 10**ZIPF_FLOOR / 1e9)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def frequent_words() -> list[str]:
    """The words of wordfreq's large English list, letters a–z only, at ZIPF_WORD or more, read from
    the front of its file (wordfreq itself where its file is not where its package keeps it)."""
    from library.study.word_table import wordfreq_buckets, wordfreq_path

    path = wordfreq_path()
    if path is None:
        from wordfreq import get_frequency_dict, zipf_frequency

        return [
            w for w in get_frequency_dict("en", "large")
            if PLAIN_WORD.fullmatch(w) and zipf_frequency(w, "en", wordlist="large") >= ZIPF_WORD
        ]
    out: list[str] = []
    for index, bucket in enumerate(wordfreq_buckets(path)):
        if bucket_zipf(index) < ZIPF_WORD:  # the lists go from the commonest down
            break
        out += [w for w in bucket if PLAIN_WORD.fullmatch(w)]
    return out
