"""The window under hostile input and errors: nothing reaches out, broken files get one clear line,
unexpected errors get a dialog and a log entry, and a second start hands its files over."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from library import Library
from reader.article.state import ArticleBase
from reader.mainwindow import MainWindow
from reader.window.trust import ErrorReporter, InstanceServer, hand_over, log_path, server_name, setup_logging
from tests.broken_files import EXPECTED, MAKERS, huge_text
from tests.reader.conftest import DialogLog

REPO = Path(__file__).resolve().parents[3]

# One audit hook for the whole session (they cannot be removed); it records only while armed.
_AUDIT: dict[str, Any] = {"armed": False, "events": []}


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _AUDIT["armed"]:
        return
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"):
        _AUDIT["events"].append((event, repr(args)[:200]))
    elif event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
        _AUDIT["events"].append((event, os.fsdecode(args[0])))


sys.addaudithook(_audit)


@pytest.fixture
def win(qtbot: QtBot, library: Library, settings: QSettings, dialog_log: DialogLog) -> Iterator[MainWindow]:
    """The main window on an empty library (no reference page needed)."""
    w = MainWindow(library, settings, lang="en", theme="light")
    qtbot.addWidget(w)
    w.resize(1100, 760)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_rendering_a_hostile_page_reaches_nothing(
    qtbot: QtBot, win: MainWindow, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [
        library.lessons.import_file(MAKERS[name](tmp_path)).lesson_id
        for name in ("hostile_html", "hostile_html_as_text")
    ]
    # Notes whose text is markup and whose sources are a local file, a script and a web page.
    for marker, url in (("※1", "file:///etc/passwd"), ("※2", "javascript:alert(1)"), ("※3", "https://example.org/a")):
        library.db.execute(
            "INSERT INTO notes (lesson_id, pos, marker, text, source_url, anchor_block, anchor_start, anchor_end)"
            " VALUES (?, ?, ?, ?, ?, 0, 4, 8)",
            [ids[0], int(marker[1]), marker, "<img src='http://tracker.invalid/n.gif'><script>x()</script>", url],
        )
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toString()) or True)
    loads: list[str] = []
    real_load = ArticleBase.loadResource

    def counting_load(self: ArticleBase, kind: int, name: Any) -> Any:
        loads.append(QUrl(name).toString())
        return real_load(self, kind, name)

    monkeypatch.setattr(ArticleBase, "loadResource", counting_load)
    _AUDIT["events"].clear()
    _AUDIT["armed"] = True
    try:
        for lesson_id in ids:
            assert win.reading.open(lesson_id)  # afresh, even if it is open
            win.article.show_all(True)
            assert win.lesson is not None
            for i in range(len(win.lesson.notes)):
                win.article.show_note_at_anchor(i)
                win.article.card.grab()  # paint the card, as the screen would
            win.article.viewport().grab()
            qtbot.wait(20)
    finally:
        _AUDIT["armed"] = False
    assert [e for e in _AUDIT["events"] if e[0] != "open"] == []  # no network at all
    unexpected = [p for _, p in _AUDIT["events"] if "passwd" in p or p.startswith(("http", "file:"))]
    assert unexpected == []
    assert all(QUrl(u).scheme() in ("qrc", "data") for u in loads), loads
    assert opened == []
    shown = win.article.document().toPlainText()
    assert "City Opens a New River Park" in shown
    # Only the web link is a link, and it opens in the browser only when clicked.
    win.open_lesson(ids[0])
    cards = []
    assert win.lesson is not None
    for i in range(len(win.lesson.notes)):
        win.article.show_note_at_anchor(i)
        cards.append(win.article.card.text())
    assert all("<img" not in c and "<script" not in c for c in cards)
    assert not any("href='file:" in c or "href='javascript:" in c for c in cards)
    assert any("href='https://example.org/a'" in c for c in cards)
    assert opened == []
    label = win.article.card._label  # the card's QLabel: a click on a link emits linkActivated
    for url in ("file:///etc/passwd", "javascript:alert(1)", "https://example.org/a"):
        label.linkActivated.emit(url)
    assert opened == ["https://example.org/a"]


REFUSED_IN_WINDOW = ("empty", "binary", "nul_in_text", "malformed_epub", "zip_bomb", "sqlite_file")


def test_window_refuses_broken_files_with_one_line_and_changes_nothing(
    qtbot: QtBot, win: MainWindow, library: Library, dialog_log: DialogLog, tmp_path: Path
) -> None:
    files = {name: MAKERS[name](tmp_path) for name in REFUSED_IN_WINDOW}
    files["huge"] = huge_text(tmp_path)
    before = _dump(Path(str(library.path)))
    for name, path in files.items():
        assert EXPECTED[name] == "refused"
        dialog_log.calls.clear()
        win.import_files([str(path)])
        qtbot.waitUntil(lambda: "error" in dialog_log.names(), timeout=20000)
        _, args = dialog_log.calls[-1]
        text = args[2]
        assert text.startswith(f"{path.name}: ") and "\n" not in text and "Traceback" not in text, text
    assert _dump(Path(str(library.path))) == before
    # Several at once: one summary, one line per refused file.
    dialog_log.calls.clear()
    win.import_files([str(p) for p in files.values()])
    qtbot.waitUntil(lambda: "inform" in dialog_log.names(), timeout=30000)
    summary = dialog_log.calls[-1][1][2]
    assert summary.splitlines()[0] == f"0 of {len(files)} files imported."
    assert len(summary.splitlines()) == len(files) + 1
    assert _dump(Path(str(library.path))) == before


def test_unexpected_error_is_logged_and_shown_with_details(
    win: MainWindow, dialog_log: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = setup_logging()
    saved: list[bool] = []
    reporter = ErrorReporter(lambda: win, save_work=lambda: saved.append(True))
    reporter.install()
    try:
        try:
            raise RuntimeError("the disk went away\nsecond line")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        reporter.uninstall()
        for h in list(__import__("logging").getLogger().handlers):
            if getattr(h, "baseFilename", "") == str(path):
                h.close()
                __import__("logging").getLogger().removeHandler(h)
    assert saved == [True]
    assert dialog_log.names() == ["failure"]
    _parent, _title, text, what_to_do, details = dialog_log.calls[0][1]
    assert text == "Something went wrong: the disk went away second line"
    assert str(log_path()) in what_to_do
    assert "Traceback" in details and "RuntimeError" in details
    assert path == log_path() and path.is_file()
    assert "the disk went away" in path.read_text(encoding="utf-8")
    assert win.isVisible()  # the window stays, with the lesson and the user's work


def test_server_name_is_per_library_file(tmp_path: Path) -> None:
    a = tmp_path / "a.db"
    assert server_name(a) == server_name(tmp_path / "x" / ".." / "a.db")
    assert server_name(a) != server_name(tmp_path / "b.db")


def test_second_start_hands_its_file_to_the_running_window(
    qtbot: QtBot, win: MainWindow, library: Library, tmp_path: Path
) -> None:
    path = Path(str(library.path))
    assert not hand_over(path, [])  # nobody is listening yet
    server = InstanceServer(path, win)
    assert server.listen()
    page = REPO / "tests" / "data" / "pages" / "interleaved_zh.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    second = subprocess.Popen(
        [sys.executable, "-m", "reader", str(page), "--library", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    try:
        with qtbot.waitSignal(server.files_received, timeout=30000) as signal:
            pass
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)  # the event loop keeps running
        out, err = second.communicate(timeout=5)
    finally:
        if second.poll() is None:
            second.kill()
        server.close()
    assert signal.args == [[str(page)]]
    assert second.returncode == 0, err
    assert "open in another window" in out
    assert library.lessons.count() == 0  # the second start did not open the library itself


def test_no_socket_is_left_listening_on_the_network(win: MainWindow, library: Library) -> None:
    """The instance server is a local (Unix domain) socket, not a TCP port."""
    server = InstanceServer(Path(str(library.path)), win)
    assert server.listen()
    try:
        assert server._server.fullServerName().startswith(("/", "\\\\.\\pipe\\"))
        assert socket.AF_UNIX if hasattr(socket, "AF_UNIX") else True
    finally:
        server.close()
