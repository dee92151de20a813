"""The packaged build (scripts/build-app.sh) runs without Python: from another folder, with no virtual environment
on PATH, it imports a page and renders the window as the source checkout does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[1]
BUILT = Path(os.environ.get("STUDY_READER_BUILD") or REPO / "build" / "dist" / "study-reader" / (
    "study-reader.exe" if sys.platform == "win32" else "study-reader"))
PAGE = REPO / "tests" / "data" / "pages" / "interleaved_ja_before.txt"
TITLE = "City Bike-Sharing Program Turns Five"

needs_build = pytest.mark.skipif(not BUILT.exists(), reason=f"no packaged build at {BUILT} (bash scripts/build-app.sh "
                                 "makes one; $STUDY_READER_BUILD names another)")


def _bare_env(tmp_path: Path) -> dict[str, str]:
    """A user's environment: system PATH only, no Python variables, data and settings in tmp_path."""
    path = os.pathsep.join(p for p in ("/usr/local/bin", "/usr/bin", "/bin") if Path(p).is_dir())
    env = {"HOME": str(tmp_path / "home"), "PATH": path, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    for keep in ("SYSTEMROOT", "TEMP", "TMP"):  # Windows cannot start a process without them
        if keep in os.environ:
            env[keep] = os.environ[keep]
    return env


def _differing(a: QImage, b: QImage) -> float:
    """The share of pixels that differ between two images of one size, sampled on a 4-pixel grid."""
    assert a.size() == b.size()
    points = [(x, y) for y in range(0, a.height(), 4) for x in range(0, a.width(), 4)]
    return sum(a.pixel(x, y) != b.pixel(x, y) for x, y in points) / len(points)


@needs_build
def test_the_built_app_imports_a_page_and_renders_it_like_the_source(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _bare_env(tmp_path)
    shot = tmp_path / "built.png"
    library = tmp_path / "built.db"
    done = subprocess.run([str(BUILT), str(PAGE), "--library", str(library), "--screenshot", str(shot),
                           "--show-all"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run([str(BUILT), "list", "--library", str(library)], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert TITLE in listed.stdout  # imported, beside the built-in sample lessons
    assert "Scientists Grow Coral on Land" in listed.stdout

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    # The same screenshot from the source checkout: the bundle has every style, font choice and resource.
    source_shot = tmp_path / "source.png"
    source = subprocess.run([sys.executable, "-m", "reader", str(PAGE), "--library", str(tmp_path / "source.db"),
                             "--screenshot", str(source_shot), "--show-all"], cwd=REPO,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, timeout=120)
    assert source.returncode == 0, source.stderr
    assert _differing(image, QImage(str(source_shot))) < 0.01


@needs_build
def test_the_built_app_speaks_japanese(tmp_path: Path) -> None:
    env = _bare_env(tmp_path)
    shots = {}
    for lang in ("en", "ja"):
        shots[lang] = tmp_path / f"{lang}.png"
        done = subprocess.run([str(BUILT), "--lang", lang, "--library", str(tmp_path / "lib.db"), "--screenshot",
                               str(shots[lang])], env=env, cwd=tmp_path, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr
    en, ja = QImage(str(shots["en"])), QImage(str(shots["ja"]))
    menu_bar = (0, 0, 640, 20)  # ファイル(&F) 表示(&V) … where English says File View …
    assert _differing(en.copy(*menu_bar), ja.copy(*menu_bar)) > 0.05


def _start_until_painted(command: list[str], tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Start the window with $STUDY_READER_EXIT_ON_PAINT, as bench/built_app.py times it."""
    return subprocess.run([*command, "--library", str(tmp_path / "paint.db")], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env={**env, "STUDY_READER_EXIT_ON_PAINT": "1"})


def test_a_start_told_to_stop_on_paint_says_so_and_closes(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = _start_until_painted([sys.executable, "-m", "reader"], tmp_path, env)
    assert (done.returncode, done.stdout) == (0, "painted\n"), done.stderr


@needs_build
def test_the_built_app_told_to_stop_on_paint_says_so_and_closes(tmp_path: Path) -> None:
    done = _start_until_painted([str(BUILT)], tmp_path, _bare_env(tmp_path))
    assert (done.returncode, done.stdout) == (0, "painted\n"), done.stderr
