"""`reimport` asks before it loses the user's own work: what a re-import would find no text for (their
translations, questions, notes' places…) is worked out first, changing nothing (library.sourcefile.
would_lose), and listed; a FILE that has almost nothing in common with the lesson (library.overlap) is
taken for another page and said so. The re-import is made only with `--yes`, or a "y" typed at a terminal."""

from __future__ import annotations

import sys

from library import Library
from library.overlap import LITTLE_IN_COMMON, share_in_common
from library.sourcefile import would_lose
from reader.cli.output import shown


def go_ahead(lib: Library, lesson_id: int, data: bytes, yes: bool, file: str | None = None) -> bool:
    """Whether to re-import lesson `lesson_id` from `data` (read from `file`, or its stored source): at once
    where nothing of the user's own work would be lost, the file looks like the lesson's page, or `--yes` was
    given; else what is at stake is said on stdout and, at a terminal, the user is asked; refused (one line
    on stderr, whose hint repeats the FILE) where they say no or nobody can be asked."""
    if yes:
        return True
    lost = would_lose(lib, lesson_id, data)
    share = share_in_common(lib.lessons.get(lesson_id), data) if file is not None else 1.0
    unlike = share < LITTLE_IN_COMMON
    if not lost and not unlike:
        return True
    if unlike:
        fixes = len(lib.pages.decisions(lesson_id))
        print(f"{lesson_id}\t{shown(file)} has almost nothing in common with the lesson: it holds"
              f" {round(share * 100)} % of its words; it would replace the whole lesson"
              f" ({fixes} change{'s' if fixes != 1 else ''} to its lines at stake)")
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
    again = f"reimport {lesson_id} {shown(file)} --yes" if file is not None else f"reimport {lesson_id} --yes"
    n = len(lost)
    why = (f"the re-import would lose {n} piece{'s' if n != 1 else ''} of your own work (listed)" if lost else
           f"{shown(file)} looks like another page (it holds {round(share * 100)} % of the lesson's words)")
    print(f"study-reader: lesson {lesson_id}: {why}: nothing was changed; `{again}` re-imports anyway",
          file=sys.stderr)
    return False
