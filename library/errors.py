"""Errors the library reports to its callers with a one-line, user-facing message.

A leaf module: it imports nothing of the library, so every part can raise and catch these."""

from __future__ import annotations

from pathlib import Path


class ImportRefused(Exception):
    """A file that cannot be imported; str(exc) is one line saying why."""


class LibraryError(Exception):
    """A library file that cannot be used (damaged, newer than this program…)."""


class LibraryBusy(LibraryError):
    """Another program held the library's write lock for longer than we could wait."""


class LibraryDamaged(LibraryError):
    """The library file fails SQLite's integrity check; `hint` says how to restore it."""

    def __init__(self, path: Path, problem: str, hint: str = "") -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        super().__init__(f"{path} is damaged ({problem})." + (f" {hint}" if hint else ""))


class WriteRefused(OSError):
    """A file the user asked for cannot be written there (a folder, a pipe, a full disk); one line.
    An OSError, so that callers which report a failed write already report this one."""
