"""Session markers: which processes have a library open, and whether the last one closed cleanly.

A marker (`LIB.session-PID`) belongs to a process, but a process may open a library several
times at once (the window, and its import thread's own Library): the marker stays until the
last of them closes, so one closing never makes the process look gone to another process.
The same count tells opening that this process holds the file open already; then nothing may
open and close the file outside SQLite, since closing any descriptor of a file drops every
POSIX lock the process holds on it (SQLite's "how to corrupt" §2.2), and without its locks
another process's last connection would checkpoint and delete the -wal this one still writes.
Since something outside this code may still do it (a file dialog reads the files it lists),
the first open also takes library/store/guard.py's lock, which no such close can drop."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

from library.files import pid_alive
from library.store import guard

# Open libraries of this process, by resolved path: how many opens, how many of them writable.
# Process-wide on purpose: the POSIX locks it stands for are process-wide too.
_lock = threading.Lock()
_opens: dict[Path, list[int]] = {}
# The guard lock's descriptor for each library this process has open (None where not taken).
_guards: dict[Path, tuple[int, ...] | None] = {}


def _key(path: Path) -> Path:
    return path.resolve()


def _session_files(path: Path) -> list[Path]:
    return list(path.parent.glob(f"{path.name}.session-*"))


def _marker_pid(session: Path) -> int | None:
    """The process id a session marker names (None for a name that is not one)."""
    try:
        return int(session.name.rsplit("-", 1)[1])
    except ValueError:
        return None


def _marker(path: Path) -> Path:
    return path.with_name(f"{path.name}.session-{os.getpid()}")


def remove_dead_sessions(path: Path) -> bool:
    """Remove the session markers of processes that are gone (killed, or stopped by a signal they
    could not handle); returns whether there were any, i.e. whether a session did not close cleanly."""
    unclean = False
    for session in _session_files(path):
        pid = _marker_pid(session)
        if pid is None:
            pid = -1
        if pid != os.getpid() and not pid_alive(pid):
            unclean = True
            # A read-only folder: the marker stays, and so does the check on the next open.
            with contextlib.suppress(OSError):
                session.unlink(missing_ok=True)
    return unclean


def needs_check(path: Path, policy: str) -> bool:
    """Whether opening should run SQLite's quick_check, which reads the whole file (about
    0.4 s for 10,000 lessons on a modest machine). "always"; "never"; "crash": only after a
    session that did not close cleanly (the window, which checks in the background instead).
    Dead processes' markers are removed whatever the policy, so none outlives the next open."""
    unclean = remove_dead_sessions(path)
    if policy in ("always", "never"):
        return policy == "always"
    return unclean


def open_elsewhere(path: Path) -> bool:
    """Whether another live process has the library open (holds a session marker for it)."""
    for session in _session_files(path):
        pid = _marker_pid(session)
        if pid is not None and pid != os.getpid() and pid_alive(pid):
            return True
    return False


def open_here(path: Path) -> bool:
    """Whether this process has the library open already (a Library not yet closed)."""
    with _lock:
        return _key(path) in _opens


def open_here_with_journal(path: Path) -> bool:
    """Whether `path` is a library this process has open, or that library's -wal or -shm."""
    name = path.name
    for end in ("-wal", "-shm"):
        if name.endswith(end):
            path = path.with_name(name[: -len(end)])
    return open_here(path)


class Session:
    """One open of a library by this process; `end()` once, on its close."""

    def __init__(self, path: Path, writable: bool) -> None:
        self.path, self.writable = path, writable
        self._ended = False
        with _lock:
            key = _key(path)
            counts = _opens.setdefault(key, [0, 0])
            if counts[0] == 0:
                _guards[key] = guard.take(key)
            counts[0] += 1
            counts[1] += writable
            if writable:
                # Touched on every writable open: a marker removed by hand (or by an older
                # version's close) comes back while this process still has the library open.
                with contextlib.suppress(OSError):
                    _marker(path).touch()

    def closing(self) -> None:
        """This open's connection is about to close: if it is the process's last open, the guard
        goes first, so that SQLite can tell whether this is the last connection of all."""
        with _lock:
            key = _key(self.path)
            if not self._ended and _opens.get(key, [0])[0] == 1:
                guard.release(_guards.pop(key, None))

    def end(self) -> None:
        """This open is closed: the marker goes with the process's last writable open."""
        with _lock:
            if self._ended:
                return
            self._ended = True
            key = _key(self.path)
            counts = _opens[key]
            counts[0] -= 1
            counts[1] -= self.writable
            if self.writable and counts[1] == 0:
                with contextlib.suppress(OSError):
                    _marker(self.path).unlink(missing_ok=True)
            if counts[0] == 0:
                del _opens[key]
                guard.release(_guards.pop(key, None))


def begin_session(path: Path, writable: bool = True) -> Session:
    """Mark the library open by this process (the marker is gone again on the last clean close)."""
    return Session(path, writable)
