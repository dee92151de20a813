"""The window's actions and menus: every part declares its actions as `ActionSpec`s and the window
places them all, in one loop, in the menu each names."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from reader.ui.i18n import Translator
from reader.ui.themes import THEMES


class MenuName(enum.Enum):
    """The menu bar's menus, in the order they stand; the value is the English title."""

    FILE = "&File"
    VIEW = "&View"
    GO = "&Go"
    TEACH = "&Teach"
    STUDY = "&Study"
    LEARNER = "&Learner"
    HELP = "&Help"


@dataclass(frozen=True)
class ActionSpec:
    """One action: its name, English text, shortcuts, the menu (and section of it) it stands in."""

    key: str
    text: str
    handler: Callable[[bool], object]  # called with the action's checked state
    menu: MenuName | None = None
    shortcuts: tuple[str, ...] = ()
    section: int = 0  # sections of a menu stand in this order, with separators between them
    checkable: bool = False
    article_only: bool = False  # the shortcut works only while the article has the focus


class Part(Protocol):
    """A feature of the window: its actions, words in the interface language, and an end."""

    def action_specs(self) -> list[ActionSpec]:
        """The actions this part adds to the window."""
        ...

    def placed(self, actions: dict[str, QAction], menus: dict[MenuName, QMenu]) -> None:
        """The window has made and placed the actions (all of them, by key) in the menus."""
        ...

    def retranslate(self, tr: Translator) -> None:
        """Show the part's own words in the interface language."""
        ...

    def shutdown(self) -> None:
        """Stop what is running; the window is closing."""
        ...


# What the window says when a key or menu item needs an open lesson and none is open.
NO_LESSON = "Open a lesson first: choose one in the library, or import a page (Ctrl+O)."
# The actions that work on the open lesson (by key), whichever part declares them.
LESSON_ACTIONS = frozenset({
    "reimport", "show_all", "hide_all", "edit_mode", "present", "handout", "level_report",
    "levelled_worksheet", "pack_export", "page_view",
})


def needs_lesson(lesson_open: Callable[[], bool], say: Callable[[], None]) -> Callable[[str], bool]:
    """The refusal of build_menus: an action on the open lesson, with none open, says so instead of
    doing nothing."""
    def refused(key: str) -> bool:
        if key in LESSON_ACTIONS and not lesson_open():
            say()
            return True
        return False

    return refused


THEME_NAMES = {"light": "&Light", "dark": "&Dark", "sepia": "S&epia"}
LANG_NAMES = {"en": "English", "ja": "日本語"}
# The View menu's Theme and Language submenus stand after this section.
SUBMENUS_AFTER = 1


@dataclass
class Menus:
    """Actions by name, menus by name, with their English texts for retranslation."""

    actions: dict[str, QAction] = field(default_factory=dict)
    menus: dict[MenuName, QMenu] = field(default_factory=dict)
    themes: dict[str, QAction] = field(default_factory=dict)
    langs: dict[str, QAction] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    titles: list[tuple[QMenu, str]] = field(default_factory=list)

    def retranslate(self, tr: Translator) -> None:
        """Menu and action words in the interface language."""
        for name, text in self.texts.items():
            self.actions[name].setText(tr(text))
        for name, action in self.themes.items():
            action.setText(tr(THEME_NAMES[name]))
        for menu, title in self.titles:
            menu.setTitle(tr(title))


def _make_action(spec: ActionSpec, window: QMainWindow, article: QWidget,
                 refused: Callable[[str], bool] | None) -> QAction:
    action = QAction(spec.text, window)
    action.setObjectName(f"action_{spec.key}")
    action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
    action.setCheckable(spec.checkable)
    if refused is None:
        action.triggered.connect(spec.handler)
    else:
        def run(checked: bool) -> None:
            if not refused(spec.key):
                spec.handler(checked)
            elif spec.checkable:
                action.setChecked(not checked)  # a refused toggle stays as it was

        action.triggered.connect(run)
    if spec.article_only:
        # Single-letter keys (L, R) must not fire while the learner types in the search box.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        article.addAction(action)
    elif spec.shortcuts:
        window.addAction(action)  # shortcuts work window-wide, with the menu bar hidden too
    return action


def build_menus(window: QMainWindow, article: QWidget, specs: Iterable[ActionSpec],
                refused: Callable[[str], bool] | None = None) -> Menus:
    """Create every action and the menu bar, placing each action where its spec says; an action
    `refused` answers True for (by key) does nothing when triggered (the refusal says why)."""
    menus = Menus()
    bar = window.menuBar()
    for name in MenuName:
        menu = bar.addMenu(name.value)
        menu.setObjectName(f"{name.name.title()}Menu")
        menus.menus[name] = menu
        menus.titles.append((menu, name.value))
    placed: dict[MenuName, list[ActionSpec]] = {name: [] for name in MenuName}
    for spec in specs:
        menus.actions[spec.key] = _make_action(spec, window, article, refused)
        menus.texts[spec.key] = spec.text
        if spec.menu is not None:
            placed[spec.menu].append(spec)
    for name, in_menu in placed.items():
        menu, section = menus.menus[name], None
        for spec in sorted(in_menu, key=lambda s: s.section):  # stable: declared order within a section
            if name is MenuName.VIEW and section is not None and section <= SUBMENUS_AFTER < spec.section:
                _add_submenus(window, menus)
            if section is not None and spec.section != section:
                menu.addSeparator()
            menu.addAction(menus.actions[spec.key])
            section = spec.section
    if not menus.themes:
        _add_submenus(window, menus)
    return menus


def _add_submenus(window: QMainWindow, menus: Menus) -> None:
    view = menus.menus[MenuName.VIEW]
    themes = view.addMenu("&Theme")
    menus.titles.append((themes, "&Theme"))
    group = QActionGroup(window)
    for name in THEMES:
        action = QAction(THEME_NAMES[name], window, checkable=True)
        action.setData(name)
        group.addAction(action)
        themes.addAction(action)
        menus.themes[name] = action
    langs = view.addMenu("Interface &language")
    menus.titles.append((langs, "Interface &language"))
    lang_group = QActionGroup(window)
    for code, label in LANG_NAMES.items():
        action = QAction(label, window, checkable=True)
        action.setData(code)
        lang_group.addAction(action)
        langs.addAction(action)
        menus.langs[code] = action
