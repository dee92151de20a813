"""Japanese for what the page view says where a change cannot be made, and for the article's list of
what the user's own changes left unplaced (kept here: the teaching part holds no table of its own)."""

from __future__ import annotations

from reader.teaching.page_words import NO_PIECES, NO_TEXT_EDIT, NO_TEXT_EDIT_TRANSLATION

JA_PAGE_VIEW: dict[str, str] = {
    NO_TEXT_EDIT: "ここで英文を直せるのはタイトル・見出し・段落だけです。先にこの行の役割を変えてください (T、H、P)。",
    NO_TEXT_EDIT_TRANSLATION: "訳や注は編集モード (Ctrl+E) で、その段落の上で直します。",
    NO_PIECES: "この行はページの 1 行だけです。分けられる行がありません。",
    # The article's list of what the user's own changes left unplaced, and why (as the library says it).
    "Left unplaced by your changes": "変更によって配置が外れた部分",
    "its paragraph was deleted": "段落を削除したため",
    "its paragraph went to the lesson split off from this one": "段落が分けたレッスンに移ったため",
    "made unplaced by you": "未配置にしたため",
}
