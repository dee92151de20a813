"""Alignment grows near-linearly: N English paragraphs followed by their N translations
(each placed by the names and numbers it shares, or by order) at 1× and 4× the size, in one run."""

from __future__ import annotations

import time
import tracemalloc

from library.importer import parse_page

SMALL = 400
SMALL_FOR_MEMORY = 200  # tracing every allocation is slow: a smaller page shows the growth as well


def grouped_page(n: int) -> bytes:
    """A page of n English paragraphs, then their n translations in the same order."""
    english = [f"The team in town {k} planted {k * 7 + 3} trees along the river this spring." for k in range(n)]
    japanese = [f"町{k}のチームは今春、川沿いに{k * 7 + 3}本の木を植えた。" for k in range(n)]
    return ("Trees Along the River\n\n" + "\n\n".join(english + japanese) + "\n").encode()


def cpu_time(data: bytes) -> float:
    """One import's processor time in seconds (other work on the machine does not count)."""
    start = time.process_time()
    lesson = parse_page(data, "grouped.txt")
    elapsed = time.process_time() - start
    assert all(b.translations for b in lesson.blocks)  # every paragraph got its translation
    return elapsed


def peak_memory(data: bytes) -> int:
    """The most memory one import held at once, in bytes (as tracemalloc counts it)."""
    tracemalloc.start()
    try:
        parse_page(data, "grouped.txt")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_grouped_translations_align_in_near_linear_time_and_memory() -> None:
    small, large = grouped_page(SMALL), grouped_page(4 * SMALL)
    # Interleaved and the best of seven, so that other work on the machine weighs on both alike.
    times: dict[bytes, list[float]] = {small: [], large: []}
    for _ in range(7):
        for data in (small, large):
            times[data].append(cpu_time(data))
    small_time, large_time = min(times[small]), min(times[large])
    assert large_time <= 5 * small_time, (small_time, large_time)
    small_memory = peak_memory(grouped_page(SMALL_FOR_MEMORY))
    large_memory = peak_memory(grouped_page(4 * SMALL_FOR_MEMORY))
    assert large_memory <= 5 * small_memory, (small_memory, large_memory)


def test_each_translation_lands_on_its_own_paragraph() -> None:
    lesson = parse_page(grouped_page(60), "grouped.txt")
    for k, block in enumerate(lesson.blocks):
        assert block.translations["ja"] == f"町{k}のチームは今春、川沿いに{k * 7 + 3}本の木を植えた。"
