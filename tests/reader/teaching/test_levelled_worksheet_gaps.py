"""The levelled worksheet's gaps, distractors and key, read back from the PDF: two gaps never side by
side, no offensive or sensitive distractor, each distractor in the form of its gap, and an answer key
that says where it goes on to another page."""

from __future__ import annotations

import math
import re
from pathlib import Path

import lemminflect
import pytest

from library.study.glosses import Gloss
from library.study.levels import word_level
from reader.mainwindow import MainWindow
from reader.teaching.excluded_words import EXCLUDED, excluded
from reader.teaching.levelled_worksheet import FAMILIES, KEY_COLUMNS, KEY_ROWS, Blank, _pool, distractors
from tests.reader.teaching.test_level_report import export, pages


def _open(window: MainWindow, tmp_path: Path, title: str, body: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    lesson_id = window.library.lessons.import_file(page).lesson_id
    assert window.open_lesson(lesson_id)


def test_two_gaps_never_sit_side_by_side(window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert word_level("obsolete") in ("C1", "C2") and word_level("levee") in ("C1", "C2")
    _open(window, tmp_path, "The River Wall",
          "Engineers called the obsolete levee a danger to the town. The mayor read the report.")
    target = tmp_path / "sheet.pdf"
    export(window, monkeypatch, "levelled_worksheet", "B2", target)
    text = " ".join(pages(target)).replace("\u00a0", " ")
    body = text.split("Engineers called", 1)[1].split("— Answer key", 1)[0]
    assert "(1) __________ levee" in body  # the word after a gap stays, to give the gap its context
    assert not re.search(r"\(\d+\) _+ [^\w]*\(\d+\)", text), "two gaps side by side"


def test_no_distractor_is_an_offensive_or_sensitive_word() -> None:
    pooled = {w for level in ("B1", "B2", "C1", "C2") for upos in FAMILIES for w in _pool(level, upos)}
    assert len(pooled) > 1000 and not pooled & EXCLUDED
    assert not {"rape", "suicide", "slut", "cocaine", "massacre"} & pooled
    assert excluded("raped", "rape") and excluded("Suicides", "suicide") and not excluded("river")


@pytest.mark.parametrize(("word", "tag"), [("mitigates", "VBZ"), ("mitigated", "VBD"), ("mitigating", "VBG"),
                                           ("lawmakers", "NNS")])
def test_each_distractor_is_in_the_form_of_its_gap(word: str, tag: str) -> None:
    upos = "NOUN" if tag.startswith("NN") else "VERB"
    blank = Blank(1, Gloss(0, 0, len(word), word, "", "", word_level(word)), upos, tag)
    for seed in "abcdefghij":
        for form, gap in distractors([blank, blank], {word}, seed):
            assert gap is blank
            lemmas = lemminflect.getAllLemmas(form).get(upos, ())
            fits = any(form in lemminflect.getAllInflections(lemma, upos).get(tag, ()) for lemma in lemmas)
            assert lemmas and fits, (form, tag)


def test_a_long_answer_key_says_it_continues_on_each_page(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    hard = [w for w in _pool("C1", "NOUN") if word_level(w) in ("C1", "C2")][:130]
    assert len(hard) > KEY_COLUMNS * KEY_ROWS
    _open(window, tmp_path, "Many Hard Words", " ".join(f"We spoke about the {w} today." for w in hard))
    target = tmp_path / "long.pdf"
    export(window, monkeypatch, "levelled_worksheet", "B2", target)
    sheet = pages(target)
    key_at = next(i for i, p in enumerate(sheet) if "— Answer key" in p)
    key = sheet[key_at:]
    answers = [n for p in key for n in re.findall(r"(\d+)\. [\w-]+ \((?:C1|C2)\)", p)]
    assert len(answers) >= len(hard) - 5 and answers == [str(n) for n in range(1, len(answers) + 1)]
    assert len(key) == math.ceil(len(answers) / (KEY_COLUMNS * KEY_ROWS)) > 1  # each page full, none spilled
    assert "Many Hard Words — Answer key" in key[0]
    assert all("Many Hard Words — Answer key (continued)" in p for p in key[1:])
