"""Note markers: the next one in a lesson's own style."""

from __future__ import annotations

import re


def next_marker(markers: list[str]) -> str:
    """The next note marker in the lesson's own style (※4 → ※5, [2] → [3]); ※1 for a lesson with none."""
    best: tuple[int, str, str] | None = None
    for m in markers:
        found = re.fullmatch(r"(\D*)(\d+)(\D*)", m)
        if found and (best is None or int(found.group(2)) >= best[0]):
            best = (int(found.group(2)), found.group(1), found.group(3))
    if best is None:
        return "※1"
    return f"{best[1]}{best[0] + 1}{best[2]}"
