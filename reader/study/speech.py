"""Reading aloud with the system's speech engine (QtTextToSpeech, in the optional PySide6-Addons).
Where there is no module or no engine, `reason` says why and nothing is spoken."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)
INSTALL_HINT = "pip install 'study-reader[speech]'"


class Speech(QObject):
    """The speech engine, loaded on first need."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine: Any = None
        self._checked = False
        self.reason = ""  # in English; reason_in() says it in the interface language
        self._why: tuple[str, dict[str, str]] = ("", {})

    def check(self) -> bool:
        """Whether text can be spoken; sets `reason` when it cannot."""
        if self._checked:
            return self._engine is not None
        self._checked = True
        try:
            module = importlib.import_module("PySide6.QtTextToSpeech")
        except ImportError as exc:
            missing = "QtTextToSpeech" in str(exc) or "No module" in str(exc)
            if missing:
                self._say_why("Reading aloud needs Qt's speech module: {hint}", hint=INSTALL_HINT)
            else:
                self._say_why("Reading aloud is unavailable: the speech module cannot load ({error})", error=str(exc))
            return False
        engines = [e for e in module.QTextToSpeech.availableEngines() if e != "mock"]
        if not engines:
            self._say_why("Reading aloud is unavailable: this system has no speech engine")
            return False
        try:
            engine = module.QTextToSpeech(engines[0], self)
        except RuntimeError as exc:
            self._say_why("Reading aloud is unavailable: {error}", error=str(exc))
            return False
        if engine.state() == module.QTextToSpeech.State.Error:
            self._say_why("Reading aloud is unavailable: the {engine} engine reports an error", engine=engines[0])
            return False
        self._engine = engine
        english = [v for v in engine.availableVoices() if v.locale().name().startswith("en")]
        if english:
            engine.setVoice(english[0])
        return True

    def _say_why(self, template: str, **values: str) -> None:
        self._why = (template, values)
        self.reason = template.format(**values)

    def reason_in(self, tr: Callable[[str], str]) -> str:
        """Why nothing can be spoken, in the interface language ("" when speech works)."""
        template, values = self._why
        if not template or template.format(**values) != self.reason:
            return self.reason
        return tr(template).format(**values)

    @property
    def available(self) -> bool:
        return self.check()

    def say(self, text: str) -> bool:
        """Speak `text` (stopping what was being spoken); False when there is no engine."""
        if not self.check() or not text.strip():
            return False
        self._engine.stop()
        self._engine.say(text)
        return True

    def stop(self) -> None:
        """Stop speaking."""
        if self._engine is not None:
            self._engine.stop()
