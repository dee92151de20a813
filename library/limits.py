"""Limits the library enforces on what it reads."""

from __future__ import annotations

# The largest page the importer reads; larger files are refused by their size, unread.
MAX_BYTES = 64 * 1024 * 1024

# Markup nested deeper than this is flattened before it is parsed (library/importer/nesting.py):
# the HTML parser's cost per element grows with its depth. Browsers stop nesting at 512 too.
MAX_HTML_DEPTH = 512

# The most lines (blank ones included) a page may have; past it the page is refused. Each line
# costs the text steps about 800 bytes, and a 100,000-word book has a few thousand.
MAX_LINES = 100_000
