"""The app's style: Fusion, with plain, solid scroll bars; clear radio and check boxes.

Fusion draws everything from the palette, so a platform style cannot override a colour scheme.
Its scroll bars, though, are shaded gradients that take a millisecond or two to paint and whose
thumb is faint in the high-contrast schemes. Here the track is the button colour and the thumb
a solid block that stands out from it (at least 3:1, tested in every scheme). Its radio and
check boxes are drawn in shades that all but vanish on black; ``IndicatorStyle``, set on each
of them, outlines and marks them in the text colour, thick enough to see at a glance.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

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


def button_face(palette: QPalette, on: bool, enabled: bool = True) -> tuple[QColor, QColor]:
    """Fill and text colour of a tool button: "on" (a checked toggle) is drawn in the highlight
    colours, so its state shows without reading its label."""
    group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
    if on:
        return palette.color(group, QPalette.ColorRole.Highlight), palette.color(group, QPalette.ColorRole.HighlightedText)
    return palette.color(group, QPalette.ColorRole.Button), palette.color(group, QPalette.ColorRole.ButtonText)


def paint_button_face(painter: QPainter, rect: QRect, palette: QPalette, line_height: int, enabled: bool,
                      on: bool, hovered: bool) -> None:
    """A button's face: flat, with an outline in the scheme's control colour (3:1 against the
    window, WCAG 1.4.11; Fusion's bevel is near-black on black), filled when on, dashed when
    disabled (greyed text alone is hard to tell apart in yellow on black)."""
    fill, _ = button_face(palette, on, enabled)
    if enabled and not on and hovered:
        fill = mix(fill, palette.color(QPalette.ColorRole.ButtonText), 0.08)
    line = max(1, round(line_height / 14))  # whole pixels: crisp, full colour
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(fill)
    group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
    pen = QPen(palette.color(group, QPalette.ColorRole.Mid), line)
    if not enabled:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    half = line / 2
    painter.drawRoundedRect(QRectF(rect).adjusted(half, half, -half, -half), 4, 4)
    painter.restore()


class LeafletStyle(QProxyStyle):
    """The application's style. Only what is painted rarely is overridden here: every
    override is a call into Python for each widget that Qt measures or paints."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        """Tool and push buttons: ``paint_button_face``."""
        if element not in (QStyle.PrimitiveElement.PE_PanelButtonTool, QStyle.PrimitiveElement.PE_PanelButtonCommand):
            super().drawPrimitive(element, option, painter, widget)
            return
        state = option.state
        paint_button_face(painter, option.rect, option.palette, option.fontMetrics.height(),
                          bool(state & QStyle.StateFlag.State_Enabled),
                          bool(state & (QStyle.StateFlag.State_On | QStyle.StateFlag.State_Sunken)),
                          bool(state & QStyle.StateFlag.State_MouseOver))

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        if control != QStyle.ComplexControl.CC_ScrollBar or not isinstance(option, QStyleOptionSlider):
            super().drawComplexControl(control, option, painter, widget)
            return
        if not painter.isActive() or (widget is not None and not shiboken6.isValid(widget)):
            return  # a scroll bar painted while its widget is being torn down: nothing to draw on
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


class IndicatorStyle(QProxyStyle):
    """For radio buttons and check boxes only (set on each): their boxes drawn clearly."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(LeafletStyle())
        self.setParent(parent)  # lives as long as the panel holding the buttons

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        P = QStyle.PrimitiveElement
        if element not in (P.PE_IndicatorRadioButton, P.PE_IndicatorCheckBox):
            super().drawPrimitive(element, option, painter, widget)
            return
        palette, state = option.palette, option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        ink = palette.color(group, QPalette.ColorRole.Text)
        side = min(option.rect.width(), option.rect.height())
        line = max(2.0, side / 8)
        box = QRectF(option.rect).adjusted(line / 2, line / 2, -line / 2, -line / 2)
        box.setSize(box.size().boundedTo(box.size().transposed()))  # square
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(palette.color(group, QPalette.ColorRole.Base))
        painter.setPen(QPen(ink, line))
        on = bool(state & QStyle.StateFlag.State_On)
        if element == P.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
            if on:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ink)
                inner = side * 0.22
                painter.drawEllipse(box.center(), inner, inner)
        else:
            painter.drawRect(box)
            if on or state & QStyle.StateFlag.State_NoChange:
                painter.setPen(QPen(ink, line * 1.3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                    Qt.PenJoinStyle.RoundJoin))
                w, h, x, y = box.width(), box.height(), box.left(), box.top()
                if on:
                    painter.drawPolyline([QPointF(x + w * 0.22, y + h * 0.52), QPointF(x + w * 0.42, y + h * 0.72),
                                          QPointF(x + w * 0.78, y + h * 0.28)])
                else:
                    painter.drawLine(QPointF(x + w * 0.25, y + h / 2), QPointF(x + w * 0.75, y + h / 2))
        painter.restore()

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        """Radio and check boxes as tall as the text beside them (Fusion keeps them small)."""
        if metric in (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
                      QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, QStyle.PixelMetric.PM_ExclusiveIndicatorHeight):
            if widget is not None:
                return max(super().pixelMetric(metric, option, widget), widget.fontMetrics().height() * 4 // 5)
        if metric in (QStyle.PixelMetric.PM_RadioButtonLabelSpacing, QStyle.PixelMetric.PM_CheckBoxLabelSpacing):
            if widget is not None:
                return max(super().pixelMetric(metric, option, widget), widget.fontMetrics().height() // 3)
        return super().pixelMetric(metric, option, widget)
