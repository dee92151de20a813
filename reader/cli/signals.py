"""Stopping the command line cleanly: SIGTERM (`timeout`, `kill`) and Ctrl+C unwind like an error.

Python's default for SIGTERM ends the process at once, so nothing below it runs: a write
transaction is rolled back by SQLite on the next open, but the session marker and a temporary
file beside an export stay behind. Raised as an exception instead, the signal closes the
library (removing its marker), rolls back the transaction and removes the temporary file."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Stopped(BaseException):
    """The process was asked to stop; a BaseException, so no `except Exception` swallows it."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)

    @property
    def exit_status(self) -> int:
        """The status a shell gives a process ended by this signal (143 for SIGTERM, 130 for Ctrl+C)."""
        return 128 + self.signum


def _stop(signum: int, _frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """While inside, SIGTERM and SIGINT raise Stopped (signal handlers can only be set in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _stop) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
