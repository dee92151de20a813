"""`words add` and `words list` on the command line: reading never writes, a word is saved as the
word itself, a status is kept unless one is given, and what is not a word is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from library.study import dictionary as dictionary_module
from reader.__main__ import main


@pytest.fixture(autouse=True)
def _no_jmdict(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lookups use the learner's own dictionary alone (no JMdict build in these tests)."""
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _rows(tmp_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(tmp_path / "library.db") as conn:
        return conn.execute("SELECT * FROM words ORDER BY id").fetchall()


def _dictionary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    own = tmp_path / "mine.csv"
    rows = ("Paris,パリ", "Texas,テキサス", "Athens,アテネ", "news,ニュース", "bus,バス", "gab,おしゃべり")
    own.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert run(capsys, "dictionary", "import", str(own))[0] == 0


def test_words_list_gives_seeded_names_their_meaning_without_adding_rows(capsys, tmp_path: Path) -> None:
    seeds = tmp_path / "s.txt"
    seeds.write_text("Paris\nTexas\nglasses\nnews\nbus\n", encoding="utf-8")
    code, out, err = run(capsys, "words", "seed", "--list", str(seeds))
    assert (code, out) == (0, f"5 words marked known from {seeds}\n"), err
    _dictionary(capsys, tmp_path)
    code, out, err = run(capsys, "words", "list")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 5 and "known     Paris — パリ" in lines and "known     Texas — テキサス" in lines
    before = _rows(tmp_path)
    assert len(before) == 5
    for args in (["words", "list"], ["words", "list", "--json"], ["words", "list", "--sort", "level"]):
        assert run(capsys, *args)[0] == 0
        assert _rows(tmp_path) == before


def test_a_name_or_a_word_unknown_to_the_lemmatizer_keeps_its_form(capsys, tmp_path: Path) -> None:
    _dictionary(capsys, tmp_path)
    code, out, err = run(capsys, "words", "add", "Athens", "gabbcea", "companies", "Critics")
    saved = "saved Athens as new\nsaved gabbcea as new\nsaved company as new\nsaved critic as new\n"
    assert (code, out) == (0, saved), err
    code, out, err = run(capsys, "words", "list", "--sort", "word")
    # gabbcea is no form of gab: it has no lemma of its own, nor gab's meaning.
    assert out.splitlines() == [
        "new       Athens — アテネ", "new       company", "new       critic", "new       gabbcea"]


def test_adding_a_saved_word_keeps_its_status_unless_one_is_given(capsys) -> None:
    assert run(capsys, "words", "add", "run", "--status", "known")[1] == "saved run as known\n"
    assert run(capsys, "words", "add", "run")[1] == "run is saved already (known)\n"
    assert run(capsys, "words", "add", "ran")[1] == "run is saved already (known)\n"
    assert run(capsys, "words", "add", "run", "--status", "learning")[1] == "saved run as learning (it was known)\n"
    assert run(capsys, "words", "list")[1] == "learning  run\n"


def test_a_possessive_or_a_plural_is_saved_and_levelled_as_the_word(capsys) -> None:
    assert run(capsys, "words", "add", "companies'")[1] == "saved company as new\n"
    assert run(capsys, "words", "add", "company")[1] == "company is saved already (new)\n"
    code, out, err = run(capsys, "words", "list", "--level", "none")
    assert (code, out) == (0, ""), err
    code, out, err = run(capsys, "words", "list", "--sort", "level")
    assert out.startswith("new       company [A") and "(" not in out, out


@pytest.mark.parametrize(
    "typed",
    ["😀", "123", "<b>bold</b>", "four words in one", "a" * 5000, "tab\there", "two\nlines"],
)
def test_words_add_refuses_what_a_word_list_would_skip(capsys, tmp_path: Path, typed: str) -> None:
    code, out, err = run(capsys, "words", "add", "fine", typed)
    assert code == 1 and out == "" and err.count("\n") == 1 and err.startswith("study-reader: "), err
    assert "not saved" in err and len(err) < 200
    assert run(capsys, "words", "list")[1] == ""


def test_words_typed_in_other_encodings_of_the_same_letters_are_one_word(capsys) -> None:
    composed, decomposed = "caf\u00e9", "cafe\u0301"
    assert run(capsys, "words", "add", composed)[1] == "saved café as new\n"
    assert run(capsys, "words", "add", decomposed)[1] == "café is saved already (new)\n"
    assert run(capsys, "words", "add", "ｆｕｌｌ")[1] == "saved full as new\n"
    assert run(capsys, "words", "add", "full")[1] == "full is saved already (new)\n"
    assert len(run(capsys, "words", "list")[1].splitlines()) == 2


def test_words_sorted_by_level_are_alphabetical_by_the_word_shown_within_a_level(capsys) -> None:
    for phrase in ("took part", "tax break", "Zanzibar", "anteater"):
        assert run(capsys, "words", "add", phrase)[0] == 0
    code, out, _ = run(capsys, "words", "list", "--level", "none", "--sort", "level")
    shown = [line.split(" [")[0].split(None, 1)[1].split(" (")[0] for line in out.splitlines()]
    assert code == 0 and shown == sorted(shown, key=str.casefold) and "took part" in shown, out
