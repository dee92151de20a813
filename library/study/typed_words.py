"""Words typed in (`words add`): checked as a word list's lines are, and saved as the word itself.

A word is saved under its lemma and shown as it ("companies'" and "companies" are the word
company, typed forms kept as its forms); a capitalised word that is a name (Athens, Paris: not an
inflected form, and a name as the seeding tells one) and an abbreviation in capitals keep their
capitals; a phrase is kept as typed."""

from __future__ import annotations

import re

from library.study.seeding import is_name, word_or_phrase
from library.wordforms import lemma_of, normal_form


def typed_word(text: str) -> str:
    """A typed word composed and with full-width letters made plain (see `normal_form`), runs of
    spaces made one ("give  up"); tabs and line breaks are kept, for the check to refuse."""
    return re.sub(r" +", " ", normal_form(text)).strip(" ")


def why_not_a_word(text: str) -> str | None:
    """Why a typed word cannot be saved (None when it can): the same check a word list's lines pass."""
    if not text.strip():
        return "only spaces"
    if not text.isprintable():
        return "it holds a tab, a line break or another control character"
    return word_or_phrase(text)


def saved_as(text: str) -> str:
    """What a typed word (checked) is saved and shown as: its lemma in lower case, or as typed."""
    if " " in text:
        return text
    lemma = lemma_of(text)
    if len(text) > 1 and text.isupper():
        return text
    if text[:1].isupper():
        bare = text.removesuffix("'s").removesuffix("’s") if len(text) > 3 else text
        if lemma == bare.lower() and is_name(bare, lemma):  # a name keeps its capital; "Economy" is economy
            return bare
    return lemma
