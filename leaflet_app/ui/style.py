"""The app's style: Fusion, with plain, solid scroll bars.

Fusion draws everything from the palette, so a platform style cannot override a colour scheme.
Its scroll bars, though, are shaded gradients that take a millisecond or two to paint and whose
thumb is faint in the high-contrast schemes. Here the track is the button colour and the thumb
a solid block that stands out from it (at least 3:1, tested in every scheme).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOptionComplex, QStyleOptionSlider, QWidget

# How far the thumb goes from the track colour towards the text colour.
THUMB_SHARE = 0.6


def mix(a: QColor, b: QColor, share: float) -> QColor:
    """``a`` moved ``share`` of the way to ``b``."""
    return QColor.fromRgbF(*(x + (y - x) * share for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3], strict=True)))


def scroll_colors(palette: QPalette, active: bool = False) -> tuple[QColor, QColor]:
    """Track and thumb colours of a scroll bar; the thumb is the full text colour while in use."""
    track = palette.color(QPalette.ColorRole.Button)
    text = palette.color(QPalette.ColorRole.ButtonText)
    return track, (text if active else mix(track, text, THUMB_SHARE))


class LeafletStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        if control != QStyle.ComplexControl.CC_ScrollBar or not isinstance(option, QStyleOptionSlider):
            super().drawComplexControl(control, option, painter, widget)
            return
        C = QStyle.SubControl
        active = bool(option.activeSubControls & C.SC_ScrollBarSlider) and bool(
            option.state & (QStyle.StateFlag.State_Sunken | QStyle.StateFlag.State_MouseOver))
        track, thumb = scroll_colors(option.palette, active)
        painter.fillRect(option.rect, track)
        slider = self.subControlRect(control, option, C.SC_ScrollBarSlider, widget)
        if slider.isValid() and option.maximum > option.minimum:
            painter.fillRect(slider.adjusted(2, 2, -2, -2), thumb)
        horizontal = option.orientation.value == 1  # Qt.Orientation.Horizontal
        P = QStyle.PrimitiveElement
        for sub, forward in ((C.SC_ScrollBarSubLine, False), (C.SC_ScrollBarAddLine, True)):
            rect = self.subControlRect(control, option, sub, widget)
            if not rect.isValid():
                continue
            if horizontal:
                rtl = option.direction.value == 2  # Qt.LayoutDirection.RightToLeft
                arrow = P.PE_IndicatorArrowRight if forward != rtl else P.PE_IndicatorArrowLeft
            else:
                arrow = P.PE_IndicatorArrowDown if forward else P.PE_IndicatorArrowUp
            arrow_option = QStyleOptionSlider(option)
            arrow_option.rect = rect
            self.drawPrimitive(arrow, arrow_option, painter, widget)
