"""The built-in sample lessons import cleanly: what is placed is placed right, the rest is unplaced."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from library.importer import parse_page

EXPECTED = Path(__file__).resolve().parents[1] / "data" / "samples"
SAMPLES = sorted(p.name for p in resources.files("resources.samples").iterdir() if p.name.endswith(".txt"))


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 2


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_imports(name: str) -> None:
    data = resources.files("resources.samples").joinpath(name).read_bytes()
    want = json.loads((EXPECTED / name.replace(".txt", ".expected.json")).read_text(encoding="utf-8"))
    got = parse_page(data, name).to_json()
    assert got["title"] == want["title"]
    assert got["caption"] == want["caption"]
    assert [(b["kind"], b["text"]) for b in got["blocks"]] == [(b["kind"], b["text"]) for b in want["blocks"]]
    unplaced = {u["text"] for u in got["unplaced"]}
    placed = 0
    for g, w in zip(got["blocks"], want["blocks"], strict=True):
        for lang, text in w["translations"].items():
            if lang in g["translations"]:
                assert g["translations"][lang] == text
                placed += 1
            else:
                assert text in unplaced, f"translation neither placed nor kept: {text[:30]}"
        assert set(g["translations"]) <= set(w["translations"]), f"translation placed wrongly on {g['text'][:40]}"
    assert placed >= 2
    for g, w in zip(got["notes"], want["notes"], strict=True):
        assert g["marker"] == w["marker"]
        assert g["source_url"] == w["source_url"]
        assert {"block": g["anchor"]["block"], "text": g["anchor_text"]} == w["anchor"]
    assert [(e["term"], e["pos"], e["definition"]) for e in got["glossary"]] == [
        (e["term"], e["pos"], e["definition"]) for e in want["glossary"]
    ]
