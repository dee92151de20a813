"""The user's own work on a paragraph that is deleted: its own translations, hidden translations and
questions would go with it. They are written into the delete decision (its value, as JSON), so that
taking the deletion back, in the window or from the command line, puts them on the paragraph again; its
notes are kept with no place and are put back by their words (library/pageremap.py)."""

from __future__ import annotations

import json
from typing import Any

from library.store.database import Database


def work_on(db: Database, lesson_id: int, block: int) -> str | None:
    """The user's work on the paragraph at `block`, as the JSON a delete decision keeps; None for none."""
    own = db.execute(
        "SELECT lang, text FROM user_translations WHERE lesson_id = ? AND block_pos = ? ORDER BY rowid",
        [lesson_id, block],
    ).fetchall()
    hidden = db.execute(
        "SELECT lang FROM hidden_translations WHERE lesson_id = ? AND block_pos = ? ORDER BY rowid",
        [lesson_id, block],
    ).fetchall()
    asked = db.execute(
        "SELECT text, answer, sort FROM questions WHERE lesson_id = ? AND block_pos = ? ORDER BY sort, id",
        [lesson_id, block],
    ).fetchall()
    if not (own or hidden or asked):
        return None
    work = {
        "translations": [[lang, text] for lang, text in own],
        "hidden": [lang for (lang,) in hidden],
        "questions": [[text, answer, sort] for text, answer, sort in asked],
    }
    return json.dumps(work, ensure_ascii=False)


def _read(value: str | None) -> dict[str, Any]:
    try:
        got = json.loads(value) if value else {}
    except ValueError:
        return {}
    return got if isinstance(got, dict) else {}


def put_back(db: Database, lesson_id: int, block: int, value: str | None) -> None:
    """The work a delete decision kept (`value`) on the paragraph at `block` again (its deletion undone)."""
    work = _read(value)
    for lang, text in work.get("translations", []):
        db.execute(
            "INSERT OR REPLACE INTO user_translations (lesson_id, block_pos, lang, text) VALUES (?, ?, ?, ?)",
            [lesson_id, block, lang, text],
        )
    for lang in work.get("hidden", []):
        db.execute(
            "INSERT OR IGNORE INTO hidden_translations (lesson_id, block_pos, lang) VALUES (?, ?, ?)",
            [lesson_id, block, lang],
        )
    for text, answer, sort in work.get("questions", []):
        db.execute(
            "INSERT INTO questions (lesson_id, block_pos, text, answer, sort) VALUES (?, ?, ?, ?, ?)",
            [lesson_id, block, text, answer, sort],
        )


def work_said(value: str | None) -> list[str]:
    """What of the user's own work a delete decision's `value` holds, one phrase each."""
    work = _read(value)
    said = [f"your translation “{text[:60]}”" for _lang, text in work.get("translations", [])]
    said += [f"the {lang} translation you hid" for lang in work.get("hidden", [])]
    said += [f"your question “{text[:60]}”" for text, _answer, _sort in work.get("questions", [])]
    return said
