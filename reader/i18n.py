"""Interface words in English and Japanese: a small table keyed by the English text."""

from __future__ import annotations

from PySide6.QtCore import QLocale

LANGUAGES = ("en", "ja")

KEYS_HELP = (
    "Ctrl+F  search all lessons\n"
    "Ctrl+1 / Ctrl+2 / Ctrl+3  go to the library, the article, the word list\n"
    "↑ ↓ (or K J)  move between paragraphs\n"
    "Enter or T  show or hide the paragraph's translation\n"
    "A  add your own translation\n"
    "N  show the paragraph's notes (again for the next one)\n"
    "Esc  close a note, then clear highlights\n"
    "Ctrl+Shift+T / Ctrl+Shift+H  show / hide all translations\n"
    "Ctrl+= / Ctrl+- / Ctrl+0  zoom in, out, actual size\n"
    "F2  rename the lesson, Delete  delete it (in the list)\n"
    "Ctrl+O  import files"
)

JA: dict[str, str] = {
    # menus and actions
    "&File": "ファイル(&F)",
    "&View": "表示(&V)",
    "&Go": "移動(&G)",
    "&Help": "ヘルプ(&H)",
    "&Theme": "テーマ(&T)",
    "Interface &language": "表示言語(&L)",
    "&Import files…": "ファイルを読み込む(&I)…",
    "&Rename lesson…": "レッスン名を変更(&R)…",
    "&Delete lesson…": "レッスンを削除(&D)…",
    "&Quit": "終了(&Q)",
    "&Show all translations": "訳をすべて表示(&S)",
    "&Hide all translations": "訳をすべて隠す(&H)",
    "Zoom &in": "拡大(&I)",
    "Zoom &out": "縮小(&O)",
    "&Actual size": "標準の大きさ(&A)",
    "&Font…": "フォント(&F)…",
    "Go to &library": "ライブラリへ(&L)",
    "Go to &article": "本文へ(&A)",
    "Go to &words": "単語リストへ(&W)",
    "&Search": "検索(&S)",
    "&Keyboard shortcuts": "キーボード操作(&K)",
    "&About Study Reader": "Study Reader について(&A)",
    "&Light": "ライト(&L)",
    "&Dark": "ダーク(&D)",
    "S&epia": "セピア(&E)",
    # panels
    "Title": "タイトル",
    "Date": "日付",
    "Read": "読了",
    "Open": "開く",
    "Rename…": "名前を変更…",
    "Delete…": "削除…",
    "Search all lessons…": "全レッスンを検索…",
    "Words in this lesson": "このレッスンの単語",
    "Clear": "解除",
    "This lesson has no word list.": "このレッスンには単語リストがありません。",
    "{n} × “{term}” in the text": "本文中に「{term}」が {n} 箇所",
    # article and cards
    "No translation yet.": "訳はまだありません。",
    "Add one…": "訳を追加…",
    "Not placed by the importer": "配置できなかった部分",
    "Source": "出典",
    # dialogs
    "Study Reader": "Study Reader",
    "About Study Reader": "Study Reader について",
    "An offline reader for learning English from bilingual news articles.":
        "対訳つきのニュース記事で英語を学ぶための、オフラインのリーダーです。",
    "Add a translation": "訳を追加",
    "Your translation of this paragraph": "この段落のあなたの訳",
    "Reading font": "本文のフォント",
    "Rename lesson": "レッスン名の変更",
    "Title:": "タイトル:",
    "Delete lesson": "レッスンの削除",
    "Delete “{title}” and your translations in it?": "「{title}」と、その中のあなたの訳を削除しますか?",
    "Import files": "ファイルの読み込み",
    "Text files (*.txt);;All files (*)": "テキストファイル (*.txt);;すべてのファイル (*)",
    "Import failed": "読み込みに失敗しました",
    "Import finished": "読み込み完了",
    # the import review
    "Import review": "読み込み結果の確認",
    "{n} paragraphs, {h} headings": "段落 {n}、見出し {h}",
    "{n} translations placed": "訳を配置 {n}",
    "{a} of {n} notes anchored": "注 {n} 件中 {a} 件を本文に結び付けました",
    "{n} glossary entries": "単語リスト {n} 語",
    "{n} blocks not placed": "未配置のブロック {n}",
    "Not placed": "未配置",
    "Not placed ({n})": "未配置 ({n})",
    "Place each block on the paragraph it belongs to, or discard it.": (
        "各ブロックを対応する段落に配置するか、破棄してください。"
    ),
    "Paragraph:": "段落:",
    "Place as translation": "訳として配置",
    "Place as note": "注として配置",
    "Discard": "破棄",
    "Finish": "完了",
    "Pages and books (*.txt *.html *.htm *.xhtml *.epub *.md *.tsv *.json);;All files (*)": (
        "記事と本 (*.txt *.html *.htm *.xhtml *.epub *.md *.tsv *.json);;すべてのファイル (*)"
    ),
    "Importing…": "読み込み中…",
    "Importing {name}…": "{name} を読み込み中…",
    "Cancel": "キャンセル",
    "{ok} of {n} files imported.": "{n} 件中 {ok} 件のファイルを読み込みました。",
    "Keyboard shortcuts": "キーボード操作",
    "No Japanese font": "日本語フォントがありません",
    "No Japanese font is installed, so Japanese text would show as empty boxes. "
    "Install one (for example Noto Sans CJK JP or IPAexGothic; on Debian and Ubuntu: "
    "sudo apt install fonts-noto-cjk) and restart Study Reader.":
        "日本語フォントがインストールされていないため、日本語が四角い箱で表示されてしまいます。"
        "Noto Sans CJK JP や IPAexGothic などをインストールして(Debian/Ubuntu では "
        "sudo apt install fonts-noto-cjk)、Study Reader を再起動してください。",
    KEYS_HELP: (
        "Ctrl+F  全レッスンを検索\n"
        "Ctrl+1 / Ctrl+2 / Ctrl+3  ライブラリ・本文・単語リストへ移動\n"
        "↑ ↓(K J)  段落を移動\n"
        "Enter または T  段落の訳を表示/非表示\n"
        "A  自分の訳を追加\n"
        "N  段落の注を表示(もう一度で次の注)\n"
        "Esc  注を閉じる、次にハイライトを解除\n"
        "Ctrl+Shift+T / Ctrl+Shift+H  訳をすべて表示/すべて隠す\n"
        "Ctrl+= / Ctrl+- / Ctrl+0  拡大・縮小・標準\n"
        "F2  レッスン名を変更、Delete  削除(リスト上で)\n"
        "Ctrl+O  ファイルを読み込む"
    ),
}


class Translator:
    """Turns an English interface string into the chosen language (English when there is no entry)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "en"

    def __call__(self, text: str) -> str:
        if self.lang == "ja":
            return JA.get(text, text)
        return text

    @staticmethod
    def system_lang() -> str:
        """The interface language the system locale asks for."""
        return "ja" if QLocale.system().name().lower().startswith("ja") else "en"
