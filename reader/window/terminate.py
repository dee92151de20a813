"""A terminate request (SIGTERM: a logout, a shutdown, `kill`) or a hang-up (SIGHUP: the terminal the
window was started from closed) closes the window as its Quit does: the lesson's place and the
library are saved and closed, and the next start reports no crash.

Python's default for SIGTERM ends the process at once, with nothing below it run, so the session was
taken for a crash. A Python handler alone would wait until Qt's event loop runs Python code again,
so the signal also wakes the loop through a socket (signal.set_wakeup_fd), which Qt watches."""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer
from PySide6.QtWidgets import QWidget

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def close_on_terminate(app: QCoreApplication, window: QWidget) -> Callable[[], None]:
    """Have SIGTERM and SIGHUP close `window` (and end the event loop); returns the undoing of it."""
    if not hasattr(signal, "set_wakeup_fd") or not hasattr(socket, "socketpair"):
        return lambda: None
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    try:
        before_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    except ValueError:  # not the main thread
        reader.close()
        writer.close()
        return lambda: None
    before = {s: signal.signal(s, _noted) for s in SIGNALS}
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        with contextlib.suppress(OSError):
            if not reader.recv(64):
                return
        window.close()
        QTimer.singleShot(0, app.quit)  # the window's close saved its work; dialogs left open close too

    notifier.activated.connect(woken)

    def undo() -> None:
        notifier.setEnabled(False)
        for s, handler in before.items():
            signal.signal(s, handler)
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(before_fd)
        reader.close()
        writer.close()

    return undo


def _noted(_signum: int, _frame: Any) -> None:
    """The signal is handled by the event loop, woken through the socket."""
