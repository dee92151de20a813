"""Meanings for saved words that have none: a word saved before the dictionary existed (or
while it was being built) gets one as soon as the dictionary can give it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.study.dictionary import Dictionary
    from library.study.words import Word, Words

SENSES = 3  # as many Japanese headwords as the lookup card keeps


def meaning_from(dictionary: Dictionary, text: str, pos: str | None = None) -> str:
    """The short meaning a card saves for `text` (`pos`: its part of speech in its sentence): its
    first few Japanese headwords."""
    found = dictionary.lookup(text, limit=SENSES, pos=pos)
    return "; ".join(dict.fromkeys(s.headword for s in found.senses[:SENSES] if s.headword))


def own_meaning(dictionary: Dictionary, text: str) -> str:
    """As meaning_from, of the senses listed under this saved lemma itself only (none of another base
    word it could be a form of)."""
    from library.study.dictionary_import import normalise_key

    key = normalise_key(text)
    found = dictionary.lookup(text, limit=4 * SENSES)
    own = [s for s in found.senses if s.key == key and s.headword]
    return "; ".join(dict.fromkeys(s.headword for s in own[:SENSES]))


def saved_pos(word: Word) -> str | None:
    """A saved word's part of speech in the sentence it was saved from, as the card told it."""
    from library.study.sentence_pos import pos_in_sentence
    from library.study.words import form_in

    span = form_in(word.sentence, word) if word.sentence else None
    if span is None:
        return None
    start, end = span
    return pos_in_sentence(word.sentence[:start], word.sentence[start:end], word.sentence[end:])


def fill_meanings(words: Words, dictionary: Dictionary) -> int:
    """Give every saved word without a meaning the dictionary's, where it has one; returns how many.

    A word marked known with no sentence and no lesson (thousands at once, from a level, the most
    common words, a deck or a list) gets only a meaning the dictionary lists for the word itself
    (Paris パリ), never one of a base word it could be a form of: with no sentence to tell its part
    of speech that guess was often wrong (training 電車 of "train"). Without one it is left empty:
    the card looks it up when the word is shown."""
    if not dictionary.has_entries():
        return 0
    filled = 0
    for word in words.list():
        if word.gloss.strip():
            continue  # what the learner or the card saved is kept
        if word.status in ("known", "ignored") and not word.sentence and word.lesson_id is None:
            meaning = own_meaning(dictionary, word.lemma)  # marked known at once: see above
        else:
            meaning = meaning_from(dictionary, word.text, saved_pos(word))
        if meaning:
            # the row read, whatever its text would be saved as now; a meaning of the dictionary, not mine
            words.edit(word.id, gloss=meaning, from_dictionary=True)
            filled += 1
    return filled
