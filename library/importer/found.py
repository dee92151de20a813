"""What a page refused for want of English text to study holds, said in the refusal: a title,
a word list, text in the translation's language (a page of English headwords and their glosses
under an English title is a word list, not "only a translation")."""

from __future__ import annotations

from library.importer import split as K
from library.importer.split import Line
from library.plural import plural

_NAMES = {"ja": "Japanese", "zh": "Chinese", "ko": "Korean"}
_ENTRY_KINDS = (K.ENTRY, K.WORDLIST)


def no_english_reason(lines: list[Line]) -> str:
    """The refusal's message for a page with no English prose: what was found instead."""
    entries = sum(len(ln.entries) for ln in lines if ln.kind in _ENTRY_KINDS)
    title = any(ln.kind == K.TITLE for ln in lines)
    langs = [ln.lang for ln in lines if ln.lang in _NAMES and ln.kind not in _ENTRY_KINDS]
    if not entries and not title:
        if langs:
            return "page has no English text to study (only a translation was found)"
        return "page has no paragraphs of English text"
    found = ["a title"] if title else []
    if entries:
        found.append(f"a word list of {plural(entries, 'entry', 'entries')}")
    if langs:
        lang = max(set(langs), key=langs.count)
        found.append(f"text in {_NAMES[lang]}")
    listed = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]
    return f"page has no English text to study (only {listed} {'was' if len(found) == 1 else 'were'} found)"
