"""Drawing QR codes: as filled rectangles (crisp at any resolution, in a PDF they are vectors),
dark on light, with their quiet zone; and the labelled block of codes that ends the PDF."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPaintDevice, QPainter, QTextDocument

from leaflet_app.catalogues import SOURCE_LANGUAGE
from leaflet_app.content import Leaflet
from leaflet_app.export.document import draw_on_paper, small_document
from leaflet_app.i18n import Localizer, localizer
from leaflet_app.qr import ContactLink, contact_links

DARK = QColor("black")
LIGHT = QColor("white")


def paint_code(painter: QPainter, link: ContactLink, left: float, top: float, module: float,
               dark: QColor = DARK, light: QColor = LIGHT) -> float:
    """Draw ``link``'s code with its top-left corner (quiet zone included) at ``left, top``;
    returns its width. Dark runs are merged so no hairline seams appear between modules."""
    matrix = link.matrix()
    size = len(matrix) * module
    painter.fillRect(QRectF(left, top, size, size), light)
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                painter.fillRect(QRectF(left + start * module, top + y * module, (x - start) * module, module), dark)
            else:
                x += 1
    return size


def label_lines(link: ContactLink, lang: Localizer, english: Localizer | None,
                points: float) -> list[tuple[str, Localizer, float, bool]]:
    """What is written under a code: what it does (in the language, and in English when
    bilingual), then the address itself, left to right."""
    lines = [(lang.gettext(link.label), lang, points, True)]
    if english is not None and english.code != lang.code:
        lines.append((link.label, english, points, False))
    lines.append((link.shown, localizer(SOURCE_LANGUAGE), points, False))
    return lines


class QrBlock:
    """The contact links' codes in rows under the contact section, each with its label."""

    def __init__(self, device: QPaintDevice, leaflet: Leaflet, lang: Localizer, english: Localizer | None,
                 width: float, points: float, direction: Qt.LayoutDirection) -> None:
        self.links = contact_links(leaflet)
        dpi = device.logicalDpiX()
        self.gap = 4 * dpi / 25.4  # 4 mm between codes
        # Whole device pixels per module, so every module edge falls on the same grid.
        self.module = {link.target: max(1, round(link.module_mm() * dpi / 25.4)) for link in self.links}
        code_w = max((self.size(link) for link in self.links), default=0)
        self.cell = max(code_w, (40 if points < 14 else 70) * dpi / 25.4)
        columns = max(1, int((width + self.gap) // (self.cell + self.gap)))
        self.rows = [self.links[i:i + columns] for i in range(0, len(self.links), columns)]
        self.width, self.direction = width, direction
        self.labels: dict[str, QTextDocument] = {
            link.target: small_document(label_lines(link, lang, english, points), self.cell, direction, device,
                                        centre=True)
            for link in self.links
        }
        self.row_heights = [
            max(self.size(link) + self.labels[link.target].size().height() for link in row) + self.gap
            for row in self.rows
        ]

    def size(self, link: ContactLink) -> int:
        return link.modules() * self.module[link.target]

    def place(self, start_y: float, page_height: float, page: int) -> list[tuple[int, int, float]]:
        """Where each row goes: (page, row, top within the page's text area), from ``start_y``
        on ``page``; a row that does not fit starts the next page."""
        placements, y = [], start_y
        for index, height in enumerate(self.row_heights):
            if y + height > page_height and y > 0:
                page, y = page + 1, 0.0
            placements.append((page, index, y))
            y += height
        return placements

    def paint_row(self, painter: QPainter, index: int, top: float) -> None:
        row = self.rows[index]
        rtl = self.direction == Qt.LayoutDirection.RightToLeft
        for i, link in enumerate(row):
            left = i * (self.cell + self.gap)
            if rtl:
                left = self.width - left - self.cell
            size = self.size(link)
            paint_code(painter, link, left + (self.cell - size) / 2, top, self.module[link.target])
            painter.save()
            painter.translate(left, top + size)
            draw_on_paper(painter, self.labels[link.target])
            painter.restore()
