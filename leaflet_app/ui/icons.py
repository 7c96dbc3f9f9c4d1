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


_names: dict[str, None] = {}  # every icon drawn so far, in order


@cache
def _shape(name: str, px: int, ratio: float) -> QImage:
    """The icon drawn once per size: its coverage (alpha only), whatever colour it is shown in."""
    _names[name] = None
    data = QByteArray(_svg(name).replace("currentColor", "#000000").encode("utf-8"))
    renderer = QSvgRenderer(data)
    side = max(1, round(px * ratio))
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_Alpha8)


@cache
def _image(name: str, color: str, px: int, ratio: float) -> QImage:
    """``color`` through the shape's coverage (the icons are drawn in one colour, ``currentColor``):
    a button's three variants cost one SVG rendering, not three. (Not a painter's fill: that is
    five times slower, and makes PySide load QGradient's 180 presets at start-up.)"""
    shape = _shape(name, px, ratio)
    image = QImage(shape.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(color))
    image.setAlphaChannel(shape)
    image.setDevicePixelRatio(ratio)
    return image


def pixmap(name: str, color: QColor, px: int, ratio: float = 1.0) -> QPixmap:
    return QPixmap.fromImage(_image(name, color.name(), px, ratio))


def icon(name: str, palette: QPalette, px: int, ratio: float = 1.0,
         role: QPalette.ColorRole = QPalette.ColorRole.ButtonText) -> QIcon:
    """``name`` at ``px`` in the palette's text colour; greyed when disabled, in the highlighted
    text colour when selected. (QIcon takes the Normal picture for Active, and the Off picture
    for On: each is drawn once.)"""
    result = QIcon()
    variants = (
        (QIcon.Mode.Normal, palette.color(QPalette.ColorGroup.Active, role)),
        (QIcon.Mode.Disabled, palette.color(QPalette.ColorGroup.Disabled, role)),
        (QIcon.Mode.Selected, palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)),
    )
    for mode, color in variants:
        result.addPixmap(pixmap(name, color, px, ratio), mode, QIcon.State.Off)
    return result


def draw_ahead(px: int, ratio: float = 1.0) -> None:
    """Every icon drawn so far, drawn at ``px`` too (the control size of a script not yet shown)."""
    for name in list(_names):
        _shape(name, px, ratio)


def icon_size(px: int) -> QSize:
    return QSize(px, px)
