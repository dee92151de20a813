"""Learners in the window: the Learner menu (each learner a checkable action, and New learner…),
the current learner in the status bar, and switching, which reloads everything per learner:
word marks, due count, reading position and the library's progress column."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMenu, QStatusBar, QWidget

from library import Library
from library.profiles import ProfileError, Profiles, env_profile
from reader.article.view import ArticleView
from reader.reading import Reading
from reader.ui.i18n import Translator
from reader.ui.safe_text import plain_label, plain_tip
from reader.window import dialogs
from reader.window.actions import ActionSpec, MenuName

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
    """The Learner menu and status-bar label; switching learners reopens the lesson through Reading."""

    switched = Signal()  # another learner is active (their words, reviews and progress)

    def __init__(self, profiles: Profiles, reading: Reading, article: ArticleView, settings: QSettings,
                 status: QStatusBar, parent: QWidget, tr: Callable[[str], str]) -> None:
        super().__init__(parent)
        self.profiles, self.reading, self.article, self.settings = profiles, reading, article, settings
        self.parent_widget, self.tr_ = parent, tr
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.learner_actions: dict[int, QAction] = {}
        self.label = plain_label(QLabel(parent))  # a learner's name is the user's text
        self.label.setObjectName("LearnerLabel")
        status.addPermanentWidget(self.label)

    # --- the part's door -------------------------------------------------------------------
    def action_specs(self) -> list[ActionSpec]:
        """New, rename and remove, below the learners themselves in the Learner menu."""
        m = MenuName.LEARNER
        return [
            ActionSpec("new_learner", "&New learner…", lambda _c: self.new_learner(), m),
            ActionSpec("rename_learner", "&Rename learner…", lambda _c: self.rename_learner(), m),
            ActionSpec("remove_learner", "Re&move learner…", lambda _c: self.remove_learner(), m),
        ]

    def placed(self, actions: dict[str, QAction], menus: dict[MenuName, QMenu]) -> None:
        """Keep the menu and its fixed actions; list the learners above them."""
        self.menu = menus[MenuName.LEARNER]
        self.new_action = actions["new_learner"]
        self.rename_action = actions["rename_learner"]
        self.remove_action = actions["remove_learner"]
        self._separator = self.menu.insertSeparator(self.new_action)
        self.rebuild()

    def shutdown(self) -> None:
        """Nothing runs in the background here."""

    def rebuild(self) -> None:
        """The menu's learners (the active one checked) and the status-bar label, anew."""
        for action in self.learner_actions.values():
            self.group.removeAction(action)
            self.menu.removeAction(action)
            action.deleteLater()
        self.learner_actions = {}
        current = self.profiles.current()
        for profile in self.profiles.list():
            action = QAction(profile.name, self.parent_widget)
            action.setObjectName(f"action_learner_{profile.id}")
            action.setCheckable(True)
            action.setChecked(profile.id == current.id)
            action.triggered.connect(lambda _c=False, pid=profile.id: self.switch_to(pid))
            self.group.addAction(action)
            self.menu.insertAction(self._separator, action)
            self.learner_actions[profile.id] = action
        self.remove_action.setEnabled(len(self.learner_actions) > 1)  # the last learner stays
        self._retranslate()

    def retranslate(self, tr: Translator) -> None:
        """Words in the interface language."""
        self._retranslate()

    def _retranslate(self) -> None:
        tr = self.tr_
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
        if profile_id == self.profiles.current_id:
            self.rebuild()
            return
        self.article.report_position()  # the leaving learner's place in the open lesson
        profile = self.profiles.switch(profile_id)
        self.settings.setValue(SETTING, profile.name)
        self.reload()

    def reload(self) -> None:
        """Show the window as the active learner's: their last lesson (or the open one) at their
        position, their word marks, due count and reading progress."""
        self.switched.emit()
        self.reading.open_last()  # afresh even when it is the open lesson: at this learner's place
        self.rebuild()

    def new_learner(self) -> None:
        """Ask for a name, add the learner and switch to them."""
        tr = self.tr_
        name = dialogs.ask_text(self.parent_widget, tr("New learner"), tr("Name:"), "")
        if name is None or not name.strip() or self._taken(name, tr("New learner")):
            return
        try:
            profile = self.profiles.create(name)
        except ProfileError as exc:  # too long
            dialogs.error(self.parent_widget, tr("New learner"), str(exc))
            return
        self.switch_to(profile.id)

    def _taken(self, name: str, title: str, renaming: bool = False) -> bool:
        """Whether a learner (another one, when renaming) has this name (saying so)."""
        other = self.profiles.get(name)
        if other is None or (renaming and other.id == self.profiles.current_id):
            return False
        tr = self.tr_
        dialogs.error(
            self.parent_widget, title,
            tr("There is already a learner called “{name}”.").format(name=other.name),  # as they are named
        )
        return True

    def rename_learner(self) -> None:
        """Ask for a new name for the active learner."""
        tr = self.tr_
        old = self.current_name()
        name = dialogs.ask_text(self.parent_widget, tr("Rename learner"), tr("Name:"), old)
        if name is None or not name.strip() or " ".join(name.split()) == old:
            return
        if self._taken(name, tr("Rename learner"), renaming=True):
            return
        try:
            profile = self.profiles.rename(old, name)
        except ProfileError as exc:  # too long
            dialogs.error(self.parent_widget, tr("Rename learner"), str(exc))
            return
        self.settings.setValue(SETTING, profile.name)
        self.rebuild()

    def remove_learner(self) -> None:
        """Remove the active learner and their words, reviews and reading places, after asking;
        the window then shows the first remaining learner's."""
        tr = self.tr_
        name = self.current_name()
        if len(self.profiles.list()) <= 1:
            only = tr("“{name}” is the only learner.").format(name=name)
            dialogs.error(self.parent_widget, tr("Remove learner"), only)
            return
        counts = self.profiles.data_counts(name)
        question = tr(
            "Remove “{name}” with their {words} saved words and {reviews} reviews? This cannot be undone."
        ).format(name=name, words=counts["words"], reviews=counts["review_log"])
        if not dialogs.confirm(self.parent_widget, tr("Remove learner"), question):
            return
        self.article.report_position()
        self.profiles.delete(name)
        self.settings.setValue(SETTING, self.profiles.current().name)
        self.reload()
