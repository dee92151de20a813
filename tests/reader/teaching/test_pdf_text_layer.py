"""A PDF handout's text copies as it prints: kanji that a Japanese font draws with a radical's glyph
(心 and ⼼, 西 and ⻄) come out of the PDF as the kanji, read back with poppler's pdftotext as a learner
copies them, the PDF still whole for a strict reader."""

from __future__ import annotations

import shutil
import subprocess
import zlib
from pathlib import Path

import pypdf
import pytest

from library import Library
from reader.__main__ import main
from reader.teaching.pdf_text_layer import fix_cmap, fix_pdf_bytes

# Our own sentence, with the kanji a radical shares a glyph with in IPAex fonts.
KANJI = "心言手日月水火人大西長黄見口目耳山女子力"
SENTENCE = ("心から言うと、手を洗う日は月曜で、水と火を使う人は"
            "大きな西の長い黄色の見出しを口に目と耳で山の女の子に力を。")

RADICAL_RANGES = (range(0x2E80, 0x2F00), range(0x2F00, 0x2FE0))


def radicals(text: str) -> list[str]:
    return sorted({c for c in text if any(ord(c) in r for r in RADICAL_RANGES)})


def copied_text(pdf: Path) -> str:
    """The PDF's text as poppler gives it (what a learner's copy from a PDF viewer holds), unfolded."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    assert b"Error" not in done.stderr, done.stderr  # poppler found the file whole (offsets, lengths)
    return done.stdout.decode("utf-8")


@pytest.fixture
def lib_path(tmp_path: Path, reference_path: Path) -> Path:
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lid = lib.lessons.import_file(reference_path).lesson_id
        assert lid is not None
        lesson = lib.lessons.get(lid)
        first = next(i for i, b in enumerate(lesson.blocks) if b.kind == "paragraph")
        lib.editing.set_translation(lid, first, "ja", SENTENCE)
    return path


def test_a_handouts_kanji_copy_as_themselves(capsys, tmp_path: Path, lib_path: Path) -> None:
    pdf = tmp_path / "handout.pdf"
    code = main(["export", "1", "--pdf", str(pdf), "--library", str(lib_path), "--translations"])
    assert code == 0, capsys.readouterr().err
    text = copied_text(pdf)
    assert radicals(text) == []
    flat = "".join(text.split())
    assert "".join(SENTENCE.split()) in flat
    for kanji in KANJI:
        assert kanji in flat
    reader = pypdf.PdfReader(pdf, strict=True)  # a strict reader finds every object where the table says
    assert "".join("".join(p.extract_text() for p in reader.pages).split()).count(SENTENCE[:6]) == 1


def test_a_range_that_runs_into_radicals_is_written_out_one_by_one() -> None:
    cmap = (b"1 beginbfrange\n<0010> <0012> <2F3B>\n<0020> <0021> <0041>\nendbfrange\n"
            b"1 beginbfchar\n<0030> <2EC4>\nendbfchar\n")
    fixed = fix_cmap(cmap, lambda c: {"\u2f3b": "彳", "\u2f3c": "心", "\u2f3d": "戈", "\u2ec4": "西"}.get(c, c))
    assert fixed == (
        b"1 beginbfrange\n<0010> <0012> [<5F73> <5FC3> <6208>]\n<0020> <0021> <0041>\nendbfrange\n"
        b"1 beginbfchar\n<0030> <897F>\nendbfchar\n"
    )


def test_a_compressed_map_is_rewritten_and_the_table_follows(tmp_path: Path) -> None:
    cmap = zlib.compress(b"1 beginbfchar\n<0001> <2F3C>\nendbfchar\n")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NoSuchFontHere /ToUnicode 4 0 R >>",
        b"<< /Length 5 0 R /Filter /FlateDecode >>\nstream\n" + cmap + b"\nendstream",
        b"%d" % len(cmap),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    fixed = fix_pdf_bytes(bytes(out))
    path = tmp_path / "small.pdf"
    path.write_bytes(fixed)
    reader = pypdf.PdfReader(path, strict=True)
    stream = reader.get_object(4)
    assert stream.get_data() == b"1 beginbfchar\n<0001> <5FC3>\nendbfchar\n"  # a Kangxi radical: its NFKC kanji
    assert reader.get_object(3)["/BaseFont"] == "/NoSuchFontHere"
