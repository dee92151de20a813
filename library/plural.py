"""Counts with their nouns in the right number, for English lines the command line prints."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 paragraph`, `2 paragraphs`, `1 glossary entry`: a count with its noun in the right number."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"
