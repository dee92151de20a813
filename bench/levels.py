"""Word-level figures: loading the level list, levelling a 100,000-word book (the generated one,
and one with a 10,000-word vocabulary drawn from the list, as a real book has), levelling lessons
after an import, and what the stored difficulty adds to listing every lesson of a large library.

    python bench/levels.py [--quick] [LIBRARY]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from figures import Figure, timed  # noqa: E402
from generate import big_lesson_text  # noqa: E402

from library import Library  # noqa: E402
from library.study import levels as levels_module  # noqa: E402


def _rich_book(words: int = 100_000, vocabulary: int = 10_000) -> list[str]:
    """Paragraphs of `words` running words over `vocabulary` distinct words from the level list."""
    analyzer = levels_module._cefr()
    listed = [w for n in range(3, 11) for w in analyzer.yield_words_with_length(n)]
    rng = random.Random(11)
    vocab = rng.sample(listed, vocabulary)
    common = levels_module.level_text(big_lesson_text(2000).splitlines()).lemmas  # the everyday words
    pool = vocab + [w for w in common for _ in range(20)]
    out = []
    for _ in range(words // 100):
        out.append(" ".join(rng.choice(pool) for _ in range(100)) + ".")
    return out


def _cold(texts: list[str], clock: Callable[[], float] = time.perf_counter) -> float:
    """Milliseconds to level `texts` with no word worked out yet (the lists themselves loaded)."""
    from library import wordforms

    levels_module._words.clear()
    wordforms.lemmas_of.cache_clear()
    t = clock()
    levels_module.level_text(texts)
    return (clock() - t) * 1000


def bench_levels(tmp: Path, quick: bool, library: Path | None = None) -> list[Figure]:
    """Level-list load, book levelling (cold and warm), levelling lessons, and listing with difficulty."""
    from library.study import lemma_batch, level_table, word_table

    level_table.load()  # built once per machine: on a machine's first levelling, not measured here
    level_table.close()
    t = time.perf_counter()
    level_table.load()
    word_table.syllables("loading")
    lemma_batch.lemmas_of_many(["loading"])
    load = (time.perf_counter() - t) * 1000
    note = "the level table opened, lemminflect's tables, pyphen's patterns: read once on first use"
    figures = [Figure("levels_list_load", "ms", load, load, None, note=note)]
    book = big_lesson_text().splitlines()
    rich = _rich_book()
    for name, texts, what in (
        ("levels_book", book, "generated book, ~200 distinct words"),
        ("levels_book_rich", rich, "10,000 distinct words from the list"),
    ):
        colds = [_cold(texts) for _ in range(1 if quick else 3)]
        warm = timed(lambda texts=texts: levels_module.level_text(texts), 1 if quick else 5)
        words = levels_module.level_text(texts)
        n = words.words + words.names
        figures.append(
            Figure(f"{name}_cold", "ms", statistics.median(colds), max(colds), 300.0, note=f"{n:,} words, {what}")
        )
        # The processor time of the same: on a machine shared with other work, what the code costs.
        cpu = [_cold(texts, time.process_time) for _ in range(1 if quick else 3)]
        figures.append(Figure(f"{name}_cold_cpu", "ms", statistics.median(cpu), max(cpu), None, note="processor time"))
        figures.append(
            Figure(f"{name}_warm", "ms", statistics.median(warm), max(warm), 300.0, note="words seen before")
        )
    figures += _bench_library(tmp, quick, library)
    return figures


def _bench_library(tmp: Path, quick: bool, library: Path | None) -> list[Figure]:
    """Levelling lessons after an import, and the difficulty's cost in listing every lesson."""
    path = tmp / "levels.db"
    if library is not None:  # a copy: this part saves a word and adds rows
        import shutil

        shutil.copyfile(library, path)
    lib = Library(path)
    try:
        if lib.lessons.count() == 0:
            from generate import lesson_text

            for i in range(200):
                lib.lessons.import_bytes(lesson_text(i).encode(), f"l{i}.txt")
        levels = lib.study.levels
        sample = min(100 if quick else 300, levels.pending())
        ids = [r[0] for r in lib.db.execute("SELECT id FROM lessons ORDER BY id LIMIT ?", [sample])]
        t = time.perf_counter()
        for lesson_id in ids:
            levels.relevel(lesson_id)
        each = (time.perf_counter() - t) * 1000 / max(1, len(ids))
        note = f"level one stored lesson (mean of {len(ids)})"
        figures = [Figure("levels_lesson", "ms", each, each, None, note=note)]
        if library is None and not quick:
            # Without a scale library, copies of the lesson rows (no text) make 10,000 lessons to list.
            lib.db.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000 - ?)"
                " INSERT INTO lessons (title, source_hash, word_count, indexed)"
                " SELECT 'copy ' || i, 'copy-' || i, 500, 1 FROM n",
                [lib.lessons.count()],
            )
        # The rest get rows of the same shape by SQL: listing reads the stored numbers, whatever they are.
        lib.db.execute(
            "INSERT OR IGNORE INTO lesson_levels (lesson_id, a1, a2, b1, b2, c1, c2, unlisted, names, sentences,"
            " syllables) SELECT id, 300, 120, 60, 20, 5, 3, 8, 12, 30, 800 FROM lessons"
        )
        lib.db.execute(
            "INSERT OR IGNORE INTO lesson_known (profile_id, lesson_id, known) SELECT 1, id, 400 FROM lessons"
        )
        lib.study.words.save("river", "known")  # a status change: one statement over every lesson
        n = lib.lessons.count()
        repeat = 5 if quick else 15
        plain = timed(lib.lessons.list, repeat)
        # What the list adds is one call reading every share; timed alone, as a difference of two
        # noisy timings can come out below zero.
        # The list asks for the difficulty of a page of rows as it shows them: the first page.
        first_page = [r.id for r in lib.lessons.list(0, 100)]
        added = timed(lambda: lib.study.levels.shares_and_levels(first_page), repeat)
        every = timed(lib.study.levels.shares_and_levels, repeat)
        t = time.perf_counter()
        lib.study.words.set_status("river", "learning")
        change = (time.perf_counter() - t) * 1000
        figures += [
            Figure(
                "levels_list_added",
                "ms",
                statistics.median(added),
                max(added),
                10.0,
                note=f"difficulty (share, level) of the shown page of {n:,} lessons, on top of listing them"
                f" ({statistics.median(plain):.1f} ms)",
            ),
            Figure("levels_list_every", "ms", statistics.median(every), max(every), None,
                   note=f"difficulty of all {n:,} lessons at once (the list never asks for it)"),
            Figure("levels_status_change", "ms", change, change, None, note=f"a known word, over {n:,} lessons"),
        ]
        from library.study.seeding import level_words

        t = time.perf_counter()
        seeded = lib.study.seeding.seed(level_words("A2"))
        seed = (time.perf_counter() - t) * 1000
        note = f"I know A1–A2: {seeded.marked:,} words marked known, the known count of {n:,} lessons redone"
        figures.append(Figure("levels_seed_a2", "ms", seed, seed, None, note=note))
        words, ids = lib.study.words, seeded.word_ids
        t = time.perf_counter()
        words.set_statuses(ids[:100], "learning")  # a selection in My words: moved word by word
        few = (time.perf_counter() - t) * 1000
        figures.append(Figure("levels_bulk_status_100", "ms", few, few, None,
                              note=f"100 words set at once, the known count of {n:,} lessons moved"))
        t = time.perf_counter()
        words.set_statuses(ids, "learning")
        bulk = (time.perf_counter() - t) * 1000
        figures.append(Figure("levels_bulk_status", "ms", bulk, bulk, None,
                              note=f"{len(ids):,} words set at once, the known count of {n:,} lessons redone"))
        words.set_statuses(ids, "known")
        t = time.perf_counter()
        lib.study.seeding.undo(seeded)
        undo = (time.perf_counter() - t) * 1000
        figures.append(Figure("levels_seed_undo", "ms", undo, undo, None,
                              note=f"the A1–A2 marking taken back, the known count of {n:,} lessons redone"))
    finally:
        lib.close()
    return figures


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmpdir:
        args = [a for a in sys.argv[1:] if a != "--quick"]
        for f in bench_levels(Path(tmpdir), "--quick" in sys.argv, Path(args[0]) if args else None):
            print(f"{f.name:<24} {f.median:>10.2f} {f.worst:>10.2f} {f.budget or '-':>6} {f.unit:<3} {f.note}")
