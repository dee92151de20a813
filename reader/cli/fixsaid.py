"""The one line `fix` prints on success, saying what changed, as the window's status line does:
"line 18: glossary", "line 4: split at 30", "undone: role of line 18"."""

from __future__ import annotations

from collections.abc import Sequence

from library.pagelines import DELETE, END, JOIN, MOVE, ROLE, SPLIT, SWAP, TEXT, Decision


def change_said(d: Decision) -> str:
    """What decision d does to its line, in a few words ("line 18: glossary")."""
    if d.op == ROLE:
        return f"line {d.n}: {d.role}" + (f" of the paragraph at line {d.target_n}" if d.target_n is not None else "")
    if d.op == JOIN:
        return f"line {d.n}: joined with line {d.target_n if d.target_n is not None else d.n + 1}"
    if d.op == SPLIT:
        return f"line {d.n}: split at {d.at}"
    if d.op == TEXT:
        return f"line {d.n}: text changed"
    if d.op == DELETE:
        return f"line {d.n}: deleted"
    if d.op == MOVE:
        return f"line {d.n}: moved {'up' if (d.at or 0) < 0 else 'down'}"
    if d.op == END:
        return f"line {d.n}: the lesson ends before it"
    if d.op == SWAP:
        return "the page's languages swapped"
    return f"line {d.n}: {d.op}"


def changes_said(made: Sequence[Decision], split_at: int | None = None) -> str:
    """The line for the decisions one `fix` recorded; a split made elsewhere than `split_at` (inside a
    word, a character or a note marker) says where it was asked."""
    said = "; ".join(change_said(d) for d in made) or "nothing changed"
    moved = [d for d in made if d.op == SPLIT and split_at is not None and d.at != split_at]
    if moved:
        said += f" (not at {split_at}, inside a word or a note marker: at the nearest place between them)"
    return said


def undone_said(d: Decision) -> str:
    """The line for a decision taken back ("undone: role of line 18")."""
    if d.op == SWAP:
        return "undone: the swap of the page's languages"
    what = {JOIN: "join", SPLIT: "split", TEXT: "text", DELETE: "deletion", MOVE: "move", END: "split into lessons"}
    return f"undone: {what.get(d.op, d.op)} of line {d.n}"
