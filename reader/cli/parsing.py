"""The command line's parser: a wrong command line is one line on stderr (status 2), as every failure is."""

from __future__ import annotations

import argparse
from typing import NoReturn

from reader.cli.output import USAGE, one_line

# The largest number SQLite keeps (a 64-bit integer): a larger id or line number is a wrong command line.
LARGEST = 2**63 - 1


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line starting `study-reader: ` (no usage block)."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("study-reader").strip()
        where = f"{command}: " if command else ""
        self.exit(USAGE, f"study-reader: {where}{one_line(message)} (see `{self.prog} --help`)\n")


def number(text: str) -> int:
    """A whole number the library can hold (an id, a line number, an offset)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if abs(value) > LARGEST:
        raise argparse.ArgumentTypeError(f"a number too large: {text[:30]}{'…' if len(text) > 30 else ''}")
    return value
