"""Learner profiles on the command line: `profiles list|add|rename|remove`, and `--profile NAME`
(or $STUDY_READER_PROFILE) on the words, lookup and list commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main
from tests.study_data import install_tiny_dictionary, write_other_lesson


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def statuses(capsys: pytest.CaptureFixture[str], *profile: str) -> dict[str, str]:
    code, out, _ = run(capsys, "words", "list", "--json", *profile)
    assert code == 0
    return {w["text"]: w["status"] for w in json.loads(out)}


def test_profiles_list_add_rename_remove(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "profiles")
    assert code == 0 and out.splitlines() == [f"* Default\t0 words\t{out.split()[-1]}"]
    assert run(capsys, "profiles", "add", "Aiko")[:2] == (0, "added the learner “Aiko”\n")
    code, _, err = run(capsys, "profiles", "add", "aiko")
    assert code == 1 and err == "study-reader: there is already a learner called 'Aiko'\n"
    assert run(capsys, "profiles", "rename", "Aiko", "Aiko T.")[0] == 0
    code, out, _ = run(capsys, "profiles", "list", "--json")
    assert [(p["name"], p["current"]) for p in json.loads(out)] == [("Default", True), ("Aiko T.", False)]
    code, out, _ = run(capsys, "profiles", "list", "--profile", "Aiko T.")
    assert [line.split("\t")[0] for line in out.splitlines()] == ["  Default", "* Aiko T."]
    code, out, _ = run(capsys, "profiles", "remove", "Aiko", "T.")
    assert code == 0 and out.startswith("removed the learner “Aiko T.” with 0 saved words")
    code, _, err = run(capsys, "profiles", "remove", "Default")
    assert code == 1 and "only learner" in err
    assert run(capsys, "profiles", "remove", "Nobody")[0] == 1


def test_each_learner_has_their_own_words_and_progress(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_tiny_dictionary()
    lesson = write_other_lesson(tmp_path)
    assert run(capsys, "import", str(lesson))[0] == 0
    code, _, err = run(capsys, "words", "add", "autonomy", "--status", "learning", "--profile", "Aiko")
    assert code == 0 and err == "study-reader: added the learner “Aiko”\n"  # a new name adds a learner
    assert run(capsys, "words", "add", "autonomy", "--status", "known", "--profile", "Ben")[0] == 0
    assert run(capsys, "words", "add", "students", "--profile", "Ben")[0] == 0
    assert statuses(capsys, "--profile", "Aiko") == {"autonomy": "learning"}
    assert statuses(capsys, "--profile", "ben") == {"autonomy": "known", "student": "new"}
    assert statuses(capsys) == {}  # the default learner saved nothing

    # The environment variable names the learner too; --profile wins over it.
    monkeypatch.setenv("STUDY_READER_PROFILE", "Aiko")
    assert statuses(capsys) == {"autonomy": "learning"}
    assert statuses(capsys, "--profile", "Ben") == {"autonomy": "known", "student": "new"}
    code, out, _ = run(capsys, "lookup", "autonomy", "--json")
    assert code == 0 and json.loads(out)["saved"]["status"] == "learning"
    monkeypatch.delenv("STUDY_READER_PROFILE")
    code, out, _ = run(capsys, "lookup", "autonomy", "--json", "--profile", "Ben")
    assert json.loads(out)["saved"]["status"] == "known"

    # Reading progress is the learner's own.
    from library import Library

    with Library(profile="Aiko") as lib:
        lib.lessons.set_position(lib.lessons.ids()[0], 2, 1.0)
    code, out, _ = run(capsys, "list", "--json", "--profile", "Aiko")
    assert [(r["progress"], r["finished"]) for r in json.loads(out)] == [(1.0, True)]
    code, out, _ = run(capsys, "list", "--json", "--profile", "Ben")
    assert [(r["progress"], r["finished"]) for r in json.loads(out)] == [(0.0, False)]

    code, out, _ = run(capsys, "profiles", "remove", "Ben")
    assert "with 2 saved words" in out
    assert statuses(capsys, "--profile", "Aiko") == {"autonomy": "learning"}
    code, _, err = run(capsys, "words", "list", "--profile", " ")
    assert code == 1 and "needs a name" in err
