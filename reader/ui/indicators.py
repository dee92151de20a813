"""Check boxes and radio buttons whose box or circle shows: Fusion draws an unticked one's outline (and
a disabled one's) in the window's own colour, a shade darker (1.1:1 on the dark theme, under 2:1 on
the others), so an option looks like plain text, and a greyed one like no option at all."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

_INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)


class _ClearIndicators(QProxyStyle):
    """Fusion, with each box or circle outlined in the palette's text colour, or for a disabled one its
    disabled text colour (the muted text): both read at 4.5:1 or more on the window in every theme.
    A focused one keeps Fusion's accent outline."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS:
            return
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        if enabled and option.state & QStyle.StateFlag.State_HasFocus:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        pen = QPen(option.palette.color(group, QPalette.ColorRole.WindowText))
        pen.setWidthF(1.0)
        painter.setPen(pen)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if element is QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRect(rect)
        painter.restore()


_style: _ClearIndicators | None = None


def clear_indicators(*widgets: QWidget) -> None:
    """Draw these check boxes or radio buttons with an outline that shows, ticked or not, enabled or not."""
    global _style
    if _style is None:
        _style = _ClearIndicators("Fusion")
    for widget in widgets:
        widget.setStyle(_style)
