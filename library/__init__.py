"""The study library: storage, import and queries. Pure Python; no Qt here."""

from __future__ import annotations

from library.errors import ImportRefused
from library.facade import Library, default_library_path
from library.model import Anchor, Block, GlossaryEntry, Lesson, Note, Unplaced

__all__ = [
    "Anchor",
    "Block",
    "GlossaryEntry",
    "ImportRefused",
    "Lesson",
    "Library",
    "Note",
    "Unplaced",
    "default_library_path",
]
