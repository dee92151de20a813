"""Interface words in English and Japanese: a small table keyed by the English text."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

LANGUAGES = ("en", "ja")

KEYS_HELP = (
    "Ctrl+F  search all lessons (Enter opens the first hit, ↓ picks another)\n"
    "Ctrl+1 / Ctrl+2 / Ctrl+3  go to the library, the article, the word list\n"
    "↑ ↓ (or K J)  move between paragraphs\n"
    "→ ←  select the next / previous word of the paragraph\n"
    "L  look up the selected word or phrase\n"
    "1 2 3 4  on a word's card: new, learning, known, ignore; on a flashcard: again, hard, good, easy\n"
    "R  read the paragraph aloud\n"
    "Enter or T  show or hide the paragraph's translation\n"
    "A  add your own translation\n"
    "N  show the paragraph's notes (again for the next one)\n"
    "Esc  close a note, then clear highlights\n"
    "Ctrl+Shift+T / Ctrl+Shift+H  show / hide all translations\n"
    "Ctrl+= / Ctrl+- / Ctrl+0  zoom in, out, actual size\n"
    "F11  focus mode: hide the side panels\n"
    "Ctrl+R  review my words\n"
    "Ctrl+Shift+P  my progress\n"
    "Ctrl+Shift+N  read next: the lessons nearest your share of unknown words\n"
    "Ctrl+Shift+M  mark my words in the text\n"
    "Ctrl+Shift+G  glosses over hard words (View menu: the level)\n"
    "Ctrl+Shift+W  my words: 1–4 set the status, Delete (Ctrl+Z undoes), Enter opens the sentence\n"
    "Ctrl+E  edit mode (Ctrl+Z / Ctrl+Shift+Z undo, redo)\n"
    "Ctrl+Shift+L  the page view: each line of the import and its role (T H P G N S C U set a role, Shift+T the "
    "title's translation, R A B place a translation, J join, Ctrl+Enter split, L split into lines, Shift+G each line "
    "a glossary entry, Alt+↑ Alt+↓ move, Del delete; Ctrl+Shift+S split into lessons, Ctrl+Shift+X swap languages; "
    "the window's keys but F11 work there too)\n"
    "F5  present to a class (Esc leaves)\n"
    "Ctrl+P  export a handout or worksheet (PDF)\n"
    "F2  rename the lesson\n"
    "Ctrl+Del  delete the lesson\n"
    "Ctrl+O  import files\n"
    "F1  this list\n"
    "Ctrl+Q  quit"
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
    "word list found without a heading": "見出しのない単語リスト",
    "language of a line guessed": "行の言語を推定",
    "exercise found without a heading": "見出しのない練習問題",
    "sentence rejoined across a blank line": "空行をはさんだ文をつないだ",
    "letter-spaced text rejoined": "字間の空いた文字をつないだ",
    "repeated paragraph kept once": "繰り返された段落を一つだけ残した",
    "markup or decoration taken out": "タグや飾りを取り除いた",
    "page on one line split into parts": "一行の記事を部分に分けた",
    "a line of several stories split into pairs": "複数の記事が並ぶ行を英文と訳の組に分けた",
    "several posts kept as one lesson": "複数の記事を一つのレッスンのまま",
    "page read as a word list with no article": "記事のない単語リストとして読み込んだ",
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
        "F11 以外のウィンドウのキーも使えます)\n"
        "F5  クラスに提示(Esc で終了)\n"
        "Ctrl+P  配布資料・ワークシートを書き出す(PDF)\n"
        "F2  レッスン名を変更\n"
        "Ctrl+Del  レッスンを削除\n"
        "Ctrl+O  ファイルを読み込む\n"
        "F1  この一覧\n"
        "Ctrl+Q  終了"
    ),
}

# --- studying, teaching, trust: every window feature in one table -------------------------------
JA.update({
    # the Study menu, status bar and context menu
    "&Study": "学習(&S)",
    "&Look up word": "単語を調べる(&L)",
    "Read paragraph &aloud": "段落を読み上げる(&A)",
    "&Review my words": "単語帳を復習(&R)",
    "My &progress": "学習状況(&P)",
    "Mark &known words too": "覚えた単語にも印を付ける(&K)",
    "&Mark my words in the text": "単語帳の単語を本文で色分け(&M)",
    "&Glosses over hard words": "難しい単語に訳を表示(&G)",
    "&Level report…": "レベルレポート(&L)…",
    "Le&velled worksheet…": "レベル別ワークシート(&V)…",
    "Level report": "レベルレポート",
    "Levelled worksheet": "レベル別ワークシート",
    "The class's level (the words above it are listed):": "クラスのレベル(これより上の単語を挙げます):",
    "The class's level (the words above it are blanked):": "クラスのレベル(これより上の単語を空欄にします):",
    "Level profile": "レベル構成",
    "Names": "固有名詞",
    "Readability grade": "読みやすさ(学年)",
    "Words above {level}": "{level} より上の単語",
    "Level": "レベル",
    "Gloss": "訳",
    "No word of the lesson is above this level.": "このレベルより上の単語はありません。",
    "Level report saved to {path}": "レベルレポートを {path} に保存しました",
    "Worksheet: words above {level}": "ワークシート: {level} より上の単語",
    "Word bank": "語群",
    "Glosses: B2 and above": "訳の表示: B2 以上",
    "Glosses: C1 and above": "訳の表示: C1 以上",
    "Glosses: only words unknown to me": "訳の表示: 知らない単語だけ",
    "No dictionary: glosses come from the lesson's word list and my notes only":
        "辞書がありません: 訳はレッスンの単語リストと自分のメモからだけ表示します",
    "Export my words to &Anki…": "単語帳を Anki に書き出す(&A)…",
    "Export my words as &CSV…": "単語帳を CSV で書き出す(&C)…",
    "Import a &dictionary…": "辞書を読み込む(&D)…",
    "Double-click a word to look it up · select a phrase and press L":
        "単語をダブルクリックで辞書を引く · 語句を選択して L キーで調べる",
    "Review: {n} due": "復習: {n} 語",
    "Review: nothing due": "復習: なし",
    "Review my words (Ctrl+R)": "単語帳を復習 (Ctrl+R)",
    "Read the focused paragraph aloud (R)": "選択中の段落を読み上げる (R)",
    "Look up “{word}”": "「{word}」を調べる",
    "Look up word": "単語を調べる",
    "Read aloud": "読み上げる",
    "Select a word or phrase first, or double-click a word.":
        "先に単語や語句を選択するか、単語をダブルクリックしてください。",
    "Saved “{word}” as {status}.": "「{word}」を「{status}」として単語帳に保存しました。",
    "Preparing the dictionary…": "辞書を準備しています…",
    "The offline dictionary is prepared once; lookups work meanwhile.":
        "オフライン辞書の準備は初回のみです。その間も調べられます。",
    "The dictionary is being prepared ({n}%)…": "辞書を準備しています({n}%)…",
    "The offline dictionary is ready.": "オフライン辞書の準備ができました。",
    "The dictionary could not be built: ": "辞書を作成できませんでした: ",
    "Import a dictionary": "辞書の読み込み",
    "Dictionaries (*.csv *.tsv *.txt);;All files (*)": "辞書 (*.csv *.tsv *.txt);;すべてのファイル (*)",
    "Dictionary imported": "辞書を読み込みました",
    "{n} entries imported from {name}.": "{name} から {n} 件を読み込みました。",
    "Export my words to Anki": "単語帳を Anki に書き出す",
    "Export my words as CSV": "単語帳を CSV で書き出す",
    "Anki packages (*.apkg)": "Anki パッケージ (*.apkg)",
    "CSV files (*.csv)": "CSV ファイル (*.csv)",
    "Export failed": "書き出しに失敗しました",
    "Exported {n} words to {path}.": "{n} 語を {path} に書き出しました。",
    "Dictionary": "辞書",
    "Word levels": "語彙レベル",
    # word statuses (the lookup card's buttons and messages)
    "New": "新出",
    "Learning": "学習中",
    "Known": "覚えた",
    "Ignore": "対象外",
    "new": "新出",
    "learning": "学習中",
    "known": "覚えた",
    "ignored": "対象外",
    # the lookup card
    "lemma": "原形",
    "In this lesson": "このレッスン",
    "No dictionary entry.": "辞書に載っていません。",
    "The offline English→Japanese dictionary is not installed. Install it with:":
        "オフラインの英和辞書がインストールされていません。次のコマンドでインストールできます:",
    "Save to my words as “{status}” (key {n})": "「{status}」として単語帳に保存({n} キー)",
    "Remove": "削除",
    "Your note": "自分のメモ",
    "Read the word aloud": "単語を読み上げる",
    "In my words: {status}": "単語帳: {status}",
    "Not saved yet — choose a status to save it.": "単語帳には未登録 — 状態を選ぶと保存されます。",
    # flashcard review
    "Review my words": "単語帳の復習",
    "Show answer (Space)": "答えを見る (Space)",
    "Space: show answer · 1 Again · 2 Hard · 3 Good · 4 Easy · Esc: stop":
        "Space: 答えを見る · 1 もう一度 · 2 難しい · 3 正解 · 4 簡単 · Esc: 終了",
    "Again": "もう一度",
    "Hard": "難しい",
    "Good": "正解",
    "Easy": "簡単",
    "Nothing is due. Well done!": "今日復習する単語はありません。お疲れさまでした!",
    "All done for now: {n} reviewed.": "今回の復習は終わりです({n} 語を復習しました)。",
    "{i} of {n}": "{i} / {n}",
    "(no gloss saved)": "(訳は保存されていません)",
    # progress
    "My progress": "学習状況",
    "Lessons finished": "読み終えたレッスン",
    "Words read": "読んだ語数",
    "Known words": "覚えた単語",
    "Due for review": "復習待ち",
    "Reviews done": "復習した回数",
    "Known words over time": "覚えた単語の推移",
    "Lessons by the share of words you do not know yet": "レッスン別・まだ覚えていない語彙の割合",
    "Mark words as known to see them add up here.": "単語を「覚えた」にすると、ここに積み上がっていきます。",
    "Lesson": "レッスン",
    "Word count": "語数",
    "Unknown": "未習得",
    "Finished": "読了",
    "{u} of the lesson's {d} different words are not in your known words yet":
        "このレッスンの {d} 種類の単語のうち {u} 語は、まだ「覚えた」になっていません",
    # the lesson list
    "{n} words": "{n} 語",
    "Chapter {n} of “{book}”": "『{book}』第 {n} 章",
    # read aloud
    "Reading aloud needs Qt's speech module: {hint}": "読み上げには Qt の音声モジュールが必要です: {hint}",
    "Reading aloud is unavailable: the speech module cannot load ({error})":
        "読み上げは使えません: 音声モジュールを読み込めません({error})",
    "Reading aloud is unavailable: this system has no speech engine":
        "読み上げは使えません: このシステムには音声エンジンがありません",
    "Reading aloud is unavailable: {error}": "読み上げは使えません: {error}",
    "Reading aloud is unavailable: the {engine} engine reports an error":
        "読み上げは使えません: 音声エンジン {engine} がエラーを返しました",
    # the Teach menu, edit mode, presentation, handouts, packs
    "&Teach": "授業(&T)",
    "&Edit mode": "編集モード(&E)",
    "&Undo": "元に戻す(&U)",
    "&Redo": "やり直す(&R)",
    "&Present…": "プレゼンテーション(&P)…",
    "Export &handout…": "配布資料を書き出す(&H)…",
    "Export lesson &pack…": "レッスンパックを書き出す(&P)…",
    "Open lesson pac&k…": "レッスンパックを開く(&K)…",
    "Export lesson pack": "レッスンパックの書き出し",
    "Open lesson pack": "レッスンパックを開く",
    "Edit lesson": "レッスンの編集",
    "Translation": "訳",
    "Questions": "設問",
    "Paragraph": "段落",
    "Notes": "注",
    "Words": "単語",
    "Unplaced": "未配置",
    "Save translation": "訳を保存",
    "◂ Move up": "◂ 上の段落へ",
    "Move down ▸": "下の段落へ ▸",
    "Add question…": "設問を追加…",
    "Remove question": "設問を削除",
    "Select words in the article, then anchor the chosen note to them.":
        "本文で語句を選択してから、選んだ注をその語句に付けます。",
    "Anchor to selection": "選択部分に付ける",
    "Edit…": "編集…",
    "New note on selection…": "選択部分に新しい注…",
    "Add…": "追加…",
    "Up": "上へ",
    "Down": "下へ",
    "Choose a paragraph in the article.": "本文で段落を選んでください。",
    "No lesson open.": "レッスンが開かれていません。",
    "Your translation of paragraph {n} was saved (Undo takes it back).":
        "段落 {n} の訳を保存しました(元に戻すで取り消せます)。",
    "The lesson was changed elsewhere since; Undo cannot take this back.":
        "この課はその後ほかの場所で変更されたため、元に戻せません。",
    "The lesson was changed elsewhere since; Redo cannot make this again.":
        "この課はその後ほかの場所で変更されたため、やり直せません。",
    "Your note was saved.": "メモを保存しました。",
    "Export handout": "配布資料の書き出し",
    "Handout": "配布資料",
    "Worksheet (gap-fill with a word bank)": "ワークシート(語群つき穴埋め)",
    "Answer key": "解答",
    "Answer key (continued)": "解答 (続き)",
    "Translations": "訳",
    "Word list": "単語リスト",
    "Notes, at the end after the word list": "注(最後に、単語リストの後)",
    "PDF files (*.pdf)": "PDF ファイル (*.pdf)",
    "Lesson packs (*.studypack)": "レッスンパック (*.studypack)",
    "Choose a screen": "画面を選択",
    "Paragraph {n} of {count}": "段落 {n} / {count}",
    "Handout saved to {path}": "配布資料を保存しました: {path}",
    "Lesson pack saved to {path}": "レッスンパックを保存しました: {path}",
    "{name} is already in the library; opened it.": "{name} はすでにライブラリにあります。開きました。",
    "&Focus mode (hide the side panels)": "集中モード（左右のパネルを隠す）(&F)",
    "Study Reader stopped unexpectedly last time (started {when}): {what}":
        "前回、Study Reader が予期せず終了しました（{when} に起動）: {what}",
    "Your library was saved as it was at the last change. What happened is in {report}; "
    "the log is {log}. If it happens again, please send both with a note of what you were doing.":
        "ライブラリは最後の変更の時点で保存されています。何が起きたかは {report} に、ログは {log} にあります。"
        "再び起きたら、何をしていたかのメモと一緒に両方を送ってください。",
    "No translation for this paragraph.": "この段落には訳がありません。",
    "No notes for this paragraph.": "この段落には注がありません。",
    "No questions for this lesson.": "このレッスンには問題がありません。",
    "A worksheet prints the lesson with its word-list words blanked and a word bank: "
    "the handout's parts are not part of it.":
        "ワークシートは単語リストの語を空欄にした本文と語群を印刷します。配布資料の項目は含まれません。",
    "← → move   Home start   T translation   N notes   Q quiz   Space next blank   Esc leave":
        "← → 移動   Home 最初へ   T 訳   N 注   Q クイズ   Space 次の空欄   Esc 終了",
    "Present on:": "表示する画面:",
    "Select some words of an English paragraph first.": "先に英文の段落の語句を選択してください。",
    "Note": "注",
    "Label": "見出し",
    "Text": "本文",
    "Source link": "出典リンク",
    "Term": "語",
    "Part of speech": "品詞",
    "Definition": "定義",
    "Question": "設問",
    "Answer": "答え",
    "Word-list entry": "単語リストの項目",
    # undoable edits (shown after Undo / Redo in the Teach menu)
    "Edit translation": "訳の編集",
    "Remove translation": "訳の削除",
    "Move translation": "訳の移動",
    "Add question": "設問の追加",
    "Edit note": "注の編集",
    "Remove note": "注の削除",
    "New note": "注の追加",
    "Anchor note": "注の付け直し",
    "Add word": "単語の追加",
    "Edit word": "単語の編集",
    "Remove word": "単語の削除",
    "Move word": "単語の移動",
    # errors, the library and its backups
    "Something went wrong: {message}": "問題が発生しました: {message}",
    "Your library and your work are saved; you can go on. If it happens again, "
    "please send the log file {path} with a note of what you were doing.":
        "ライブラリと作業内容は保存されているので、このまま続けられます。"
        "再び起きる場合は、ログファイル {path} を、何をしていたかのメモと一緒に送ってください。",
    "No lesson with id {id}.": "ID {id} のレッスンはありません。",
    "The library cannot be opened: {error}": "ライブラリを開けません: {error}",
    "Restore the newest backup with: {command}": "次のコマンドで最新のバックアップから復元できます: {command}",
    "No backup of it was found; restore a copy of your own with: {command}":
        "バックアップが見つかりません。手元のコピーから次のコマンドで復元してください: {command}",
    "The command line can still read it: study-reader list --library FILE":
        "コマンドラインでは読めます: study-reader list --library FILE",
})


# The page view: the imported page's lines, their roles, and fixing the English.
JA.update({
    "&Page view…": "ページ表示(&P)…",
    "Page view…": "ページ表示…",
    "Page view": "ページ表示",
    "Caption": "キャプション",
    "Heading": "見出し",
    "Glossary entry": "単語リストの項目",
    "Exercise": "練習問題",
    "Site text": "サイトの文字",
    "Line": "行",
    "Role": "役割",
    "Translation of ¶{n}": "¶{n} の訳",
    "Translation of a heading": "見出しの訳",
    "Paragraph ¶{n}": "段落 ¶{n}",
    "Title's translation": "タイトルの訳",
    "This change cannot be made: {error}": "この変更はできません: {error}",
    "Note {n}": "注 {n}",
    "The importer was unsure of this line ({sure} sure).":
        "読み込み時にこの行の役割は確かではありませんでした(確信度 {sure})。",
    "Make this the &title": "これをタイトルにする(&T)",
    "Make &heading": "見出しにする(&H)",
    "Make &paragraph": "段落にする(&P)",
    "Make &glossary entry": "単語リストの項目にする(&G)",
    "Make &note": "注にする(&N)",
    "Make &site text": "サイトの文字にする(&S)",
    "Make &caption": "キャプションにする(&C)",
    "Make &unplaced": "未配置にする(&U)",
    "This translates the t&itle": "タイトルの訳にする(&I)",
    "Split into lines": "行ごとに分ける",
    "Make each line a glossary entry": "行ごとに単語リストの項目にする",
    "Make glossary entries": "単語リストの項目にする",
    "(not anchored)": "(本文に結び付いていません)",
    "from the dictionary": "辞書より",
    "{change}: done (Ctrl+Z takes it back).": "{change}: 完了しました(Ctrl+Z で元に戻せます)。",
    "This &translates paragraph…": "この行が訳す段落を選ぶ(&T)…",
    "Translates the paragraph &above": "上の段落の訳にする(&A)",
    "Translates the paragraph &below": "下の段落の訳にする(&B)",
    "&Join with the next line": "次の行とつなげる(&J)",
    "Sp&lit here (at the cursor in the text)": "ここで分ける(テキストのカーソル位置で)(&L)",
    "Split into lessons here": "ここで別のレッスンに分ける",
    "Split into lessons &here": "ここで別のレッスンに分ける(&H)",
    "S&wap languages": "言語を入れ替える(&W)",
    "Swap languages": "言語を入れ替える",
    "Translation of which paragraph?": "どの段落の訳ですか?",
    "Every line of the imported page with its role. Select lines, then press a key "
    "or right-click to change their role; fix a line's English in the box below.":
        "読み込んだページのすべての行と、その役割です。行を選んでキーを押すか右クリックすると役割を変えられます。"
        "行の英文は下の欄で直せます。",
    "Save text": "テキストを保存",
    "Split at the cursor": "カーソル位置で分ける",
    "Close": "閉じる",
    "&Delete the line": "行を削除(&D)",
    "Fix the English…": "英文を直す…",
    "Fix the English": "英文を直す",
    "Delete paragraph": "段落を削除",
    "Join with the next paragraph": "次の段落とつなげる",
    "Split the paragraph here": "ここで段落を分ける",
    "Move paragraph up": "段落を上へ移す",
    "Move paragraph down": "段落を下へ移す",
    "Change role": "役割を変更",
    "Join lines": "行をつなげる",
    "Split line": "行を分ける",
    "Edit English": "英文を編集",
    "Move paragraph": "段落を移動",
    "Split into lessons": "レッスンを分ける",
})


def install_qt_translation(lang: str) -> None:
    """Qt's own words (OK, Cancel, Yes, No, the file dialog) in the interface language."""
    app = QCoreApplication.instance()
    if app is None:
        return
    global _qt_translator
    if _qt_translator is not None:
        QCoreApplication.removeTranslator(_qt_translator)
        _qt_translator = None
    if lang != "ja":
        return
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translator = QTranslator(app)
    if translator.load("qtbase_ja", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(translator)
        _qt_translator = translator


_qt_translator: QTranslator | None = None


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
        """The interface language the system locale asks for.

        The POSIX variables first, in gettext's order (asking QLocale costs ~15 ms of start-up
        for its tables of languages and countries); QLocale where none is set (Windows, macOS)."""
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(name, "").split(":")[0].strip()
            if value:
                return "ja" if value.lower().startswith("ja") else "en"
        from PySide6.QtCore import QLocale

        return "ja" if QLocale.system().name().lower().startswith("ja") else "en"


# --- learner profiles (reader/profiles_ui.py) ----------------------------------------------------
JA.update({
    "&Learner": "学習者(&E)",
    "&New learner…": "学習者を追加(&N)…",
    "Learner: {name}": "学習者: {name}",
    "Words, reviews and progress are {name}’s (switch in the Learner menu)":
        "単語帳・復習・学習状況は {name} さんのものです(「学習者」メニューで切り替え)",
    "New learner": "学習者の追加",
    "Name:": "名前:",
    "There is already a learner called “{name}”.": "「{name}」という学習者はすでにいます。",
    "&Rename “{name}”…": "「{name}」の名前を変更(&R)…",
    "Re&move “{name}”…": "「{name}」を削除(&M)…",
    "Rename learner": "学習者の名前の変更",
    "Remove learner": "学習者の削除",
    "“{name}” is the only learner.": "「{name}」は唯一の学習者です。",
    "Remove “{name}” with their {words} saved words and {reviews} reviews? This cannot be undone.":
        "「{name}」と、その単語帳の{words}語・復習{reviews}回の記録を削除しますか？元に戻せません。",
})


# --- the My words page (reader/study/my_words.py) -------------------------------------------------
JA.update({
    "My &words": "単語帳(&W)",
    "My words": "単語帳",
    "Word": "単語",
    "Status": "状態",
    "Meaning": "意味",
    "My note": "メモ",
    "Sentence": "例文",
    "Saved": "保存日",
    "Review due": "次の復習",
    "now": "今",
    "All statuses": "すべての状態",
    "All lessons": "すべてのレッスン",
    "All levels": "すべてのレベル",
    "{level} and above": "{level} 以上",
    "No level (names, phrases)": "レベルなし (固有名詞・句)",
    "Show the words of one CEFR level, or of a level and above":
        "CEFR レベルで絞り込む (1つのレベル、またはそのレベル以上)",
    "CEFR level {level}": "CEFR レベル {level}",
    "No level: a name, a phrase, or a word the level lists lack": "レベルなし: 固有名詞・句、またはレベル表にない語",
    "Filter words, meanings, notes, sentences…": "単語・意味・メモ・例文で絞り込む…",
    "{shown} of {n} words": "{shown} / {n} 語",
    "Back to reading": "本文に戻る",
    "Back to the lesson (Esc)": "レッスンに戻る (Esc)",
    "Undo": "元に戻す",
    "Put the deleted words back (Ctrl+Z)": "削除した単語を元に戻す (Ctrl+Z)",
    "Delete": "削除",
    "Delete words": "単語の削除",
    "A name: not levelled": "固有名詞(レベルなし)",
    "Deleted {n} words.": "{n} 語を削除しました。",
    "Deleted “{word}”.": "「{word}」を削除しました。",
    "{n} words put back.": "{n} 語を元に戻しました。",
    "Nothing to undo.": "元に戻す操作はありません。",
    "{n} words set to {status}.": "{n} 語を「{status}」にしました。",
    "Set status": "状態を変更",
    "Open the lesson at this sentence": "この例文の箇所でレッスンを開く",
    "Enter: open the lesson at this sentence": "Enter: この例文の箇所でレッスンを開く",
    "“{word}” was not saved from a lesson.": "「{word}」はレッスンから保存した単語ではありません。",
    "No saved words yet. Double-click a word in a lesson and save it from its card.":
        "保存した単語はまだありません。レッスンの単語をダブルクリックし、表示されるカードから保存してください。",
    "No words match the filter.": "絞り込みに合う単語はありません。",
})


# --- window messages added since (lesson packs, deletions, wording) ------------------------------
JA.update({
    "Imported {n} lessons from {name}.": "{name} から {n} 件のレッスンを取り込みました。",
    "No lesson open — choose one in the library, or import a page (Ctrl+O).":
        "開いているレッスンはありません。ライブラリから選ぶか、ページを取り込んでください (Ctrl+O)。",
    "Deleted “{title}”.": "「{title}」を削除しました。",
    "Placed as the translation of paragraph {n}.": "第 {n} 段落の訳として配置しました。",
    "One word put back.": "1 語を元に戻しました。",
    "One word set to {status}.": "1 語を「{status}」にしました。",
    "Worksheet saved to {path}": "ワークシートを保存しました: {path}",
    "Answer key saved to {path}": "解答を保存しました: {path}",
    "Imported one lesson from {name}.": "{name} からレッスンを 1 件取り込みました。",
    "Imported {n} of {total} lessons from {name}; the others were already in the library.":
        "{name} の {total} 件のうち {n} 件を取り込みました。残りはすでにライブラリにありました。",
})


# --- levels: marking known words at once, Read next, the lesson's difficulty --------------------
JA.update({
    "Mark &known words…": "覚えた単語をまとめて登録(&K)…",
    "Read &next…": "次に読むレッスン(&N)…",
    "Mark known words": "覚えた単語をまとめて登録",
    "Mark the words you know already, so lessons show how hard they are for you.":
        "すでに知っている単語を登録すると、各レッスンがあなたにとってどのくらい難しいかが表示されます。",
    "Every word of the CEFR levels A1 up to": "CEFR レベル A1 から次のレベルまでのすべての単語:",
    "The most common English words:": "使用頻度の高い英単語(上位):",
    "The words of an Anki deck (.apkg)…": "Anki デッキ (.apkg) の単語…",
    "A word list (one a line, or CSV)…": "単語リスト (1 行に 1 語、または CSV)…",
    "Mark known": "覚えた単語にする",
    "Finding the words…": "単語を調べています…",
    "Close": "閉じる",
    "CEFR A1–{level}": "CEFR A1–{level}",
    "the {n} most common words": "使用頻度上位 {n} 語",
    "Anki decks (*.apkg)": "Anki デッキ (*.apkg)",
    "Word lists (*.txt *.csv *.tsv)": "単語リスト (*.txt *.csv *.tsv)",
    "{n} words marked known from {source}.": "{source} から {n} 語を「覚えた」にしました。",
    "{n} words saved before kept their status.": "以前に保存した {n} 語はそのままの状態です。",
    "{n} words are no longer marked known.": "{n} 語の「覚えた」登録を取り消しました。",
    "0 words marked ({why}).": "新たに登録した単語はありません ({why})。",
    "all already known": "すべて登録済みです",
    "all saved before": "すべて以前に保存済みです",
    "{n} lines skipped: {why}": "{n} 行を読み飛ばしました: {why}",
    "{n} line skipped: {why}": "{n} 行を読み飛ばしました: {why}",
    "{n} notes skipped: {why}": "{n} 件のノートを読み飛ばしました: {why}",
    "{n} note skipped: {why}": "{n} 件のノートを読み飛ばしました: {why}",
    "not words": "単語ではありません",
    "longer than 3 words": "4 語以上の句です",
    "Read next": "次に読むレッスン",
    "Aim for lessons with this share of words you do not know:": "知らない単語の割合がこの範囲のレッスンを優先:",
    "No unfinished lesson to suggest.": "おすすめできる未読のレッスンはありません。",
    "Level {level} · {band}": "レベル {level} · {band}",
    "unlisted": "未掲載",
    "top 1,000 words": "頻出上位1,000語",
    "top 2,000 words": "頻出上位2,000語",
    "top 5,000 words": "頻出上位5,000語",
    "top 10,000 words": "頻出上位10,000語",
    "rarer than the top 10,000": "頻出上位10,000語より下",
    "Mark the words you know first (Study → Mark known words…).":
        "まず知っている単語を登録してください（学習 → 覚えた単語をまとめて登録…）。",
    "{share} unknown": "未習得 {share}",
    "{n} running words": "延べ {n} 語",
    "Word frequencies": "単語の頻度",
    "Difficulty": "難易度",
    "Level profile": "レベル構成",
    "not in the list": "リスト外",
    "Readability: grade {grade} (Flesch–Kincaid)": "読みやすさ: グレード {grade} (Flesch–Kincaid)",
    "Unknown to you: {share} ({n} of {total} words)": "未習得: {share} ({total} 語中 {n} 語)",
    "Level {level}: 95% of its words are at {level} or easier": "レベル {level}: 語の 95% が {level} 以下",
})

from reader.ui.i18n_reimport import JA_REIMPORT  # noqa: E402  (kept apart: this file is long enough)

JA.update(JA_REIMPORT)

from reader.ui.i18n_window import JA_WINDOW  # noqa: E402

JA.update(JA_WINDOW)

from reader.ui.i18n_page_view import JA_PAGE_VIEW  # noqa: E402

JA.update(JA_PAGE_VIEW)
