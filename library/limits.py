"""Limits the library enforces on what it reads."""

from __future__ import annotations

# The largest page the importer reads; larger files are refused by their size, unread.
MAX_BYTES = 64 * 1024 * 1024
