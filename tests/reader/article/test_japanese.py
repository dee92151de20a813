"""The Japanese interface everywhere: switch the window to Japanese at run time, then walk every
menu and open each main dialog, asserting no English is left but proper names and keys."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
)
from pytestqt.qtbot import QtBot

from library.study import dictionary as dictionary_module
from reader.mainwindow import MainWindow
from reader.ui import i18n
from tests.reader.conftest import index_of, point_of
from tests.study_data import install_tiny_dictionary

# Words that stay in English in the Japanese interface: names, keys, file types.
ALLOWED = {
    "study",
    "reader",
    "anki",
    "csv",
    "pdf",
    "ctrl",
    "shift",
    "space",
    "esc",
    "english",
    "apkg",
    "tsv",
    "txt",
    "studypack",
    "html",
    "htm",
    "xhtml",
    "epub",
    "md",
    "json",
    "del",
    "pip",
    "ja",
    "en",
    "ok",
}
WORD = re.compile(r"[A-Za-z]{2,}")


def english_in(text: str) -> list[str]:
    """English words in an interface text (names, keys and file types excepted)."""
    text = re.sub(r"\(&\w\)|&", "", text)
    return [w for w in WORD.findall(text) if w.lower() not in ALLOWED]


def assert_japanese(texts: list[str], where: str) -> None:
    left = {t: english_in(t) for t in texts if english_in(t)}
    assert not left, f"English left in {where}: {left}"


def walk(menu: QMenu) -> Iterator[str]:
    """A menu's title and every action's text, submenus included."""
    yield menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from walk(action.menu())  # type: ignore[arg-type]
        elif not action.isSeparator() and action.text():
            yield action.text()


@pytest.fixture
def ja_window(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The window switched to Japanese while it runs (as from the View menu)."""
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)
    install_tiny_dictionary()
    window.menus.langs["ja"].trigger()
    assert window.tr_.lang == "ja"
    yield window
    i18n.install_qt_translation("en")  # Qt's own translation is application-wide: take it away again


def widget_texts(widget: QDialog | QLabel) -> list[str]:
    """Every label, button, checkbox and the title of a dialog."""
    texts = [widget.windowTitle()]
    for child in widget.findChildren(QLabel):
        if child.isVisibleTo(widget) and child.textFormat() != Qt.TextFormat.RichText:
            texts.append(child.text())
    for child in widget.findChildren(QAbstractButton):
        if child.isVisibleTo(widget):
            texts.append(child.text())
    return [t for t in texts if t]


def test_every_menu_and_action_is_japanese(ja_window: MainWindow) -> None:
    bar = ja_window.menuBar()
    menus = [a.menu() for a in bar.actions() if a.menu() is not None]
    titles = [m.title() for m in menus]  # type: ignore[union-attr]
    assert "学習(&S)" in titles and "授業(&T)" in titles and "ファイル(&F)" in titles
    texts = [t for m in menus for t in walk(m)]  # type: ignore[arg-type]
    profiles = getattr(ja_window.library, "profiles", None)  # learners' names are theirs, not the interface's
    names = {p.name for p in profiles.list()} if profiles is not None else set()
    for name in names:  # also where a menu item names the learner ("Rename “Default”…")
        texts = [t.replace(name, "") for t in texts]
    texts = [t for t in texts if t.strip()]
    assert "単語帳を復習(&R)" in texts and "配布資料を書き出す(&H)…" in texts
    assert_japanese(texts, "the menus")
    tips = [a.toolTip() for a in ja_window.actions() if a.toolTip() and a.toolTip() != a.text().replace("&", "")]
    assert_japanese(tips, "the tooltips")
    assert_japanese([ja_window.study.hint.text(), ja_window.study.due_button.text()], "the status bar")
    menu = ja_window.study.context_menu(point_of(ja_window.article, "privacy"))
    assert "「privacy」を調べる" in [a.text() for a in menu.actions()]
    assert_japanese([a.text() for a in menu.actions() if a.text() and "privacy" not in a.text()], "the context menu")
    menu.deleteLater()


def test_back_to_english_at_run_time(ja_window: MainWindow) -> None:
    ja_window.set_language("en")
    assert ja_window.study.study_menu.title() == "&Study"
    assert ja_window.teaching.menu.title() == "&Teach"
    assert ja_window.teaching.actions["present"].text() == "&Present…"
    assert ja_window.teaching.panel.buttons["save_translation"].text() == "Save translation"
    ja_window.set_language("ja")
    assert ja_window.teaching.panel.buttons["save_translation"].text() == "訳を保存"


def test_lookup_card_is_japanese(ja_window: MainWindow) -> None:
    study = ja_window.study
    assert ja_window.lesson is not None
    index = index_of(ja_window, "Sweden has promised")
    text = ja_window.lesson.blocks[index].text
    start = text.index("reserve")
    study.open_card(("reserve", index, start, start + len("reserve")), None)
    card = study.card
    assert card.isVisible()
    assert [b.text() for b in card.buttons.values()] == ["新出 1", "学習中 2", "覚えた 3", "対象外 4"]
    assert card.note.placeholderText() == "自分のメモ"
    assert "このレッスン" in card.text()
    assert_japanese([card.status.text(), *(b.toolTip() for b in card.buttons.values())], "the lookup card")
    assert card.speak.toolTip().startswith(("単語を読み上げる", "読み上げ"))  # the system's reason may follow
    card.buttons["learning"].click()
    assert card.status.text() == "単語帳: 学習中"
    assert ja_window.statusBar().currentMessage() == "「reserve」を「学習中」として単語帳に保存しました。"
    card.hide()


def test_review_and_progress_are_japanese(qtbot: QtBot, ja_window: MainWindow) -> None:
    ja_window.library.study.words.save("autonomy", "new", gloss="自律", sentence="Autonomy matters.")
    ja_window.study.update_due()
    assert ja_window.study.due_button.text() == "復習: 1 語"
    dialog = ja_window.study.open_review()
    assert dialog.windowTitle() == "単語帳の復習"
    assert_japanese(widget_texts(dialog), "the review")
    dialog.flip()
    grades = [b.text() for b in dialog.grade_buttons.values()]
    assert [g.split(" ")[1] for g in grades] == ["もう一度", "難しい", "正解", "簡単"]
    dialog.grade(3)
    assert "復習しました" in dialog.front.text()
    dialog.close()

    progress = ja_window.study.open_progress()
    assert progress.windowTitle() == "学習状況"
    assert "覚えた単語" in progress.figures
    headers = [progress.model.headerData(c, Qt.Orientation.Horizontal) for c in range(progress.model.columnCount())]
    assert headers == ["レッスン", "語数", "未習得", "読了"]
    assert_japanese(widget_texts(progress), "the progress view")
    progress.close()


def test_handout_options_and_edit_mode_are_japanese(qtbot: QtBot, ja_window: MainWindow) -> None:
    seen: list[list[str]] = []

    def look_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        boxes = dialog.findChildren(QCheckBox) + dialog.findChildren(QRadioButton)
        seen.append([dialog.windowTitle(), *(b.text() for b in boxes), *widget_texts(dialog)])
        dialog.reject()

    QTimer.singleShot(0, look_and_cancel)
    assert ja_window.teaching.export_handout() is None
    assert seen and seen[0][0] == "配布資料の書き出し"
    assert "ワークシート(語群つき穴埋め)" in seen[0]
    assert_japanese(seen[0], "the handout options")

    ja_window.teaching.set_edit_mode(True)
    panel = ja_window.teaching.panel
    texts = [panel.windowTitle(), *(panel.tabs.tabText(i) for i in range(panel.tabs.count()))]
    texts += [b.text() for b in panel.findChildren(QPushButton)]
    texts += [label.text() for label in panel.findChildren(QLabel) if label is not panel.para_label]
    assert_japanese(texts, "edit mode")
    panel.translation_edit.setPlainText("先生の訳")
    ja_window.article.set_focus_index(index_of(ja_window, "Sweden has promised"))
    ja_window.teaching._on_article_focus()
    panel.translation_edit.setPlainText("先生の訳")
    panel.buttons["save_translation"].click()
    assert ja_window.teaching.actions["undo"].text() == "元に戻す(&U) 訳の編集"


def test_import_review_and_trust_dialogs_are_japanese(ja_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    assert ja_window.lesson is not None and ja_window.lesson.id is not None
    ja_window.review_import(ja_window.lesson.id)
    dialog = ja_window.import_review
    assert dialog.windowTitle() == "読み込み結果の確認"
    texts = [*widget_texts(dialog), dialog.box.title()]
    texts = [t for t in texts if t != dialog.title.text()]  # the lesson's own title
    assert "完了" in texts
    assert_japanese(texts, "the import review")
    dialog.close()

    from reader.window import dialogs
    from reader.window.trust import ErrorReporter

    shown: list[tuple[str, ...]] = []
    monkeypatch.setattr(dialogs, "failure", lambda _p, *texts: shown.append(texts))
    reporter = ErrorReporter(lambda: ja_window, tr=ja_window.tr_)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        reporter(ValueError, exc, exc.__traceback__)
    _title, text, what_to_do, _details = shown[0]
    assert text == "問題が発生しました: boom"
    assert what_to_do.startswith("ライブラリと作業内容は保存されている")


def test_the_import_reviews_guesses_are_japanese(ja_window: MainWindow) -> None:
    """Each guess is listed by its kind in the window's language (a letter-spaced page's too)."""
    page = (
        "T h e  F e r r y  R e t u r n s\n\n"
        "T h e  o l d  f e r r y  r u n s  a g a i n  t o d a y .\n古いフェリーが今日また走る。\n"
    )
    result = ja_window.library.lessons.import_bytes(page.encode(), "spaced.txt")
    ja_window.review_import(result.lesson_id)
    dialog = ja_window.import_review
    assert dialog is not None
    guesses = [dialog.warnings.item(k).text() for k in range(dialog.warnings.count())]
    assert guesses and all(g.startswith("字間の空いた文字をつないだ（確信度") for g in guesses)
    dialog.close()


def test_qt_standard_buttons_follow_the_language(ja_window: MainWindow) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "キャンセル"
    box.deleteLater()


def test_every_translated_string_has_an_entry() -> None:
    """Each literal the window passes to its translator is in the table (English is kept as the key)."""
    import ast
    from pathlib import Path

    missing = []
    for path in sorted(Path(i18n.__file__).parents[2].rglob("*.py")):  # the whole of reader/
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            arg = node.args[0]
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if name in ("tr", "tr_", "_tr") and literal and arg.value not in i18n.JA:  # type: ignore[attr-defined]
                missing.append((path.name, arg.value))  # type: ignore[attr-defined]
    assert not missing


def test_teaching_keeps_no_table_of_its_own() -> None:
    """No module of the teaching part, its dialogs among them, holds Japanese of its own: i18n is the one table."""
    import importlib
    import pkgutil

    import reader.teaching

    kana = re.compile("[\u3040-\u30ff]")
    names = [info.name for info in pkgutil.iter_modules(reader.teaching.__path__)]
    assert "dialogs" in names and "part" in names
    tables = []
    for name in names:
        module = importlib.import_module(f"reader.teaching.{name}")
        for attr, value in vars(module).items():
            if isinstance(value, dict) and value is not i18n.JA and any(kana.search(str(v)) for v in value.values()):
                tables.append(f"{name}.{attr}")
    assert tables == []
