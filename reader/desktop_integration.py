"""Put Study Reader in a Linux desktop's application menu: the launcher, its icons, and the lesson-pack file type.

Everything goes under $XDG_DATA_HOME (~/.local/share): applications/, icons/hicolor/ and mime/packages/,
as the freedesktop.org specifications place a user's own applications. `python -m reader.desktop_integration
render-icons DIR` also renders the icon sizes for the packaged build.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import resources

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

APP_ID = "study-reader"
MIME_TYPE = "application/x-studypack"
# The sizes a hicolor icon theme looks in (the Icon Theme Specification's common set).
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# What update-mime-database writes in mime/ from the packages in mime/packages/ (shared-mime-info 2.x).
MIME_CACHES = ("XMLnamespaces", "aliases", "generic-icons", "globs", "globs2", "icons", "magic", "mime.cache",
               "subclasses", "treemagic", "types", "version")
MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>Study Reader lesson pack</comment>
    <comment xml:lang="ja">Study Reader レッスンパック</comment>
    <sub-class-of type="application/zip"/>
    <generic-icon name="{APP_ID}"/>
    <glob pattern="*.studypack" weight="80"/>
  </mime-type>
</mime-info>
"""


_app: object = None  # the application object made for drawing icons outside the window


def data_home() -> Path:
    """The user's XDG data folder, where desktops look for a user's own launchers, icons and file types."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher_command() -> list[str]:
    """The command that starts this Study Reader: the frozen app, the installed script, or Python itself."""
    if getattr(sys, "frozen", False):  # the packaged build: its own executable
        return [sys.executable]
    beside = Path(sys.executable).with_name(APP_ID)  # the script pip installed beside this Python
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which(APP_ID)
    return [found] if found else [sys.executable, "-m", "reader"]


def _exec_quote(arg: str) -> str:
    """An argument quoted as the Desktop Entry Specification's Exec key wants it."""
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`%='):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped.replace("%", "%%")}"'


def desktop_entry(command: list[str]) -> str:
    """The .desktop entry: the shipped template with this installation's command and the pack type."""
    template = Path(resources.__file__).with_name(f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            # %F: every file dropped on the launcher or opened with it, in one start.
            line = "Exec=" + " ".join(_exec_quote(a) for a in command) + " %F"
        elif line.startswith("MimeType="):
            # Only the pack type: listing text/plain would make Study Reader the default for every .txt
            # file; a page still opens with it through the file manager's "Open with".
            line = f"MimeType={MIME_TYPE};"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _paths(home: Path) -> dict[str, Path]:
    """Every file the installation writes, by what it is."""
    paths = {
        "entry": home / "applications" / f"{APP_ID}.desktop",
        "mime": home / "mime" / "packages" / f"{APP_ID}.xml",
        "svg": home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    }
    for size in ICON_SIZES:
        paths[f"png{size}"] = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    return paths


def render_icon(size: int) -> bytes:
    """resources/icon.svg drawn as a PNG of size × size pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    global _app
    if QGuiApplication.instance() is None:  # QImage and QPainter need an application object
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([sys.argv[0]])  # kept for the process: Qt wants one application object
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(Path(resources.__file__).with_name("icon.svg"))).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes a str
    return bytes(data.data())


def _refresh(home: Path) -> None:
    """Rebuild the desktop's caches of file types and launchers, with the tools that are installed."""
    for tool, folder in (("update-mime-database", home / "mime"), ("update-desktop-database", home / "applications")):
        if shutil.which(tool) and folder.is_dir():
            subprocess.run([tool, str(folder)], check=False, capture_output=True)  # a stale cache is not fatal
    icons = home / "icons" / "hicolor"
    if shutil.which("gtk-update-icon-cache") and (icons / "index.theme").exists():
        subprocess.run(["gtk-update-icon-cache", "-q", "-t", str(icons)], check=False, capture_output=True)


def install_desktop(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the launcher, the icons and the lesson-pack type under `home`; returns the files written."""
    home = home or data_home()
    paths = _paths(home)
    contents: dict[str, bytes] = {
        "entry": desktop_entry(command or launcher_command()).encode("utf-8"),
        "mime": MIME_XML.encode("utf-8"),
        "svg": Path(resources.__file__).with_name("icon.svg").read_bytes(),
    }
    for size in ICON_SIZES:
        contents[f"png{size}"] = render_icon(size)
    for key, path in paths.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(contents[key])
    _refresh(home)
    return list(paths.values())


def uninstall_desktop(home: Path | None = None) -> list[Path]:
    """Remove what install_desktop wrote (and the folders it left empty); returns the files removed."""
    home = home or data_home()
    removed = []
    for path in _paths(home).values():
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh(home)  # the caches now say nothing of ours
    _forget_caches(home)
    folders = {path.parent for path in _paths(home).values()}
    folders |= {home / "mime" / MIME_TYPE.split("/")[0], home / "mime" / "packages", home / "applications"}
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        while folder != home and folder.is_dir() and not any(folder.iterdir()):  # only folders left empty
            folder.rmdir()
            folder = folder.parent
    return removed


def _forget_caches(home: Path) -> None:
    """Remove the desktop caches that were built from our files alone; caches built from others' stay (refreshed)."""
    mime = home / "mime"
    packages = mime / "packages"
    if mime.is_dir() and not (packages.is_dir() and any(packages.iterdir())):
        # No package left to build a database from: what update-mime-database made is ours, nothing else.
        for name in (*MIME_CACHES, f"{MIME_TYPE}.xml"):
            (mime / name).unlink(missing_ok=True)
    apps = home / "applications"
    if apps.is_dir() and [p.name for p in apps.iterdir()] == ["mimeinfo.cache"]:
        (apps / "mimeinfo.cache").unlink()  # update-desktop-database's index of our launcher alone


def install_from_menu(parent: QWidget, tr: Callable[[str], str]) -> None:
    """Help → Add to the applications menu: install, then say where (or what went wrong)."""
    from reader.window import dialogs

    try:
        written = install_desktop()
    except OSError as exc:
        dialogs.error(parent, tr("Study Reader"),
                      tr("Could not add Study Reader to the applications menu: {error}").format(error=exc))
        return
    dialogs.inform(parent, tr("Study Reader"), tr(
        "Study Reader is in the applications menu, and lesson packs open in it ({n} files in {path}).").format(
        n=len(written), path=data_home()))


def run(args: list[str]) -> int:
    """`study-reader --install-desktop` / `--uninstall-desktop`: do it and say what was done."""
    home = data_home()
    if not sys.platform.startswith("linux"):
        print("study-reader: desktop integration is for Linux; the packaged build installs its own launcher")
        return 2
    try:
        if "--uninstall-desktop" in args:
            removed = uninstall_desktop(home)
            print(f"study-reader: removed {len(removed)} files from {home}")
            return 0
        written = install_desktop(home)
    except OSError as exc:  # a data folder that is a file, or is not writable: say which, in one line
        where = exc.filename or home
        print(f"study-reader: cannot write the desktop files under {home}: {where}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    print(f"study-reader: added to the applications menu ({len(written)} files under {home}); "
          f"command: {shlex.join(launcher_command())}")
    return 0


def _main(argv: list[str]) -> int:
    """The build's helper: `render-icons DIR` writes NxN.png files; `render-ico FILE` a Windows icon."""
    if len(argv) == 2 and argv[0] == "render-icons":
        folder = Path(argv[1])
        folder.mkdir(parents=True, exist_ok=True)
        for size in (*ICON_SIZES, 1024):
            (folder / f"{size}x{size}.png").write_bytes(render_icon(size))
        return 0
    if len(argv) == 2 and argv[0] == "render-ico":
        from PySide6.QtGui import QImage

        image = QImage.fromData(render_icon(256))
        return 0 if image.save(argv[1]) else 1  # the format from the suffix: .ico
    return run(argv)


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
