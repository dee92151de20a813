"""Studying figures: dictionary lookup, marking saved words over a 100,000-word lesson, and building
the dictionary table from JMdict (its time and size on disk).

    python bench/study.py [--quick]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from figures import Figure, timed  # noqa: E402
from generate import WORDS, big_lesson_text  # noqa: E402

from library import Library  # noqa: E402
from library.study.dictionary import Dictionary, jmdict_source_path  # noqa: E402
from library.wordforms import WORD_RE  # noqa: E402

LOOKUP_WORDS = (
    "access",
    "accessed",
    "autonomy",
    "addresses",
    "models",
    "government",
    "running",
    "took part",
    "chatbots",
    "generative AI",
    "farmers",
    "research",
    "limited",
    "the",
    "better",
    "children",
)


def bench_study(tmp: Path, quick: bool) -> list[Figure]:
    """Dictionary build (time and size), lookup per word, and marking saved words in a 100,000-word lesson."""
    figures: list[Figure] = []
    # The shared table goes to the bench's folder, not the user's cache (where the window keeps it).
    dictionary = Dictionary(tmp / "dictionary.db", table=tmp / "jmdict-en-ja.db")
    if jmdict_source_path() is not None:
        info = dictionary.build_jmdict()
        figures.append(
            Figure(
                "dictionary_build",
                "s",
                info["seconds"],
                info["seconds"],
                None,
                note=f"JMdict → {info['rows']:,} ranked senses under {info['keys']:,} English keys"
                " (once per machine, in the background on the first start)",
            )
        )
        figures.append(
            Figure(
                "dictionary_size",
                "MB",
                info["bytes"] / 1e6,
                info["bytes"] / 1e6,
                None,
                note="the shared table on disk in the user's cache folder",
            )
        )
        what = "JMdict"
    else:
        rows = "\n".join(f"{w}\t語{i}" for i, w in enumerate(WORDS))
        dictionary.import_text(rows, "bench", tsv=True)
        what = "a generated dictionary (jamdict-data not installed)"
    for w in LOOKUP_WORDS:  # load the inflection tables first: that happens once, in the background
        dictionary.lookup(w)
    counter = iter(range(10**9))
    times = timed(lambda: dictionary.lookup(LOOKUP_WORDS[next(counter) % len(LOOKUP_WORDS)]), 200 if quick else 2000)
    figures.append(
        Figure(
            "dictionary_lookup",
            "ms",
            statistics.median(times),
            max(times),
            5.0,
            note=f"{what}: word → lemmas → ranked senses",
        )
    )

    lib = Library(tmp / "study.db")
    text = big_lesson_text(100_000)
    lesson_id = lib.lessons.import_bytes(text.encode(), "book.txt").lesson_id
    lesson = lib.lessons.get(lesson_id)
    words = lib.study.words
    blocks = [b.text for b in lesson.blocks]
    tokens = [t.lower() for t in WORD_RE.findall(text)]
    counts = Counter(tokens)
    # A learner's list: the rarer words first, until a quarter of the running text is saved words
    # (the generated book has a small vocabulary, so every saved word recurs often).
    saved, covered = [], 0
    for w, n in sorted(counts.items(), key=lambda kv: kv[1]):
        if covered + n > len(tokens) * 0.25:
            continue
        saved.append(w)
        covered += n
    saved += ["took part", "school students", "health research"]
    for i, w in enumerate(saved):
        words.save(w, ("new", "learning", "known")[i % 3])

    def mark() -> int:
        marks = words.marks()
        return sum(len(marks.find(t)) for t in blocks)

    found = mark()
    mark_times = timed(mark, 5 if quick else 15)
    figures.append(
        Figure(
            "mark_saved_words",
            "ms",
            statistics.median(mark_times),
            max(mark_times),
            100.0,
            note=f"{len(saved)} saved words, {found:,} occurrences ({found / len(tokens):.0%} of the "
            f"words) in a {lesson.word_count():,}-word lesson: one compiled pattern",
        )
    )
    screen = blocks[:12]
    marks_now = words.marks()
    screen_times = timed(lambda: [marks_now.find(t) for t in screen], 50 if quick else 200)
    figures.append(
        Figure(
            "mark_one_screen",
            "ms",
            statistics.median(screen_times),
            max(screen_times),
            None,
            note="what the window does per screenful: it marks paragraphs as they are painted",
        )
    )

    def compile_fresh() -> None:
        words._marks = None
        words.marks()

    compile_times = timed(compile_fresh, 5 if quick else 15)
    figures.append(
        Figure(
            "mark_pattern_build",
            "ms",
            statistics.median(compile_times),
            max(compile_times),
            None,
            note="building that pattern after a word is saved",
        )
    )
    lib.close()
    return figures


def main() -> int:
    """Print the studying figures."""
    quick = "--quick" in sys.argv
    os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp())
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        figures = bench_study(Path(tmp), quick)
    for f in figures:
        budget = "-" if f.budget is None else f"≤ {f.budget:g}"
        print(
            f"{f.name:<22} {f.median:>10.2f} {f.worst:>10.2f} {budget:>9} {f.unit:<3} "
            f"{'ok' if f.ok else 'MISS':4} {f.note}"
        )
    print(f"({time.perf_counter() - t:.1f} s)")
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
