"""A window's place on the screen it opens on: a saved geometry from a bigger screen, a tiny one, or
none, becomes a sensible size that fits the screen's available area."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

DEFAULT = QSize(1280, 800)  # the first start on a screen with room for it
LEAST = QSize(640, 480)  # below this the article and its panels no longer read well
SHARE = 0.9  # "most of the screen" when the default does not fit


def fitted(saved: QRect | None, available: QRect) -> QRect:
    """The geometry to open at: the saved one if it is on this screen at a usable size, else a fitted one."""
    if saved is not None and available.contains(saved) and _usable(saved.size(), available.size()):
        return QRect(saved)
    if saved is not None and _usable(saved.size(), available.size()) and saved.width() <= available.width() \
            and saved.height() <= available.height():
        size = saved.size()  # a usable size off this screen (another monitor, say): moved onto it
    else:
        size = QSize(
            min(DEFAULT.width(), int(available.width() * SHARE)),
            min(DEFAULT.height(), int(available.height() * SHARE)),
        )
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def _usable(size: QSize, room: QSize) -> bool:
    """Not tiny: at least the least readable size, or as much of it as the screen has."""
    return size.width() >= min(LEAST.width(), room.width()) and size.height() >= min(LEAST.height(), room.height())
