"""Study Reader benchmark: measures each figure, prints it next to its budget, and exits
non-zero when a budget is missed. Builds all its data itself.

    python bench/run.py            # full run
    python bench/run.py --quick    # fewer repeats and smaller data (under a minute)
    python bench/run.py --json     # JSON lines only
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from generate import lesson_text  # noqa: E402

from library import Library  # noqa: E402
from library.bulk import import_many  # noqa: E402

REFERENCE = REPO.parent / "shared" / "seeds" / "000_e3543465f285a1b2.txt"
SAMPLE = REPO / "resources" / "samples" / "01_coral_reefs.txt"


@dataclass
class Figure:
    """One measured figure and its budget."""

    name: str
    unit: str
    median: float
    worst: float
    budget: float | None
    higher_is_better: bool = False
    note: str = ""

    @property
    def ok(self) -> bool:
        if self.budget is None:
            return True
        return self.median >= self.budget if self.higher_is_better else self.median <= self.budget


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall times in milliseconds of `repeat` calls."""
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def page_bytes() -> tuple[bytes, str]:
    if REFERENCE.exists():
        return REFERENCE.read_bytes(), "reference page"
    return SAMPLE.read_bytes(), "built-in sample (reference page not found)"


def bench_import(tmp: Path, quick: bool) -> list[Figure]:
    data, what = page_bytes()
    lib = Library(tmp / "import.db")
    for i in range(20):  # a library that is not empty
        lib.lessons.import_bytes(lesson_text(i).encode(), f"g{i}.txt")
    counter = iter(range(10**9))

    def one() -> None:
        # A byte appended makes each page new, so every run parses and stores.
        lib.lessons.import_bytes(data + f"\n{next(counter)}\n".encode(), "ref.txt")

    for _ in range(5):
        one()
    times = timed(one, 30 if quick else 100)
    index_times = timed(lambda: lib.search.index_pending(limit=1), 30 if quick else 100)
    lib.close()
    return [
        Figure(
            "import_reference",
            "ms",
            statistics.median(times),
            max(times),
            5.0,
            note=f"{what}: decode, parse, store in one transaction",
        ),
        Figure(
            "index_reference",
            "ms",
            statistics.median(index_times),
            max(index_times),
            None,
            note="adding one such lesson to the search index, done after the import commits",
        ),
    ]


def bench_bulk(tmp: Path, quick: bool) -> list[Figure]:
    n = 300 if quick else 1000
    items = [(f"lesson{i}.txt", lesson_text(10_000 + i).encode()) for i in range(n)]
    rates = []
    for run in range(1 if quick else 3):
        lib = Library(tmp / f"bulk{run}.db")
        t = time.perf_counter()
        result = import_many(lib.lessons, items=items)
        lib.search.index_pending()
        elapsed = time.perf_counter() - t
        assert len(result.imported) == n, result.refused[:3]
        rates.append(n / elapsed)
        lib.close()
    return [
        Figure(
            "bulk_import_rate",
            "lessons/s",
            statistics.median(rates),
            min(rates),
            300.0,
            higher_is_better=True,
            note=f"{n} generated lessons into one library, search index included",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns 1 if a budget is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller data")
    parser.add_argument("--json", action="store_true", help="print JSON lines only")
    args = parser.parse_args(argv)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for bench in (bench_import, bench_bulk):
            figures += bench(tmp, args.quick)
    if not args.json:
        print(f"{'figure':<22} {'median':>10} {'worst':>10} {'budget':>12}  {'':4} note")
        for f in figures:
            budget = "-" if f.budget is None else (f"≥ {f.budget:g}" if f.higher_is_better else f"≤ {f.budget:g}")
            status = "ok" if f.ok else "MISS"
            print(f"{f.name:<22} {f.median:>10.2f} {f.worst:>10.2f} {budget:>9} {f.unit:<3} {status:4} {f.note}")
        print()
    for f in figures:
        print(
            json.dumps(
                {
                    "figure": f.name,
                    "unit": f.unit,
                    "median": round(f.median, 3),
                    "worst": round(f.worst, 3),
                    "budget": f.budget,
                    "higher_is_better": f.higher_is_better,
                    "ok": f.ok,
                }
            )
        )
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
