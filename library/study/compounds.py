"""Hyphenated compounds the level list has no entry for ("ten-year", "well-known", "cost-cutting"): levelled
by their parts (levels.py: as hard as the hardest), and known to a learner who knows every part, unless
the compound is saved itself (then its own status counts). The parts' lemmas of every such compound a
lesson has are kept in `compound_parts`, so that a lesson's known count follows its parts' statuses."""

from __future__ import annotations

from collections.abc import Iterable

from library.store.database import Database

KNOWN = ("known", "ignored")  # as difficulty.KNOWN


def parts_of(lemmas: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """compound lemma → each part's lemmas (a part is known when any of them is: "well-known" → (well,),
    (known, know)), for the hyphenated lemmas the level list lacks; words without a hyphen, listed
    compounds and compounds of a part that is not letters are left out."""
    from library.study.level_table import levels_of
    from library.wordforms import lemmas_of

    hyphenated = [w for w in dict.fromkeys(lemmas) if "-" in w.strip("-") and "'" not in w]
    if not hyphenated:
        return {}
    listed = levels_of(hyphenated)
    split = {w: [p for p in w.split("-") if p] for w in hyphenated if w not in listed}
    return {w: tuple(tuple(dict.fromkeys((p, *lemmas_of(p)))) for p in parts) for w, parts in split.items()
            if len(parts) > 1 and all(p.isalpha() for p in parts)}


def store_parts(db: Database, parts: dict[str, tuple[tuple[str, ...], ...]]) -> None:
    """Keep compounds' parts (the caller holds the transaction)."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO compound_parts (lemma, slot, part) VALUES (?, ?, ?)",
        [(lemma, slot, part) for lemma, slots in parts.items() for slot, these in enumerate(slots) for part in these],
    )


# Running words per lesson of the compounds a learner knows by their parts: not saved themselves, and
# no part none of whose lemmas is saved known. {lesson} narrows it to one lesson.
_KNOWN_BY_PARTS = (
    "SELECT m.lesson_id, sum(m.count) AS n FROM lesson_lemmas m"
    " WHERE m.lemma IN (SELECT lemma FROM compound_parts){lesson}"
    " AND NOT EXISTS (SELECT 1 FROM words s WHERE s.profile_id = :profile AND s.lemma = m.lemma)"
    " AND NOT EXISTS (SELECT c.slot FROM compound_parts c WHERE c.lemma = m.lemma GROUP BY c.slot HAVING"
    " max(EXISTS (SELECT 1 FROM words w WHERE w.profile_id = :profile AND w.lemma = c.part"
    f" AND w.status IN {KNOWN!r})) = 0)"
    " GROUP BY m.lesson_id"
)


def add_known_by_parts(db: Database, profile_id: int, lesson_id: int | None = None) -> None:
    """Add to the lessons' known counts (all, or one) the compounds this learner knows by their parts."""
    lesson = "" if lesson_id is None else " AND m.lesson_id = :lesson"
    db.execute(
        "INSERT INTO lesson_known (profile_id, lesson_id, known) SELECT :profile, lesson_id, n FROM ("
        + _KNOWN_BY_PARTS.format(lesson=lesson)
        + ") WHERE true ON CONFLICT (profile_id, lesson_id) DO UPDATE SET known = known + excluded.known",
        {"profile": profile_id, "lesson": lesson_id},
    )


def _parts_known(db: Database, profile_id: int, lemma: str, changed: tuple[str, bool] | None = None) -> bool | None:
    """Whether the learner knows every part of this compound (None for no compound); `changed`: a word
    (lemma, known) taken as known or not whatever the words table says (its status before a change)."""
    slots: dict[int, list[str]] = {}
    for slot, part in db.execute("SELECT slot, part FROM compound_parts WHERE lemma = ?", [lemma]):
        slots.setdefault(int(slot), []).append(str(part))
    if not slots:
        return None
    every = sorted({p for parts in slots.values() for p in parts})
    marks = ",".join("?" * len(every))
    known = {r[0] for r in db.execute(
        f"SELECT lemma FROM words WHERE profile_id = ? AND status IN {KNOWN!r} AND lemma IN ({marks})",
        [profile_id, *every])}
    if changed is not None:
        known = known | {changed[0]} if changed[1] else known - {changed[0]}
    return all(any(p in known for p in parts) for parts in slots.values())


def _move(db: Database, profile_id: int, lemma: str, delta: int) -> None:
    if delta:
        db.execute(
            "INSERT INTO lesson_known (profile_id, lesson_id, known) SELECT ?, lesson_id, ? * count"
            " FROM lesson_lemmas WHERE lemma = ? AND true"
            " ON CONFLICT (profile_id, lesson_id) DO UPDATE SET known = known + excluded.known",
            [profile_id, delta, lemma],
        )


def status_changed(db: Database, profile_id: int, lemma: str, was: str | None, now: str | None) -> None:
    """Move a word's occurrences in every lesson into or out of the learner's known count, and those of
    the compounds it is a part of (the caller holds the transaction; the words table holds `now`
    already). `was` or `now` is None for a word not saved before or after: a compound then is known
    by its parts."""
    by_parts = bool(_parts_known(db, profile_id, lemma)) if was is None or now is None else False
    before = was in KNOWN if was is not None else bool(by_parts)
    after = now in KNOWN if now is not None else bool(by_parts)
    _move(db, profile_id, lemma, after - before)
    change = (now in KNOWN) - (was in KNOWN)
    if not change:
        return
    compounds = [r[0] for r in db.execute(
        "SELECT DISTINCT c.lemma FROM compound_parts c WHERE c.part = ? AND NOT EXISTS"
        " (SELECT 1 FROM words s WHERE s.profile_id = ? AND s.lemma = c.lemma)", [lemma, profile_id])]
    for compound in compounds:
        was_known = bool(_parts_known(db, profile_id, compound, (lemma, was in KNOWN)))
        now_known = bool(_parts_known(db, profile_id, compound))
        _move(db, profile_id, compound, now_known - was_known)
