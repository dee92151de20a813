"""Entry point: `study-reader` and `python -m reader`."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from reader.cli.main import COMMANDS, VALUE_OPTIONS, build_parser, run_cli
from reader.window_args import app_version, window_help


def main(argv: list[str] | None = None) -> int:
    """Run a command-line subcommand, or open the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    first = _first_word(args)
    if "--install-desktop" in args or "--uninstall-desktop" in args:
        from reader.desktop_integration import run  # the launcher, icons and pack type (Linux)

        return run(args)
    if first not in COMMANDS and any(a in ("-h", "--help") for a in args):
        # The commands, then what the window takes: FILE, --screenshot, --install-desktop and the rest.
        print(build_parser().format_help() + "\n" + window_help(), end="")
        return 0
    if first not in COMMANDS and "--version" in args:
        print(f"study-reader {app_version()}")
        return 0
    if first in COMMANDS:
        return run_cli(args)
    if first is not None and _mistyped_command(first):
        # Not a file the window would import: a mistyped command, said here rather than handed to a window.
        from difflib import get_close_matches

        near = get_close_matches(first, COMMANDS, n=1)
        hint = f" (did you mean '{near[0]}'?)" if near else " (study-reader --help lists the commands)"
        print(f"study-reader: unknown command '{first}'{hint}", file=sys.stderr)
        return 2
    from reader.app import run_app  # Qt is imported only when the window is wanted

    return run_app(args)


def _mistyped_command(word: str) -> bool:
    """A bare word (letters and hyphens, no folder, no file type) that names no file: a command mistyped."""
    return re.fullmatch(r"[A-Za-z][A-Za-z-]*", word) is not None and not Path(word).exists()


def _first_word(args: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a in VALUE_OPTIONS:
            skip = True
            continue
        if not a.startswith("-"):
            return a
    return None


if __name__ == "__main__":
    sys.exit(main())
