"""Interface words in English and Japanese: a small table keyed by the English text, kept by area
in the modules of this package and read as one table, JA."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.ui.i18n.ja_learners import JA_LEARNERS
from reader.ui.i18n.ja_main import JA_MAIN
from reader.ui.i18n.ja_messages import JA_MESSAGES
from reader.ui.i18n.ja_page_view import JA_PAGE_VIEW
from reader.ui.i18n.ja_pages import JA_PAGES
from reader.ui.i18n.ja_reimport import JA_REIMPORT
from reader.ui.i18n.ja_study import JA_STUDY
from reader.ui.i18n.keys import KEYS_HELP

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

__all__ = ["JA", "KEYS_HELP", "LANGUAGES", "Translator", "install_qt_translation"]

LANGUAGES = ("en", "ja")

# One table, in the order the areas were added (a later entry for the same English wins).
JA: dict[str, str] = {**JA_MAIN, **JA_STUDY, **JA_PAGES, **JA_LEARNERS, **JA_REIMPORT, **JA_MESSAGES, **JA_PAGE_VIEW}


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

