"""`fix ID N --delete` of a paragraph holding the user's own work (their translations, hidden translations,
questions, notes) says what goes with it, and is made only with `--yes`, or a "y" typed at a terminal;
`fix ID --undo` brings that work back with the paragraph."""

from __future__ import annotations

import sys

from library import Library
from library.pagedeleted import work_on, work_said


def delete_go_ahead(lib: Library, lesson_id: int, n: int, yes: bool) -> bool:
    """Whether to delete line n of lesson `lesson_id`: at once where its paragraph holds none of the user's
    work or `--yes` was given; else what goes with it is listed on stdout and, at a terminal, the user is
    asked; refused (one line on stderr) where they say no or nobody can be asked."""
    if yes:
        return True
    line = next((ln for ln in lib.pages.lines(lesson_id) if ln.n == n), None)
    if line is None or line.block is None:
        return True  # (no paragraph: the delete itself says why, or takes a line holding no work)
    said = work_said(work_on(lib.db, lesson_id, line.block))
    notes = lib.db.execute(
        "SELECT text FROM user_notes WHERE lesson_id = ? AND anchor_block = ? ORDER BY id", [lesson_id, line.block]
    ).fetchall()
    said += [f"the place of your note “{str(text)[:60]}” (the note is kept)" for (text,) in notes]
    if not said:
        return True
    for one in said:
        print(f"{lesson_id}\tline {n}: goes with it: {one}")
    if sys.stdin.isatty():
        print(f"Delete line {n} of lesson {lesson_id}? `fix {lesson_id} --undo` brings it back. [y/N] ",
              end="", file=sys.stderr, flush=True)
        try:
            if input().strip().casefold() in ("y", "yes"):
                return True
        except EOFError:
            pass
    k = len(said)
    print(f"study-reader: lesson {lesson_id}: line {n} holds {k} piece{'s' if k != 1 else ''} of your own work"
          f" (listed): nothing was changed; `fix {lesson_id} {n} --delete --yes` deletes it anyway", file=sys.stderr)
    return False
