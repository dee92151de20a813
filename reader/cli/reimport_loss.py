"""`reimport` asks before it loses the user's own work: what a re-import would find no text for (their
translations, questions, notes' places…) is worked out first, changing nothing (library.sourcefile.
would_lose), and listed; the re-import is made only with `--yes`, or a "y" typed at a terminal."""

from __future__ import annotations

import sys

from library import Library
from library.sourcefile import would_lose


def go_ahead(lib: Library, lesson_id: int, data: bytes, yes: bool) -> bool:
    """Whether to re-import lesson `lesson_id` from `data`: at once where nothing of the user's own work would
    be lost or `--yes` was given; else each loss is listed on stdout and, at a terminal, the user is asked;
    refused (one line on stderr) where they say no or nobody can be asked."""
    lost = [] if yes else would_lose(lib, lesson_id, data)
    if not lost:
        return True
    for said in lost:
        print(f"{lesson_id}\twould lose: {said}")
    if sys.stdin.isatty():
        ask = f"Re-import lesson {lesson_id} anyway? This cannot be undone. [y/N] "
        print(ask, end="", file=sys.stderr, flush=True)
        try:
            if input().strip().casefold() in ("y", "yes"):
                return True
        except EOFError:
            pass
    n = len(lost)
    print(f"study-reader: lesson {lesson_id}: the re-import would lose {n} piece{'s' if n != 1 else ''} of your own"
          f" work (listed): nothing was changed; `reimport {lesson_id} --yes` re-imports anyway", file=sys.stderr)
    return False
