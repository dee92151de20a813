"""Font choices: a comfortable reading face and a real Japanese face, found via QFontDatabase."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

JAPANESE_PREFERENCE = (
    "Noto Sans CJK JP",
    "Noto Serif CJK JP",
    "Source Han Sans JP",
    "IPAexGothic",
    "IPAGothic",
    "IPAexMincho",
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
    "Yu Gothic UI",
    "Yu Gothic",
    "Meiryo",
    "MS Gothic",
    "TakaoGothic",
    "VL Gothic",
)
SERIF_PREFERENCE = (
    "Charter", "Georgia", "Source Serif Pro", "Noto Serif", "Literata", "DejaVu Serif", "Liberation Serif",
)
SANS_PREFERENCE = ("Inter", "Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans", "Liberation Sans")


def _first_installed(preference: tuple[str, ...], installed: set[str]) -> str | None:
    lowered = {f.lower(): f for f in installed}
    for name in preference:
        if name.lower() in lowered:
            return lowered[name.lower()]
    return None


def japanese_family() -> str | None:
    """An installed family that really draws Japanese, or None when the system has none."""
    supporting = set(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))
    found = _first_installed(JAPANESE_PREFERENCE, supporting)
    if found:
        return found
    # Any other family that claims Japanese, skipping Chinese-first faces that draw kanji differently.
    for family in sorted(supporting):
        if not any(tag in family for tag in ("SC", "TC", "HK", "KR", "Chinese", "Korean")):
            return family
    return None


def reading_family() -> str:
    """The default face for English body text: a book serif if one is installed."""
    installed = set(QFontDatabase.families())
    return _first_installed(SERIF_PREFERENCE, installed) or QFontDatabase.systemFont(
        QFontDatabase.SystemFont.GeneralFont
    ).family()


def ui_family() -> str:
    """The interface face."""
    installed = set(QFontDatabase.families())
    return _first_installed(SANS_PREFERENCE, installed) or QFontDatabase.systemFont(
        QFontDatabase.SystemFont.GeneralFont
    ).family()
