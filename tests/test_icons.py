"""Interface icons (ui/icons.py): drawn once per size and filled with each colour, they must look
exactly as the SVG drawn in that colour would."""

from __future__ import annotations

import pytest
from conftest import ROOT
from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from leaflet_app.ui import icons

NAMES = sorted(p.stem for p in (ROOT / "resources" / "icons" / "ui").glob("*.svg"))
COLORS = ["#000000", "#ffffff", "#ffff00", "#1b1b1b", "#0b57d0", "#767676"]  # the schemes' inks


def drawn_in(name: str, color: str, px: int) -> QImage:
    """The SVG drawn directly with ``currentColor`` set to ``color``."""
    svg = (ROOT / "resources" / "icons" / "ui" / f"{name}.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color).encode("utf-8")))
    image = QImage(px, px, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, px, px))
    painter.end()
    return image


def largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference of any channel, premultiplied by alpha (as the pixels are laid over
    the button): a faint edge pixel's colour, exact to a few levels, counts for what it adds."""
    assert a.size() == b.size()

    def premultiplied(c: QColor) -> list[int]:
        return [c.alpha(), *(round(v * c.alpha() / 255) for v in c.getRgb()[:3])]

    return max(abs(u - v) for y in range(a.height()) for x in range(a.width())
               for u, v in zip(premultiplied(a.pixelColor(x, y)), premultiplied(b.pixelColor(x, y)), strict=True))


@pytest.mark.parametrize("name", NAMES)
def test_an_icon_filled_with_a_colour_is_the_svg_drawn_in_it(qapp, name: str) -> None:
    for px in (16, 22, 31):
        for color in COLORS:
            image = icons.pixmap(name, QColor(color), px).toImage().convertToFormat(
                QImage.Format.Format_ARGB32_Premultiplied)
            assert largest_difference(image, drawn_in(name, color, px)) <= 2, (name, px, color)


def test_every_icon_is_drawn_in_one_colour_only() -> None:
    """Filling the shape with the ink is right only for single-colour SVGs (Lucide's ``currentColor``)."""
    for name in NAMES:
        svg = (ROOT / "resources" / "icons" / "ui" / f"{name}.svg").read_text(encoding="utf-8")
        assert "currentColor" in svg and "#" not in svg.replace("currentColor", ""), name
