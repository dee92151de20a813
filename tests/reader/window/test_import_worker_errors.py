"""The window's import thread: a file an importer trips over is one refused file, named, and the
others are imported all the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from library import Library
from library import bulk as bulk_module
from reader.window.import_worker import ImportOutcome, ImportWorker
from tests.helpers import trip_the_importer_on

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"


@pytest.mark.parametrize("bulk", [False, True])
def test_a_defect_on_one_file_does_not_stop_the_others(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk: bool
) -> None:
    trip_the_importer_on(monkeypatch, "bad.txt", bulk_module)  # the bulk path parses there below 8 files
    if bulk:
        monkeypatch.setattr(ImportWorker, "BULK_FROM", 2)
    bad = tmp_path / "bad.txt"
    bad.write_text("Bad\n\nA page the importer trips over.\n")
    path = tmp_path / "lib.db"
    Library(path).close()
    paths = [str(PAGES / "interleaved_zh.txt"), str(bad), str(PAGES / "sjis_crlf.txt")]
    worker = ImportWorker(path, paths)
    outcomes: list[ImportOutcome] = []
    worker.done.connect(outcomes.extend)
    worker.run()  # what the thread runs, run here
    assert sorted(o.path for o in outcomes) == sorted(paths)  # every outcome names its file
    by_path = {o.path: o for o in outcomes}
    assert not by_path[str(bad)].ok and "RecursionError" in by_path[str(bad)].message
    assert by_path[paths[0]].ok and by_path[paths[2]].ok
    with Library(path) as lib:
        assert lib.lessons.count() == 2


def test_a_library_that_cannot_be_opened_gives_each_file_its_line(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "lib.db"
    folder.mkdir()  # a folder where the library should be
    paths = [str(PAGES / "interleaved_zh.txt"), str(PAGES / "sjis_crlf.txt")]
    worker = ImportWorker(folder, paths)
    outcomes: list[ImportOutcome] = []
    worker.done.connect(outcomes.extend)
    worker.run()
    assert [o.path for o in outcomes] == paths
    assert all(not o.ok and "folder" in o.message for o in outcomes)
