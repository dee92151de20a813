"""Import sqlite-utils without the numpy import it makes eagerly.

sqlite-utils imports numpy when it is installed (lemminflect installs it) only to accept
numpy values in inserts, which this program never passes. That import costs a large share
of the window's start-up budget, so it is skipped here; numpy stays importable for the
modules that need it later.
"""

from __future__ import annotations

import sys
from types import ModuleType


class _SkipNumpy:
    """A meta path finder that refuses numpy (a plain class: importlib.abc costs import time too)."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "numpy" or name.startswith("numpy."):
            raise ImportError("numpy is not loaded at start-up")
        return None


def import_sqlite_utils() -> ModuleType:
    """sqlite_utils, imported (once) without pulling numpy in."""
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    finder = _SkipNumpy()
    sys.meta_path.insert(0, finder)
    try:
        import sqlite_utils
    finally:
        sys.meta_path.remove(finder)
    return sqlite_utils
