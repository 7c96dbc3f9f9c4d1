"""QR codes of the leaflet's contact links, for the Contact Us page: a family takes the telephone
number, the e-mail address and the web addresses home on a phone (the only way to take anything
away from a kiosk). The page puts them in its document under the contact card, each labelled in
the current language ("Scan to call", ...); this module paints them."""

from __future__ import annotations

import math

from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from leaflet_app.export.qr_paint import DARK, LIGHT, paint_code
from leaflet_app.qr import ContactLink
from leaflet_app.theme import contrast_ratio, relative_luminance

# Scanners expect dark modules on a light ground, and enough contrast between them.
SCANNABLE_CONTRAST = 7.0


def scannable_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """The scheme's text and background colours if they are dark on light with high contrast,
    otherwise black on white (a yellow-on-black scheme would give an inverted code)."""
    dark = palette.color(QPalette.ColorRole.WindowText)
    light = palette.color(QPalette.ColorRole.Window)
    if relative_luminance(dark) < relative_luminance(light) and contrast_ratio(dark, light) >= SCANNABLE_CONTRAST:
        return dark, light
    return DARK, LIGHT


def qr_images(links: list[ContactLink], palette: QPalette, dpi: float, least_px: int = 0) -> list[tuple[str, QImage]]:
    """Each link's code as an image named ``qr:N``: at least 3 cm across at ``dpi`` (scannable
    from 30 cm) and ``least_px`` (as large as the text around it), whole pixels per module."""
    dark, light = scannable_colours(palette)
    images = []
    for n, link in enumerate(links):
        module = max(2, math.ceil(link.module_mm() * max(dpi, 96) / 25.4), math.ceil(least_px / link.modules()))
        side = link.modules() * module
        image = QImage(side, side, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        paint_code(painter, link, 0, 0, module, dark, light)
        painter.end()
        images.append((f"qr:{n}", image))
    return images
