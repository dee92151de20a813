"""Writing a file the user named: all of it or none of it, never over a folder, device or pipe.

Each file is written to a temporary file in the same folder, flushed to disk, checked, and
only then renamed over the destination, so a kill or a full disk leaves the previous file
as it was and no empty or half file under the name the user gave."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from library.errors import WriteRefused


def check_destination(dest: Path) -> None:
    """Refuse, with one line, a destination that is a folder, a device or pipe, or in no folder."""
    if dest.is_dir():
        raise WriteRefused(f"{dest} is a folder; name the file to write")
    if dest.exists() and not dest.is_file():
        raise WriteRefused(f"{dest} is not a regular file (a device or a pipe); it was left as it is")
    if not dest.parent.is_dir():
        raise WriteRefused(f"{dest.parent}: no such folder")


def write_atomically(
    dest: str | Path, write: Callable[[Path], None], whole: Callable[[Path], bool] | None = None
) -> Path:
    """Have `write` fill a temporary file beside `dest`, check it is not empty (and `whole`, if given,
    says it is complete), and rename it over `dest`; on any failure nothing is left and `dest` is unchanged."""
    dest = Path(dest)
    check_destination(dest)
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    os.close(fd)
    part = Path(name)
    try:
        write(part)
        if part.stat().st_size == 0 or (whole is not None and not whole(part)):
            raise WriteRefused(f"{dest}: not written whole (the disk may be full); nothing was changed")
        with part.open("rb+") as f:
            os.fsync(f.fileno())
        # mkstemp makes the file private (0600); a written file gets the usual mode the umask allows.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(part, 0o666 & ~umask)
        os.replace(part, dest)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, WriteRefused):
            raise WriteRefused(f"{dest}: cannot write it ({exc.strerror or exc})") from exc
        raise
    return dest
