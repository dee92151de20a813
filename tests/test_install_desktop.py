"""Desktop integration on Linux: `--install-desktop` writes a valid launcher, icons and the lesson-pack type; the
uninstall removes them; files given to the launcher are imported."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from library import Library
from reader.desktop_integration import ICON_SIZES, MIME_TYPE, MIME_XML, desktop_entry
from reader.window import dialogs
from tests.conftest import PAGES

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="desktop integration is for Linux")


def _study_reader(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Run `study-reader ARGS` from this checkout with XDG_DATA_HOME at `home`."""
    env = {**os.environ, "XDG_DATA_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)


def _mime_of(path: Path, home: Path) -> str:
    """The file type Qt's reading of the shared MIME database (with `home` as the user's data) gives `path`."""
    code = ("import sys\nfrom PySide6.QtCore import QCoreApplication, QMimeDatabase\napp = QCoreApplication([])\n"
            "print(QMimeDatabase().mimeTypeForFile(sys.argv[1]).name())")
    env = {**os.environ, "XDG_DATA_HOME": str(home)}
    return subprocess.run([sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True,
                          timeout=60, check=True).stdout.strip()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None or shutil.which("update-mime-database") is None,
                    reason="desktop-file-utils or shared-mime-info is not installed")
def test_install_desktop_then_uninstall_leaves_nothing(tmp_path: Path) -> None:
    home = tmp_path / "xdg"
    home.mkdir()
    pack = tmp_path / "week1.studypack"
    with zipfile.ZipFile(pack, "w") as z:  # a pack is a zip: without our type it is only that
        z.writestr("manifest.json", "{}")
    assert _mime_of(pack, home) == "application/zip"

    done = _study_reader("--install-desktop", home=home)
    assert done.returncode == 0, done.stderr
    entry = home / "applications" / "study-reader.desktop"
    check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert check.returncode == 0 and check.stdout == "", check.stdout  # no error, warning or hint
    text = entry.read_text(encoding="utf-8")
    assert "\nExec=" in text and text.split("\nExec=")[1].split("\n")[0].endswith(" %F")
    # Only the pack type: a default for every .txt file is not ours to take.
    assert f"\nMimeType={MIME_TYPE};\n" in text and "Icon=study-reader\n" in text
    for size in ICON_SIZES:
        icon = QImage(str(home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "study-reader.png"))
        assert (icon.width(), icon.height()) == (size, size)
        assert icon.pixelColor(size // 2, size // 10).alpha() == 255  # drawn, not an empty square
    svg = home / "icons" / "hicolor" / "scalable" / "apps" / "study-reader.svg"
    assert svg.read_bytes() == (REPO / "resources" / "icon.svg").read_bytes()
    # The association: the pack is our type, and the launcher is the application for that type.
    assert _mime_of(pack, home) == MIME_TYPE
    cache = (home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"{MIME_TYPE}=study-reader.desktop;" in cache and "text/plain" not in cache

    done = _study_reader("--uninstall-desktop", home=home)
    assert done.returncode == 0, done.stderr
    assert [p for p in home.rglob("*")] == []
    assert _mime_of(pack, home) == "application/zip"


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info is not installed")
def test_uninstall_keeps_the_users_own_files(tmp_path: Path) -> None:
    home = tmp_path / "xdg"
    mine = [home / "mime" / "my-notes.txt", home / "applications" / "my-editor.desktop",
            home / "icons" / "hicolor" / "48x48" / "apps" / "my-editor.png"]
    for path in mine:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("mine")
    assert _study_reader("--install-desktop", home=home).returncode == 0
    assert (home / "mime" / "mime.cache").exists()

    done = _study_reader("--uninstall-desktop", home=home)
    assert done.returncode == 0, done.stderr
    left = sorted(p for p in home.rglob("*") if p.is_file())
    assert left == sorted([*mine, home / "applications" / "mimeinfo.cache"])  # the cache of my-editor's entry
    assert all(p.read_text() == "mine" for p in mine)


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info is not installed")
def test_uninstall_keeps_another_applications_file_type(tmp_path: Path) -> None:
    home = tmp_path / "xdg"
    other = home / "mime" / "packages" / "other.xml"
    other.parent.mkdir(parents=True)
    other.write_text(MIME_XML.replace(MIME_TYPE, "application/x-other").replace("*.studypack", "*.other"))
    assert _study_reader("--install-desktop", home=home).returncode == 0
    assert _study_reader("--uninstall-desktop", home=home).returncode == 0
    assert other.exists() and not (home / "mime" / "application" / "x-studypack.xml").exists()
    assert _mime_of(tmp_path / "a.other", home) == "application/x-other"  # the database still knows it


def test_an_unwritable_data_folder_is_one_line(tmp_path: Path) -> None:
    home = tmp_path / "share"
    home.write_text("a file where the folder should be")
    done = _study_reader("--install-desktop", home=home / "sub")  # NotADirectoryError
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.splitlines()) == 1 and str(home) in done.stderr
    assert _study_reader("--uninstall-desktop", home=home / "sub").returncode == 0  # nothing there to remove
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        done = _study_reader("--install-desktop", home=locked)
        assert done.returncode == 1 and len(done.stderr.splitlines()) == 1, done.stderr


def test_exec_line_quotes_a_path_with_spaces() -> None:
    entry = desktop_entry(["/home/a b/Study Reader/study-reader"])
    assert '\nExec="/home/a b/Study Reader/study-reader" %F\n' in entry


def test_help_menu_adds_study_reader_to_the_applications_menu(qtbot: QtBot, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.mainwindow import MainWindow

    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, _title, text: told.append(text))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    with Library(tmp_path / "lib.db") as library:
        window = MainWindow(library, settings, interactive=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        bar = window.menuBar()
        help_action = next(a for a in bar.actions() if a.text() == "&Help")
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(help_action).center())
        menu = help_action.menu()
        assert isinstance(menu, QMenu)
        qtbot.waitUntil(menu.isVisible, timeout=5000)
        item = next(a for a in menu.actions() if a.text() == "Add to the &applications menu")
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(item).center())
        qtbot.waitUntil(lambda: len(told) == 1, timeout=30000)
        window.close()
    home = Path(os.environ["XDG_DATA_HOME"])  # tmp_path/data (tests/conftest.py)
    assert str(home) in told[0] and "applications menu" in told[0]
    assert (home / "applications" / "study-reader.desktop").exists()
    assert (home / "icons" / "hicolor" / "48x48" / "apps" / "study-reader.png").exists()


def test_every_file_given_to_the_launcher_is_imported(qtbot: QtBot, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.app import open_window, parse_args

    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, _title, text: told.append(text))

    pages = [PAGES / "interleaved_zh.txt", PAGES / "sjis_crlf.txt", PAGES / "interleaved_ja_before.txt"]
    ns = parse_args([*map(str, pages), "--library", str(tmp_path / "lib.db")])  # as Exec=… %F passes them
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    with Library(tmp_path / "lib.db") as library:
        window = open_window(ns, library, settings, interactive=False, show=lambda w: w.show())
        qtbot.addWidget(window)
        samples = 2  # an empty library gets the built-in samples first
        qtbot.waitUntil(lambda: library.lessons.count() == samples + 3, timeout=60000)
        # The last one imported is the one shown, as for several files imported from the menu.
        qtbot.waitUntil(lambda: window.current_id() == max(library.lessons.ids()), timeout=30000)
        assert told == ["2 of 2 files imported."]  # the first was imported as the window opened
        window.close()


def test_the_first_file_is_the_one_opened_at_once(tmp_path: Path) -> None:
    from reader.app import parse_args

    ns = parse_args(["a.txt", "b.studypack", "--lang", "ja"])
    assert (ns.file, ns.files, ns.lang) == ("a.txt", ["a.txt", "b.studypack"], "ja")
    assert parse_args([]).file is None
