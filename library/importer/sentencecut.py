"""A translation's sentences, and how many paragraphs one translation may cover: shared by the covering
step and the check of translations that fit their paragraph badly (library/importer/misfit.py)."""

from __future__ import annotations

import re

# At most this many paragraphs are taken as one translation's (longer merges are not seen).
MAX_COVERED = 4
_SENTENCE = re.compile(r".+?(?:[。！？!?]+[」』)）]?|\.(?=\s)|\.$|$)\s*", re.S)


def sentences(text: str) -> list[str]:
    """The sentences of a translation, each with its closing mark."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
