"""How the window looks: theme, interface language, the article's zoom and reading font, and the
warning when no Japanese font is installed. A part of MainWindow (mixed into it): each of these
rebuilds what is on screen with the new look and remembers it in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from reader.article.document import DocStyle
from reader.ui.i18n import Translator, install_qt_translation
from reader.ui.themes import apply_palette, theme_named
from reader.window import dialogs

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QStatusBar

    from reader.article.glosses import GlossesUi
    from reader.study.part import StudyUi
    from reader.teaching.page_part import PageFixing
    from reader.teaching.part import Teaching
    from reader.ui.themes import Theme
    from reader.window.actions import Menus, Part
    from reader.window.library_panel import LibraryPanel
    from reader.window.vocab_panel import VocabPanel

# Steps of 10% (150% among them), then wider ones at the largest sizes.
ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.2, 2.4)


class Appearance:
    """The window's look, for MainWindow to inherit (before QMainWindow)."""

    if TYPE_CHECKING:  # what MainWindow has (declared here for the type checker only)
        settings: QSettings
        tr_: Translator
        theme: Theme
        zoom: float
        body_family: str
        body_size: float
        ja_family: str | None
        menus: Menus
        panel: LibraryPanel
        vocab: VocabPanel
        parts: list[Part]
        study: StudyUi
        teaching: Teaching
        page_fixing: PageFixing
        glosses: GlossesUi

        def statusBar(self) -> QStatusBar: ...
        def _render(self, keep_state: bool = True) -> None: ...
        def _update_title(self) -> None: ...

    def doc_style(self) -> DocStyle:
        """How the article should look now."""
        return DocStyle(self.theme, self.body_family, self.ja_family, self.body_size * self.zoom, None, self.tr_,
                        glosses=self.glosses.on)

    def _restyle(self) -> None:
        self._render()
        self.study.restyle()
        self.teaching.restyle()
        self.page_fixing.restyle()
        self.glosses.refresh()

    def set_theme(self, name: str, rebuild: bool = True) -> None:
        """Light, dark or sepia."""
        self.theme = theme_named(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, self.theme)
        self.menus.themes[self.theme.name].setChecked(True)
        self.settings.setValue("view/theme", self.theme.name)
        if rebuild:
            self._restyle()

    def set_language(self, lang: str, rebuild: bool = True) -> None:
        """Switch the interface between English and Japanese."""
        self.tr_ = Translator(lang)
        self.menus.retranslate(self.tr_)
        self.menus.langs[self.tr_.lang].setChecked(True)
        self.panel.retranslate(self.tr_)
        self.vocab.retranslate(self.tr_)
        for part in self.parts:
            part.retranslate(self.tr_)
        install_qt_translation(self.tr_.lang)  # Qt's own buttons and dialogs
        self.settings.setValue("ui/lang", self.tr_.lang)
        self._update_title()
        if rebuild:
            self._restyle()

    def set_zoom(self, zoom: float) -> None:
        """Scale the article's type."""
        self.zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self.settings.setValue("view/zoom", self.zoom)
        self._restyle()
        self.statusBar().showMessage(self.tr_("Zoom {percent}%").format(percent=round(self.zoom * 100)), 3000)

    def step_zoom(self, step: int) -> None:
        """One zoom step larger (1) or smaller (-1)."""
        nearest = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.zoom))
        self.set_zoom(ZOOM_STEPS[min(max(nearest + step, 0), len(ZOOM_STEPS) - 1)])

    def choose_font(self) -> None:
        """Let the user pick the reading face and size."""
        current = QFont(self.body_family)
        current.setPointSizeF(self.body_size)
        chosen = dialogs.choose_font(cast(QWidget, self), current, self.tr_("Reading font"))
        if chosen is None:
            return
        self.body_family, self.body_size = chosen.family(), max(8.0, chosen.pointSizeF())
        self.settings.setValue("view/font_family", self.body_family)
        self.settings.setValue("view/font_size", self.body_size)
        self._restyle()

    def warn_missing_fonts(self) -> None:
        """Say once, clearly, that Japanese text cannot be drawn without a Japanese font."""
        if self.ja_family is not None or self.settings.value("warned/no_japanese_font", False, bool):
            return
        self.settings.setValue("warned/no_japanese_font", True)
        dialogs.inform(cast(QWidget, self), self.tr_("No Japanese font"), self.tr_(
            "No Japanese font is installed, so Japanese text would show as empty boxes. "
            "Install one (for example Noto Sans CJK JP or IPAexGothic; on Debian and Ubuntu: "
            "sudo apt install fonts-noto-cjk) and restart Study Reader."))
