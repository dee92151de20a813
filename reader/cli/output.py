"""What the command line writes is safe for a terminal: lesson text cannot reorder or recolour it.

Bidirectional overrides (U+202E turns "txt.exe" around), other format controls and C0/C1
control characters (ESC starts a terminal escape sequence) from a title or a lesson are
written as `\\u202e`-style escapes; tabs and line breaks are kept. In JSON output the same
escape is valid JSON for the same character, so it stays correct JSON."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

_BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_CONTROLS = [c for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in "\t\n"]
ESCAPES = {c: f"\\u{c:04x}" for c in (*_BIDI, *_CONTROLS)}
# A file name may hold a line break or a tab too; printed raw, one line of output would become two.
NAME_ESCAPES = {**ESCAPES, 0x09: "\\u0009", 0x0A: "\\u000a"}

# Exit statuses, one scheme for every command (README, "Exit status").
OK = 0
REFUSED = 1  # a file, lesson, word or name given was refused, not found or could not be written
USAGE = 2  # the command line itself is wrong (argparse's own status for a bad argument)
LIBRARY = 3  # the library file cannot be used: damaged, not a library, too new, busy, or read-only


def terminal_safe(text: str) -> str:
    """`text` with bidi and control characters written as escapes."""
    return text.translate(ESCAPES)


def shown(name: object) -> str:
    """A path (or a name) as the command line prints it: every control character escaped, line breaks too."""
    return str(name).translate(NAME_ESCAPES)


def one_line(message: object) -> str:
    """An error's message as one line: runs of spaces made one, and a line break (from a path in it)
    escaped as paths are, not turned into a space that would hide it."""
    return shown(" ".join(part for part in str(message).strip().split(" ") if part))


class _SafeWriter(io.TextIOBase):
    """A text stream that escapes what it is given and passes it on."""

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self._out = out

    def write(self, text: str) -> int:
        """Write `text`, escaped."""
        self._out.write(terminal_safe(text))
        return len(text)

    def flush(self) -> None:
        """Flush the stream underneath."""
        self._out.flush()

    def isatty(self) -> bool:
        """Whether the stream underneath is a terminal."""
        return self._out.isatty()


@contextmanager
def safe_output() -> Iterator[None]:
    """While inside, stdout and stderr escape bidi and control characters."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _SafeWriter(out), _SafeWriter(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
