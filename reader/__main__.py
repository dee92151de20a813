"""Entry point: `study-reader` and `python -m reader`."""

from __future__ import annotations

import sys

from reader.cli.main import COMMANDS, VALUE_OPTIONS, run_cli


def main(argv: list[str] | None = None) -> int:
    """Run a command-line subcommand, or open the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    first = _first_word(args)
    if "--install-desktop" in args or "--uninstall-desktop" in args:
        from reader.desktop_integration import run  # the launcher, icons and pack type (Linux)

        return run(args)
    if first in COMMANDS or any(a in ("-h", "--help", "--version") for a in args):
        return run_cli(args)
    from reader.app import run_app  # Qt is imported only when the window is wanted

    return run_app(args)


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
