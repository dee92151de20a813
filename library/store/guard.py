"""A lock of the library's own that no other open of the file in this process can drop.

SQLite's locks on a library are POSIX record locks, which belong to the process and are all
dropped when the process closes *any* descriptor of the file: a file dialog showing the
library's folder reads the file to tell its type, and from then on this process holds no
lock on it. Another process's last connection then takes itself for the only user: on
closing it checkpoints and deletes the -wal this process still writes into, and every later
change goes to a deleted file.

An open file description lock (Linux's F_OFD_SETLK) belongs to its own descriptor instead,
and it conflicts with POSIX locks. Held as a read lock over the byte range where SQLite
takes its shared and exclusive locks, it lets every connection read and write as before,
but no process can take the exclusive lock a connection needs to close as the last one
while this process has the library open. It is released just before this process's last
connection closes, so the last close of all still checkpoints and tidies up.

The same is held on the -shm file's byte that tells a process opening the library whether anyone
else uses its shared memory: without it, an opener that finds nobody truncates the -shm this
process has mapped, and this process dies of a bus error at its next statement.

Where OFD locks do not exist (macOS, Windows, whose locks are per handle anyway) nothing is
taken and SQLite's own locks are all there is."""

from __future__ import annotations

import contextlib
import os
import struct
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

# SQLite's lock bytes (os_unix.c): shared locks are read locks over SHARED_SIZE bytes from
# SHARED_FIRST, an exclusive lock is a write lock over the same range.
_PENDING_BYTE = 0x40000000
_SHARED_FIRST = _PENDING_BYTE + 2
_SHARED_SIZE = 510
# The -shm file's "dead man switch" byte (os_unix.c's UNIX_SHM_DMS): every process using the
# wal-index holds a read lock on it. A process opening the library that finds it unlocked takes
# itself for the only user and truncates the -shm, which the others have mapped in memory: their
# next read or write of the library dies of SIGBUS. The same stray close that drops the process's
# locks on the library file drops this one (a file dialog reading the -shm to tell its type).
SHM_DMS = (22 + 8) * 4 + 8


def _flock(kind: int) -> bytes:
    """A `struct flock` for the shared range (l_pid 0, as OFD locks require)."""
    return struct.pack("hhqqi4x", kind, os.SEEK_SET, _SHARED_FIRST, _SHARED_SIZE, 0)


def _flock_dms(kind: int) -> bytes:
    """A `struct flock` for the -shm file's "dead man switch" byte."""
    return struct.pack("hhqqi4x", kind, os.SEEK_SET, SHM_DMS, 1, 0)


def supported() -> bool:
    """Whether this platform has open file description locks."""
    return fcntl is not None and hasattr(fcntl, "F_OFD_SETLK")


def take(path: Path) -> tuple[int, ...] | None:
    """Hold the guard on `path` (and on its -shm, where there is one); returns the descriptors
    (None where it cannot be taken: no OFD locks here, the file is not readable, or another process
    holds the exclusive lock)."""
    if not supported():
        return None
    fd = _lock(path, _flock(fcntl.F_RDLCK))
    if fd is None:
        return None
    shm = _lock(Path(f"{path}-shm"), _flock_dms(fcntl.F_RDLCK))
    return (fd,) if shm is None else (fd, shm)


def _lock(path: Path, flock: bytes) -> int | None:
    """A descriptor of `path` holding this OFD read lock; None where it cannot be had."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, flock)
    except OSError:
        os.close(fd)
        return None
    return fd


def release(fds: tuple[int, ...] | None) -> None:
    """Let the guard go. Closing its descriptors also drops this process's POSIX locks on the
    files, which is why this comes only when the process's last connection is about to close."""
    for fd in fds or ():
        with contextlib.suppress(OSError):
            os.close(fd)
