"""Every theme's text and selections read at WCAG contrast 4.5:1 or more, computed from its palette."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from reader.ui.themes import THEMES, apply_palette, contrast

Role = QPalette.ColorRole


@pytest.mark.parametrize("name", sorted(THEMES))
def test_palette_text_and_selection_contrast(qapp: QApplication, name: str) -> None:
    theme = THEMES[name]
    before = qapp.palette()
    apply_palette(qapp, theme)
    pal = qapp.palette()
    try:
        pairs = {
            "text on base": (Role.Text, Role.Base),
            "text on window": (Role.WindowText, Role.Window),
            "button text": (Role.ButtonText, Role.Button),
            "selected row": (Role.HighlightedText, Role.Highlight),
            "placeholder": (Role.PlaceholderText, Role.Base),
            "link": (Role.Link, Role.Base),
        }
        for what, (fg, bg) in pairs.items():
            ratio = contrast(pal.color(fg).name(), pal.color(bg).name())
            assert ratio >= 4.5, f"{name}: {what} {ratio:.2f}:1"
    finally:
        qapp.setPalette(before)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_article_colours_contrast(name: str) -> None:
    t = THEMES[name]
    pairs = {
        "muted on base": (t.muted, t.base),
        "muted on window": (t.muted, t.window),
        "translation": (t.translation_fg, t.translation_bg),
        "text on highlight": (t.text, t.highlight_bg),
        "text on selection": (t.text, t.selection),
        "accent on base": (t.accent, t.base),
    }
    for what, (fg, bg) in pairs.items():
        assert contrast(fg, bg) >= 4.5, f"{name}: {what} {contrast(fg, bg):.2f}:1"


def test_contrast_matches_wcag() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
