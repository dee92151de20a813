"""Say whether an environment can run Study Reader as installed: exit 0 if so, 10 if the package or one of its
requirements is missing (install it again), 11 if the environment has no pip (make the environment anew).

run.sh runs this on every start, so it only reads the installed metadata (60-80 ms of CPU here) and imports nothing of
the app. Usage: python scripts/check_install.py [DISTRIBUTION]
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import sys

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # a requirement's project name
REINSTALL = 10
REMAKE = 11


def missing_requirements(name: str) -> list[str]:
    """The requirements of distribution `name` (without extras) that are not installed; [name] if it is not."""
    try:
        requires = importlib.metadata.distribution(name).requires or []
    except importlib.metadata.PackageNotFoundError:
        return [name]
    # The quick look, on every start: is a distribution of each name there? Parsing the markers and versions
    # properly costs more than the rest of the check, so it is done only when something seems missing.
    plain = [text for text in requires if "extra" not in text.partition(";")[2]]
    if all(_installed(NAME.match(text).group(0)) for text in plain):  # type: ignore[union-attr]
        return []
    return _missing_exactly(requires)


def _installed(name: str) -> bool:
    """Whether a distribution called `name` is installed."""
    try:
        importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def _missing_exactly(requires: list[str]) -> list[str]:
    """The requirements, with their markers for this Python and their version ranges, that are not met."""
    from pip._vendor.packaging.requirements import Requirement  # pip's own copy: pip is there (checked first)

    missing = []
    for text in requires:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue  # for another Python, or an extra the plain install does not bring
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
    missing = missing_requirements(argv[0] if argv else "study-reader")
    if missing:
        print("missing: " + ", ".join(missing), file=sys.stderr)
        return REINSTALL
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
