"""Handouts from the command line: the PDF's text (read back with pypdf), its fonts, worksheets and keys."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pypdf
import pytest

from library import Library
from reader.__main__ import main


def norm(text: str) -> str:
    """Text as compared: compatibility forms folded, runs of whitespace made one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def pdf_text(path: Path) -> str:
    return norm(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages))


def pdf_fonts(path: Path) -> set[str]:
    names: set[str] = set()
    for page in pypdf.PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            for desc in font.get("/DescendantFonts", []):
                d = desc.get_object()["/FontDescriptor"].get_object()
                assert any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")), "font not embedded"
    return names


@pytest.fixture
def lib_path(tmp_path: Path, reference_path: Path) -> Path:
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lid = lib.lessons.import_file(reference_path).lesson_id
        lib.editing.add_question(lid, 1, "What is coming back to Europe’s railways?", "Overnight trains")
    return path


def export(capsys: pytest.CaptureFixture[str], lib_path: Path, pdf: Path, *options: str) -> str:
    code = main(["export", "1", "--pdf", str(pdf), "--library", str(lib_path), *options])
    _out, err = capsys.readouterr()
    assert code == 0, err
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    return pdf_text(pdf)


def lesson(lib_path: Path):  # type: ignore[no-untyped-def]
    with Library(lib_path) as lib:
        return lib.lessons.get(1)


def test_handout_holds_title_paragraphs_and_glossary(capsys, tmp_path, lib_path) -> None:
    text = export(capsys, lib_path, tmp_path / "h.pdf", "--glossary")
    les = lesson(lib_path)
    assert norm(les.title) in text
    for block in les.blocks:
        assert norm(block.text) in text, block.text[:40]
    for entry in les.glossary:
        assert norm(f"{entry.term} {entry.pos} {entry.definition}") in text
    assert "オーストリアの国営" not in text  # translations only when asked for


def test_handout_with_translations_notes_and_questions_uses_a_japanese_font(capsys, tmp_path, lib_path) -> None:
    pdf = tmp_path / "h.pdf"
    text = export(capsys, lib_path, pdf, "--translations", "--notes", "--questions")
    flat = text.replace(" ", "")
    les = lesson(lib_path)
    for block in les.blocks:
        if block.translation():
            assert norm(block.translation() or "").replace(" ", "") in flat
    assert "sleepers※1" in flat and "https://example.jp/tetsudo/sleeper" in text
    assert "Q1. What is coming back to Europe’s railways?" in text
    fonts = pdf_fonts(pdf)
    assert any("IPAexGothic" in f or "CJK" in f for f in fonts), fonts


def test_worksheet_blanks_glossary_words_and_lists_them_in_a_word_bank(capsys, tmp_path, lib_path) -> None:
    text = export(capsys, lib_path, tmp_path / "w.pdf", "--worksheet")
    assert "Worksheet" in text and "Word bank" in text
    bank = text[text.index("Word bank") : text.index("Overnight trains")]
    for term in ("sleeper", "reserve", "berth", "privacy"):
        assert term in bank
    body = text[text.index("Overnight trains") :]
    assert "comfortable sleepers" not in body and "comfortable (1) __________ to" in body
    assert not re.search(r"\b(sleepers?|reserv(e|es|ed|ing)|berths?|privacy)\b", body, re.IGNORECASE)
    assert "(2) __________" in body


def test_answer_key_fills_the_gaps(capsys, tmp_path, lib_path) -> None:
    text = export(capsys, lib_path, tmp_path / "k.pdf", "--worksheet", "--answers")
    assert "Answer key" in text and "__________" not in text
    assert "comfortable (1) sleepers to" in text
    answers = text[text.rindex("Answers") :]
    assert "(1) sleepers — sleeper" in answers
    assert re.search(r"\(\d+\) Reserve — reserve", answers)


def test_export_of_a_missing_lesson_is_one_line(capsys, tmp_path, lib_path) -> None:
    code = main(["export", "99", "--pdf", str(tmp_path / "x.pdf"), "--library", str(lib_path)])
    _, err = capsys.readouterr()
    assert code == 1 and err.strip() == "study-reader: no lesson with id 99"
    assert not (tmp_path / "x.pdf").exists()


def page_lines(path: Path) -> list[list[str]]:
    """Each page's lines of text as they stand on the page (pypdf's layout mode: one line per printed line)."""
    return [[norm(line) for line in page.extract_text(extraction_mode="layout").splitlines() if line.strip()]
            for page in pypdf.PdfReader(path).pages]


def test_worksheet_pages_have_no_stranded_lines_and_a_name_line(capsys, tmp_path, lib_path) -> None:
    pdf = tmp_path / "w.pdf"
    export(capsys, lib_path, pdf, "--worksheet")
    pages = page_lines(pdf)
    assert len(pages) >= 1
    assert re.search(r"Name: _+ Date: _+", " ".join(pages[0]))  # where a student writes who they are
    for n, lines in enumerate(pages[1:], start=2):
        assert len(lines) >= 3, f"page {n} holds only {lines}"
    text = " ".join(" ".join(lines) for lines in pages)
    gaps = re.findall(r"\((\d+)\) _{10}", text)
    assert gaps and len(gaps) == len(re.findall(r"\(\d+\)", text))  # each number with its blank, never apart
    for lines in pages:  # and never a number at a line's end with its blank on the next
        assert not any(re.search(r"\(\d+\)$", line) for line in lines)


def test_answer_list_stays_whole_with_its_heading(capsys, tmp_path, reference_bytes) -> None:
    page_file = tmp_path / "reference.txt"
    page_file.write_bytes(reference_bytes)
    path = tmp_path / "reference.db"
    with Library(path) as lib:
        lib.lessons.import_file(page_file)
    pdf = tmp_path / "k.pdf"
    export(capsys, path, pdf, "--worksheet", "--answers")
    pages = page_lines(pdf)
    key_line = re.compile(r"\(\d\) \S+ — \S+$")  # "(4) berth — berths"
    holding = [n for n, lines in enumerate(pages) if "Answers" in lines or any(key_line.match(x) for x in lines)]
    assert len(holding) == 1, f"the answers are spread over pages {holding}"
    answers = pages[holding[0]]
    assert [x[:3] for x in answers[answers.index("Answers") + 1 :]][:6] == [f"({n})" for n in range(1, 7)]
    full = max(len(lines) for lines in pages)
    assert all(len(lines) >= 0.8 * full for lines in pages[:-1])  # pages are filled, not left with gaps


def test_the_answer_key_gives_the_word_lists_meaning(capsys, tmp_path, lib_path) -> None:
    with Library(lib_path) as lib:
        sleeper = next(g for g in lib.lessons.get(1).glossary if g.term == "sleeper")
        lib.editing.update_entry(1, sleeper.ref, translation="寝台車")  # the teacher gives its meaning
    text = export(capsys, lib_path, tmp_path / "k.pdf", "--worksheet", "--answers")
    answers = " ".join(text[text.rindex("Answers") :].split())
    assert "(1) sleepers — sleeper 寝台車" in answers
    assert re.search(r"\(\d+\) Reserve — reserve( \(|$)", answers)  # an entry without one: the term alone
