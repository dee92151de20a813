"""One object for an open library, with an area per concern."""

from __future__ import annotations

import os
import sys
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from library.editing import apply_edits
from library.lessons import Lessons
from library.profiles import CurrentProfile, Profiles
from library.store.opening import open_database
from library.store.sessions import begin_session

if TYPE_CHECKING:
    from library.editing import Editing
    from library.packs import Packs
    from library.pages import Pages
    from library.search import Search
    from library.study.area import Study

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
        # A read-only library is left as it is: no session marker beside it either (but this
        # process still counts it open, see library/store/sessions.py).
        self.read_only = self.db.read_only
        self._session = begin_session(self.path, writable=not self.read_only) if isinstance(self.path, Path) else None
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
        # Lessons are read with the user's edits over them; the edits' module is the one writer.
        self.lessons = Lessons(self.db, self.current_profile, overlay=apply_edits)

    # The other areas are made (and their modules loaded) when first used: a window shows a
    # lesson before anyone searches, studies or packs lessons.
    @cached_property
    def search(self) -> Search:
        from library.search import Search

        return Search(self.db)

    @cached_property
    def editing(self) -> Editing:
        from library.editing import Editing

        return Editing(self.db, self.lessons.get, lambda: self.pages)

    @cached_property
    def pages(self) -> Pages:
        from library.pages import Pages

        return Pages(self.db, self.lessons)

    @cached_property
    def packs(self) -> Packs:
        from library.packs import Packs

        return Packs(self.db, self.lessons, self.editing)

    @cached_property
    def study(self) -> Study:
        from library.study.area import Study

        return Study(self.db, data_dir() / "dictionary.db", self.current_profile)

    def close(self) -> None:
        """Close the connection (a clean close: the next open need not check the file)."""
        if self._session is not None:
            self._session.closing()
        self.db.close()
        if self._session is not None:
            self._session.end()  # the marker stays while another Library of this process has the file open
            self._session = None

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
