"""Learners in the window: the Learner menu (each learner a checkable action, and New learner…),
the current learner in the status bar, and switching, which reloads everything per learner:
word marks, due count, reading position and the library's progress column."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMenu

from library import Library
from library.profiles import ProfileError, env_profile
from reader.ui.safe_text import plain_label, plain_tip
from reader.window import dialogs

if TYPE_CHECKING:
    from reader.mainwindow import MainWindow

SETTING = "learner/profile"


def choose_start_profile(library: Library, settings: QSettings, named: str | None) -> None:
    """Make the learner to open as active: the one named (--profile, else $STUDY_READER_PROFILE;
    added if new), else the one the window last used, else the first."""
    name = named or env_profile()
    if name:
        settings.setValue(SETTING, library.profiles.switch(name, create=True).name)
        return
    remembered = str(settings.value(SETTING, "") or "")
    if remembered and library.profiles.get(remembered) is not None:
        library.profiles.switch(remembered)


class ProfilesUi(QObject):
    """The Learner menu and status-bar label of the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.profiles = window.library.profiles
        self.menu = QMenu("&Learner", window)
        self.menu.setObjectName("LearnerMenu")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.learner_actions: dict[int, QAction] = {}
        self.new_action = QAction("&New learner…", window)
        self.new_action.setObjectName("action_new_learner")
        self.new_action.triggered.connect(self.new_learner)
        self.rename_action = QAction("&Rename learner…", window)
        self.rename_action.setObjectName("action_rename_learner")
        self.rename_action.triggered.connect(self.rename_learner)
        self.remove_action = QAction("Re&move learner…", window)
        self.remove_action.setObjectName("action_remove_learner")
        self.remove_action.triggered.connect(self.remove_learner)
        titles = {title: menu for menu, title in window.menus.titles}
        help_menu = titles.get("&Help")
        window.menuBar().insertMenu(help_menu.menuAction() if help_menu is not None else None, self.menu)  # type: ignore[arg-type]
        self.label = plain_label(QLabel(window))  # a learner's name is the user's text
        self.label.setObjectName("LearnerLabel")
        window.statusBar().addPermanentWidget(self.label)
        self.rebuild()

    def rebuild(self) -> None:
        """The menu's learners (the active one checked) and the status-bar label, anew."""
        for action in self.learner_actions.values():
            self.group.removeAction(action)
            action.deleteLater()
        self.menu.clear()
        self.learner_actions = {}
        current = self.profiles.current()
        for profile in self.profiles.list():
            action = QAction(profile.name, self.window)
            action.setObjectName(f"action_learner_{profile.id}")
            action.setCheckable(True)
            action.setChecked(profile.id == current.id)
            action.triggered.connect(lambda _c=False, pid=profile.id: self.switch_to(pid))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.learner_actions[profile.id] = action
        self.menu.addSeparator()
        self.menu.addAction(self.new_action)
        self.menu.addAction(self.rename_action)
        self.menu.addAction(self.remove_action)
        self.remove_action.setEnabled(len(self.learner_actions) > 1)  # the last learner stays
        self.retranslate()

    def retranslate(self) -> None:
        """Words in the interface language."""
        tr = self.window.tr_
        self.menu.setTitle(tr("&Learner"))
        self.new_action.setText(tr("&New learner…"))
        name = self.profiles.current().name
        self.rename_action.setText(tr("&Rename “{name}”…").format(name=name))
        self.remove_action.setText(tr("Re&move “{name}”…").format(name=name))
        self.label.setText(tr("Learner: {name}").format(name=name))
        self.label.setToolTip(plain_tip(
            tr("Words, reviews and progress are {name}’s (switch in the Learner menu)").format(name=name)
        ))

    def current_name(self) -> str:
        """The active learner's name."""
        return self.profiles.current().name

    def switch_to(self, profile_id: int) -> None:
        """Make another learner active and show the window as theirs."""
        w = self.window
        if profile_id == self.profiles.current_id:
            self.rebuild()
            return
        w.article.report_position()  # the leaving learner's place in the open lesson
        profile = self.profiles.switch(profile_id)
        w.settings.setValue(SETTING, profile.name)
        self.reload()

    def reload(self) -> None:
        """Show the window as the active learner's: their last lesson (or the open one) at their
        position, their word marks, due count and reading progress."""
        w = self.window
        study = w.study
        for dialog in (study.review_dialog, study.progress_dialog):
            if dialog is not None:
                dialog.close()  # they showed the other learner's words
        study.hide_card()
        target = w.library.lessons.last_opened()
        if target is None:
            target = w.current_id()
        w.lesson = None  # open afresh, at this learner's position
        w.refresh_lessons()
        if target is None or not w.open_lesson(target):
            w.article.set_lesson(None, w.doc_style())
            study.lesson_shown()
        study.update_due()
        self.rebuild()

    def new_learner(self) -> None:
        """Ask for a name, add the learner and switch to them."""
        tr = self.window.tr_
        name = dialogs.ask_text(self.window, tr("New learner"), tr("Name:"), "")
        if name is None or not name.strip() or self._taken(name, tr("New learner")):
            return
        try:
            profile = self.profiles.create(name)
        except ProfileError as exc:  # too long
            dialogs.error(self.window, tr("New learner"), str(exc))
            return
        self.switch_to(profile.id)

    def _taken(self, name: str, title: str, renaming: bool = False) -> bool:
        """Whether a learner (another one, when renaming) has this name (saying so)."""
        other = self.profiles.get(name)
        if other is None or (renaming and other.id == self.profiles.current_id):
            return False
        tr = self.window.tr_
        dialogs.error(
            self.window, title, tr("There is already a learner called “{name}”.").format(name=" ".join(name.split()))
        )
        return True

    def rename_learner(self) -> None:
        """Ask for a new name for the active learner."""
        tr = self.window.tr_
        old = self.current_name()
        name = dialogs.ask_text(self.window, tr("Rename learner"), tr("Name:"), old)
        if name is None or not name.strip() or " ".join(name.split()) == old:
            return
        if self._taken(name, tr("Rename learner"), renaming=True):
            return
        try:
            profile = self.profiles.rename(old, name)
        except ProfileError as exc:  # too long
            dialogs.error(self.window, tr("Rename learner"), str(exc))
            return
        self.window.settings.setValue(SETTING, profile.name)
        self.rebuild()

    def remove_learner(self) -> None:
        """Remove the active learner and their words, reviews and reading places, after asking;
        the window then shows the first remaining learner's."""
        tr = self.window.tr_
        name = self.current_name()
        if len(self.profiles.list()) <= 1:
            dialogs.error(self.window, tr("Remove learner"), tr("“{name}” is the only learner.").format(name=name))
            return
        counts = self.profiles.data_counts(name)
        question = tr(
            "Remove “{name}” with their {words} saved words and {reviews} reviews? This cannot be undone."
        ).format(name=name, words=counts["words"], reviews=counts["review_log"])
        if not dialogs.confirm(self.window, tr("Remove learner"), question):
            return
        self.window.article.report_position()
        self.profiles.delete(name)
        self.window.settings.setValue(SETTING, self.profiles.current().name)
        self.reload()
