"""Japanese for re-importing a lesson from its file, the page view's messages and its keys."""

from __future__ import annotations

JA_REIMPORT: dict[str, str] = {
    "Re-import from &source…": "元のファイルから再読み込み(&S)…",
    "The source of “{title}”": "「{title}」の元のファイル",
    "Pages (*.txt *.html *.htm *.xhtml *.md);;All files (*)":
        "ページ (*.txt *.html *.htm *.xhtml *.md);;すべてのファイル (*)",
    "Re-import “{title}” from {name}? Your changes to its lines are kept where their lines are still on the "
    "page. This cannot be undone.":
        "「{title}」を {name} から読み込み直しますか？ 行への変更は、その行がまだページにあれば保たれます。"
        "この操作は元に戻せません。",
    "Re-import from source": "元のファイルから再読み込み",
    "Re-importing “{title}” from this file would lose your own work, as it finds no text for it:":
        "「{title}」をこのファイルから読み込み直すと、次のあなた自身の作業が失われます（その文がもうありません）:",
    "…and {n} more": "…ほか {n} 件",
    "This cannot be undone. Re-import anyway?": "この操作は元に戻せません。それでも読み込み直しますか？",
    "Re-import failed": "再読み込みに失敗しました",
    "{name}: {kept}, {missed} not kept.": "{name}: {kept}、{missed} 件は保てませんでした。",
    "1 change kept": "1 件の変更を保ちました",
    "{n} changes kept": "{n} 件の変更を保ちました",
    "Not kept: {op} of line {n} “{text}” ({why})": "保てなかった変更: {n} 行目「{text}」の {op}（{why}）",
    "Not kept: {what}": "保てなかったもの: {what}",
    # Why a change was not kept, as the library says it.
    "the line is no longer on the page": "その行はもうページにありません",
    "the line after it changed": "次の行が変わりました",
    "no heading or paragraph follows it now": "後ろに見出しも段落もなくなりました",
    "the paragraph it translates is no longer on the page": "訳していた段落がもうページにありません",
    "the line is shorter than the place it was split at": "分けた位置より行が短くなりました",
    "no heading or paragraph is beside it that way now": "その向きに見出しも段落もなくなりました",
    "the page reads the right way round now": "ページの言語が正しい向きになりました",
    "it no longer fits the lines": "今の行に合わなくなりました",
    "The file has changed": "ファイルが変更されています",
    "{name} is the source of “{title}” and has changed since it was imported.":
        "{name} は「{title}」の元のファイルで、読み込んだ後に変更されています。",
    "Update the lesson (your fixes are kept)": "レッスンを更新（修正は保たれます）",
    "Update the lesson anyway": "それでもレッスンを更新",
    "{name} is the source of “{title}”, but it now has almost nothing in common with it (it holds "
    "{share} % of the lesson's words): it may be another page. Updating the lesson from it replaces "
    "the whole lesson, and its {n} fixes would be lost.":
        "{name} は「{title}」の元ファイルですが、今はほとんど共通点がありません(レッスンの単語の {share} % しか"
        "含みません)。別のページかもしれません。このファイルで更新するとレッスン全体が置き換わり、"
        "{n} 件の修正が失われます。",
    "Import as a new lesson": "新しいレッスンとして読み込む",
    "Text": "本文",
    "The paragraph in focus: its English, translation and questions": "選んだ段落: 英文・訳・設問",
    "The lesson's notes": "レッスンの注",
    "The lesson's word list": "レッスンの単語リスト",
    "What the importer could not place": "読み込み時に置き場所が決まらなかったもの",
    "Undone: {step}": "元に戻しました: {step}",
    "Redone: {step}": "やり直しました: {step}",
    "Choose a line to split first.": "先に分ける行を選んでください。",
    "Put the cursor in the box below where the line is to be split, then split (Ctrl+Enter).":
        "下の欄で分けたい位置にカーソルを置いてから分けてください（Ctrl+Enter）。",
    "{name} is the source of another lesson already (“{title}”): choose this lesson's own file.":
        "{name} はすでに別のレッスン(「{title}」)の元のファイルです。このレッスンのファイルを選んでください。",
    "{name} has almost nothing in common with “{title}” (it holds {share} % of the lesson's words): it may be "
    "another page. Re-importing from it replaces the whole lesson, and its {n} fixes would be lost. "
    "Re-import from it anyway?":
        "{name} は「{title}」とほとんど共通点がありません(レッスンの単語の {share} % しか含みません)。"
        "別のページかもしれません。読み込み直すとレッスン全体が置き換わり、{n} 件の修正が失われます。"
        "それでも読み込み直しますか？",
}
