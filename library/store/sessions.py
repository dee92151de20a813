"""Session markers: which processes have a library open, and whether the last one closed cleanly."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from library.files import pid_alive


def _session_files(path: Path) -> list[Path]:
    return list(path.parent.glob(f"{path.name}.session-*"))


def _marker_pid(session: Path) -> int | None:
    """The process id a session marker names (None for a name that is not one)."""
    try:
        return int(session.name.rsplit("-", 1)[1])
    except ValueError:
        return None


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


def begin_session(path: Path) -> Path | None:
    """Mark the library open by this process (gone again on a clean close)."""
    marker = path.with_name(f"{path.name}.session-{os.getpid()}")
    try:
        marker.touch()
    except OSError:
        return None
    return marker
