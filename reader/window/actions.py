"""The window's actions and menus, with their shortcuts and interface words."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from reader.ui.i18n import Translator
from reader.ui.themes import THEMES

# name, English text, shortcuts
SPEC: list[tuple[str, str, tuple[str, ...]]] = [
    ("import", "&Import files…", ("Ctrl+O",)),
    ("rename", "&Rename lesson…", ("F2",)),
    ("delete", "&Delete lesson…", ("Ctrl+Del",)),
    ("quit", "&Quit", ("Ctrl+Q",)),
    ("show_all", "&Show all translations", ("Ctrl+Shift+T",)),
    ("hide_all", "&Hide all translations", ("Ctrl+Shift+H",)),
    ("zoom_in", "Zoom &in", ("Ctrl+=", "Ctrl++")),
    ("zoom_out", "Zoom &out", ("Ctrl+-",)),
    ("zoom_reset", "&Actual size", ("Ctrl+0",)),
    ("font", "&Font…", ()),
    ("focus_library", "Go to &library", ("Ctrl+1",)),
    ("focus_article", "Go to &article", ("Ctrl+2",)),
    ("focus_words", "Go to &words", ("Ctrl+3",)),
    ("search", "&Search", ("Ctrl+F",)),
    ("keys", "&Keyboard shortcuts", ("F1",)),
    ("about", "&About Study Reader", ()),
    ("install_desktop", "Add to the &applications menu", ()),
]
THEME_NAMES = {"light": "&Light", "dark": "&Dark", "sepia": "S&epia"}
LANG_NAMES = {"en": "English", "ja": "日本語"}


@dataclass
class Menus:
    """Actions by name, and menus with their English titles, for retranslation."""

    actions: dict[str, QAction] = field(default_factory=dict)
    themes: dict[str, QAction] = field(default_factory=dict)
    langs: dict[str, QAction] = field(default_factory=dict)
    titles: list[tuple[QMenu, str]] = field(default_factory=list)

    def retranslate(self, tr: Translator) -> None:
        """Menu and action words in the interface language."""
        for name, text, _keys in SPEC:
            self.actions[name].setText(tr(text))
        for name, action in self.themes.items():
            action.setText(tr(THEME_NAMES[name]))
        for menu, title in self.titles:
            menu.setTitle(tr(title))


def build_menus(window: QMainWindow) -> Menus:
    """Create every action (shortcuts work window-wide) and the menu bar."""
    menus = Menus()
    for name, text, keys in SPEC:
        action = QAction(text, window)
        action.setObjectName(f"action_{name}")
        action.setShortcuts([QKeySequence(k) for k in keys])
        menus.actions[name] = action
        window.addAction(action)
    bar = window.menuBar()
    a = menus.actions

    def menu(title: str, parent: QMenu | None = None) -> QMenu:
        m = parent.addMenu(title) if parent is not None else bar.addMenu(title)
        menus.titles.append((m, title))
        return m

    file_menu = menu("&File")
    for name in ("import", "rename", "delete"):
        file_menu.addAction(a[name])
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])
    view = menu("&View")
    for name in ("show_all", "hide_all"):
        view.addAction(a[name])
    view.addSeparator()
    for name in ("zoom_in", "zoom_out", "zoom_reset", "font"):
        view.addAction(a[name])
    themes = menu("&Theme", view)
    group = QActionGroup(window)
    for name in THEMES:
        action = QAction(THEME_NAMES[name], window, checkable=True)
        action.setData(name)
        group.addAction(action)
        themes.addAction(action)
        menus.themes[name] = action
    langs = menu("Interface &language", view)
    lang_group = QActionGroup(window)
    for code, label in LANG_NAMES.items():
        action = QAction(label, window, checkable=True)
        action.setData(code)
        lang_group.addAction(action)
        langs.addAction(action)
        menus.langs[code] = action
    go = menu("&Go")
    for name in ("focus_library", "focus_article", "focus_words", "search"):
        go.addAction(a[name])
    help_menu = menu("&Help")
    help_menu.addAction(a["keys"])
    help_menu.addAction(a["about"])
    if sys.platform.startswith("linux"):  # a launcher, icons and the pack type under ~/.local/share
        help_menu.addAction(a["install_desktop"])
    return menus
