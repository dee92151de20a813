"""Comparing an imported lesson with its hand-written expectation, field by field."""

from __future__ import annotations

from typing import Any

from library.model import Lesson


def compare_lesson(got_lesson: Lesson, want: dict[str, Any], where: str = "") -> list[str]:
    """Every difference between a lesson and its expectation, field by field."""
    got = got_lesson.to_json()
    diffs: list[str] = []

    def check(label: str, a: object, b: object) -> None:
        if a != b:
            diffs.append(f"{where}{label}: got {a!r}, expected {b!r}")

    check("title", got["title"], want["title"])
    check("caption", got["caption"], want["caption"])
    check("block count", len(got["blocks"]), len(want["blocks"]))
    for i, (g, w) in enumerate(zip(got["blocks"], want["blocks"], strict=False)):
        check(f"block {i} kind", g["kind"], w["kind"])
        check(f"block {i} text", g["text"], w["text"])
        check(f"block {i} translations", g["translations"], w["translations"])
    check("note markers", [n["marker"] for n in got["notes"]], [n["marker"] for n in want["notes"]])
    for g, w in zip(got["notes"], want["notes"], strict=False):
        m = w["marker"]
        check(f"note {m} text", g["text"], w["text"])
        check(f"note {m} source", g["source_url"], w["source_url"])
        anchor = {"block": g["anchor"]["block"], "text": g["anchor_text"]} if g["anchor"] else None
        check(f"note {m} anchor", anchor, w["anchor"])
    fields = ("term", "pos", "definition", "translation", "example")
    check(
        "glossary",
        [{k: e[k] for k in fields} for e in got["glossary"]],
        [{k: e.get(k, "") for k in fields} for e in want["glossary"]],
    )
    # Exercises: exactly those the expectation lists (none where it lists none).
    check("exercises", got["exercises"], want.get("exercises", []))
    check("unplaced", [u["text"] for u in got["unplaced"]], [u["text"] for u in want["unplaced"]])
    return diffs
