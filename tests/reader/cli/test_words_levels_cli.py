"""`words list --level` and `--sort level`: my words of a CEFR level, or of a level and above."""

from __future__ import annotations

import json

import pytest

from tests.reader.cli.test_study_cli import run


@pytest.fixture
def saved(capsys: pytest.CaptureFixture[str]) -> None:
    # radio A1, promised A2 (saved as promise), designer B1, autonomy B2; a phrase has no level.
    for word in ("designer", "autonomy", "radio", "promised", "take off"):
        assert run(capsys, "words", "add", word)[0] == 0  # a phrase as one argument, as in quotes


def test_words_list_by_level(capsys: pytest.CaptureFixture[str], saved: None) -> None:
    code, out, _ = run(capsys, "words", "list", "--level", "B2+", "--sort", "word")
    assert code == 0 and [line.split()[1] for line in out.splitlines()] == ["autonomy"]
    code, out, _ = run(capsys, "words", "list", "--level", "a2+", "--sort", "word", "--json")
    data = json.loads(out)
    assert [(w["text"], w["level"]) for w in data] == [("autonomy", "B2"), ("designer", "B1"), ("promise", "A2")]
    code, out, _ = run(capsys, "words", "list", "--level", "B1")
    assert code == 0 and out.split() == ["new", "designer", "[B1]"]
    code, out, _ = run(capsys, "words", "list", "--level", "none", "--json")
    assert [w["text"] for w in json.loads(out)] == ["take off"]
    code, out, _ = run(capsys, "words", "list", "--level", "C2")
    assert code == 0 and out == ""  # nothing at C2: an empty list, not a failure


def test_words_list_sorted_by_level(capsys: pytest.CaptureFixture[str], saved: None) -> None:
    code, out, _ = run(capsys, "words", "list", "--sort", "level")
    assert code == 0
    assert [line.split("[")[-1].rstrip("]") for line in out.splitlines()] == ["A1", "A2", "B1", "B2", "—"]
    assert out.splitlines()[0].split()[1] == "radio" and "take off" in out.splitlines()[-1]


@pytest.mark.parametrize("bad", ["B3", "D1", "B2-", "hard", ""])
def test_a_bad_level_is_a_usage_error(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "words", "list", "--level", bad)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "unknown level" in err and "B2+" in err


def test_a_name_saved_by_hand_has_no_level_and_a_word_typed_with_a_capital_has(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # London (A1 in the list as a name), Vienna (B2 as a name) and Tokyo are names; "Economy" typed with a
    # capital is the word economy, and keeps its level.
    for word in ("London", "Vienna", "Tokyo", "Economy"):
        assert run(capsys, "words", "add", word)[0] == 0
    code, out, _ = run(capsys, "words", "list", "--sort", "word", "--json")
    assert code == 0
    levels = {w["text"]: w["level"] for w in json.loads(out)}
    assert levels == {"economy": "B1", "London": None, "Tokyo": None, "Vienna": None}
    code, out, _ = run(capsys, "words", "list", "--level", "none", "--sort", "word")
    assert [line.split()[1] for line in out.splitlines()] == ["London", "Tokyo", "Vienna"]
