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

# The most paragraphs and headings a lesson may have; past it the page is refused. The window
# lays out every block when a lesson opens: 20,000 one-word paragraphs open in about 1 s and
# 155 MB (a 100,000-word book of 1,000 paragraphs: 0.85 s, 96 MB), 100,000 took 6.8 s and 434 MB.
MAX_BLOCKS = 20_000
