"""Inflected forms of glossary terms (lemminflect, loaded lazily) and finding them in text."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

_POS_TO_UPOS = {
    "n": ("NOUN",),
    "v": ("VERB",),
    "adj": ("ADJ",),
    "a": ("ADJ",),
    "adv": ("ADV",),
}
_lock = threading.Lock()


def _upos_for(pos: str) -> tuple[str, ...]:
    """The universal POS tags to inflect a term as, from a glossary's 'n.', 'v.', 'adj.'."""
    key = pos.strip().lower().rstrip(".").split(".")[0].split("/")[0].strip()
    return _POS_TO_UPOS.get(key, ("NOUN", "VERB", "ADJ"))


@lru_cache(maxsize=1024)
def word_forms(term: str, pos: str = "") -> frozenset[str]:
    """Lower-case forms of `term` (its inflections and lemmas); the last word of a phrase is inflected."""
    term = " ".join(term.split())
    if not term:
        return frozenset()
    head, _, last = term.rpartition(" ")
    prefix = head + " " if head else ""
    with _lock:
        import lemminflect  # slow to load (~0.5 s): only when a word is first looked up

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
    """Load lemminflect's tables in the background so the first lookup is quick."""
    threading.Thread(target=lambda: word_forms("access", "v."), daemon=True).start()


def find_forms(text: str, forms: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of `text` where any of `forms` occurs as a whole word, case-insensitive."""
    if not forms:
        return []
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
