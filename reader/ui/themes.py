"""Light, dark and sepia themes: one set of colours for the window palette and the article."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Theme:
    """The colours a theme gives the window and the article."""

    name: str
    window: str
    base: str
    text: str
    muted: str
    accent: str
    translation_bg: str
    translation_fg: str
    highlight_bg: str
    selection: str
    dark: bool


THEMES: dict[str, Theme] = {
    "light": Theme(
        "light", "#eef0f3", "#ffffff", "#1d1f23", "#5c6169", "#2f6fb3",
        "#f1f5fb", "#24405f", "#ffe79a", "#cfe0f5", False,
    ),
    "dark": Theme(
        "dark", "#202226", "#17181b", "#dcdfe4", "#8d939c", "#7fb0ea",
        "#222a36", "#c5d6ec", "#6b5a1c", "#2f4a6b", True,
    ),
    "sepia": Theme(
        "sepia", "#eadfca", "#f6eedc", "#3b2f22", "#65553f", "#9a5b22",
        "#efe3c8", "#4a3622", "#f3cf7a", "#e3cfa5", False,
    ),
}


def luminance(colour: str) -> float:
    """A colour's relative luminance as WCAG 2 defines it."""
    q = QColor(colour)

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(q.redF()) + 0.7152 * linear(q.greenF()) + 0.0722 * linear(q.blueF())


def contrast(fg: str, bg: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21; body text wants at least 4.5)."""
    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(bg: str) -> str:
    """White or near-black, whichever reads better on `bg` (selected rows on a light accent want dark text)."""
    return max(("#ffffff", "#101216"), key=lambda fg: contrast(fg, bg))


def mix(fg: str, bg: str, amount: float) -> str:
    """A colour `amount` of the way from bg to fg."""
    a, b = QColor(fg), QColor(bg)
    return QColor(
        round(b.red() + (a.red() - b.red()) * amount),
        round(b.green() + (a.green() - b.green()) * amount),
        round(b.blue() + (a.blue() - b.blue()) * amount),
    ).name()


def disabled_ink(theme: Theme) -> str:
    """The colour of a disabled button's icon: half way from the muted text to the window, plainly off."""
    return mix(theme.muted, theme.window, 0.45)


def themed_icon(icon: QIcon, theme: Theme, size: int = 16) -> QIcon:
    """`icon`'s shape in the theme's text colour, and faded when disabled, in every theme.

    The style's own icons are drawn for a light window (dark on the dark theme, where a usable
    button looked off) and its disabled look only blends towards the window colour (near the
    enabled look on a light window, where a button that did nothing looked usable)."""
    out = QIcon()
    shape = icon.pixmap(size, size)
    for mode, colour in ((QIcon.Mode.Normal, theme.text), (QIcon.Mode.Disabled, disabled_ink(theme))):
        pixmap = QPixmap(shape.size())
        pixmap.setDevicePixelRatio(shape.devicePixelRatio())
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.drawPixmap(0, 0, shape)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)  # the shape's alpha, our colour
        painter.fillRect(pixmap.rect(), QColor(colour))
        painter.end()
        out.addPixmap(pixmap, mode)
    return out


def theme_named(name: str) -> Theme:
    """The theme called `name`, or the light one."""
    return THEMES.get(name, THEMES["light"])


# Whether the application runs the Fusion style already (started with "-style Fusion").
_fusion = False


def fusion_set_at_start() -> None:
    """The application was made with the Fusion style: no need to set it (and for Python to
    build QStyle's enums, ~11 ms) while the window starts."""
    global _fusion
    _fusion = True


def apply_palette(app: QApplication, theme: Theme) -> None:
    """Give the whole application the theme's palette (Fusion style follows it everywhere)."""
    global _fusion
    if not _fusion:
        app.setStyle("Fusion")
        _fusion = True
    # The colour scheme first: the dialogs the platform draws (file and font choosers) and the windows' title
    # bars follow it, not the palette, and they stayed light in the dark theme. A change of scheme may give
    # the application the platform's palette again: the theme's is set after it.
    app.styleHints().setColorScheme(Qt.ColorScheme.Dark if theme.dark else Qt.ColorScheme.Light)
    pal = QPalette()
    window, base, text = QColor(theme.window), QColor(theme.base), QColor(theme.text)
    pal.setColor(QPalette.ColorRole.Window, window)
    pal.setColor(QPalette.ColorRole.WindowText, text)
    pal.setColor(QPalette.ColorRole.Base, base)
    pal.setColor(QPalette.ColorRole.AlternateBase, window)
    pal.setColor(QPalette.ColorRole.Text, text)
    pal.setColor(QPalette.ColorRole.Button, window)
    pal.setColor(QPalette.ColorRole.ButtonText, text)
    pal.setColor(QPalette.ColorRole.ToolTipBase, base)
    pal.setColor(QPalette.ColorRole.ToolTipText, text)
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(theme.accent))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor(text_on(theme.accent)))
    pal.setColor(QPalette.ColorRole.Link, QColor(theme.accent))
    pal.setColor(QPalette.ColorRole.LinkVisited, QColor(theme.accent))
    pal.setColor(QPalette.ColorRole.Mid, QColor(theme.muted))
    # The frames' light and dark edges from the theme's window too: left as they were, a dark theme's
    # dialogs kept the light theme's white edges and lines.
    pal.setColor(QPalette.ColorRole.Light, window.lighter(150 if theme.dark else 115))
    pal.setColor(QPalette.ColorRole.Midlight, window.lighter(125 if theme.dark else 107))
    pal.setColor(QPalette.ColorRole.Dark, window.darker(150 if theme.dark else 200))
    pal.setColor(QPalette.ColorRole.Shadow, window.darker(300))
    pal.setColor(QPalette.ColorRole.Accent, QColor(theme.accent))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted))
    app.setPalette(pal)
