"""The leaflet on paper: a PDF file (QPdfWriter) or the printer (QPrinter), drawn the same way.

Qt shapes every script with HarfBuzz and embeds the bundled fonts (subsets) in the PDF. Every
page has the leaflet's title and the language's own name at the top, and at the bottom the
draft notice (in the language and in English, while the translation is unchecked) and
"page n of m". Right-to-left languages get right-to-left pages; their contact details stay
left-to-right (Unicode isolates, see contacts.py). The QR codes of the contact links follow
the contact section, which ends the leaflet.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal, format_percent
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from leaflet_app import APP_NAME
from leaflet_app.catalogues import SOURCE_LANGUAGE
from leaflet_app.content import Leaflet
from leaflet_app.export.document import (
    COLUMNS,
    PX_PER_POINT,
    STACKED,
    TextStyle,
    break_page_before,
    draw_on_paper,
    keep_headings_with_text,
    leaflet_document,
    small_document,
    top_of,
)
from leaflet_app.export.qr_paint import QrBlock
from leaflet_app.i18n import N_, Localizer, localizer
from leaflet_app.render import LeafletRenderer, plain
from leaflet_app.review_notice import BROKEN, DRAFT, INCOMPLETE  # the banner's messages: one catalogue entry each

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}

PAGE_OF = N_("Page {page} of {pages}")


@dataclass(frozen=True)
class PdfOptions:
    language: str = SOURCE_LANGUAGE
    bilingual: bool = False  # English and the language, message by message
    large_print: bool = False  # 18 pt and more throughout (RNIB's large-print guidance)
    paper: str = "a4"  # "a4" or "letter"


@dataclass(frozen=True)
class PageStyle:
    text: TextStyle
    margin_mm: float
    furniture_pt: float  # header and footer


LINK = "#0b4f9c"  # dark blue: 8.6:1 on white, and still dark in a grey-scale print
NORMAL = PageStyle(TextStyle(point_size=12, heading_scale=1.35, link_colour=LINK), margin_mm=18, furniture_pt=9.5)
# RNIB: large print is 16-18 pt and more, sans serif, generous spacing, nothing smaller.
LARGE = PageStyle(TextStyle(point_size=18, heading_scale=1.3, paragraph_gap=0.7, line_height=1.25,
                            italics=False, link_colour=LINK),
                  margin_mm=20, furniture_pt=18)


def draft_notice(lang: Localizer) -> list[tuple[str, Localizer]]:
    """The notice lines for a language that is not fully checked: its own, then English."""
    english = localizer(SOURCE_LANGUAGE)
    if lang.error is not None:
        return [(BROKEN.format(language=lang.english_name), english)]
    if lang.code == SOURCE_LANGUAGE or lang.status.state == "checked":
        return []
    if lang.status.state == "incomplete":
        return [(lang.gettext(INCOMPLETE), lang), (INCOMPLETE, english)]
    fraction = lang.status.fraction_checked
    return [(lang.gettext(DRAFT).format(percent=format_percent(fraction, locale=lang.code)), lang),
            (DRAFT.format(percent=format_percent(fraction, locale="en")), english)]


class PagePainter:
    """Lays the leaflet out for one paged device and paints it, page by page."""

    def __init__(self, device: QPagedPaintDevice, leaflet: Leaflet, options: PdfOptions) -> None:
        self.device, self.leaflet, self.options = device, leaflet, options
        self.lang = localizer(options.language)
        self.english = localizer(SOURCE_LANGUAGE)
        self.bilingual = options.bilingual and self.lang.code != SOURCE_LANGUAGE and self.lang.error is None
        self.style = LARGE if options.large_print else NORMAL
        self.dpi = device.resolution()
        rect = device.pageLayout().paintRectPixels(self.dpi)
        self.width, self.height = float(rect.width()), float(rect.height())
        self.direction = self.lang.direction if not self.bilingual else Qt.LayoutDirection.LeftToRight
        self.texts = LeafletRenderer(leaflet).texts(self.lang.pgettext)
        self.notice = draft_notice(self.lang)

    def _header(self) -> QTextDocument:
        pt = self.style.furniture_pt
        title = f"{plain(self.texts.title)} · {self.lang.own_name}"
        lines = [(title, self.lang, pt, True)]
        if self.bilingual:
            english_title = plain(LeafletRenderer(self.leaflet).texts(self.english.pgettext).title)
            lines.insert(0, (english_title, self.english, pt, True))
        return small_document(lines, self.width, self.direction, self.device)

    def _footer(self, page: int, pages: int) -> QTextDocument:
        pt = self.style.furniture_pt
        code = self.lang.code if self.lang.error is None else SOURCE_LANGUAGE
        numbers = {"page": format_decimal(page, locale=code), "pages": format_decimal(pages, locale=code)}
        lines = [(text, lang, pt, False) for text, lang in self.notice]
        page_lang = self.lang if self.lang.error is None else self.english
        lines.append((page_lang.gettext(PAGE_OF).format(**numbers), page_lang, pt, False))
        return small_document(lines, self.width, self.direction, self.device)

    def paint(self, painter: QPainter) -> int:
        """Paint every page; returns the number of pages."""
        gap = self.style.furniture_pt * self.dpi / 72
        header = self._header()
        header_h = header.size().height() + gap
        footer_h = self._footer(99, 99).size().height() + gap
        body_h = self.height - header_h - footer_h
        doc, qr, placements = self._layout(body_h, gap)
        text_pages = doc.pageCount()
        pages = max(text_pages, placements[-1][0] + 1 if placements else text_pages)
        for page in range(pages):
            if page:
                self.device.newPage()
            draw_on_paper(painter, header)
            painter.save()
            pen = QPen(QColor("#555555"))
            pen.setWidthF(self.dpi / 144)
            painter.setPen(pen)
            painter.drawLine(QPointF(0, header_h - gap / 2), QPointF(self.width, header_h - gap / 2))
            painter.restore()
            if page < text_pages:
                self._paint_body(painter, doc, page, header_h, body_h)
            for on_page, row, y in placements:
                if on_page == page:
                    qr.paint_row(painter, row, header_h + y)
            footer = self._footer(page + 1, pages)
            painter.save()
            painter.translate(0, self.height - footer.size().height())
            draw_on_paper(painter, footer)
            painter.restore()
        return pages

    def _layout(self, body_h: float, gap: float) -> tuple[QTextDocument, QrBlock, list[tuple[int, int, float]]]:
        """The text paginated, and where the rows of QR codes go: right after the contact
        section, which moves to a new page if that keeps it and its codes together."""
        starts: dict[str, int] = {}
        doc = leaflet_document(
            self.leaflet, self.english if self.bilingual else self.lang, self.lang if self.bilingual else None,
            self.style.text, STACKED if self.options.large_print else COLUMNS, paint_device=self.device,
            starts=starts,
        )
        # A margin at the top and bottom of every page of text: Nastaliq's ink rises well above
        # its line, and must not reach into the page before.
        frame = doc.rootFrame().frameFormat()
        frame.setMargin(0)
        frame.setTopMargin(self.style.text.point_size * 0.8 * PX_PER_POINT)
        frame.setBottomMargin(self.style.text.point_size * 0.8 * PX_PER_POINT)
        doc.rootFrame().setFrameFormat(frame)
        doc.setPageSize(QSizeF(self.width, body_h))
        keep_headings_with_text(doc, body_h)
        qr = QrBlock(self.device, self.leaflet, self.lang, self.english if self.bilingual else None,
                     self.width, 18 if self.options.large_print else self.style.furniture_pt, self.direction)
        codes_h = sum(qr.row_heights) + 2 * gap
        contact = starts.get(self.leaflet.contact_section)
        if contact is not None:
            top, end = top_of(doc, contact), doc.size().height()
            end_on_page = end - (doc.pageCount() - 1) * body_h
            split = top // body_h != (end - 1) // body_h  # the section runs over onto another page
            if ((split or end_on_page + codes_h > body_h) and end - top + codes_h <= body_h
                    and top % body_h > body_h * 0.05):
                break_page_before(doc, contact)
        end_y = doc.size().height() - (doc.pageCount() - 1) * body_h
        return doc, qr, qr.place(end_y + gap * 2, body_h, doc.pageCount() - 1)

    def _paint_body(self, painter: QPainter, doc: QTextDocument, page: int, top: float, body_h: float) -> None:
        painter.save()
        painter.translate(0, top - page * body_h)
        clip = QRectF(0, page * body_h, self.width, body_h)
        painter.setClipRect(clip)
        draw_on_paper(painter, doc, clip)
        painter.restore()


def setup_page(device: QPagedPaintDevice, options: PdfOptions) -> None:
    style = LARGE if options.large_print else NORMAL
    margin = style.margin_mm
    layout = QPageLayout(QPageSize(PAPERS[options.paper]), QPageLayout.Orientation.Portrait,
                         QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)
    device.setPageLayout(layout)


def paint_leaflet(device: QPagedPaintDevice, leaflet: Leaflet, options: PdfOptions) -> int:
    """Draw the whole leaflet on ``device`` (its page layout already set); returns the page count."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start drawing on the output (is the file or printer writable?)")
    try:
        return PagePainter(device, leaflet, options).paint(painter)
    finally:
        painter.end()


def write_pdf(leaflet: Leaflet, path: Path, options: PdfOptions) -> int:
    """Write the leaflet as a PDF (PDF/A-1b) to ``path``, atomically; returns the page count."""
    if options.paper not in PAPERS:
        raise ValueError(f"unknown paper '{options.paper}'; valid: {', '.join(PAPERS)}")
    path = Path(path).resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
        writer.setResolution(600)
        lang = localizer(options.language)
        title = plain(LeafletRenderer(leaflet).texts(lang.pgettext).title)
        writer.setTitle(f"{title} ({lang.own_name})")
        writer.setCreator(APP_NAME)
        setup_page(writer, options)
        pages = paint_leaflet(writer, leaflet, options)
        del writer  # finishes the file
        if os.path.getsize(tmp) == 0:
            raise OSError("the PDF came out empty")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a PDF is for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return pages

