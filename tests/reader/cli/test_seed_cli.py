"""`words seed` and `read-next` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main
from tests.library.study.test_levels import PARAGRAPH
from tests.library.study.test_seeding import make_apkg


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _import(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, text: str) -> str:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "import", str(page))
    assert code == 0, err
    return out.split(":", 1)[1].split()[0]


def test_words_seed_from_each_source_says_how_many(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "words", "seed", "--level", "a1")
    assert code == 0, err
    marked = int(out.split()[0].replace(",", ""))
    assert 1000 < marked < 3000 and out.endswith("words marked known from CEFR A1\n")
    code, out, err = run(capsys, "words", "seed", "--top", "2000", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["offered"] == 2000 and data["marked"] + data["already_saved"] == 2000 and data["already_saved"] > 500
    deck = make_apkg(tmp_path / "deck.apkg", ["levee", "<b>resilience</b>", "river"])
    code, out, err = run(capsys, "words", "seed", "--apkg", str(deck))
    assert (code, out) == (0, f"2 words marked known from {deck} (1 saved before kept its status)\n"), err
    words = tmp_path / "words.csv"
    words.write_text("obsolete,時代遅れ\nblog,ブログ\n", encoding="utf-8")
    code, out, err = run(capsys, "words", "seed", "--list", str(words))
    assert code == 0 and out.startswith("2 words marked known"), err
    code, out, err = run(capsys, "words", "list", "--status", "known", "--json")
    saved = {w["lemma"] for w in json.loads(out)}
    assert {"levee", "resilience", "obsolete", "blog", "river", "the"} <= saved


def test_words_seed_refuses_what_it_cannot_read_in_one_line(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.apkg"
    bad.write_bytes(b"\x00" * 100)
    code, out, err = run(capsys, "words", "seed", "--apkg", str(bad))
    assert code != 0 and out == "" and err.count("\n") == 1 and "not an Anki deck" in err
    code, out, err = run(capsys, "words", "seed", "--top", "0")
    assert code != 0 and err.count("\n") == 1
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café\nnaïve\n".encode("latin-1"))
    code, out, err = run(capsys, "words", "seed", "--list", str(latin1))
    assert code != 0 and out == "" and err == "study-reader: latin1.txt: not UTF-8 text\n"


def test_read_next_lists_the_lessons_nearest_the_target(capsys, tmp_path: Path) -> None:
    hard = _import(capsys, tmp_path, "hard.txt", f"Tomas and the River\n\n{PARAGRAPH}\n")
    easy_text = "The Dog\n\nThe dog walks to the river every morning. The dog is old.\n"
    easy = _import(capsys, tmp_path, "easy.txt", easy_text)
    run(capsys, "words", "seed", "--level", "A2")
    code, out, err = run(capsys, "read-next", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [int(easy), int(hard)]
    code, out, err = run(capsys, "read-next", "--target", "15-25")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split()[0] == hard and " * " in lines[0] and "Tomas and the River" in lines[0]
    code, out, err = run(capsys, "read-next", "--target", "lots")
    assert code != 0 and err.count("\n") == 1 and "target band" in err


def test_read_next_refuses_a_limit_below_one_and_tells_a_new_learner_to_mark_words(capsys, tmp_path: Path) -> None:
    _import(capsys, tmp_path, "hard.txt", f"Tomas and the River\n\n{PARAGRAPH}\n")
    code, out, err = run(capsys, "read-next", "--limit", "0")
    assert (code, out) == (2, "") and err.count("\n") == 1 and "--limit" in err
    code, out, err = run(capsys, "read-next")
    assert code == 0 and "100.0% unknown" in out and "mark the words you know" in out, err
    run(capsys, "words", "seed", "--level", "A1")
    code, out, err = run(capsys, "read-next")
    assert code == 0 and "mark the words you know" not in out, err


def test_words_seed_skips_junk_in_a_list_and_says_why(capsys, tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    junk = "\u0000\u0001junk\n<b>bold</b>\n🔥fire\nthe quick brown fox\n\"a, b\",c\n"
    words.write_text("levee\n" + junk, encoding="utf-8")
    code, out, err = run(capsys, "words", "seed", "--list", str(words))
    assert (code, out) == (0, f"2 words marked known from {words} (4 lines skipped: 3 not words,"
                              " 1 longer than 3 words)\n"), err
    code, out, _ = run(capsys, "words", "list", "--json")
    assert {w["text"] for w in json.loads(out)} == {"levee", "bold"}
    code, out, err = run(capsys, "words", "seed", "--list", str(words), "--json")
    assert json.loads(out) == {"marked": 0, "already_saved": 2, "offered": 2, "duplicates": 0, "cut": 0,
                               "skipped": {"not words": 3, "longer than 3 words": 1}}
    code, out, err = run(capsys, "words", "seed", "--list", str(words))
    assert out == (f"0 words marked from {words} (all already known;"
                   " 4 lines skipped: 3 not words, 1 longer than 3 words)\n")


@pytest.mark.parametrize("kind", ["not a zip", "empty zip", "0 bytes", "missing", "folder"])
def test_a_bad_deck_is_a_refused_input_status_1(capsys, tmp_path: Path, kind: str) -> None:
    import zipfile

    deck = tmp_path / "deck.apkg"
    if kind == "not a zip":
        deck.write_bytes(b"PK? nothing like a zip" * 10)
    elif kind == "empty zip":
        zipfile.ZipFile(deck, "w").close()
    elif kind == "0 bytes":
        deck.write_bytes(b"")
    elif kind == "folder":
        deck.mkdir()
    code, out, err = run(capsys, "words", "seed", "--apkg", str(deck))
    assert (code, out) == (1, ""), err
    assert err.startswith("study-reader: deck.apkg: ") and err.count("\n") == 1
    assert ("no such file" in err) if kind == "missing" else ("not a file" in err or "not an Anki deck" in err)


def test_every_words_seed_refusal_has_the_readmes_status(capsys, tmp_path: Path, monkeypatch) -> None:
    from library import limits

    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café\n".encode("latin-1"))
    assert run(capsys, "words", "seed", "--list", str(latin1))[0] == 1  # a file given refused
    assert run(capsys, "words", "seed", "--list", str(tmp_path / "none.txt"))[0] == 1
    assert run(capsys, "words", "seed", "--list", str(tmp_path))[0] == 1  # a folder
    big = tmp_path / "big.txt"
    big.write_text("river\n" * 10, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_BYTES", 5)
    assert run(capsys, "words", "seed", "--list", str(big))[0] == 1
    assert run(capsys, "words", "seed", "--top", "0")[0] == 2  # the command line itself is wrong
    capsys.readouterr()


def test_an_empty_deck_file_is_said_to_be_empty(capsys, tmp_path: Path) -> None:
    deck = tmp_path / "deck.apkg"
    deck.write_bytes(b"")
    code, out, err = run(capsys, "words", "seed", "--apkg", str(deck))
    assert (code, out, err) == (1, "", "study-reader: deck.apkg: not an Anki deck (the file is empty)\n")
