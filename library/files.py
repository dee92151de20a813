"""Writing a file the user named: all of it or none of it, never over a folder, device or pipe.

Each file is written to a temporary file in the same folder, flushed to disk, checked, and
only then renamed over the destination, so a kill or a full disk leaves the previous file
as it was and no empty or half file under the name the user gave. The temporary file's name
carries the writer's process id, so the next write to the same target removes what a killed
writer left (`.NAME.PID-XXXXXXXX.part`) and never a live writer's."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from library.errors import WriteRefused

# A temporary file's name without a process id (as this program wrote them before) is taken for a
# killed writer's once it is this old: a live writer touches its file as it writes.
STALE_PART_S = 10.0
# What mkstemp puts between the prefix and the suffix: "PID-" (ours) and eight random characters.
_PART_MIDDLE = re.compile(r"(?:(\d+)-)?[a-z0-9_]{8}")


def check_destination(dest: Path) -> None:
    """Refuse, with one line, a destination that is a folder, a device or pipe, or in no folder."""
    if dest.is_dir():
        raise WriteRefused(f"{dest} is a folder; name the file to write")
    if dest.exists() and not dest.is_file():
        raise WriteRefused(f"{dest} is not a regular file (a device or a pipe); it was left as it is")
    if not dest.parent.is_dir():
        raise WriteRefused(f"{dest.parent}: no such folder")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running (one we may not signal is running too)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_parts(dest: Path) -> list[Path]:
    """Remove the temporary files killed writers left beside `dest` (`.NAME.PID-XXXXXXXX.part` whose
    process is gone, or an older one without a process id); returns them."""
    removed: list[Path] = []
    prefix = f".{dest.name}."
    try:
        names = os.listdir(dest.parent)
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".part")):
            continue
        match = _PART_MIDDLE.fullmatch(name[len(prefix) : -len(".part")])
        if match is None:
            continue  # another target's part (its name goes on after ours) or not one of ours
        part = dest.parent / name
        with contextlib.suppress(OSError):
            if match.group(1) is not None:
                stale = not pid_alive(int(match.group(1)))
            else:
                stale = time.time() - part.stat().st_mtime > STALE_PART_S
            if stale:
                part.unlink()
                removed.append(part)
    return removed


def write_atomically(
    dest: str | Path, write: Callable[[Path], None], whole: Callable[[Path], bool] | None = None
) -> Path:
    """Have `write` fill a temporary file beside `dest`, check it is not empty (and `whole`, if given,
    says it is complete), and rename it over `dest`; on any failure nothing is left and `dest` is unchanged."""
    dest = Path(dest)
    check_destination(dest)
    remove_stale_parts(dest)
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.{os.getpid()}-", suffix=".part", dir=dest.parent)
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
