"""Shares shown as whole percents that never claim more (or less) than is true."""

from __future__ import annotations

import math


def whole_percent(share: float) -> str:
    """A share as "n%": 100% only when all of it, 0% only when none (99.5% of a lesson read is not all of it)."""
    if share >= 1:
        return "100%"
    if share <= 0:
        return "0%"
    return f"{min(99, max(1, math.floor(share * 100)))}%"
