"""Check boxes and radio buttons that stay visible when they are off: Fusion draws a disabled one's box
in the window's own colour, a shade darker (1.1:1 on the dark theme), so a greyed option looks like
no option at all."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

_INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)


class _ClearIndicators(QProxyStyle):
    """Fusion, with a disabled box or circle outlined in the palette's disabled text colour (the muted
    text, which reads at 4.5:1 or more on the window in every theme)."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS or option.state & QStyle.StateFlag.State_Enabled:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pen = QPen(option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText))
        pen.setWidthF(1.0)
        painter.setPen(pen)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if element is QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRect(rect)
        painter.restore()


_style: _ClearIndicators | None = None


def clear_when_disabled(*widgets: QWidget) -> None:
    """Draw these check boxes or radio buttons with an outline that shows when they are disabled."""
    global _style
    if _style is None:
        _style = _ClearIndicators("Fusion")
    for widget in widgets:
        widget.setStyle(_style)
