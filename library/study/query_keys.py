"""The key a word as selected is looked up under, and the keys tried when it is glossed nowhere."""

from __future__ import annotations

from library.study.dictionary_import import normalise_key

_QUOTES = "\"'“”‘’«»()[]{}.,;:!?…"
_ARTICLES = ("the ", "a ", "an ")


def clean_query(word: str) -> str:
    """The key a word as selected is looked up under: its quotes and the punctuation around it dropped
    ("“stake”," → stake), and a phrase's leading article ("the prime minister" → prime minister)."""
    query = normalise_key(word).strip(_QUOTES + " ")
    if query.startswith(_ARTICLES) and " " in query:
        query = query.split(" ", 1)[1].strip()
    return query


def noun_keys(keys: list[str]) -> list[str]:
    """The nouns a verb's lemma may make, tried when the verb itself is glossed nowhere: "re-elected" is
    found as re-election (再選), as JMdict glosses it; a phrase's first word alike ("take office")."""
    out: list[str] = []
    for key in keys:
        first, _, rest = key.partition(" ")
        if not first.isalpha() and not first.replace("-", "").isalpha():
            continue
        stems = [first, first[:-1]] if first.endswith("e") else [first]
        for stem in stems:
            for ending in ("ion", "ation", "ment"):
                out.append(" ".join(w for w in (stem + ending, rest) if w))
    return [k for k in dict.fromkeys(out) if k not in keys]
