"""The importer fuzz (bench/fuzz.py) in the suite: 100 structured hostile files for each
importer, derandomized (the same ones when the module runs alone, as checked by hashing them);
each ends in a lesson or one line, never a traceback, and a refused file leaves the library
(or the dictionary) as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.fuzz import STRATEGIES, fuzz

# Crashes the fuzz finds in importers other changes are fixing now (issue 17, finding 20);
# each becomes a pass when its fix lands (not strict, so either is accepted).
OPEN = {
    "epub": "malformed XML in container.xml or the package raises ParseError (finding 20)",
    "json": "wrongly typed fields (captions: 5, translations: [], anchor block: 'x') raise TypeError (finding 20)",
    # Met in the whole suite's run though not when this module runs alone (the reason is not known yet).
    "pack": "a member whose deflate stream is corrupt raises zlib.error (finding 20)",
}


@pytest.mark.parametrize(
    "kind",
    [pytest.param(k, marks=pytest.mark.xfail(reason=OPEN[k], strict=False)) if k in OPEN else k for k in STRATEGIES],
)
def test_every_hostile_file_ends_in_a_lesson_or_one_line(kind: str, tmp_path: Path) -> None:
    # Derandomized (the same files every run) and not shrunk: a failure names its file as drawn.
    outcomes = fuzz(kind, 100, tmp_path, derandomize=True, shrink=False)
    assert sum(outcomes.values()) >= 100
    if kind not in ("pack", "dictionary"):
        # The files are built to reach the importer, not only its first check.
        assert outcomes["imported"] > 0, outcomes
