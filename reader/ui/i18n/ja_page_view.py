"""Japanese for what the page view says where a change cannot be made, and for the article's list of
what the user's own changes left unplaced (kept here: the teaching part holds no table of its own)."""

from __future__ import annotations

from reader.teaching.page_words import (
    ASK_DELETE,
    DELETED_WITH,
    NO_PIECES,
    NO_TEXT_EDIT,
    NO_TEXT_EDIT_TRANSLATION,
    NOT_DELETED,
)

JA_PAGE_VIEW: dict[str, str] = {
    NO_TEXT_EDIT: "ここで英文を直せるのはタイトル・見出し・段落だけです。先にこの行の役割を変えてください (T、H、P)。",
    NO_TEXT_EDIT_TRANSLATION: "訳や注は編集モード (Ctrl+E) で、その段落の上で直します。",
    NO_PIECES: "この行はページの 1 行だけです。分けられる行がありません。",
    # The article's list of what the user's own changes left unplaced, and why (as the library says it).
    "Left unplaced by your changes": "変更によって配置が外れた部分",
    "its paragraph was deleted": "段落を削除したため",
    "its paragraph went to the lesson split off from this one": "段落が分けたレッスンに移ったため",
    "made unplaced by you": "未配置にしたため",
    # Deleting a paragraph that holds the user's own work.
    ASK_DELETE: "削除する部分にあなた自身の作業があります: {work}。段落と一緒に消えます(Ctrl+Z で両方元に戻せます)。"
                "削除しますか？",
    DELETED_WITH: "{change}: 完了しました。一緒に消えたもの: {work}(Ctrl+Z で元に戻せます)。",
    NOT_DELETED: "削除しませんでした。段落へのあなたの作業はそのままです。",
    "your own translation": "自分の訳",
    "{n} of your own translations": "自分の訳 {n} 件",
    "1 question": "質問 1 件",
    "{n} questions": "質問 {n} 件",
    "1 note of yours": "自分の注 1 件",
    "{n} notes of yours": "自分の注 {n} 件",
    "1 word you saved from it (it stays in My words)": "ここから保存した単語 1 語(単語帳には残ります)",
    "{n} words you saved from it (they stay in My words)": "ここから保存した単語 {n} 語(単語帳には残ります)",
}
