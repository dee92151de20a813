"""The window's command line (`study-reader [FILE ...] [options]`), without Qt, so `--help` can show it quickly."""

from __future__ import annotations

import argparse

PROJECT_VERSION = "0.1.0"  # pyproject.toml's version, for where no installed metadata says it (a checkout, a build)


def app_version() -> str:
    """The installed distribution's version, or the project's own where the package is not installed."""
    import importlib.metadata  # only for --version: the window's start does without it (and what it loads)

    try:
        return importlib.metadata.version("study-reader")
    except importlib.metadata.PackageNotFoundError:
        return PROJECT_VERSION


GLOSS_THRESHOLDS = ("B2", "C1", "unknown")  # as reader.article.glosses.THRESHOLDS
ZOOM_RANGE = (70, 240)  # percent, as the View menu's zoom steps go


def zoom_factor(text: str) -> float:
    """`--zoom`'s value, a percentage ("150" or "150%"), as a factor; a usage error outside ZOOM_RANGE."""
    try:
        percent = float(text.strip().removesuffix("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"give a percentage such as 150, not {text!r}") from None
    if not ZOOM_RANGE[0] <= percent <= ZOOM_RANGE[1]:
        raise argparse.ArgumentTypeError(f"the zoom goes from {ZOOM_RANGE[0]} to {ZOOM_RANGE[1]} (percent), not {text}")
    return percent / 100


def window_parser() -> argparse.ArgumentParser:
    """The arguments the window takes when no command is given."""
    p = argparse.ArgumentParser(prog="study-reader", description="Open the Study Reader window.")
    # Several files come at once from a file manager (the launcher's Exec takes %F).
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="pages or lesson packs to import; the last one imported is opened")
    p.add_argument("--library", metavar="PATH", help="the library file to use")
    p.add_argument("--screenshot", metavar="FILE.png", help="render the window to a PNG and exit")
    p.add_argument("--size", metavar="WxH",
                   help="window size (default: as the window was last left; 1280x800 for a screenshot)")
    p.add_argument("--theme", choices=("light", "dark", "sepia"))
    p.add_argument("--lang", choices=("en", "ja"), help="interface language")
    p.add_argument("--lesson", type=int, metavar="ID", help="open this lesson")
    p.add_argument("--profile", metavar="NAME", help="open as this learner (added if new)")
    p.add_argument("--show-all", "--show-translations", dest="show_all", action="store_true",
                   help="show every translation")
    p.add_argument("--show", metavar="TEXT", action="append", default=[],
                   help="show the translation of the paragraph beginning with TEXT")
    p.add_argument("--highlight", metavar="TERM", help="highlight a word-list entry")
    p.add_argument("--hover", metavar="NOTE", help="show a note's hover card (marker such as ※1, or its term)")
    p.add_argument("--glosses", nargs="?", const="B2", choices=GLOSS_THRESHOLDS, metavar="THRESHOLD",
                   help="with --screenshot: glosses over hard words on, for words of THRESHOLD and above"
                        " (B2, the default, or C1) or for the words unknown to me (unknown)")
    p.add_argument("--zoom", type=zoom_factor, metavar="PERCENT",
                   help="with --screenshot: the article's zoom, as View > Zoom sets it (70 to 240; 100 is actual size)")
    # Handled before the window is made (reader/__main__.py); listed here so that --help shows them.
    p.add_argument("--install-desktop", action="store_true",
                   help="Linux: add Study Reader to the applications menu, with its icon and the .studypack type")
    p.add_argument("--uninstall-desktop", action="store_true", help="remove what --install-desktop added")
    return p


def window_help() -> str:
    """The window's usage and options, as shown after the commands by `study-reader --help`."""
    text = window_parser().format_help()
    return text.replace("Open the Study Reader window.", "With no COMMAND, the window opens:", 1)


def parse_window_args(args: list[str]) -> argparse.Namespace:
    """The window's arguments; `file` is the one opened at once, the rest are imported once the window is up."""
    ns = window_parser().parse_args(args)
    ns.file = ns.files[0] if ns.files else None
    return ns
