"""The studying commands: lookup, dictionary build/import, words list/add/export."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from library.study import dictionary as dictionary_module
from reader.__main__ import main
from tests.study_data import TINY_DICTIONARY, install_jmdict, install_tiny_dictionary


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_lookup_reserve_json_gives_japanese(capsys, tmp_path_factory, reference_path) -> None:
    install_jmdict(tmp_path_factory)
    run(capsys, "import", str(reference_path))
    code, out, err = run(capsys, "lookup", "reserve", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["jmdict"] == "ready"
    assert "予備" in [s["headword"] for s in data["senses"]]
    assert data["glossary"][0]["definition"] == "to arrange for something, such as a seat, to be kept for you"
    code, out, _ = run(capsys, "lookup", "reserved")
    assert code == 0 and "lemma: reserve" in out and "reserve v. to arrange" in out


def test_dictionary_build_reports_time_and_size(capsys, tmp_path_factory) -> None:
    if dictionary_module.jmdict_source_path() is None:
        pytest.skip("jamdict-data is not installed")
    code, out, err = run(capsys, "dictionary", "build")
    assert code == 0, err
    assert out.startswith("built ") and " MB at " in out
    code, out, _ = run(capsys, "dictionary", "list")
    assert out.startswith("JMdict: ready")


def test_without_jmdict_lookup_says_how_to_install(capsys, monkeypatch, tmp_path, reference_path) -> None:
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)
    run(capsys, "import", str(reference_path))
    code, out, err = run(capsys, "lookup", "privacy")
    assert code == 0
    assert "the condition of being alone" in out  # the lesson's glossary still shows
    assert "pip install 'study-reader[dictionary]'" in err
    own = tmp_path / "own.tsv"
    own.write_text(TINY_DICTIONARY, encoding="utf-8")
    code, out, _ = run(capsys, "dictionary", "import", str(own))
    assert code == 0 and "imported 5 entries" in out
    code, out, _ = run(capsys, "lookup", "autonomy", "--json")
    data = json.loads(out)
    assert data["jmdict"] == "missing" and "pip install" in data["hint"]
    assert [s["headword"] for s in data["senses"]] == ["自治", "自主性"]
    code, out, err = run(capsys, "dictionary", "build")
    assert code == 1 and "pip install" in err


def test_words_add_list_export(capsys, tmp_path) -> None:
    install_tiny_dictionary()
    assert run(capsys, "words", "add", "autonomy", "--status", "learning", "--note", "self-rule")[0] == 0
    assert run(capsys, "words", "add", "took part")[0] == 0  # a phrase is one argument, quoted
    code, out, _ = run(capsys, "words", "list", "--json")
    data = json.loads(out)
    assert {(w["text"], w["lemma"], w["status"]) for w in data} == {
        ("autonomy", "autonomy", "learning"),
        ("took part", "take part", "new"),
    }
    apkg, table = tmp_path / "words.apkg", tmp_path / "words.csv"
    code, out, _ = run(capsys, "words", "export", "--anki", str(apkg), "--csv", str(table))
    assert code == 0 and "exported 2 words" in out
    with zipfile.ZipFile(apkg) as z:
        z.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 2
    conn.close()
    assert "took part" in table.read_text(encoding="utf-8-sig")
    assert run(capsys, "words", "export")[0] == 2


def test_words_add_saves_each_argument_as_a_word_of_its_own(capsys) -> None:
    code, out, err = run(capsys, "words", "add", "resilient", "tangible", "--status", "known")
    assert (code, out) == (0, "saved resilient as known\nsaved tangible as known\n"), err
    code, out, err = run(capsys, "words", "add", "give  up", "--status", "learning")
    assert (code, out) == (0, "saved give up as learning\n"), err
    code, out, _ = run(capsys, "words", "list", "--json")
    assert {(w["text"], w["status"]) for w in json.loads(out)} == {
        ("resilient", "known"), ("tangible", "known"), ("give up", "learning")}
    code, out, err = run(capsys, "words", "add", "spare", "  ")
    assert (code, out) == (1, "") and err.startswith("study-reader: ") and err.count("\n") == 1
    assert "spare" not in run(capsys, "words", "list")[1]  # refused whole: nothing saved


def test_words_list_by_lesson_and_sorted(capsys, tmp_path, reference_path) -> None:
    first = json.loads(run(capsys, "import", str(reference_path), "--json")[1].splitlines()[0])["id"]
    for word, status in (("zeal", "new"), ("apple", "known"), ("mango", "learning")):
        assert run(capsys, "words", "add", word, "--status", status)[0] == 0
    from library import Library

    lib = Library()
    lib.db.execute("UPDATE words SET lesson_id = ? WHERE text != 'apple'", [first])
    lib.close()
    code, out, _ = run(capsys, "words", "list", "--sort", "word")
    assert code == 0 and [line.split()[1] for line in out.splitlines()] == ["apple", "mango", "zeal"]
    code, out, _ = run(capsys, "words", "list", "--lesson", str(first), "--sort", "status", "--json")
    data = json.loads(out)
    assert [(w["text"], w["status"], w["lesson_id"]) for w in data] == [
        ("mango", "learning", first),
        ("zeal", "new", first),
    ]
    assert data[0]["lesson_title"] and data[0]["due"]
    code, out, _ = run(capsys, "words", "list", "--sort", "due")
    assert out.splitlines()[-1].split()[1] == "apple" and "[due " in out.splitlines()[0]  # known: not in review, last
    code, _, err = run(capsys, "words", "list", "--lesson", "9999")
    assert code == 1 and "no lesson with id 9999" in err
    with pytest.raises(SystemExit):
        run(capsys, "words", "list", "--sort", "colour")


def test_lookup_gives_the_words_level_and_band(capsys, monkeypatch) -> None:
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)
    _code, out, _err = run(capsys, "lookup", "website", "--json")
    data = json.loads(out)
    assert (data["level"], data["level_estimated"], data["band"]) == ("A1", True, "1k")
    _code, out, _err = run(capsys, "lookup", "went", "--json")
    data = json.loads(out)
    assert (data["level"], data["level_estimated"], data["band"]) == ("A1", False, "1k")
    _code, out, _err = run(capsys, "lookup", "website")
    assert "  level: A1 (estimated from its frequency), among the 1k most common words\n" in out
