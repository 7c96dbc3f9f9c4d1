"""Leaflet text as a QTextDocument, in one language or two, block by block.

Each catalogue message is one block, so two languages pair up exactly: block *i* of English and
block *i* of Polish are the same message. A block carries its own language's direction, fonts
and line height, so an English column and an Urdu column each read correctly side by side.
Used by the side-by-side view on screen and by the PDF.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPaintDevice,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextListFormat,
    QTextOption,
    QTextTableFormat,
)

from leaflet_app.content import Leaflet, Section
from leaflet_app.fonts import family_line_height
from leaflet_app.i18n import Localizer
from leaflet_app.render import Block, LeafletRenderer

# The two ways of pairing languages.
COLUMNS = "columns"  # a row per message: first language left, second right
STACKED = "stacked"  # each message in the first language, then in the second, one column

# Lengths in a document's formats (margins, padding) are pixels at 96 dpi: Qt scales them to the
# device it lays out for.
PX_PER_POINT = 96 / 72
_LIST_STYLES = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle, QTextListFormat.Style.ListSquare)


@dataclass(frozen=True)
class TextStyle:
    point_size: float = 12.0
    heading_scale: float = 1.35
    paragraph_gap: float = 0.5  # space after a paragraph, in ems
    section_gap: float = 1.2  # space above a section heading, in ems (not above the first)
    line_height: float = 1.0  # at least this many times the font's line height (1.5: large print)
    readable: bool = False  # the easy-to-read typeface for Latin, Greek and Cyrillic
    italics: bool = True  # False: emphasis in bold (RNIB: italics are hard to read in large print)
    link_colour: str = ""  # links in this colour (paper); empty: the palette's (screen)


def new_document(style: TextStyle, direction: Qt.LayoutDirection = Qt.LayoutDirection.LeftToRight,
                 paint_device: QPaintDevice | None = None) -> QTextDocument:
    """An empty document; laid out for ``paint_device`` (a printer, a PDF) if given, with
    design metrics so that what is measured is what is printed."""
    doc = QTextDocument()
    if paint_device is not None:
        doc.documentLayout().setPaintDevice(paint_device)
        doc.setUseDesignMetrics(True)
    option = QTextOption()
    option.setTextDirection(direction)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    font = QFont("Noto Sans")
    font.setPointSizeF(style.point_size)
    doc.setDefaultFont(font)
    return doc


class BlockWriter:
    """Appends blocks to a document at a cursor, each formatted for its own language."""

    def __init__(self, style: TextStyle) -> None:
        self.style = style

    def _block_format(self, block: Block, lang: Localizer, first: bool) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLayoutDirection(lang.direction)
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)  # the leading edge: mirrored in right-to-left blocks
        size = self.style.point_size * (self.style.heading_scale if block.kind == "heading" else 1.0)
        families = lang.font(size, self.style.readable).families()
        height = max(self.style.line_height, family_line_height(families[0]) if families else 1.0)
        if height != 1.0:
            fmt.setLineHeight(round(height * 100), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        points_to_px = PX_PER_POINT
        fmt.setBottomMargin(self.style.point_size * self.style.paragraph_gap * points_to_px)
        if block.kind == "heading":
            fmt.setHeadingLevel(2)
            if not first:
                fmt.setTopMargin(self.style.point_size * self.style.section_gap * points_to_px)
        return fmt

    def _char_format(self, block: Block, lang: Localizer) -> QTextCharFormat:
        size = self.style.point_size * (self.style.heading_scale if block.kind == "heading" else 1.0)
        font = lang.font(size, self.style.readable)
        fmt = QTextCharFormat()
        fmt.setFontFamilies(font.families())
        fmt.setFontPointSize(size)
        if block.kind == "heading":
            fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

    def write(self, cursor: QTextCursor, block: Block, lang: Localizer, new_block: bool, first: bool = False,
              tight: bool = False) -> None:
        """Write ``block`` at ``cursor``: in a new paragraph, or in the (empty) current one.
        ``tight``: little space after it (its translation follows)."""
        fmt = self._block_format(block, lang, first)
        if tight:
            fmt.setBottomMargin(fmt.bottomMargin() / 4)
        if new_block:
            cursor.insertBlock(fmt, QTextCharFormat())
        else:
            cursor.setBlockFormat(fmt)
        if block.kind == "item":
            lst = QTextListFormat()
            lst.setStyle(_LIST_STYLES[(block.depth - 1) % len(_LIST_STYLES)])
            lst.setIndent(block.depth)
            cursor.createList(lst)
        start = cursor.position()
        html_text = block.html
        if not self.style.italics:
            html_text = html_text.replace("<em>", "<strong>").replace("</em>", "</strong>")
        if self.style.link_colour:
            html_text = html_text.replace("<a href=", f'<a style="color:{self.style.link_colour}" href=')
        cursor.insertHtml(html_text)
        cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(self._char_format(block, lang))
        cursor.setPosition(cursor.selectionEnd())


def write_blocks(doc: QTextDocument, pairs: Sequence[tuple[Block, Block | None]], first: Localizer,
                 second: Localizer | None, style: TextStyle, layout: str = COLUMNS,
                 cursor: QTextCursor | None = None) -> None:
    """Append ``pairs`` (a block of the first language and the same block of the second, or
    None for one language only) to ``doc``."""
    writer = BlockWriter(style)
    cursor = cursor or QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    fresh = doc.isEmpty()
    if second is None or layout == STACKED:
        for i, (a, b) in enumerate(pairs):
            paired = second is not None and b is not None
            writer.write(cursor, a, first, new_block=not (fresh and i == 0), first=fresh and i == 0, tight=paired)
            if paired:
                writer.write(cursor, b, second, new_block=True, first=True)
        return
    table_format = QTextTableFormat()
    table_format.setBorder(0)
    table_format.setCellPadding(0)
    table_format.setCellSpacing(0)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 50)] * 2)
    table = cursor.insertTable(len(pairs), 2, table_format)
    gap = style.point_size * PX_PER_POINT
    for row, (a, b) in enumerate(pairs):
        for column, (block, lang) in enumerate(((a, first), (b, second))):
            if block is None:
                continue
            cell = table.cellAt(row, column)
            cell_format = cell.format().toTableCellFormat()
            # A gutter between the columns, on the inner side of each.
            if column == 0:
                cell_format.setRightPadding(gap)
            else:
                cell_format.setLeftPadding(gap)
            cell.setFormat(cell_format)
            cell_cursor = cell.firstCursorPosition()
            writer.write(cell_cursor, block, lang, new_block=False, first=row == 0)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def section_pairs(renderer: LeafletRenderer, section: Section, first: Localizer,
                  second: Localizer | None) -> list[tuple[Block, Block | None]]:
    a = renderer.section_blocks(section, first.pgettext)
    if second is None:
        return [(block, None) for block in a]
    b = renderer.section_blocks(section, second.pgettext)
    return list(zip(a, b, strict=True))


def leaflet_document(leaflet: Leaflet, first: Localizer, second: Localizer | None, style: TextStyle,
                     layout: str = COLUMNS, sections: Sequence[str] | None = None,
                     paint_device: QPaintDevice | None = None, starts: dict[str, int] | None = None) -> QTextDocument:
    """The leaflet's sections (all, or those named) in one language, or two paired up.
    ``starts``, if given, receives each section's first position in the document."""
    renderer = LeafletRenderer(leaflet)
    doc = new_document(style, first.direction if second is None else Qt.LayoutDirection.LeftToRight, paint_device)
    for section in leaflet.sections:
        if sections is not None and section.id not in sections:
            continue
        if starts is not None:
            starts[section.id] = 0 if doc.isEmpty() else doc.characterCount()
        write_blocks(doc, section_pairs(renderer, section, first, second), first, second, style, layout)
    return doc


def small_document(lines: Sequence[tuple[str, Localizer, float, bool]], width: float,
                   direction: Qt.LayoutDirection, paint_device: QPaintDevice | None = None,
                   centre: bool = False) -> QTextDocument:
    """A few plain-text lines ``(text, language, points, bold)``, each in its language's font,
    aligned to the leading edge of ``direction`` (or centred). Long addresses may break anywhere."""
    doc = new_document(TextStyle(), direction, paint_device)
    doc.setDocumentMargin(0)
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    cursor = QTextCursor(doc)
    for i, (text, lang, points, bold) in enumerate(lines):
        writer = BlockWriter(TextStyle(point_size=points, heading_scale=1.0, paragraph_gap=0.15))
        block = Block("heading" if bold else "paragraph", 0, html.escape(text, quote=False), text)
        writer.write(cursor, block, lang, new_block=i > 0, first=True)
        fmt = cursor.blockFormat()
        fmt.setHeadingLevel(0)
        if centre:
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        elif lang.direction != direction:  # a line in another direction keeps the page's alignment
            fmt.setAlignment(Qt.AlignmentFlag.AlignLeft if direction == Qt.LayoutDirection.LeftToRight
                             else Qt.AlignmentFlag.AlignRight)
            fmt.setAlignment(fmt.alignment() | Qt.AlignmentFlag.AlignAbsolute)
        cursor.setBlockFormat(fmt)
    doc.setTextWidth(width)
    return doc


def missing_glyphs(doc: QTextDocument) -> list[str]:
    """The text of every block that, as laid out, draws a glyph its font does not have
    (glyph 0, ".notdef", a box on paper). Empty when every letter has its glyph."""
    doc.size()  # finish the layout
    found = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for number in range(layout.lineCount() if layout is not None else 0):
            line = layout.lineAt(number)  # kept: the runs refer to it
            runs = line.glyphRuns()
            if any(0 in run.glyphIndexes() for run in runs):
                found.append(block.text())
                break
        block = block.next()
    return found


def keep_headings_with_text(doc: QTextDocument, page_height: float) -> None:
    """Move a heading that would end a page (its text on the next) to the next page. For the
    paginated document of a PDF; headings inside table cells (bilingual rows) stay."""
    doc.size()
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        following = block.next()
        fmt = block.blockFormat()
        if fmt.headingLevel() and following.isValid() and block.layout().lineCount() and not block.textList():
            top = layout.blockBoundingRect(block).top()
            after = layout.blockBoundingRect(following)
            first_line = following.layout().lineAt(0).height() if following.layout().lineCount() else 0
            if int(top // page_height) != int((after.top() + first_line) // page_height) and top % page_height > 1:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                doc.size()
        block = following


def top_of(doc: QTextDocument, position: int) -> float:
    """Where the block (or the bilingual table) at ``position`` starts, in document units."""
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    table = cursor.currentTable()
    layout = doc.documentLayout()
    return layout.frameBoundingRect(table).top() if table else layout.blockBoundingRect(cursor.block()).top()


def break_page_before(doc: QTextDocument, position: int) -> None:
    """Start a new page at the block (or the bilingual table) at ``position``."""
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    table = cursor.currentTable()
    if table:
        fmt = table.format()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(fmt)
    else:
        fmt = QTextBlockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.mergeBlockFormat(fmt)
    doc.size()


def draw_on_paper(painter: QPainter, doc: QTextDocument, clip: QRectF | None = None) -> None:
    """Draw ``doc`` in black, whatever the screen's colour scheme (a dark scheme's white text
    would vanish on paper)."""
    ctx = QAbstractTextDocumentLayout.PaintContext()
    if clip is not None:
        ctx.clip = clip
    ctx.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    doc.documentLayout().draw(painter, ctx)
