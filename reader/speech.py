"""Reading aloud with the system's speech engine (QtTextToSpeech, in the optional PySide6-Addons).
Where there is no module or no engine, `reason` says why and nothing is spoken."""

from __future__ import annotations

import importlib
import logging
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
        self.reason = ""

    def check(self) -> bool:
        """Whether text can be spoken; sets `reason` when it cannot."""
        if self._checked:
            return self._engine is not None
        self._checked = True
        try:
            module = importlib.import_module("PySide6.QtTextToSpeech")
        except ImportError as exc:
            missing = "QtTextToSpeech" in str(exc) or "No module" in str(exc)
            self.reason = (
                f"Reading aloud needs Qt's speech module: {INSTALL_HINT}"
                if missing
                else f"Reading aloud is unavailable: the speech module cannot load ({exc})"
            )
            return False
        engines = [e for e in module.QTextToSpeech.availableEngines() if e != "mock"]
        if not engines:
            self.reason = "Reading aloud is unavailable: this system has no speech engine"
            return False
        try:
            engine = module.QTextToSpeech(engines[0], self)
        except RuntimeError as exc:
            self.reason = f"Reading aloud is unavailable: {exc}"
            return False
        if engine.state() == module.QTextToSpeech.State.Error:
            self.reason = f"Reading aloud is unavailable: the {engines[0]} engine reports an error"
            return False
        self._engine = engine
        english = [v for v in engine.availableVoices() if v.locale().name().startswith("en")]
        if english:
            engine.setVoice(english[0])
        return True

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
