"""The benchmark's common parts: a measured figure with its budget, and a timer."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


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
        """Whether the median is within the budget (no budget: always)."""
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
