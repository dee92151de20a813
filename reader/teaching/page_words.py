"""What the page view says where a key or a button cannot do its change on the current line; the
article's words for what a change left unplaced."""

from __future__ import annotations

# The lines whose English "Save text" fixes (the library takes new text on these only).
TEXT_ROLES = ("title", "heading", "paragraph")
NO_TEXT_EDIT = ("Only a title's, a heading's or a paragraph's English is fixed here: give this line one of "
                "those roles first (T, H, P).")
NO_TEXT_EDIT_TRANSLATION = "A translation or a note is fixed in edit mode (Ctrl+E), on the paragraph it belongs to."
NO_PIECES = "This line holds one line of the page: there is nothing to split it into."


def why_no_text(role: str) -> str:
    """Why "Save text" does not take a line of this role (untranslated)."""
    return NO_TEXT_EDIT_TRANSLATION if role in ("translation", "title_translation", "note") else NO_TEXT_EDIT


JA_PAGE_WORDS: dict[str, str] = {
    NO_TEXT_EDIT: "ここで英文を直せるのはタイトル・見出し・段落だけです。先にこの行の役割を変えてください (T、H、P)。",
    NO_TEXT_EDIT_TRANSLATION: "訳や注は編集モード (Ctrl+E) で、その段落の上で直します。",
    NO_PIECES: "この行はページの 1 行だけです。分けられる行がありません。",
    # The article's list of what the user's own changes left unplaced, and why (as the library says it).
    "Left unplaced by your changes": "変更によって配置が外れた部分",
    "its paragraph was deleted": "段落を削除したため",
    "its paragraph went to the lesson split off from this one": "段落が分けたレッスンに移ったため",
}
