"""A meaning for the lesson's word-list entries that have none (made by hand, a bare word list):
the dictionary's first sense, as the glosses over the text give it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.study.dictionary import Dictionary


def dictionary_meanings(dictionary: Callable[[], Dictionary]) -> Callable[[Sequence[str]], dict[str, str]]:
    """term → the dictionary's first Japanese sense (with its reading), for the terms it knows; nothing
    asked of the dictionary while no term is without a meaning, and nothing found without a dictionary."""

    def meanings(terms: Sequence[str]) -> dict[str, str]:
        if not terms:
            return {}
        found = dictionary()
        try:
            if not found.has_entries():
                return {}
            senses = found.first_senses(terms)
        except (OSError, sqlite3.Error):
            return {}  # a dictionary file that cannot be read now: the entries show what they have
        return {
            term: s.headword + (f" ({s.reading})" if s.reading and s.reading != s.headword else "")
            for term, s in senses.items()
            if s.headword
        }

    return meanings
