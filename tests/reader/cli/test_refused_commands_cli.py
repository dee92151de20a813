"""A refused command leaves the library as it was (no learner added for it), empty lists and decks
are refused, and every seeded term is counted in one bucket, in the right number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main
from tests.library.study.test_seeding import make_apkg


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def learners(capsys: pytest.CaptureFixture[str]) -> list[str]:
    code, out, _ = run(capsys, "profiles", "list", "--json")
    assert code == 0
    return [p["name"] for p in json.loads(out)]


def test_a_refused_command_does_not_add_the_learner_it_names(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run(capsys, "--profile", "Yan", "show", "99", "--levels")[0] == 1
    assert run(capsys, "words", "seed", "--list", str(empty), "--profile", "Yan")[0] == 1
    assert run(capsys, "words", "add", "123", "--profile", "Yan")[0] == 1
    assert learners(capsys) == ["Default"]
    code, out, err = run(capsys, "words", "add", "dog", "--profile", "Yan")
    assert (code, out, err) == (0, "saved dog as new\n", "study-reader: added the learner “Yan”\n")
    assert learners(capsys) == ["Default", "Yan"]


def test_an_empty_list_or_deck_is_refused_in_one_line(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "words", "seed", "--list", str(empty))
    assert (code, out, err) == (1, "", f"study-reader: {empty}: no words in it\n")
    junk = tmp_path / "junk.txt"
    junk.write_text("123\n456\n", encoding="utf-8")
    code, out, err = run(capsys, "words", "seed", "--list", str(junk))
    assert (code, out, err) == (1, "", f"study-reader: {junk}: no words in it (2 lines skipped: not words)\n")
    deck = make_apkg(tmp_path / "none.apkg", [])
    code, out, err = run(capsys, "words", "seed", "--apkg", str(deck))
    assert (code, out, err) == (1, "", f"study-reader: {deck}: no notes in it\n")


def test_every_line_of_a_list_is_counted_once(capsys, tmp_path: Path) -> None:
    listed = tmp_path / "l.txt"
    listed.write_text("# mine\nword\nrun\nran\nRuns\nrun\n123\n,x\nbridge\n\n", encoding="utf-8")
    code, out, err = run(capsys, "words", "seed", "--list", str(listed))
    assert (code, out) == (0, f"2 words marked known from {listed} (3 duplicates; 4 lines skipped: 1 not words,"
                              " 1 empty, 1 column names, 1 comments)\n"), err
    code, out, err = run(capsys, "words", "seed", "--list", str(listed), "--json")
    data = json.loads(out)
    assert data["marked"] + data["already_saved"] + data["duplicates"] + sum(data["skipped"].values()) == 9


def test_a_deck_counts_its_duplicates_and_a_count_of_one_is_singular(capsys, tmp_path: Path) -> None:
    deck = make_apkg(tmp_path / "deck.apkg", ["levee", "Levee", "levees", "river"])
    code, out, err = run(capsys, "words", "seed", "--apkg", str(deck))
    assert (code, out) == (0, f"2 words marked known from {deck} (2 duplicates)\n"), err
    one = make_apkg(tmp_path / "one.apkg", ["estuary", "river"])
    code, out, err = run(capsys, "words", "seed", "--apkg", str(one))
    assert (code, out) == (0, f"1 word marked known from {one} (1 saved before kept its status)\n"), err
    code, out, _ = run(capsys, "profiles", "list")
    assert "\t3 words\t" in out
    assert run(capsys, "words", "add", "dog", "--profile", "Ken")[0] == 0
    assert "Ken\t1 word\t" in run(capsys, "profiles", "list")[1]


def test_a_taken_name_is_said_as_the_learner_has_it(capsys) -> None:
    assert run(capsys, "profiles", "add", "Ken")[0] == 0
    code, out, err = run(capsys, "profiles", "add", "KEN")
    assert (code, out, err) == (1, "", "study-reader: there is already a learner called 'Ken'\n")
    assert run(capsys, "profiles", "add", "Ann")[0] == 0
    code, out, err = run(capsys, "profiles", "rename", "Ann", "ken")
    assert (code, err) == (1, "study-reader: there is already a learner called 'Ken'\n")


@pytest.mark.parametrize(
    "args",
    [
        ["words", "list", "--level", "A0"],
        ["words", "list", "--status", "bogus"],
        ["words", "list", "--lesson", "abc"],
        ["words", "add", "--weird"],
        ["words", "add", "dog", "--weird"],
        ["words", "seed"],
        ["profiles", "rename", "Ken"],
        ["show", "abc"],
    ],
)
def test_a_wrong_command_line_is_one_line_with_status_2(capsys, args: list[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    out, err = capsys.readouterr()
    assert stopped.value.code == 2 and out == "" and err.count("\n") == 1 and err.startswith("study-reader: "), err
