"""Benchmarks of the other import formats: a 100,000-word EPUB book.

`bench_epub(tmp, quick)` builds the book in `tmp`, imports it into a fresh library (parse
every chapter, store them all in one transaction) and returns Figure objects like
bench/run.py's. Budget: 2 s for the whole book (PRODUCT.md, issue 4).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from figures import Figure  # noqa: E402

from library import Library  # noqa: E402
from library.importer.epub import write_epub  # noqa: E402

WORDS = (
    "the a river city school people water morning market garden train story teacher found said planted "
    "began small old new village road house window quietly every after before under over family children "
    "bread boat harbour night light winter summer letter friend mother father walked carried opened"
).split()


def book_bytes(words: int = 100_000, chapters: int = 25, seed: int = 7) -> bytes:
    """An EPUB of about `words` English words in `chapters` chapters of 60-word paragraphs."""
    rng = random.Random(seed)
    per_chapter = words // chapters
    files = []
    for c in range(1, chapters + 1):
        paras = []
        for _ in range(per_chapter // 60):
            sentence = " ".join(rng.choice(WORDS) for _ in range(60))
            paras.append(f"<p>{sentence.capitalize()}.</p>")
        body = "\n".join(paras)
        files.append(
            (
                f"ch{c:03d}.xhtml",
                '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
                f"<title>Book</title></head><body><h1>Chapter {c}</h1>\n{body}</body></html>",
            )
        )
    return write_epub("A Long Book", files)


def bench_epub(tmp: Path, quick: bool) -> list[Figure]:
    """Import a 100,000-word EPUB (25 chapters) into a new library; median and worst of the runs."""
    data = book_bytes()
    path = tmp / "long-book.epub"
    path.write_bytes(data)
    times = []
    for run in range(2 if quick else 5):
        lib = Library(tmp / f"epub{run}.db")
        t = time.perf_counter()
        result = lib.lessons.import_file(path)
        times.append((time.perf_counter() - t) * 1000)
        assert len(result.chapters) == 25, len(result.chapters)
        lib.close()
    return [
        Figure(
            "import_epub_100k",
            "ms",
            statistics.median(times),
            max(times),
            2000.0,
            note="100,000-word EPUB, 25 chapters: unzip, parse each chapter, store all in one transaction",
        )
    ]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        for f in bench_epub(Path(d), "--quick" in sys.argv):
            print(f"{f.name}: median {f.median:.0f} {f.unit}, worst {f.worst:.0f} {f.unit} (budget {f.budget:g})")
