"""QR codes of the leaflet's contact links, for the Contact Us page: a family takes the telephone
number, the e-mail address and the web addresses home on a phone (the only way to take anything
away from a kiosk). Each code is labelled in the current language ("Scan to call", ...)."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from leaflet_app.content import Leaflet
from leaflet_app.export.qr_paint import DARK, LIGHT, paint_code
from leaflet_app.fonts import family_line_height
from leaflet_app.i18n import _, translator
from leaflet_app.qr import ContactLink, contact_links
from leaflet_app.theme import contrast_ratio, relative_luminance
from leaflet_app.ui.flow_layout import FlowLayout

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


def breakable(address: str) -> str:
    """``address`` with invisible break opportunities after its slashes, dots and hyphens, so a
    long web address wraps inside a narrow label instead of being cut off."""
    return re.sub(r"([/.@-])(?=.)", "\\1\u200b", address)


class QrCodeView(QWidget):
    """One code, at least 3 cm across on screen (readable from 30 cm), quiet zone included."""

    def __init__(self, link: ContactLink, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="qrCode")
        self.link = link
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def module_pixels(self) -> int:
        dpi = max(self.logicalDpiX(), self.physicalDpiX(), 96)
        return max(2, math.ceil(self.link.module_mm() * dpi / 25.4))

    def sizeHint(self) -> QSize:
        side = self.link.modules() * self.module_pixels()
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        module = self.module_pixels()
        side = self.link.modules() * module
        painter = QPainter(self)
        dark, light = scannable_colours(self.palette())
        paint_code(painter, self.link, (self.width() - side) // 2, (self.height() - side) // 2, module, dark, light)
        painter.end()


class QrCodes(QWidget):
    """Every contact link's code with its label, wrapping onto more rows when narrow."""

    def __init__(self, leaflet: Leaflet, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="qrCodes")
        self.links = contact_links(leaflet)
        self.codes: list[QrCodeView] = []
        self.labels: list[QLabel] = []
        self.cells: list[QWidget] = []
        self.addresses: list[QLabel] = []
        flow = FlowLayout(self, spacing=self.fontMetrics().height())
        for link in self.links:
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            code = QrCodeView(link, cell)
            label = QLabel(cell, objectName="qrLabel")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            address = QLabel(breakable(link.shown), cell, objectName="qrAddress")
            address.setWordWrap(True)
            address.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            address.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # an address reads left to right
            address.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            column.addWidget(code, 0, Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label)
            column.addWidget(address)
            column.addStretch()
            code.setFixedSize(code.sizeHint())  # never squeezed below a scannable size
            flow.addWidget(cell)
            self.cells.append(cell)
            self.codes.append(code)
            self.labels.append(label)
            self.addresses.append(address)
        self.retranslate()

    def retranslate(self) -> None:
        lang = translator().current
        self.setLayoutDirection(lang.direction)
        font = lang.font(self.font().pointSizeF())  # the language's own script, whatever the window's font
        font.setBold(True)
        for link, code, label in zip(self.links, self.codes, self.labels, strict=True):
            text = _(link.label)
            label.setText(text)
            label.setLayoutDirection(lang.direction)
            label.setFont(font)
            # Room above and below for scripts whose ink rises beyond the line (Nastaliq).
            pad = round(QFontMetricsF(font).height() * (family_line_height(font.families()[0]) - 1) / 2)
            label.setContentsMargins(0, pad, 0, pad)
            code.setAccessibleName(f"{text}: {link.shown}")
        self.setAccessibleName(", ".join(_(link.label) for link in self.links))
        self._fit_cells()

    def _fit_cells(self) -> None:
        """Each cell as wide as its code (or 24 characters) and as tall as its wrapped labels:
        the flow layout places cells by their size hints, which know nothing of wrapping."""
        chars = self.fontMetrics().averageCharWidth() * 24
        for cell, code in zip(self.cells, self.codes, strict=True):
            width = max(code.width(), chars)
            cell.setFixedWidth(width)
            cell.setFixedHeight(cell.layout().totalHeightForWidth(width))
