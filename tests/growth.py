"""Growth checks: the same input at 1× and 4× its size, timed and traced in one run.

A step that is linear in its input takes about four times as long and as much memory at
four times the size; a quadratic one sixteen times. The figures are compared with a
ratio, so a slow or busy machine shifts both sizes alike; the best of a few runs is taken
to leave out moments when the machine is busy with something else.

Memory (traced by tracemalloc) is the same from run to run and is held to ~5×. Time is not:
on a shared machine one size can be measured in a busy moment, so the time limit sits
halfway between linear and quadratic (10× for 4× the input), and a ratio over it is
measured again before it counts. A quadratic step is over it every time; how fast a step
is belongs to the benchmark (bench/run.py), not here.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# For 4× the input, linear gives 4× and quadratic 16×: memory is held to 5×, time (which
# wavers on a shared machine) to 10×, which a quadratic step exceeds however quiet the machine.
TIME_RATIO = 10.0
MEMORY_RATIO = 5.0


@dataclass
class Growth:
    """What one input cost at 1× and at 4× its size."""

    seconds: tuple[float, float]
    peak_bytes: tuple[int, int]

    @property
    def time_ratio(self) -> float:
        """How many times longer the 4× input took."""
        return self.seconds[1] / max(self.seconds[0], 1e-9)

    @property
    def memory_ratio(self) -> float:
        """How many times more memory (traced peak) the 4× input took."""
        return self.peak_bytes[1] / max(self.peak_bytes[0], 1)

    def line(self) -> str:
        """The figures in one line, for a failing assertion's message."""
        (t1, t4), (m1, m4) = self.seconds, self.peak_bytes
        return (
            f"1×: {t1 * 1e3:.1f} ms, {m1 / 1e6:.2f} MB; 4×: {t4 * 1e3:.1f} ms, {m4 / 1e6:.2f} MB "
            f"(time ×{self.time_ratio:.1f}, memory ×{self.memory_ratio:.1f})"
        )


def best_seconds(run: Callable[[], Any], repeats: int = 3, loops: int = 1) -> float:
    """The shortest of a few timed runs of `loops` calls each, per call (process time, which
    a busy machine disturbs least)."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()  # a collection's pass over the whole heap (the test session's) is not the step's cost
    try:
        for _ in range(repeats):
            start = time.process_time()
            for _ in range(loops):
                run()
            best = min(best, (time.process_time() - start) / loops)
    finally:
        if enabled:
            gc.enable()
    return best


def loops_for(run: Callable[[], Any], at_least: float = 0.005) -> int:
    """How many calls of `run` take `at_least` seconds: a step of microseconds is timed over
    many calls, or the clock's resolution would decide the ratio."""
    loops = 1
    while True:
        start = time.process_time()
        for _ in range(loops):
            run()
        if time.process_time() - start >= at_least or loops >= 4096:
            return loops
        loops *= 4


def peak_bytes(run: Callable[[], Any]) -> int:
    """The peak of Python allocations during one run (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def growth(
    make: Callable[[int], Any], step: Callable[[Any], Any], size: int, repeats: int = 3, memory: bool = True
) -> Growth:
    """Time (and trace, with `memory`) `step` on `make(size)` and `make(4 * size)`, the inputs
    made before timing."""
    small, large = make(size), make(4 * size)
    # Untimed runs first (counting the loops): imports, caches and compiled patterns are not growth.
    loops = loops_for(lambda: step(small))
    seconds = (
        best_seconds(lambda: step(small), repeats, loops),
        best_seconds(lambda: step(large), repeats, max(1, loops // 4)),
    )
    peaks = (peak_bytes(lambda: step(small)), peak_bytes(lambda: step(large))) if memory else (0, 0)
    return Growth(seconds, peaks)


def assert_linear(
    make: Callable[[int], Any],
    step: Callable[[Any], Any],
    size: int,
    memory: bool = True,
    tries: int = 4,
) -> Growth:
    """Fail unless 4× the input costs at most ~5× the memory and well under the 16× time of
    a quadratic step; a time ratio over the limit is measured again (up to `tries` times)
    before it counts, since one busy moment can spoil a ratio while a quadratic step fails
    every time."""
    result = growth(make, step, size, memory=memory)
    for _ in range(tries - 1):
        if result.time_ratio <= TIME_RATIO:
            break
        result = growth(make, step, size, memory=memory)
    assert result.time_ratio <= TIME_RATIO, "time grows faster than the input: " + result.line()
    if memory:
        assert result.memory_ratio <= MEMORY_RATIO, "memory grows faster than the input: " + result.line()
    return result


def assert_ratio(measure: Callable[[], tuple[float, float]], limit: float, tries: int = 4) -> tuple[float, float]:
    """Fail unless `measure()` (a small and a large figure, in seconds) gives a large figure at
    most `limit` times the small one in one of `tries` measurements."""
    small, large = measure()
    for _ in range(tries - 1):
        if large <= limit * small:
            break
        small, large = measure()
    assert large <= limit * small, (small, large)
    return small, large
