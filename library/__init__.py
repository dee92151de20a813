"""The study library: storage, import and queries. Pure Python; no Qt here."""

from __future__ import annotations

from library._startup import import_sqlite_utils

import_sqlite_utils()  # first, before any module imports sqlite_utils itself

from library.errors import ImportRefused  # noqa: E402
from library.facade import Library, default_library_path  # noqa: E402
from library.model import Anchor, Block, GlossaryEntry, Lesson, Note, Unplaced  # noqa: E402

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
