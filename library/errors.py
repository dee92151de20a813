"""Errors the library reports to its callers with a one-line, user-facing message."""

from __future__ import annotations


class ImportRefused(Exception):
    """A file that cannot be imported; str(exc) is one line saying why."""
