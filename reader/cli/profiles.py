"""Learner profiles on the command line: `--profile NAME` on every command, and
`profiles [list|add NAME|rename OLD NEW|remove NAME]`. No Qt is imported here."""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import sys

from library import Library
from library.plural import plural
from library.profiles import ENV_PROFILE, Profile, ProfileError, env_profile
from reader.cli.output import one_line

PROFILE_COMMANDS = ("profiles",)


def add_profile_option(common: argparse.ArgumentParser) -> argparse.Action:
    """`--profile NAME` for every command."""
    return common.add_argument(
        "--profile",
        metavar="NAME",
        help=f"the learner whose words, reviews and progress to use (default: ${ENV_PROFILE} or the first learner;"
        " a new name adds a learner)",
    )


def add_profile_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register `profiles`."""
    p = sub.add_parser("profiles", parents=[common], help="the learners: list, add, rename, remove")
    psub = p.add_subparsers(dest="action", metavar="ACTION")
    q = psub.add_parser("list", parents=[common], help="the learners (the active one marked *)")
    q.add_argument("--json", action="store_true")
    q = psub.add_parser("add", parents=[common], help="add a learner")
    q.add_argument("name", nargs="+", metavar="NAME")
    q = psub.add_parser("rename", parents=[common], help="rename a learner")
    q.add_argument("old", metavar="OLD")
    q.add_argument("new", metavar="NEW")
    q = psub.add_parser("remove", parents=[common], help="remove a learner with their words, reviews and progress")
    q.add_argument("name", nargs="+", metavar="NAME")


def profile_name(args: argparse.Namespace) -> str | None:
    """The learner the command line names: --profile, else $STUDY_READER_PROFILE."""
    return getattr(args, "profile", None) or env_profile()


def open_library(args: argparse.Namespace) -> tuple[Library, Profile | None]:
    """The library of the command, with the learner it names active; and that learner if it was
    added for this command (kept only if the command succeeds: see `settle_new_learner`)."""
    lib = Library(args.library)
    name = profile_name(args)
    if name is None:
        return lib, None
    try:
        profile, made = lib.profiles.ensure(name)
    except ProfileError:
        lib.close()
        raise
    lib.profiles.switch(profile.id)
    return lib, profile if made else None


def settle_new_learner(lib: Library, made: Profile | None, code: int | None) -> None:
    """A learner added for a command is kept, and said so, when the command succeeded (status 0);
    a refused or stopped command takes them back, leaving the library as it was."""
    if made is None:
        return
    if code == 0:
        print(f"study-reader: added the learner “{made.name}”", file=sys.stderr)
        return
    # What the command saved for them goes too (the tables cascade). Removed already, or a library
    # that cannot be written: nothing more to take back.
    with contextlib.suppress(ProfileError, sqlite3.DatabaseError):
        lib.profiles.delete(made.name)


def profiles_command(lib: Library, args: argparse.Namespace) -> int:
    """List, add, rename or remove learners."""
    action = args.action or "list"
    try:
        if action == "add":
            made = lib.profiles.create(" ".join(args.name))
            print(f"added the learner “{made.name}”")
        elif action == "rename":
            renamed = lib.profiles.rename(args.old, args.new)
            print(f"renamed “{args.old}” to “{renamed.name}”")
        elif action == "remove":
            name = " ".join(args.name)
            counts = lib.profiles.data_counts(name)
            gone = lib.profiles.delete(name)
            print(
                f"removed the learner “{gone.name}” with {plural(counts['words'], 'saved word')},"
                f" {plural(counts['review_log'], 'review')} and the reading state of"
                f" {plural(counts['reading_state'], 'lesson')}"
            )
        else:
            current = lib.profiles.current_id
            rows = lib.profiles.list()
            if getattr(args, "json", False):
                out = [{**p.__dict__, "current": p.id == current, **_counts(lib, p.id)} for p in rows]
                print(json.dumps(out, ensure_ascii=False, indent=2))
                return 0
            for p in rows:
                counts = _counts(lib, p.id)
                mark = "*" if p.id == current else " "
                print(f"{mark} {p.name}\t{plural(counts['words'], 'word')}\t{p.created_at[:10]}")
    except ProfileError as exc:
        print(f"study-reader: {one_line(exc)}", file=sys.stderr)
        return 1
    return 0


def _counts(lib: Library, profile_id: int) -> dict[str, int]:
    row = lib.db.execute(
        "SELECT (SELECT count(*) FROM words WHERE profile_id = ?),"
        " (SELECT count(*) FROM review_log WHERE profile_id = ?)",
        [profile_id, profile_id],
    ).fetchone()
    return {"words": int(row[0]), "reviews": int(row[1])}


PROFILE_HANDLERS = {"profiles": profiles_command}
