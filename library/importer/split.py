"""Step 3: split text into lines, remembering how many blank lines stood before each."""

from __future__ import annotations

from dataclasses import dataclass, field

from library.errors import ImportRefused
from library.importer.normalise import language_of, normalise
from library.limits import MAX_LINES


@dataclass(slots=True)
class Line:
    """One non-blank line of the page and what the later steps decide about it."""

    index: int
    raw: str
    text: str
    gap: int
    lang: str
    kind: str = ""
    data: dict[str, str] = field(default_factory=dict)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, normalised, with their preceding blank-line counts and language;
    ImportRefused for a page of more lines than MAX_LINES (counted before any is made: each
    costs the later steps about a kilobyte, and 6 million one-letter lines took 5 GB)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    count = text.count("\n") + 1
    if count > MAX_LINES:
        raise ImportRefused(f"page has too many lines ({count:,}; the limit is {MAX_LINES:,})")
    out: list[Line] = []
    gap = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        norm = normalise(stripped) if stripped else ""
        if not norm:
            gap += 1
            continue
        out.append(Line(index=len(out), raw=raw, text=norm, gap=gap, lang=language_of(norm)))
        gap = 0
    return out
