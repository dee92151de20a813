"""Learners in the window: switch learner and see that learner's word marks, due count, reading
progress and position; the Learner menu, the status bar, `--profile NAME` and the remembered learner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from library import Library
from library.study import dictionary as dictionary_module
from reader.app import open_window, parse_args
from reader.mainwindow import MainWindow
from tests.reader.conftest import DialogLog, point_of
from tests.study_data import install_tiny_dictionary


@pytest.fixture(autouse=True)
def tiny_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    """The learner's own small dictionary, whether or not JMdict is installed."""
    monkeypatch.setattr(dictionary_module, "jmdict_source_path", lambda: None)
    install_tiny_dictionary()


def save_word(qtbot: QtBot, window: MainWindow, word: str, key: Qt.Key) -> None:
    """Double-click the word in the article and press the status key on its lookup card."""
    qtbot.mouseDClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window.article, word))
    card = window.study.card
    assert card.isVisible()
    qtbot.keyClick(card, key)
    qtbot.keyClick(card, Qt.Key.Key_Escape)


def marks_of(window: MainWindow, word: str) -> set[str]:
    """The statuses the article's marks show for a word."""
    return {status for text, status in window.study.marks.marked_words() if text.lower() == word}


def read_column(window: MainWindow) -> str:
    """What the library panel's progress column shows for the open lesson."""
    model = window.panel.lessons_model
    assert window.lesson is not None and window.lesson.id is not None
    return str(model.index(model.row_of(window.lesson.id), 2).data())


def learner_menu(window: MainWindow) -> list[tuple[str, bool]]:
    return [(a.text(), a.isChecked()) for a in window.learners.menu.actions() if a.isCheckable()]


def test_switch_learner_and_see_their_word_statuses(
    qtbot: QtBot, window: MainWindow, dialog_log: DialogLog, settings: QSettings
) -> None:
    learners, study = window.learners, window.study
    assert learners.label.text() == "Learner: Default"
    assert learner_menu(window) == [("Default", True)]
    assert window.menuBar().actions()[-2].text() == "&Learner"  # before Help

    # A: a new learner from the menu, who saves "privacy" as learning and reads to the end.
    dialog_log.text = "Aiko"
    learners.new_action.trigger()
    assert dialog_log.names()[-1] == "ask_text"
    assert learner_menu(window) == [("Default", False), ("Aiko", True)]
    assert learners.label.text() == "Learner: Aiko"
    assert settings.value("learner/profile") == "Aiko"
    save_word(qtbot, window, "privacy", Qt.Key.Key_2)  # 2 = learning
    assert marks_of(window, "privacy") == {"learning"}
    assert study.due_button.text() == "Review: 1 due"
    bar = window.article.verticalScrollBar()
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_Home)
    while bar.value() < bar.maximum():  # read from the top to the end, a page at a time
        qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    window.article.report_position()
    assert read_column(window) == "✓"
    aiko_top = window.article.first_visible_index()
    assert aiko_top > 0

    # B: the default learner has not saved the word, has nothing due and has not read the lesson.
    learners.learner_actions[1].trigger()
    assert learners.label.text() == "Learner: Default"
    assert learner_menu(window) == [("Default", True), ("Aiko", False)]
    assert marks_of(window, "privacy") == set()
    assert study.due_button.text() == "Review: nothing due"
    shown = read_column(window)  # the first screen, which B now has open, is all B has read
    assert shown.endswith("%") and int(shown[:-1]) < 50
    assert window.article.first_visible_index() < aiko_top
    QAbstractItemModelTester(window.panel.lessons_model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    # B saves the same word as known: their mark, not A's (known words are marked when asked for).
    window.study.actions["mark_known"].trigger()  # View → Mark known words too
    save_word(qtbot, window, "privacy", Qt.Key.Key_3)  # 3 = known
    assert marks_of(window, "privacy") == {"known"}
    assert study.due_button.text() == "Review: nothing due"  # known words are not drilled

    # Back to A: A's status, due word, progress and place in the lesson.
    aiko = next(pid for pid, a in learners.learner_actions.items() if a.text() == "Aiko")
    learners.learner_actions[aiko].trigger()
    assert learners.label.text() == "Learner: Aiko"
    assert marks_of(window, "privacy") == {"learning"}
    assert study.due_button.text() == "Review: 1 due"
    assert read_column(window) == "✓"
    assert window.article.first_visible_index() == aiko_top
    assert settings.value("learner/profile") == "Aiko"
    word = window.library.study.words.get("privacy")
    assert word is not None and word.status == "learning"


def test_a_learner_name_that_is_taken_is_refused(window: MainWindow, dialog_log: DialogLog) -> None:
    dialog_log.text = " default "
    window.learners.new_action.trigger()
    assert dialog_log.names()[-1] == "error"
    assert "already a learner called “Default”" in dialog_log.calls[-1][1][2]  # the name as it is
    assert learner_menu(window) == [("Default", True)]
    dialog_log.text = None  # cancelled
    window.learners.new_action.trigger()
    assert learner_menu(window) == [("Default", True)]


def test_the_window_opens_as_the_learner_named_or_remembered(
    qtbot: QtBot,
    library: Library,
    settings: QSettings,
    reference_id: int,
    monkeypatch: pytest.MonkeyPatch,
    dialog_log: DialogLog,
) -> None:
    library.profiles.switch("Ben", create=True)
    library.study.words.save("privacy", "learning")
    library.lessons.set_position(reference_id, index_of_paragraph(library, reference_id), 0.5)
    library.profiles.switch(1)

    def opened(*args: str) -> MainWindow:
        window = open_window(parse_args(list(args)), library, settings, interactive=False)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        return window

    window = opened("--profile", "Ben")
    assert window.learners.label.text() == "Learner: Ben"
    assert window.current_id() == reference_id  # Ben's last lesson
    assert marks_of(window, "privacy") == {"learning"}
    assert read_column(window) == "50%"
    window.close()

    window = opened()  # remembered from last time
    assert window.learners.label.text() == "Learner: Ben"
    window.close()

    monkeypatch.setenv("STUDY_READER_PROFILE", "Chika")  # a new name adds the learner
    window = opened()
    assert window.learners.label.text() == "Learner: Chika"
    assert learner_menu(window) == [("Default", False), ("Ben", False), ("Chika", True)]
    assert marks_of(window, "privacy") == set()
    window.close()


def test_the_learner_menu_in_japanese(window: MainWindow) -> None:
    window.set_language("ja")
    assert window.learners.menu.title() == "学習者(&E)"
    assert window.learners.new_action.text() == "学習者を追加(&N)…"
    assert window.learners.label.text() == "学習者: Default"
    assert window.learners.rename_action.text() == "「Default」の名前を変更(&R)…"
    window.set_language("en")


def index_of_paragraph(library: Library, lesson_id: int) -> int:
    """The block index of the paragraph beginning "However, many of the longest routes" (past the first screen)."""
    blocks = library.lessons.get(lesson_id).blocks
    return next(i for i, b in enumerate(blocks) if b.text.startswith("However, many of the longest routes"))


def test_rename_and_remove_a_learner_from_the_menu(window: MainWindow, dialog_log: DialogLog) -> None:
    learners = window.learners
    assert not learners.remove_action.isEnabled()  # the only learner cannot be removed
    dialog_log.text = "Mika"
    learners.new_action.trigger()
    assert learner_menu(window) == [("Default", False), ("Mika", True)]
    window.library.study.words.save("privacy", "learning")  # Mika's word
    dialog_log.text = "Mika Sato"
    learners.rename_action.trigger()
    assert learner_menu(window) == [("Default", False), ("Mika Sato", True)]
    assert learners.label.text() == "Learner: Mika Sato"
    assert learners.rename_action.text() == "&Rename “Mika Sato”…"
    dialog_log.text = "default"  # taken
    learners.rename_action.trigger()
    assert dialog_log.names()[-1] == "error"
    assert learner_menu(window) == [("Default", False), ("Mika Sato", True)]
    dialog_log.confirm = False
    learners.remove_action.trigger()
    assert "1 saved words" in dialog_log.calls[-1][1][2]  # the question says what goes with her
    assert learner_menu(window) == [("Default", False), ("Mika Sato", True)]  # kept: the answer was no
    dialog_log.confirm = True
    learners.remove_action.trigger()
    assert learner_menu(window) == [("Default", True)]
    assert learners.label.text() == "Learner: Default"
    assert window.library.study.words.get("privacy") is None  # Default never saved it
    assert not learners.remove_action.isEnabled()
