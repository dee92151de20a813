"""Broken and hostile files through the command line: each is imported whole or refused with one
line, the library unchanged, and memory bounded (the 200 MB file is refused by its size, unread)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from library import Library
from library.bulk import import_many
from reader.__main__ import main
from tests.broken_files import EXPECTED, make_corpus
from tests.helpers import dump as _dump
from tests.library.wholeness import problems

REPO = Path(__file__).resolve().parents[3]
GOOD = REPO / "tests" / "data" / "pages" / "interleaved_zh.txt"


@pytest.fixture(scope="module")
def broken_corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every broken file, made once for this module."""
    return make_corpus(tmp_path_factory.mktemp("broken"))


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.lessons.import_file(GOOD)
        lib.search.index_pending()
    return path


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_imports_whole_or_refuses_in_one_line(
    name: str, broken_corpus: dict[str, Path], library_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken_corpus[name]
    before = _dump(library_file)
    tracemalloc.start()
    try:
        code = main(["import", str(path), "--library", str(library_file)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    out, err = capsys.readouterr()
    assert peak < 64 * 1024 * 1024 or name == "long_line", f"{peak // 1024 // 1024} MB at peak"
    outcome = "imported" if code == 0 else "refused"
    if EXPECTED[name] != "either":
        assert outcome == EXPECTED[name], out + err
    if outcome == "refused":
        assert code == 1
        assert out == ""
        assert err.count("\n") == 1 and err.startswith(f"study-reader: {path}: "), err
        assert "Traceback" not in err
        assert _dump(library_file) == before
    else:
        assert err == ""
        assert len(out.splitlines()) == 1 and "\timported\t" in out
        assert problems(library_file) == []
        with Library(library_file) as lib:
            assert lib.lessons.count() == 2


def test_huge_file_is_refused_by_its_size_without_reading_it(
    broken_corpus: dict[str, Path], library_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = broken_corpus["huge"]
    assert huge.stat().st_size == 200 * 1024 * 1024
    reads: list[str] = []
    real_read_bytes = Path.read_bytes

    def spy(self: Path) -> bytes:
        reads.append(str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    tracemalloc.start()
    try:
        with Library(library_file) as lib:
            with pytest.raises(Exception, match="too large \\(200 MB; the limit is 64 MB\\)"):
                lib.lessons.import_file(huge)
            result = import_many(lib.lessons, paths=[huge, GOOD], workers=1)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(huge) not in reads
    assert peak < 8 * 1024 * 1024
    assert result.refused == [(str(huge), "file is too large (200 MB; the limit is 64 MB)")]
    assert [name for name, _ in result.skipped] == [str(GOOD)]


def test_bulk_import_of_the_whole_corpus_keeps_the_library_whole(
    broken_corpus: dict[str, Path], library_file: Path
) -> None:
    with Library(library_file) as lib:
        result = import_many(lib.lessons, paths=list(broken_corpus.values()), workers=2)
        lib.search.index_pending()
    refused = {Path(name).name for name, _ in result.refused}
    for name, expected in EXPECTED.items():
        if expected == "refused":
            assert broken_corpus[name].name in refused
    assert all(reason and "\n" not in reason for _, reason in result.refused)
    assert problems(library_file) == []


def test_hostile_html_keeps_no_markup_that_could_reach_out(broken_corpus: dict[str, Path], tmp_path: Path) -> None:
    """Whatever the HTML importer keeps of a hostile page is text: no tags survive as markup, so
    nothing in the lesson can run or load when shown."""
    with Library(tmp_path / "h.db") as lib:
        for name in ("hostile_html", "hostile_html_as_text"):
            lesson = lib.lessons.get(lib.lessons.import_file(broken_corpus[name]).lesson_id)
            texts = [lesson.title, *lesson.captions, *(b.text for b in lesson.blocks)]
            texts += [t for b in lesson.blocks for t in b.translations.values()]
            texts += [n.text for n in lesson.notes] + [u.text for u in lesson.unplaced]
            for text in texts:
                for tag in ("<script", "<iframe", "<img", "<object", "<a ", "<meta", "<link"):
                    assert tag not in text.lower(), (name, text)
            assert all(n.source_url is None or n.source_url.startswith(("http://", "https://")) for n in lesson.notes)
