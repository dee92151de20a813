"""Meanings for saved words that have none: a word saved before the dictionary existed (or
while it was being built) gets one as soon as the dictionary can give it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.study.dictionary import Dictionary
    from library.study.words import Words

SENSES = 3  # as many Japanese headwords as the lookup card keeps


def meaning_from(dictionary: Dictionary, text: str) -> str:
    """The short meaning a card saves for `text`: its first few Japanese headwords."""
    found = dictionary.lookup(text, limit=SENSES)
    return "; ".join(dict.fromkeys(s.headword for s in found.senses[:SENSES] if s.headword))


def fill_meanings(words: Words, dictionary: Dictionary) -> int:
    """Give every saved word without a meaning the dictionary's, where it has one; returns how many."""
    if not dictionary.has_entries():
        return 0
    filled = 0
    for word in words.list():
        if word.gloss.strip():
            continue  # what the learner or the card saved is kept
        meaning = meaning_from(dictionary, word.text)
        if meaning:
            words.save(word.text, word.status, gloss=meaning)
            filled += 1
    return filled
