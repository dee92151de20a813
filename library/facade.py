"""One object for an open library, with an area per concern."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from library.db import begin_session, open_database
from library.editing import Editing
from library.lessons import Lessons
from library.packs import Packs
from library.profiles import CurrentProfile, Profiles
from library.search import Search
from library.study import Study

ENV_LIBRARY = "STUDY_READER_LIBRARY"
APP_DIR_NAME = "study-reader"


def data_dir() -> Path:
    """The user's data folder for Study Reader (XDG on Linux, the platform's folder elsewhere)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def default_library_path() -> Path:
    """The library file to use: $STUDY_READER_LIBRARY, else library.db in the data folder."""
    env = os.environ.get(ENV_LIBRARY)
    if env:
        return Path(env).expanduser()
    return data_dir() / "library.db"


class Library:
    """An open library file: `lessons` and `search` are its areas."""

    def __init__(self, path: str | Path | None = None, profile: str | None = None, check: str = "always") -> None:
        self.path = Path(path) if path is not None and str(path) != ":memory:" else path
        self.db = open_database(self.path if self.path is not None else default_library_path(), check=check)
        if self.path is None:
            self.path = default_library_path()
        self._session = begin_session(self.path) if isinstance(self.path, Path) else None
        # The active learner, shared by every per-learner area (see library/profiles.py).
        self.current_profile = CurrentProfile(1)
        self.profiles = Profiles(self.db, self.current_profile)
        try:
            if profile is not None:
                self.profiles.switch(profile, create=True)  # a new name makes a new learner
            else:
                self.current_profile.id = self.profiles.default().id
        except BaseException:
            self.close()
            raise
        self.lessons = Lessons(self.db, self.current_profile)
        self.search = Search(self.db)
        self.editing = Editing(self.db)
        self.packs = Packs(self.db, self.lessons, self.editing)
        self.study = Study(self.db, data_dir() / "dictionary.db", self.current_profile)

    def close(self) -> None:
        """Close the connection (a clean close: the next open need not check the file)."""
        self.db.close()
        if self._session is not None:
            self._session.unlink(missing_ok=True)
            self._session = None

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
