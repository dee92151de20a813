"""The Teach menu's level report and levelled worksheet, written to PDF and read back with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from library.study.distractor_table import tag_levels
from library.study.levels import word_level
from reader.mainwindow import MainWindow
from reader.teaching import dialogs as teaching_dialogs
from reader.teaching import level_report
from reader.teaching.levelled_worksheet import FAMILIES
from tests.reader.article.test_glosses import install_dictionary


def pages(path: Path) -> list[str]:
    """The text of each page of a PDF, spaces made single."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def export(window: MainWindow, monkeypatch: pytest.MonkeyPatch, action: str, level: str, target: Path) -> None:
    """Choose the item in the Teach menu, answer the level and the file as a teacher would."""
    monkeypatch.setattr(level_report, "ask_level", lambda *_a, **_k: level)
    monkeypatch.setattr(teaching_dialogs, "save_file", lambda *_a: str(target))
    window.teaching.actions[action].trigger()
    assert target.exists()


def test_level_report_lists_the_words_above_the_level_with_glosses(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    install_dictionary()
    target = tmp_path / "report.pdf"
    export(window, monkeypatch, "level_report", "B1", target)
    text = " ".join(pages(target))
    assert "Night Trains Make a Comeback Across Europe — Level report" in text
    assert re.search(r"A1 \d+% · A2 \d+% · B1 \d+% · B2 \d+%", text)  # the bar's legend
    assert re.search(r"Readability grade: \d+\.\d", text)
    listed = text.split("Words above B1", 1)[1]
    assert "carbon B2 炭素" in listed and "lawmakers B2 議員" in listed  # the dictionary's first sense
    # The lesson's entry defines berth in English only: a gloss is Japanese, so the dictionary's.
    assert "berths C2 寝台" in listed and "a bed on a" not in listed
    assert "emissions" not in listed and "vienna" not in listed.lower()  # B1 is not above B1; a name
    assert window.statusBar().currentMessage().startswith("Level report saved to")

    higher = tmp_path / "report-c1.pdf"
    export(window, monkeypatch, "level_report", "C1", higher)
    listed = " ".join(pages(higher)).split("Words above C1", 1)[1]
    assert "berths" in listed and "carbon" not in listed


def test_levelled_worksheet_blanks_only_hard_words_with_bank_and_key(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "worksheet.pdf"
    export(window, monkeypatch, "levelled_worksheet", "B1", target)
    sheet = pages(target)
    key_at = next(i for i, p in enumerate(sheet) if "— Answer key" in p)
    body, key = " ".join(sheet[:key_at]), " ".join(sheet[key_at:])
    assert "Worksheet: words above B1" in body
    answers = dict(re.findall(r"(\d+)\. ([\w-]+) \((?:B2|C1|C2)\)", key))
    assert answers and "carbon" in answers.values() and "berths" in answers.values()
    # The gaps: the hard words are gone from the text (their first time), easy ones stay.
    text = body.split("Overnight trains", 1)[1]
    assert "(2) __________ emissions" in text.replace("\u00a0", " ")
    assert "carbon emissions" not in text and "sleepers" in text
    assert len(re.findall(r"\(\d+\)", text)) == len(answers)
    # The word bank: every answer, and distractors of an answer's level and word class, none from the lesson.
    bank = body.split("Word bank", 1)[1].split("Overnight trains", 1)[0].split()
    assert set(answers.values()) <= set(bank)
    extra = [w for w in bank if w not in answers.values()]
    assert len(extra) >= len(answers) // 2
    lesson_text = " ".join(b.text.lower() for b in window.lesson.blocks) if window.lesson else ""
    tags = {tag for family in FAMILIES.values() for tag in family}
    for word in extra:
        assert not re.search(rf"\b{re.escape(word)}\b", lesson_text), word
        assert word_level(word) in ("B2", "C1", "C2") or any(
            lv in ("B2", "C2") for t, lv in tag_levels([word]).get(word, {}).items() if t in tags
        ), word


def test_worksheet_distractors_are_common_words_and_its_dialog_says_they_are_blanked(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from wordfreq import zipf_frequency

    from reader.teaching.levelled_worksheet import _pool

    for level in ("B2", "C1", "C2"):
        for upos in FAMILIES:
            pool = _pool(level, upos)
            assert pool and not {"corpulence", "heathenish", "oddity"} & set(pool)
            assert all(zipf_frequency(w, "en", wordlist="large") >= 3.5 for w in pool)
    prompts: list[str] = []
    monkeypatch.setattr(level_report, "ask_level", lambda _w, _t, prompt: prompts.append(prompt) or "B1")
    monkeypatch.setattr(teaching_dialogs, "save_file", lambda *_a: str(tmp_path / "sheet.pdf"))
    window.teaching.actions["levelled_worksheet"].trigger()
    sheet = " ".join(pages(tmp_path / "sheet.pdf"))
    key = sheet.split("— Answer key", 1)[1]
    answers = set(re.findall(r"\d+\. ([\w-]+) \((?:B2|C1|C2)\)", key))
    bank = sheet.split("Word bank", 1)[1].split("Overnight trains", 1)[0].split()
    extra = [w for w in bank if w not in answers]
    assert extra and all(zipf_frequency(w, "en", wordlist="large") >= 3.5 for w in extra), extra
    window.teaching.actions["level_report"].trigger()
    assert prompts == ["The class's level (the words above it are blanked):",
                       "The class's level (the words above it are listed):"]


def test_level_report_counts_as_show_levels_and_the_difficulty_column_do(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "report.pdf"
    export(window, monkeypatch, "level_report", "B1", target)
    text = " ".join(pages(target))
    found = re.search(r"Words: (\d+) Names: (\d+) Readability grade: (\d+\.\d)", text)
    assert found is not None, text[:400]
    lesson_id = window.current_id()
    assert lesson_id is not None
    stored = window.library.study.levels.of(lesson_id)  # what show --levels and the column's tooltip use
    assert stored is not None
    assert (int(found[1]), int(found[2]), found[3]) == (stored.words, stored.names, f"{stored.grade:.1f}")


def test_a_levelled_worksheet_with_no_word_above_the_level_is_refused_and_no_file_written(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, dialog_log
) -> None:
    target = tmp_path / "worksheet.pdf"
    monkeypatch.setattr(level_report, "ask_level", lambda *_a, **_k: "C2")
    monkeypatch.setattr(teaching_dialogs, "save_file", lambda *_a: str(target))
    window.teaching.actions["levelled_worksheet"].trigger()
    assert not target.exists() and not list(tmp_path.glob("*worksheet.pdf*"))
    assert [args[2] for name, args in dialog_log.calls if name == "error"] == [
        "No words above C2 in this lesson — choose a lower level"
    ]
    assert not window.statusBar().currentMessage().startswith("Worksheet saved")
