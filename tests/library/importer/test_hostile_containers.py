"""Hostile containers through the command line: EPUBs (spine repetition, XML bombs, damaged zips,
declared encodings), lesson packs (a member named 120 times, a 5,001-digit version, damaged data,
mistyped or unknown edits, the file mode), malformed JSON lessons and learner's dictionaries.
Each is imported whole or refused in one line with the library unchanged."""

from __future__ import annotations

import builtins
import io
import json
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from library import Library
from library import packs as packs_module
from library.study import dictionary_import
from reader.__main__ import main
from tests import hostile_containers as hc
from tests.growth import TIME_RATIO, assert_ratio
from tests.helpers import dump

REPO = Path(__file__).resolve().parents[3]
GOOD = REPO / "tests" / "data" / "pages" / "interleaved_zh.txt"


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.lessons.import_file(GOOD)
        lib.search.index_pending()  # as a command's run leaves it, so dumps compare
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(capsys: pytest.CaptureFixture[str], library_file: Path, path: Path, reason: str) -> str:
    """`path` is refused by `import` in one line naming `reason`, and the library is unchanged."""
    before = dump(library_file)
    code, out, err = run(capsys, "import", str(path), "--library", str(library_file))
    assert code == 1 and out == "", (code, out, err)
    assert err.count("\n") == 1 and err.startswith(f"study-reader: {path}: "), err
    assert reason in err, err
    assert len(err) < 400, err
    assert dump(library_file) == before
    return err


# --- EPUB --------------------------------------------------------------------------------

def test_a_chapter_the_spine_lists_200_times_is_one_lesson(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library_file: Path
) -> None:
    book = hc.epub_spine_repeat(tmp_path)
    assert book.stat().st_size < 200_000  # one ~1 MB chapter
    code, out, err = run(capsys, "import", str(book), "--library", str(library_file))
    assert code == 0, err
    assert len(out.splitlines()) == 1, out  # one chapter, once
    with Library(library_file) as lib:
        assert lib.lessons.count() == 2
    assert library_file.stat().st_size < 8 * 1024 * 1024


@pytest.mark.parametrize(("maker", "reason"), [
    (hc.epub_xxe, "declares XML entities"),
    (hc.epub_billion_laughs, "declares XML entities"),
    (hc.epub_malformed_xml, "is not well-formed XML"),
    (hc.epub_corrupt_deflate, "cannot be unpacked"),
    (hc.epub_bad_crc, "cannot be unpacked"),
    (hc.epub_unknown_method, "cannot be unpacked"),
])
def test_damaged_or_hostile_epub_is_refused_in_one_line(
    maker, reason: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, library_file: Path
) -> None:
    err = assert_refused(capsys, library_file, maker(tmp_path), reason)
    assert "root:" not in err  # nothing of /etc/passwd


@pytest.mark.parametrize("encoding", ["UTF-16", "Shift_JIS"])
def test_epub_chapters_in_their_declared_encoding(encoding: str, tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        lesson = lib.lessons.get(lib.lessons.import_file(hc.epub_encoded(tmp_path, encoding)).lesson_id)
    texts = [b.text for b in lesson.blocks] + [t for b in lesson.blocks for t in b.all_translations.values()]
    assert hc.EN in texts
    assert any(hc.JA in t for t in texts), texts
    assert lesson.title == "The River Park"


# --- packs -------------------------------------------------------------------------------

def test_a_member_named_by_120_entries_counts_each_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the cap lowered to 8 MB, 120 entries naming one 512 KB member (60 MB in all) are refused."""
    monkeypatch.setattr(packs_module, "MAX_TOTAL_BYTES", 8 * 1024 * 1024)
    path = hc.pack_shared_member(tmp_path, 120, 512 * 1024)
    assert_refused(capsys, library_file, path, "use more than 8 MB")


def test_a_shared_member_is_read_once_at_the_real_cap(tmp_path: Path, library_file: Path) -> None:
    """120 entries naming one 9 MB member (1.05 GB in all, over the 1 GB cap): refused, and memory
    stays near one copy of the member rather than 120."""
    path = hc.pack_shared_member(tmp_path, 120, 9 * 1024 * 1024)
    tracemalloc.start()
    try:
        with Library(library_file) as lib, pytest.raises(packs_module.PackRefused, match="use more than 1024 MB"):
            lib.packs.import_pack(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 80 * 1024 * 1024, f"{peak // (1024 * 1024)} MB"


@pytest.mark.parametrize(("maker", "reason"), [
    (hc.pack_long_version, "manifest.json is not valid JSON"),
    (hc.pack_corrupt_deflate, "the pack is damaged"),
    (hc.pack_nested_bad_epub, "is not well-formed XML"),
])
def test_damaged_pack_is_refused_in_one_line(
    maker, reason: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, library_file: Path
) -> None:
    assert_refused(capsys, library_file, maker(tmp_path), reason)


@pytest.mark.parametrize(("edits", "reason"), [
    ({"user_translations": [{"block_pos": "first", "lang": "ja", "text": "訳"}]}, "block_pos has a value of the wrong"),
    ({"user_translations": [{"block_pos": 0, "lang": "ja", "text": ["訳"]}]}, "text has a value of the wrong type"),
    ({"user_notes": [{"marker": "※", "text": "t", "anchor_block": 10**30}]}, "anchor_block is too large"),
    ({"user_glossary": ["park"]}, "user_glossary[0] is not a set of values"),
    ({"user_notes": [{"marker": "※", "text": "t", "hidden": True}]}, "hidden has a value of the wrong type"),
])
def test_pack_edits_of_the_wrong_type_are_refused(
    edits: dict, reason: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, library_file: Path
) -> None:
    assert_refused(capsys, library_file, hc.pack_with_edits(tmp_path, "typed", edits), reason)


def test_pack_edits_of_unknown_tables_are_not_reported_applied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library_file: Path
) -> None:
    path = hc.pack_with_edits(tmp_path, "unknown", {"user_drawings": [{"x": 1}], "user_translations": []})
    code, out, err = run(capsys, "import", str(path), "--library", str(library_file))
    assert code == 0, err
    assert "edits applied" not in out and "edits not understood by this version (ignored)" in out, out


def test_a_pack_is_written_as_any_new_file_is(tmp_path: Path, library_file: Path) -> None:
    old = os.umask(0o022)
    try:
        with Library(library_file) as lib:
            lesson_id = lib.lessons.list()[0].id
            lib.packs.export([lesson_id], tmp_path / "class.studypack")
    finally:
        os.umask(old)
    assert (tmp_path / "class.studypack").stat().st_mode & 0o777 == 0o644
    assert not list(tmp_path.glob(".pack-*"))


# --- JSON lessons ------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(hc.MALFORMED_JSON))
def test_malformed_json_lesson_is_refused_in_one_line(
    name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, library_file: Path
) -> None:
    assert_refused(capsys, library_file, hc.json_lesson(tmp_path, name, hc.MALFORMED_JSON[name]), "")


def test_json_null_translation_is_no_translation(tmp_path: Path) -> None:
    text = json.dumps({"blocks": [{"text": hc.EN, "translations": {"ja": None}}, {"text": "Families walked."}]})
    with Library(tmp_path / "lib.db") as lib:
        lesson = lib.lessons.get(lib.lessons.import_file(hc.json_lesson(tmp_path, "null", text)).lesson_id)
    assert lesson.blocks[0].text == hc.EN
    assert lesson.blocks[0].all_translations == {}


def test_json_lone_surrogate_is_stored_as_a_replacement_character(tmp_path: Path) -> None:
    # json.dumps writes the lone surrogate as the escape \\ud800, as a hostile file would
    text = json.dumps({"blocks": [{"text": hc.EN, "translations": {"ja": "公園\ud800"}}]})
    with Library(tmp_path / "lib.db") as lib:
        lesson = lib.lessons.get(lib.lessons.import_file(hc.json_lesson(tmp_path, "surrogate", text)).lesson_id)
    assert lesson.blocks[0].all_translations == {"ja": "公園\ufffd"}


# --- the learner's dictionary ------------------------------------------------------------

def test_dictionary_field_over_the_csv_limit_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("park,公園\nriver," + "川" * 140_000 + "\n", encoding="utf-8")
    code, out, err = run(capsys, "dictionary", "import", str(path))
    assert code == 1 and out == "" and err.count("\n") == 1, err
    assert "line 2" in err and "field larger than field limit (131072)" in err
    code, out, _ = run(capsys, "dictionary", "list")
    assert "long:" not in out  # nothing of it was kept


def test_dictionary_over_the_size_limit_is_refused_unread(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:  # sparse: no disk used, and never read
        fh.truncate(dictionary_import.MAX_DICTIONARY_BYTES + 1)
    opened: list[str] = []
    real_open = io.open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        opened.append(os.fspath(file) if isinstance(file, (str, os.PathLike)) else repr(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(io, "open", spy)
    monkeypatch.setattr(builtins, "open", spy)
    code, _, err = run(capsys, "dictionary", "import", str(path))
    assert code == 1 and "the file is too large (67,108,865 bytes; the limit is 64 MB)" in err, err
    assert str(path) not in opened  # refused from its size alone


def _import_dictionary(path: Path, tmp_path: Path) -> tuple[float, int]:
    """Processor seconds and peak Python memory to import one dictionary file."""
    from library.study.dictionary import Dictionary

    dictionary = Dictionary(tmp_path / f"{path.stem}-{time.monotonic_ns()}.db")
    tracemalloc.start()
    start = time.process_time()
    try:
        n = dictionary.import_file(path)
        seconds = time.process_time() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n > 0
    return seconds, peak


def test_dictionary_import_grows_linearly(tmp_path: Path) -> None:
    """1× and 4× the rows in one run: well under a quadratic 16× the time (measured again
    if a busy moment spoils it), and memory that does not grow with the file."""
    small = hc.dictionary_csv(tmp_path / "small.csv", 25_000)
    large = hc.dictionary_csv(tmp_path / "large.csv", 100_000)
    peaks: list[tuple[int, int]] = []

    def measure() -> tuple[float, float]:
        t1, m1 = _import_dictionary(small, tmp_path)
        t4, m4 = _import_dictionary(large, tmp_path)
        peaks.append((m1, m4))
        return t1 + 0.05, t4

    assert_ratio(measure, TIME_RATIO)
    m1, m4 = peaks[0]
    assert m4 < 2 * m1 + 1024 * 1024, (m1, m4)  # a stream: flat, where reading whole grew 4×


def _needs_zip_version(data: bytes, version: int) -> bytes:
    """The same zip with its central directory asking for a zip version zipfile cannot read."""
    at = data.rindex(b"PK\x01\x02")
    return data[: at + 6] + version.to_bytes(2, "little") + data[at + 8 :]


def test_a_zip_of_a_version_zipfile_cannot_read_is_one_line(tmp_path: Path) -> None:
    """zipfile raises NotImplementedError on opening a zip whose central directory needs a later
    version (found by the fuzz): a pack and an EPUB are refused in one line, the library unchanged."""
    import io
    import zipfile

    from library import ImportRefused, Library
    from library.packs import PackRefused
    from tests.helpers import dump

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("manifest.json", '{"format": "study-reader-pack", "version": 1, "lessons": []}')
    data = _needs_zip_version(out.getvalue(), 64)
    pack, book = tmp_path / "x.studypack", tmp_path / "x.epub"
    pack.write_bytes(data)
    book.write_bytes(data)
    lib = Library(tmp_path / "l.db")
    before = dump(tmp_path / "l.db")
    try:
        with pytest.raises(PackRefused) as refused:
            lib.packs.import_pack(pack)
        assert "\n" not in str(refused.value)
        with pytest.raises(ImportRefused) as refused_book:
            lib.lessons.import_bytes(data, "x.epub")
        assert "\n" not in str(refused_book.value)
    finally:
        lib.close()
    assert dump(tmp_path / "l.db") == before
