"""Which files in a folder anything in this process (Qt's C++ code included) opened: Linux inotify via ctypes.

Python's audit hooks see only Python's own opens; Qt reads an <img>'s file in C++. The kernel
reports every open(2) of a watched folder's files, whoever makes it, so a bait file named in a
lesson's markup shows up here the moment Qt tries to load it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
import sys
from pathlib import Path
from types import TracebackType

IN_ACCESS, IN_OPEN, IN_NONBLOCK = 0x1, 0x20, 0x800
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len; then `len` bytes of name


class ReadWatch:
    """Collects the names of files opened or read in `folder` while it is active."""

    def __init__(self, folder: Path) -> None:
        if not sys.platform.startswith("linux"):
            raise OSError("inotify is Linux only")
        self.folder = folder
        self._libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self._fd = -1
        self.opened: list[str] = []

    def __enter__(self) -> ReadWatch:
        self._fd = self._libc.inotify_init1(IN_NONBLOCK)
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        if self._libc.inotify_add_watch(self._fd, os.fsencode(self.folder), IN_OPEN | IN_ACCESS) < 0:
            raise OSError(ctypes.get_errno(), f"cannot watch {self.folder}")
        return self

    def poll(self) -> list[str]:
        """The names of the files opened or read since the last poll, once for each open or read."""
        start = len(self.opened)
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                return self.opened[start:]
            at = 0
            while at + _EVENT.size <= len(data):
                _wd, _mask, _cookie, length = _EVENT.unpack_from(data, at)
                name = data[at + _EVENT.size : at + _EVENT.size + length].rstrip(b"\0")
                self.opened.append(os.fsdecode(name))
                at += _EVENT.size + length

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.poll()
        os.close(self._fd)
