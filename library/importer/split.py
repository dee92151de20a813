"""Step 3: split text into lines, remembering how many blank lines stood before each."""

from __future__ import annotations

from dataclasses import dataclass, field

from library.importer.normalise import language_of, normalise


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
    """Non-blank lines, normalised, with their preceding blank-line counts and language."""
    out: list[Line] = []
    gap = 0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = raw.strip()
        norm = normalise(stripped) if stripped else ""
        if not norm:
            gap += 1
            continue
        out.append(Line(index=len(out), raw=raw, text=norm, gap=gap, lang=language_of(norm)))
        gap = 0
    return out
