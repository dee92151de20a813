"""Levels in the window: the Study menu's Mark known words… and Read next…. It is handed the library's
study area, the settings and the window to parent its dialogs, and asks for a lesson to be opened or
the difficulty to be shown anew through its signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from reader.ui.i18n import Translator
from reader.window.actions import ActionSpec, MenuName

if TYPE_CHECKING:
    from library.study.area import Study
    from library.study.difficulty import Difficulty
    from reader.study.read_next_dialog import ReadNextDialog
    from reader.study.seed_dialog import SeedDialog


class LevelsUi(QObject):
    """Seeding known words and Read next, as dialogs built when first opened."""

    lesson_requested = Signal(int)  # Read next: open this lesson
    statuses_changed = Signal()  # words were marked known at once: the lessons' difficulty follows

    def __init__(self, study: Study, settings: QSettings, parent: QWidget, tr: Callable[[str], str]) -> None:
        super().__init__(parent)
        self.study, self.settings, self.parent_widget, self.tr_ = study, settings, parent, tr
        self.seed_dialog: SeedDialog | None = None
        self.read_next_dialog: ReadNextDialog | None = None

    def action_specs(self) -> list[ActionSpec]:
        """Two entries of the Study menu."""
        s = MenuName.STUDY
        return [
            ActionSpec("seed_words", "Mark &known words…", lambda _c: self.open_seeding(), s, section=2),
            ActionSpec("read_next", "Read &next…", lambda _c: self.open_read_next(), s, ("Ctrl+Shift+N",),
                       section=2),
        ]

    def placed(self, actions: dict[str, QAction], menus: dict[MenuName, QMenu]) -> None:
        """Nothing to keep: the actions call back."""

    def retranslate(self, tr: Translator) -> None:
        """The dialogs are built in the interface language when next opened."""
        for dialog in (self.seed_dialog, self.read_next_dialog):
            if dialog is not None:
                dialog.deleteLater()
        self.seed_dialog = self.read_next_dialog = None

    def shutdown(self) -> None:
        """Nothing runs in the background."""

    def open_seeding(self) -> SeedDialog:
        """Show the Mark known words dialog."""
        if self.seed_dialog is None:
            from reader.study.seed_dialog import SeedDialog  # loaded when first opened

            self.seed_dialog = SeedDialog(self.study.seeding, self.parent_widget, self.tr_)
            self.seed_dialog.seeded.connect(self._seeded)
        self.seed_dialog.show()
        self.seed_dialog.raise_()
        return self.seed_dialog

    def _seeded(self) -> None:
        self.statuses_changed.emit()
        if self.read_next_dialog is not None:
            self.read_next_dialog.refresh()

    def open_read_next(self) -> ReadNextDialog:
        """Show the lessons to read next."""
        self.study.levels.level_pending()  # lessons imported before levelling existed
        if self.read_next_dialog is None:
            from reader.study.read_next_dialog import ReadNextDialog

            self.read_next_dialog = ReadNextDialog(self.study.read_next, self.settings, self.parent_widget, self.tr_)
            self.read_next_dialog.lesson_requested.connect(self.lesson_requested)
        else:
            self.read_next_dialog.refresh()
        self.read_next_dialog.show()
        self.read_next_dialog.raise_()
        return self.read_next_dialog


def difficulty_tip(found: Difficulty | None, tr: Callable[[str], str]) -> str:
    """A lesson's difficulty as the library list's tooltip shows it: its level, the share unknown to
    the learner, the readability grade and a bar per level (plain text)."""
    if found is None or not found.words:
        return ""
    from library.study.levels import LEVELS, UNLISTED  # with the first tooltip, not at start-up

    words = found.words
    reached, level = 0, "C2"
    for name in LEVELS:
        reached += found.counts[name]
        if reached >= 0.95 * words:
            level = name
            break
    unknown = words - found.known
    lines = [
        tr("Level {level}: 95% of its words are at {level} or easier").format(level=level)
        if reached >= 0.95 * words else tr("Level profile"),
        tr("Unknown to you: {share} ({n} of {total} words)").format(
            share=f"{found.unknown_share:.1%}", n=f"{unknown:,}", total=f"{words:,}"),
        tr("Readability: grade {grade} (Flesch–Kincaid)").format(grade=f"{found.grade:.1f}"),
    ]
    for name, n in found.counts.items():
        share = n / words
        label = tr("not in the list") if name == UNLISTED else name
        lines.append(f"{label}  {'█' * max(round(share * 30), 1 if n else 0)} {share:.0%}")
    return "\n".join(lines)
