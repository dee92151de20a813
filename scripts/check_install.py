"""Say whether an environment can run Study Reader as installed: exit 0 if so, 10 if the package or one of its
requirements is missing (install it again), 11 if the environment has no pip (make the environment anew).

run.sh runs this on every start, so it only reads the installed metadata (60-80 ms of CPU here) and imports nothing of
the app. Usage: python scripts/check_install.py [DISTRIBUTION[EXTRA,...]], e.g. 'study-reader[dictionary]': the
extras' requirements are checked too.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import sys

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # a requirement's project name
WANTED = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*$")  # name[extra,extra]
EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")
REINSTALL = 10
REMAKE = 11


def _extras_of(text: str) -> set[str]:
    """The extras a requirement line belongs to (none: the plain install's)."""
    return set(EXTRA.findall(text.partition(";")[2]))


def missing_requirements(name: str, extras: tuple[str, ...] = ()) -> list[str]:
    """The requirements of distribution `name` (and of its `extras`) that are not installed; [name] if it is not."""
    try:
        requires = importlib.metadata.distribution(name).requires or []
    except importlib.metadata.PackageNotFoundError:
        return [name]
    # The quick look, on every start: is a distribution of each name there? Parsing the markers and versions
    # properly costs more than the rest of the check, so it is done only when something seems missing.
    wanted = [text for text in requires if not _extras_of(text) or _extras_of(text) & set(extras)]
    if all(_installed(NAME.match(text).group(0)) for text in wanted):  # type: ignore[union-attr]
        return []
    return _missing_exactly(requires, extras)


def _installed(name: str) -> bool:
    """Whether a distribution called `name` is installed."""
    try:
        importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def _missing_exactly(requires: list[str], extras: tuple[str, ...] = ()) -> list[str]:
    """The requirements, with their markers for this Python and their version ranges, that are not met."""
    from pip._vendor.packaging.requirements import Requirement  # pip's own copy: pip is there (checked first)

    missing = []
    for text in requires:
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is not None and not any(marker.evaluate({"extra": extra}) for extra in ("", *extras)):
            continue  # for another Python, or an extra not asked for
        try:
            version = importlib.metadata.version(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            missing.append(text)
            continue
        if not requirement.specifier.contains(version, prereleases=True):
            missing.append(f"{text} (installed: {version})")
    return missing


def main(argv: list[str]) -> int:
    """Check the environment this Python runs in; print what is missing on stderr."""
    if importlib.util.find_spec("pip") is None:
        print("no pip in this environment", file=sys.stderr)
        return REMAKE
    wanted = WANTED.match(argv[0] if argv else "study-reader")
    if wanted is None:
        print(f"not a distribution name: {argv[0]}", file=sys.stderr)
        return 2
    extras = tuple(e.strip() for e in (wanted.group(2) or "").split(",") if e.strip())
    missing = missing_requirements(wanted.group(1), extras)
    if missing:
        print("missing: " + ", ".join(missing), file=sys.stderr)
        return REINSTALL
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
