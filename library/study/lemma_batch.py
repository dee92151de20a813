"""Lemmas of many words at once: lemminflect's listed lemmas, and its guesser run once over the
words it does not list, each guess kept only where it holds (a word of the level table's `words`,
and what the word is a regular plural of).

Above the tables it reads (word_table, guessed_lemmas, level_table), so none of them imports it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from library.study.guessed_lemmas import PLAIN_WORD


def lemmas_of_many(words: Iterable[str]) -> dict[str, str]:
    """`lemma_of` of many lower-case single words, with the guesser for unlisted words batched."""
    from library import wordforms
    from library.study import level_table

    todo = list(dict.fromkeys(words))
    level_table.load()  # asked below with the lock held: built first, where it is missing, without it
    with wordforms._lock:
        lookup = _lemma_lookup()
        bare = {w: wordforms._without_possessive(wordforms._normal(w)) for w in todo}
        found: dict[str, dict[str, list[str]]] = {b: lookup(b) for b in set(bare.values())}
        guessed = _guess_nouns([w for w, by_pos in found.items() if not by_pos])
        # A guess that is no word, or not what the word is a plural of, leaves the word as it is.
        holding = guesses_holding(guessed, lookup)
        guessed = {w: g if w in holding else w for w, g in guessed.items()}
    out: dict[str, str] = {}
    for word in todo:
        base = bare[word]
        by_pos = found[base]
        if not by_pos:
            # One guessed lemma: what `_ordered_lemmas` would make of {"NOUN": [guess]}.
            out[word] = guessed.get(base) or base
            continue
        lemmas = wordforms._ordered_lemmas(base, by_pos)
        out[word] = lemmas[0] if lemmas else base
    return out


def _lemma_lookup() -> Any:
    """lemminflect's listed lemmas of a word by part of speech (its `getAllLemmas`, without the
    deep copies it makes of each answer; the tables are only read)."""
    import lemminflect
    from lemminflect.core.Lemmatizer import Lemmatizer

    lem = Lemmatizer()
    if not (hasattr(lem, "_getLemmaDict") and hasattr(lem, "_getOverridesDict")):

        def public(word: str) -> dict[str, list[str]]:
            return {k: [x.lower() for x in v] for k, v in lemminflect.getAllLemmas(word).items()}

        return public
    table, overrides = lem._getLemmaDict(), lem._getOverridesDict()

    def lookup(word: str) -> dict[str, list[str]]:
        merged = table.get(word)
        extra = overrides.get(word)
        if extra:
            merged = {**(merged or {}), **extra}
        return {k: [x.lower() for x in v] for k, v in merged.items()} if merged else {}

    return lookup


def _guess_nouns(words: list[str]) -> dict[str, str]:
    """lemminflect's guessed noun lemma of each word (its `getAllLemmasOOV(word, "NOUN")`), the
    small network run once over all the words."""
    if not words:
        return {}
    import numpy as np
    from lemminflect.core.Lemmatizer import Lemmatizer
    from lemminflect.kmodels.ModelLemmaInData import ModelLemmaInData

    rules = Lemmatizer()._getOOVLemmatizer()
    kinfer = rules.kinfer
    layers = kinfer.config["layers"]
    # The input is ModelLemmaInData.wordToVec: one-hot rows, row 0 saying "noun", row i + 1 the
    # i-th letter from the end (a–z as 2–27, any other character as 1), 8 letters at most. Its
    # product with the first layer is the sum of the weight rows of its ones, gathered here (a
    # dense product over 252 mostly-zero columns costs ten times more).
    steps, letters = ModelLemmaInData.WVEC_LEN, ModelLemmaInData.MAX_LETTER_IDX
    dense = [layer for layer in layers[1:] if layer["class_name"] == "Dense"]
    first, bias = kinfer.weights[0], kinfer.weights[1]
    padded = np.vstack([first, np.zeros((1, first.shape[1]), dtype=first.dtype)])
    blank = steps * letters  # the zero row: a word shorter than 8 letters
    # Each word's last letters, last first, as code points in a row of steps - 1 (padded past its end).
    width = steps - 1
    ends = [word.lower()[::-1][:width] for word in words]
    packed = "".join(e.ljust(width, "a") for e in ends).encode("utf-32-le", "surrogatepass")
    points = np.frombuffer(packed, dtype=np.uint32).reshape(len(words), width).astype(np.intp)
    codes = np.where((points >= 97) & (points <= 122), points - 95, 1)
    rows = np.arange(1, width + 1, dtype=np.intp) * letters + codes
    past_end = np.arange(width) >= np.array([len(e) for e in ends], dtype=np.intp)[:, None]
    rows[past_end] = blank
    x = padded[rows].sum(axis=1) + first[0] + bias
    for n, layer in enumerate(dense):
        if n:
            # numpy's own loop, not the BLAS: for so small a product the BLAS wakes its threads,
            # which then spin for a tenth of a second, a core's worth of work taken from the rest.
            x = np.einsum("ij,jk->ik", x, kinfer.weights[2 * n]) + kinfer.weights[2 * n + 1]
        if layer["config"]["activation"] == "relu":
            x = x * (x > 0)
        # softmax keeps the largest in place: the argmax below is the same without it
    best = np.argmax(x, axis=1)
    return {w: rules._applyRule(w, int(r)).lower() for w, r in zip(words, best, strict=True)}


def guesses_holding(guessed: dict[str, str], lookup: Any) -> set[str]:
    """The words of {word: guessed lemma} whose guess holds; `lookup` is lemminflect's lemmas of a
    word by part of speech (its getAllLemmas). Called with wordforms' lock held."""
    from library import wordforms
    from library.study.level_table import lemma_words_among

    changed = {w: g for w, g in guessed.items() if g != w}
    asked = {g for g in changed.values() if not lookup(g)}  # not a form lemminflect lists
    plain = {g for g in asked if PLAIN_WORD.fullmatch(g)}
    words = lemma_words_among(plain)
    out = set(guessed) - set(changed)
    for word, guess in changed.items():
        if guess in asked and guess not in plain:
            # A hyphen or an apostrophe (wordfreq splits such a word into tokens): asked as it is.
            holds = wordforms.guessed_lemma_holds(word, guess)
        else:
            holds = (guess not in plain or guess in words) and wordforms.is_regular_plural(word, guess)
        if holds:
            out.add(word)
    return out
