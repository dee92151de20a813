"""The command line of the window: --screenshot, samples on first run, FILE import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from library import Library
from reader.app import parse_args, run_app
from reader.mainwindow import MainWindow
from reader.window.samples import sample_pages
from tests.reader.conftest import REFERENCE


def test_screenshot_writes_png_of_requested_size(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    code = run_app([str(REFERENCE), "--library", str(tmp_path / "lib.db"), "--screenshot", str(out),
                    "--size", "900x640", "--show-all", "--hover", "※1", "--highlight", "reserve"])
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 640)


def test_first_run_imports_samples_and_opens_one(tmp_path: Path) -> None:
    out = tmp_path / "first.png"
    assert run_app(["--library", str(tmp_path / "new.db"), "--screenshot", str(out), "--theme", "dark",
                    "--lang", "ja"]) == 0
    assert QImage(str(out)).width() == 1280
    with Library(tmp_path / "new.db") as library:
        assert library.lessons.count() == len(sample_pages()) >= 1


def test_a_bad_file_does_not_stop_the_window(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run_app([str(empty), "--library", str(tmp_path / "lib.db"), "--screenshot",
                    str(tmp_path / "x.png")]) == 0
    assert "empty.txt: " in capsys.readouterr().err


def test_arguments() -> None:
    ns = parse_args(["page.txt", "--library", "x.db", "--size", "800x600", "--theme", "sepia", "--lang", "ja",
                     "--lesson", "3", "--show-translations"])
    assert (ns.file, ns.library, ns.size, ns.theme, ns.lang, ns.lesson, ns.show_all) == (
        "page.txt", "x.db", "800x600", "sepia", "ja", 3, True)


def test_the_window_opens_as_it_was_last_left(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings, QSize

    from reader.app import place_window
    from reader.mainwindow import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    with Library(tmp_path / "lib.db") as library:
        first = MainWindow(library, settings, interactive=False)
        qtbot.addWidget(first)
        place_window(first, settings, None, shooting=False)  # a first start: most of the screen
        room = first.screen().availableGeometry().size()  # offscreen, 800×600: 1280×800 would not fit
        assert first.size() == QSize(int(room.width() * 0.9), int(room.height() * 0.9))
        first.resize(720, 520)  # (within the offscreen screen, 800×600)
        first.save_layout()  # what closing the window does
        again = MainWindow(library, settings, interactive=False)
        qtbot.addWidget(again)
        place_window(again, settings, None, shooting=False)
        assert again.size() == QSize(720, 520)  # not the default
        asked = MainWindow(library, settings, interactive=False)
        qtbot.addWidget(asked)
        place_window(asked, settings, QSize(1000, 700), shooting=False)  # --size 1000x700
        assert asked.size() == QSize(1000, 700)


def _shot(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> tuple[int, list[tuple[str, list[str]]]]:
    """Run a --screenshot; note the open lesson's title and the paragraphs whose translation shows."""
    from reader import app as app_module

    seen: list[tuple[str, list[str]]] = []

    def render(window: MainWindow, _path: str, _size: object) -> bool:
        lesson = window.lesson
        shown = [lesson.blocks[i].text[:10] for i in sorted(window.article.shown)] if lesson else []
        seen.append((lesson.title if lesson else "", shown))
        return True

    monkeypatch.setattr(app_module, "render_screenshot", render)
    return run_app(args), seen


def test_show_naming_a_heading_is_said_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, seen = _shot(monkeypatch, [str(REFERENCE), "--library", str(tmp_path / "lib.db"), "--screenshot",
                                     str(tmp_path / "x.png"), "--show", "A slow start", "--show", "Sweden has"])
    assert code == 0 and seen == [("Night Trains Make a Comeback Across Europe", ["Sweden has"])]
    assert "--show: no paragraph begins with 'A slow start'" in capsys.readouterr().err


def test_lesson_by_id_is_the_one_shot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library_path = tmp_path / "lib.db"
    coral = Path(__file__).resolve().parents[3] / "resources" / "samples" / "01_coral_reefs.txt"
    with Library(library_path) as library:
        night = library.lessons.import_file(REFERENCE).lesson_id
        library.lessons.import_file(coral)
    for extra in ([], [str(coral)]):  # alone, and with a page to import given too
        code, seen = _shot(monkeypatch, [*extra, "--library", str(library_path), "--screenshot",
                                         str(tmp_path / "x.png"), "--lesson", str(night)])
        assert code == 0 and [title for title, _text in seen] == ["Night Trains Make a Comeback Across Europe"]


def test_a_screenshot_with_glosses_and_a_zoom(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from reader import app as app_module
    from reader.window_args import window_help

    seen: list[tuple[bool, str, float, float]] = []

    def render(window: MainWindow, _path: str, _size: object) -> bool:
        glosses = window.glosses
        style = window.article.style_
        seen.append((glosses.layer.enabled, glosses.threshold, window.zoom, style.size if style else 0.0))
        return True

    monkeypatch.setattr(app_module, "render_screenshot", render)
    base = [str(REFERENCE), "--library", str(tmp_path / "lib.db"), "--screenshot", str(tmp_path / "x.png")]
    assert run_app(base) == 0
    assert run_app([*base, "--glosses", "--zoom", "150"]) == 0
    assert run_app([*base, "--glosses", "C1", "--zoom", "80%"]) == 0
    plain, glossed, small = seen
    assert plain[:3] == (False, "B2", 1.0)
    assert glossed[:3] == (True, "B2", 1.5) and glossed[3] > plain[3] * 1.4  # the type is larger
    assert small[:3] == (True, "C1", 0.8) and small[3] < plain[3]
    help_text = window_help()
    assert "--glosses" in help_text and "--zoom" in help_text
    with pytest.raises(SystemExit):
        parse_args(["--zoom", "900"])
    assert "the zoom goes from 70 to 240" in capsys.readouterr().err
