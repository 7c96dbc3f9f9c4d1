"""Interface icons: Lucide SVGs (``resources/icons/ui``) drawn in the palette's colours.

The SVGs use ``currentColor``; each icon is rendered at the exact size a control asks for, in
the colour of its text (and the disabled and highlighted variants), so every scheme — the
high-contrast ones included — recolours them, and they stay crisp at every text size.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from leaflet_app import paths


@cache
def _svg(name: str) -> str:
    return (paths.resources_dir() / "icons" / "ui" / f"{name}.svg").read_text(encoding="utf-8")


@cache
def _image(name: str, color: str, px: int, ratio: float) -> QImage:
    data = QByteArray(_svg(name).replace("currentColor", color).encode("utf-8"))
    renderer = QSvgRenderer(data)
    side = max(1, round(px * ratio))
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def pixmap(name: str, color: QColor, px: int, ratio: float = 1.0) -> QPixmap:
    return QPixmap.fromImage(_image(name, color.name(), px, ratio))


def icon(name: str, palette: QPalette, px: int, ratio: float = 1.0,
         role: QPalette.ColorRole = QPalette.ColorRole.ButtonText) -> QIcon:
    """``name`` at ``px`` in the palette's text colour; greyed when disabled, in the highlighted
    text colour when selected. The same colours and size give the same QIcon (same ``cacheKey``),
    so a button given it again need not be laid out and repainted."""
    colors = (
        palette.color(QPalette.ColorGroup.Active, role).name(QColor.NameFormat.HexArgb),
        palette.color(QPalette.ColorGroup.Disabled, role).name(QColor.NameFormat.HexArgb),
        palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText).name(QColor.NameFormat.HexArgb),
    )
    return _icon(name, colors, px, ratio)


@cache
def _icon(name: str, colors: tuple[str, str, str], px: int, ratio: float) -> QIcon:
    normal, disabled, selected = (QColor(c) for c in colors)
    result = QIcon()
    variants = (
        (QIcon.Mode.Normal, normal),
        (QIcon.Mode.Active, normal),
        (QIcon.Mode.Disabled, disabled),
        (QIcon.Mode.Selected, selected),
    )
    for mode, color in variants:
        for state in (QIcon.State.Off, QIcon.State.On):
            result.addPixmap(pixmap(name, color, px, ratio), mode, state)
    return result


def icon_size(px: int) -> QSize:
    return QSize(px, px)


def set_icon(target, new: QIcon) -> None:
    """Give a button or action ``new`` unless it has it already: setting even the same icon
    again lays the button out and repaints it (a language switch sets every icon)."""
    if target.icon().cacheKey() != new.cacheKey():
        target.setIcon(new)
