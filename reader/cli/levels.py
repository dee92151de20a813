"""`show ID --levels`: a lesson's level profile, readability and unknown share for the learner."""

from __future__ import annotations

import json
import sys

from library import Library


def print_levels(lib: Library, lesson_id: int, as_json: bool) -> int:
    """Print one lesson's word levels (as JSON if asked); returns the exit status."""
    found = lib.study.levels.of(lesson_id)
    if found is None:
        print(f"study-reader: no lesson with id {lesson_id}", file=sys.stderr)
        return 1
    bands = lib.study.levels.frequency_bands(lesson_id)
    if as_json:
        from library.study.lesson_words import lesson_words

        texts = [r[0] for r in lib.db.execute("SELECT text FROM blocks WHERE lesson_id = ? ORDER BY pos", [lesson_id])]
        out = {**found.to_json(), "bands": bands, "word_list": lesson_words(texts)}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    words = found.words
    print(f"{words} running words levelled, {found.names} names left out")
    for level, n in found.counts.items():
        share = n / words if words else 0.0
        print(f"{level:>8}  {n:6d}  {share:6.1%}  {'█' * round(share * 40)}")
    print(f"Readability: grade {found.grade:.1f} (Flesch–Kincaid, {found.sentences} sentences)")
    print(f"Unknown to {lib.profiles.current().name}: {found.unknown_share:.1%} ({words - found.known} of {words})")
    print(_bands_line(bands))
    return 0


def _bands_line(bands: dict[str, int]) -> str:
    """Running words by frequency band, as one line (1k: among the 1,000 most common words …)."""
    total = sum(bands.values())
    shares = "  ".join(f"{band} {n / total if total else 0:.1%}" for band, n in bands.items())
    return f"Frequency (wordfreq): {shares}"
