"""English word forms for the learner's words, the dictionary and the lesson's word list: lemmas
and inflections (lemminflect, loaded on first use), and patterns that find them in text.

The one wrapper of lemminflect: its tables load lazily and are not safe to load from two threads
at once, so every call holds the one lock."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_lock = threading.Lock()
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


# Full-width Latin letters, digits and signs (ｆｕｌｌ) as their ASCII selves.
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def normal_form(text: str) -> str:
    """A word as it is saved and looked up: composed (NFC: "café" typed with a combining accent is
    the same word as with "é"), full-width letters made plain (ｆｕｌｌ is full)."""
    return unicodedata.normalize("NFC", text.translate(_FULL_WIDTH))


def _normal(text: str) -> str:
    if text.isascii() and text.isprintable() and " " not in text:  # a plain word (most): as it would be
        return text.lower()
    return " ".join(normal_form(text).replace("’", "'").lower().split())


_POSSESSIVE_RE = re.compile(r"(?<=[a-z])'s$|(?<=s)'$")


def _without_possessive(word: str) -> str:
    """A normalised word without its possessive ending (company's → company, companies' → companies),
    so that it is looked up, saved and marked as the word itself, as Lute and LingQ do."""
    return _POSSESSIVE_RE.sub("", word) if len(word) > 2 and "'" in word else word


_UPOS_ORDER = ("VERB", "NOUN", "ADJ", "ADV", "PROPN", "AUX")


def _word_lemmas(word: str, prefer: tuple[str, ...] = _UPOS_ORDER) -> list[str]:
    """Lemmas of one lower-case word, verbs first (used → use), the word itself first where it is a
    verb or noun lemma (address, better)."""
    import lemminflect

    by_pos = {k: [x.lower() for x in v] for k, v in lemminflect.getAllLemmas(word).items()}
    if not by_pos:
        guesses = [x.lower() for x in lemminflect.getAllLemmasOOV(word, "NOUN").get("NOUN", ())]
        by_pos = {"NOUN": [g if guessed_lemma_holds(word, g) else word for g in guesses]}
    return _ordered_lemmas(word, by_pos, prefer)


def listed(word: str) -> bool:
    """Whether lemminflect lists a word (lower-case) as a form of a lemma it knows."""
    import lemminflect

    with _lock:
        return bool(lemminflect.getAllLemmas(_normal(word)))


def guessed_lemma_holds(word: str, guess: str) -> bool:
    """Whether the lemma lemminflect guesses for a word it does not list is one: the word is a
    regular plural of it (not "gab" for "gabbcea"), and the guess is a word, listed by lemminflect
    or in wordfreq's list at least once in a million words ("cryptocurrency"; not "pari" for
    "Paris", "texa" for "Texas", "athen" for "Athens"). Called with the lock held."""
    import lemminflect

    if guess == word:
        return True
    if not is_regular_plural(word, guess):
        return False
    if lemminflect.getAllInflections(guess) or lemminflect.getAllLemmas(guess):
        return True
    from wordfreq import zipf_frequency

    return bool(zipf_frequency(guess, "en", wordlist="large") >= 3.0)


def is_regular_plural(word: str, guess: str) -> bool:
    """Whether a word is the plural lemminflect's rules make of a guessed noun lemma. Called with
    the lock held."""
    import lemminflect

    return word in {v.lower() for vs in lemminflect.getAllInflectionsOOV(guess, "NOUN").values() for v in vs}


def _ordered_lemmas(
    word: str, by_pos: dict[str, list[str]], prefer: tuple[str, ...] = _UPOS_ORDER
) -> list[str]:
    """A word's lemmas found by part of speech, in the order `_word_lemmas` gives them."""
    out: list[str] = []
    for upos in prefer + tuple(k for k in by_pos if k not in prefer):
        for lemma in by_pos.get(upos, []):
            if lemma and lemma not in out:
                out.append(lemma)
    if word in by_pos.get("VERB", []) + by_pos.get("NOUN", []):
        out.remove(word)
        out.insert(0, word)
    return out


@lru_cache(maxsize=8192)
def lemmas_of(text: str) -> tuple[str, ...]:
    """Lower-case lemmas of a word (accessed → access, used → use). For a phrase, its first word as a
    verb and its last as a noun (took part → take part, news reports → news report)."""
    text = _normal(text)
    if not text:
        return ()
    words = [*text.split(" ")[:-1], _without_possessive(text.split(" ")[-1])]
    text = " ".join(words)
    with _lock:
        if len(words) == 1:
            return tuple(_word_lemmas(text))
        first = _word_lemmas(words[0], ("VERB",))[:1] or [words[0]]
        last = _word_lemmas(words[-1], ("NOUN", "VERB"))[:1] or [words[-1]]
    return (" ".join([first[0], *words[1:-1], last[0]]),)


def lemma_of(text: str) -> str:
    """The one lemma a word is saved under: its first lemma, or itself."""
    found = lemmas_of(text)
    return found[0] if found else _normal(text)


def _inflections(word: str, oov: tuple[str, ...]) -> set[str]:
    import lemminflect

    forms = {word}
    for variants in lemminflect.getAllInflections(word).values():
        forms.update(v.lower() for v in variants)
    if len(forms) == 1:
        for upos in oov:
            for variants in lemminflect.getAllInflectionsOOV(word, upos).values():
                forms.update(v.lower() for v in variants)
    return forms


@lru_cache(maxsize=8192)
def forms_of(lemma: str) -> frozenset[str]:
    """Lower-case forms of a lemma: itself and its inflections. A phrase inflects its first word as
    a verb and its last as a noun (take part → took part; news report → news reports)."""
    lemma = _normal(lemma)
    if not lemma:
        return frozenset()
    words = lemma.split(" ")
    with _lock:
        if len(words) == 1:
            return frozenset(_inflections(lemma, ("NOUN", "VERB")))
        import lemminflect

        firsts = {words[0]}
        for variants in lemminflect.getAllInflections(words[0], "VERB").values():
            firsts.update(v.lower() for v in variants)
        lasts = {words[-1]}
        for variants in lemminflect.getAllInflections(words[-1], "NOUN").values():
            lasts.update(v.lower() for v in variants)
    middle = words[1:-1]
    return frozenset(" ".join([f, *middle, last]) for f in firsts for last in lasts)


_POS_TO_UPOS = {
    "n": ("NOUN",),
    "v": ("VERB",),
    "adj": ("ADJ",),
    "a": ("ADJ",),
    "adv": ("ADV",),
}


def _upos_for(pos: str) -> tuple[str, ...]:
    """The universal POS tags to inflect a term as, from a word list's 'n.', 'v.', 'adj.'."""
    key = pos.strip().lower().rstrip(".").split(".")[0].split("/")[0].strip()
    return _POS_TO_UPOS.get(key, ("NOUN", "VERB", "ADJ"))


@lru_cache(maxsize=1024)
def word_forms(term: str, pos: str = "") -> frozenset[str]:
    """Lower-case forms of a word-list term (its inflections and lemmas); a phrase inflects its last word."""
    term = " ".join(term.split())
    if not term:
        return frozenset()
    head, _, last = term.rpartition(" ")
    prefix = head + " " if head else ""
    with _lock:
        import lemminflect

        forms: set[str] = {last}
        for lemmas in lemminflect.getAllLemmas(last).values():
            forms.update(lemmas)
        for base in list(forms):
            found = lemminflect.getAllInflections(base)
            if not found:
                for upos in _upos_for(pos):
                    found.update(lemminflect.getAllInflectionsOOV(base, upos))
            for variants in found.values():
                forms.update(variants)
    return frozenset(prefix.lower() + f.lower() for f in forms)


def warm_up() -> None:
    """Load lemminflect's tables in the background (~0.5 s) so the first lookup is quick."""
    threading.Thread(target=lambda: word_forms("access", "v."), daemon=True).start()


def find_forms(text: str, forms: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of `text` where any of `forms` occurs as a whole word, case-insensitive."""
    if not forms:
        return []
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, laid out as a trie so the matcher does not try
    every alternative at every position."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else ("['’]" if ch == "'" else re.escape(ch))
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def compile_forms(forms: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern finding any of `forms` as whole words (None for no forms)."""
    cleaned = sorted({_normal(f) for f in forms if _normal(f)})
    if not cleaned:
        return None
    return re.compile(rf"(?<![\w'’-])(?:{_trie_pattern(cleaned)})(?![\w-])", re.IGNORECASE)


def compile_lowered(forms: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for any of `forms` as whole words, to run over lower-cased text (see `find_lowered`).

    The check that a match starts a word is in the pattern: checking each match in Python instead
    took a third longer over a book with thousands of matches, and missed a word that started
    inside a rejected match."""
    cleaned = sorted({_normal(f) for f in forms if _normal(f)})
    if not cleaned:
        return None
    return re.compile(rf"(?<![\w'’-])(?:{_trie_pattern(cleaned)})(?![\w-])")


def find_lowered(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    """(start, end, matched lower-case text) of the matches of a `compile_lowered` pattern."""
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lowered: match case-insensitively
        low = text
        pattern = re.compile(pattern.pattern, re.IGNORECASE)
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(low)]
