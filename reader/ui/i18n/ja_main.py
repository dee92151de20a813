"""Japanese for the window's menus, panels, article, cards, dialogs and the import review."""

from __future__ import annotations

from reader.ui.i18n.keys import KEYS_HELP

JA_MAIN: dict[str, str] = {
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
    "Zoom {percent}%": "ズーム {percent}%",
    "&Font…": "フォント(&F)…",
    "Go to &library": "ライブラリへ(&L)",
    "Go to &article": "本文へ(&A)",
    "Go to &words": "単語リストへ(&W)",
    "&Search": "検索(&S)",
    "&Keyboard shortcuts": "キーボード操作(&K)",
    "&About Study Reader": "Study Reader について(&A)",
    "Add to the &applications menu": "アプリケーションメニューに追加(&A)",
    "Study Reader is in the applications menu, and lesson packs open in it ({n} files in {path}).":
        "Study Reader をアプリケーションメニューに追加しました。レッスンパックはこのアプリで開きます"
        "({path} に {n} 個のファイル)。",
    "Could not add Study Reader to the applications menu: {error}":
        "Study Reader をアプリケーションメニューに追加できませんでした: {error}",
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
    "Exercise": "練習問題",
    "{name}: {n} lessons imported.": "{name}: {n} 件のレッスンを取り込みました。",
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
    "That lesson is no longer in the library.": "そのレッスンはもうライブラリにありません。",
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
    "{n} exercises": "練習問題 {n}",
    "{n} blocks not placed": "未配置のブロック {n}",
    "Not placed": "未配置",
    "Guessed ({n})": "推定 ({n})",
    "The importer was unsure of these; check them in the lesson.": (
        "読み込み時に確信が持てなかった箇所です。レッスンで確認してください。"
    ),
    "title guessed": "タイトルを推定",
    "taken as site text": "サイトの文字として除外",
    "translation placed with low confidence": "確信度の低い訳の配置",
    "translation placed by a guess": "推測による訳の配置",
    "word list found without a heading": "見出しのない単語リスト",
    "language of a line guessed": "行の言語を推定",
    "exercise found without a heading": "見出しのない練習問題",
    "sentence rejoined across a blank line": "空行をはさんだ文をつないだ",
    "letter-spaced text rejoined": "字間の空いた文字をつないだ",
    "repeated paragraph kept once": "繰り返された段落を一つだけ残した",
    "markup or decoration taken out": "タグや飾りを取り除いた",
    "page on one line split into parts": "一行の記事を部分に分けた",
    "a line of several stories split into pairs": "複数の記事が並ぶ行を英文と訳の組に分けた",
    "paragraph or translation holds the other language": "段落か訳にもう一方の言語が混じっている",
    "translation cut off English with no stop": "句点のない英文から訳を切り分けた",
    "several posts kept as one lesson": "複数の記事を一つのレッスンのまま",
    "page read as a word list with no article": "記事のない単語リストとして読み込んだ",
    "page read as headlines with their translations, no article": "記事のない、訳つきの見出しの一覧として読み込んだ",
    "{kind} ({sure} sure): {text}": "{kind}（確信度 {sure}）: {text}",
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
        "Ctrl+F  全レッスンを検索(Enter で最初の結果を開く、↓ で別の結果を選ぶ)\n"
        "Ctrl+1 / Ctrl+2 / Ctrl+3  ライブラリ・本文・単語リストへ移動\n"
        "↑ ↓(K J)  段落を移動\n"
        "→ ←  段落の次/前の単語を選ぶ\n"
        "L  選んだ単語・フレーズを調べる\n"
        "1 2 3 4  単語カードで: 新規・学習中・既知・無視、フラッシュカードで: もう一度・難しい・良い・簡単\n"
        "R  段落を読み上げる\n"
        "Enter または T  段落の訳を表示/非表示\n"
        "A  自分の訳を追加\n"
        "N  段落の注を表示(もう一度で次の注)\n"
        "Esc  注を閉じる、次にハイライトを解除\n"
        "Ctrl+Shift+T / Ctrl+Shift+H  訳をすべて表示/すべて隠す\n"
        "Ctrl+= / Ctrl+- / Ctrl+0  拡大・縮小・標準\n"
        "F11  集中モード: 左右のパネルを隠す\n"
        "Ctrl+R  単語帳を復習\n"
        "Ctrl+Shift+P  学習の進み具合\n"
        "Ctrl+Shift+N  次に読むレッスン: 知らない単語の割合が目標に近い順\n"
        "Ctrl+Shift+M  本文で自分の単語に印を付ける\n"
        "Ctrl+Shift+G  難しい単語の上に訳を表示(表示メニューでレベルを選ぶ)\n"
        "Ctrl+Shift+W  単語帳: 1〜4 で状態を変更、Delete で削除(Ctrl+Z で元に戻す)、Enter で例文の箇所を開く\n"
        "Ctrl+E  編集モード(Ctrl+Z / Ctrl+Shift+Z 元に戻す・やり直す)\n"
        "Ctrl+Shift+L  ページ表示: 読み込んだ各行とその役割(T H P G N S C U で役割、Shift+T でタイトルの訳、"
        "R A B で訳の段落、J でつなげる、Ctrl+Enter で分ける、L で行に分ける、Shift+G で各行を用語集の項目に、"
        "Alt+↑ Alt+↓ で移動、Del で削除、Ctrl+Shift+S でレッスンを分ける、Ctrl+Shift+X で言語を入れ替える。"
        "F2 または Enter で行の文を下の欄で編集、Tab で欄とボタンへ移動。"
        "F11 と F2 以外のウィンドウのキーも使えます)\n"
        "F5  クラスに提示(Esc で終了)\n"
        "Ctrl+P  配布資料・ワークシートを書き出す(PDF)\n"
        "F2  レッスン名を変更\n"
        "Ctrl+Del  レッスンを削除\n"
        "Ctrl+O  ファイルを読み込む\n"
        "F1  この一覧\n"
        "Ctrl+Q  終了"
    ),
}
