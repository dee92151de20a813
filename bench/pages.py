"""Benchmarks of the page view: assembling a lesson again after a change to one of its lines.

`bench_pages(tmp, quick)` imports the reference page (or the built-in sample), a
100,000-word plain-text book and the same book with a Japanese line after each paragraph
(a bilingual book, each line placed as its paragraph's translation), then times a role
change on a line of each: the decision written, the lesson assembled again from its source,
the user's work moved with its lines, the imported tables rewritten. Budgets: 30 ms for the
reference page, 300 ms for the books (issue 13).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from figures import Figure, timed  # noqa: E402
from generate import big_lesson_text  # noqa: E402

from library import Library  # noqa: E402
from library.pagelines import Role  # noqa: E402


def _toggle(lib: Library, lesson_id: int) -> tuple[list[float], int, list[float]]:
    """Times of a paragraph made site text and back, each one change; the lesson's word count; and
    the CPU times (process time, in ms) of the same changes, which other work on the machine sways less."""
    lines = lib.pages.lines(lesson_id)
    n = next(ln.n for ln in lines if ln.role == Role.PARAGRAPH and ln.block and ln.block > 2)
    flip = iter(range(10**9))
    cpu: list[float] = []

    def one() -> None:
        t = time.process_time()
        lib.pages.set_role(lesson_id, n, "site" if next(flip) % 2 == 0 else "paragraph")
        cpu.append((time.process_time() - t) * 1000)

    times = one_times(one)
    return times, lib.lessons.get(lesson_id).word_count(), cpu[-len(times) :]


def _cpu(times: list[float]) -> str:
    return f"; CPU {statistics.median(times):.0f} ms median, {max(times):.0f} worst"


def _window_undo(lib: Library, lesson_id: int) -> list[float]:
    """Times of the window's undo of a role change (the overlay snapshot restored, the lesson assembled again)."""
    lines = lib.pages.lines(lesson_id)
    n = next(ln.n for ln in lines if ln.role == Role.PARAGRAPH and ln.block and ln.block > 2)
    out = []
    for _ in range(5):
        snap = lib.editing.snapshot(lesson_id)
        lib.pages.set_role(lesson_id, n, "site")
        t = time.perf_counter()
        lib.editing.restore(lesson_id, snap)
        out.append((time.perf_counter() - t) * 1000)
    return out


def bilingual_book_text(seed: int = 31) -> str:
    """The 100,000-word book with a Japanese line after each of its paragraphs."""
    out: list[str] = []
    count = 0
    for part in big_lesson_text(seed=seed).split("\n\n"):
        out.append(part)
        if len(part.split()) > 8:  # a paragraph, not the title or a chapter's heading
            out.append(f"第{count}段落の日本語訳です。")
            count += 1
    return "\n\n".join(out)


def one_times(fn: object) -> list[float]:
    """Warmed-up times of a change."""
    assert callable(fn)
    for _ in range(2):
        fn()
    return timed(fn, 20)


def bench_pages(tmp: Path, quick: bool) -> list[Figure]:
    """Re-assembly after a role change: the reference page and a 100,000-word book."""
    from run import page_bytes

    data, what = page_bytes()
    lib = Library(tmp / "pages.db")
    ref = lib.lessons.import_bytes(data, "ref.txt").lesson_id
    ref_times, _, ref_cpu = _toggle(lib, ref)
    book = lib.lessons.import_bytes(big_lesson_text(seed=31).encode(), "book.txt").lesson_id
    book_times, words, book_cpu = _toggle(lib, book)
    undo_times = _window_undo(lib, book)
    bilingual = lib.lessons.import_bytes(bilingual_book_text().encode(), "bilingual.txt").lesson_id
    bi_times, bi_words, bi_cpu = _toggle(lib, bilingual)
    translated = sum(1 for b in lib.lessons.get(bilingual).blocks if b.translations)
    lib.close()
    return [
        Figure(
            "reassemble_reference",
            "ms",
            statistics.median(ref_times),
            max(ref_times),
            30.0,
            note=f"{what}: a line's role changed, the lesson assembled again from its source and stored"
            + _cpu(ref_cpu),
        ),
        Figure(
            "reassemble_book",
            "ms",
            statistics.median(book_times),
            max(book_times),
            300.0,
            note=f"the same on a {words:,}-word plain-text book" + _cpu(book_cpu),
        ),
        Figure(
            "reassemble_bilingual_book",
            "ms",
            statistics.median(bi_times),
            max(bi_times),
            300.0,
            note=f"the same on a {bi_words:,}-word book with {translated:,} paragraphs each with a Japanese line"
            + _cpu(bi_cpu),
        ),
        Figure(
            "undo_reassemble_book",
            "ms",
            statistics.median(undo_times),
            max(undo_times),
            300.0,
            note="the window's undo of that change: the overlay restored, the lesson assembled again",
        ),
    ]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        for f in bench_pages(Path(d), quick=True):
            print(f"{f.name}: {f.median:.1f} {f.unit} (worst {f.worst:.1f}; budget {f.budget}) {f.note}")
