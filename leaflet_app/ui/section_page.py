"""The page that shows a section's text, and the shelf that keeps pages already laid out.

Laying out a section takes several milliseconds in Nastaliq (Urdu); showing a page that is
already laid out takes almost nothing. So each (language, section, layout, text style) gets its
own page, built once and kept on the shelf: switching back to a language or text size the
family has just seen only shows its page again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QMimeData, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from leaflet_app.contacts import strip_isolates
from leaflet_app.fonts import family_line_height, has_script_letters, latin_font, latin_runs
from leaflet_app.native import PAGE_PROPERTY, TITLE_PROPERTY, install_page_accessible


class PageKey(NamedTuple):
    """What a page shows: one section, in one language and text style."""

    language: str
    section: str
    with_title: bool  # the leaflet's title and publisher above the heading
    style: tuple | None

# Characters per line beyond which reading gets harder (WCAG 1.4.8 asks for at most 80; 45-75
# is the comfortable range); wider windows get side margins.
MAX_LINE_CHARS = 70
# A view that holds fewer lines than this keeps its full width.
SHORT_VIEW_LINES = 5
# Each script's characters are as wide as its own text makes them, not as the font's average
# glyph says (a Bengali or Arabic glyph average is far wider than a character of running text).
_char_widths: dict[tuple[str, str], float] = {}


# Keys that move the caret when a screen reader is reading (they scroll the text otherwise).
CARET_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home,
              Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class SectionPage(QTextBrowser):
    """One section's text in one language and text style. Links are never opened: the app is
    offline. Its font, direction and document are set once: a page is never re-styled, another
    page is shown instead, so a page once laid out stays laid out."""

    zoomRequested = Signal(int)  # Ctrl+wheel: +1 larger, -1 smaller
    linkFocused = Signal(str)  # Tab moved onto a link: its text as shown

    def __init__(self, key: PageKey, document: QTextDocument, font: QFont, direction: Qt.LayoutDirection,
                 title_blocks: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_key = key
        self.title_blocks = title_blocks  # paragraphs above the section's heading
        # The paragraph to keep at the top while the layout settles (after a language or size
        # change the width can still change); forgotten as soon as the reader scrolls.
        self._anchor: int | None = None
        self.verticalScrollBar().sliderPressed.connect(self._forget_anchor)
        self.setObjectName("sectionText")
        # Screen readers get the page's own interface: its language, heading and links (native/).
        self.setProperty(PAGE_PROPERTY, True)
        self.setProperty(TITLE_PROPERTY, title_blocks)  # its first line is the level-1 heading
        if not install_page_accessible():
            # The viewport is not the page's focus too: to a screen reader one object has the
            # focus. (The pages' own interface has no viewport child, and asking Qt for the
            # viewport here would make PySide6 build a Python class for every kind of widget:
            # some 25 ms before the window first shows.)
            self.viewport().setFocusProxy(None)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalScrollBar().rangeChanged.connect(self._no_sideways_scroll)
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        # No text caret: the keys scroll the text (a caret would be drawn at the start of the
        # heading, over the first letter, and arrows would move it instead of the text).
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        # The margins of the reading column in the text's own background: one surface, no gutters.
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        # Set explicitly, so the window's (smaller) control font and direction never reach it.
        self.setFont(font)
        self.setLayoutDirection(direction)
        document.setParent(self)
        self.setDocument(document)

    @Slot(QRectF)
    def _q_ensureVisible(self, rect: QRectF) -> None:  # noqa: N802 - the name Qt asks for
        """A screen reader's say-all (or "find") moves on through the text: Qt's accessibility
        asks the text edit, by this name, to show that part (QAccessibleTextEdit::scrollToSubstring;
        Qt 6's QTextEdit no longer has the slot, so the view would stay put). ``rect`` is in the
        document's coordinates."""
        bar = self.verticalScrollBar()
        top, bottom, height = rect.top(), rect.bottom(), self.viewport().height()
        if top < bar.value():
            bar.setValue(int(top))
        elif bottom > bar.value() + height:
            bar.setValue(int(min(top, bottom - height)))
        self._anchor = None

    def _no_sideways_scroll(self, low: int, high: int) -> None:
        """Every line wraps at the page's width (a word longer than a line breaks anywhere), so
        nothing lies beyond it. Qt still counts, after a line that ends in a Latin word followed by
        Nastaliq, the overhang of the next line's first letter into that line's width (a few
        pixels, never drawn there): that phantom width must not let the page scroll sideways."""
        if high > low:
            self.horizontalScrollBar().setRange(0, 0)

    def _forget_anchor(self) -> None:
        self._anchor = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._anchor = None
        bar = self.verticalScrollBar()
        key, plain = event.key(), not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if key in CARET_KEYS and self._reading_with_a_screen_reader():
            super().keyPressEvent(event)  # the caret moves (the view follows it)
            return
        steps = {
            Qt.Key.Key_Up: -bar.singleStep(), Qt.Key.Key_Down: bar.singleStep(),
            Qt.Key.Key_PageUp: -bar.pageStep(), Qt.Key.Key_PageDown: bar.pageStep(),
        }
        if plain and key in steps:
            bar.setValue(bar.value() + steps[key])
        elif key == Qt.Key.Key_Space and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                              Qt.KeyboardModifier.ShiftModifier):
            shift = event.modifiers() == Qt.KeyboardModifier.ShiftModifier
            bar.setValue(bar.value() + (-bar.pageStep() if shift else bar.pageStep()))
        elif plain and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            bar.setValue(bar.minimum() if key == Qt.Key.Key_Home else bar.maximum())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _reading_with_a_screen_reader(self) -> bool:
        """With a screen reader running, the arrow keys move a caret through the text, so that
        it reads the line, word or letter reached (without one they scroll, and it says nothing).
        The caret starts at the first paragraph in view."""
        from PySide6.QtGui import QAccessible

        if not QAccessible.isActive():
            return False
        flags = self.textInteractionFlags()
        if not flags & Qt.TextInteractionFlag.TextSelectableByKeyboard:
            self.setTextInteractionFlags(flags | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            cursor = QTextCursor(self.document().findBlockByNumber(self.top_block()))
            self.setTextCursor(cursor)
        return True

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab moves from link to link in the text (and then on to the next control). A link
        is not an object of its own to a screen reader, so the view announces the one reached."""
        moved = super().focusNextPrevChild(forward)
        cursor = self.textCursor()
        if moved and self.hasFocus() and cursor.hasSelection() and cursor.charFormat().isAnchor():
            self.linkFocused.emit(strip_isolates(cursor.selectedText()).strip())
        return moved

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copies carry the text only: the isolates that keep contact details left to right on
        screen, and the zero-width and no-break spaces that place their line breaks, would travel
        into a text message or a dialler."""
        data = QMimeData()
        text = strip_isolates(self.textCursor().selection().toPlainText())
        data.setText(text.replace("\u200b", "").replace("\u00a0", " "))
        return data

    def mousePressEvent(self, event) -> None:
        self._anchor = None
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._anchor = None
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_column()
        super().resizeEvent(event)
        if self._anchor is not None:
            self.scroll_to_block(self._anchor)

    def _fit_column(self) -> None:
        """Centre the text in a column of readable width; narrow windows use the full width, and
        so do short ones not much wider than the column (large text, or Nastaliq's tall lines, on
        a 600 px laptop): a narrower column there would push the text itself below the fold."""
        font = self.font()
        line = self.fontMetrics().lineSpacing() * family_line_height((font.families() or [font.family()])[0])
        column = self._char_width() * MAX_LINE_CHARS
        if self.height() < SHORT_VIEW_LINES * line and self.width() < 2 * column:
            column = self.width()
        side = max(0, int(self.width() - column) // 2)
        if self.viewportMargins().left() != side:  # unchanged margins would still re-lay out the text
            self.setViewportMargins(side, 0, side, 0)

    def _char_width(self) -> float:
        """The mean advance of a character of this page's own text in its font (measured once
        per font and language, from the first six hundred characters)."""
        key = (self.font().key(), self.document_key.language)
        if key not in _char_widths:
            sample = " ".join(strip_isolates(self.document().toPlainText())[:600].split())
            metrics = QFontMetricsF(self.font())
            _char_widths[key] = metrics.horizontalAdvance(sample) / len(sample) if sample else metrics.averageCharWidth()
        return _char_widths[key]

    def top_block(self) -> int:
        """The number of the paragraph at the top of the view, to keep it there across languages:
        the one the page was asked to show, until the reader scrolls; otherwise measured."""
        if self._anchor is not None:
            return self._anchor
        doc = self.document()
        doc.size()  # finish the (otherwise lazy) layout, so positions are final
        layout, y = doc.documentLayout(), self.verticalScrollBar().value()
        found, block = 0, doc.begin()
        while block.isValid() and layout.blockBoundingRect(block).top() <= y + 1:
            found, block = block.blockNumber(), block.next()
        return found

    def scroll_to_heading(self) -> None:
        """The section from its heading; the first section from the leaflet's title above it when
        title and heading fit in view together (who the leaflet is from stays in sight)."""
        if self.title_blocks:
            doc = self.document()
            doc.size()
            heading = doc.findBlockByNumber(self.title_blocks)
            if doc.documentLayout().blockBoundingRect(heading).bottom() <= self.viewport().height():
                self.scroll_to_block(0)
                return
        self.scroll_to_block(self.title_blocks)

    def scroll_to_block(self, number: int) -> None:
        self._anchor = number
        if not self._scroll_now(number):  # the scroll range catches up with the layout a moment later
            QTimer.singleShot(0, self, lambda: self._scroll_now(number))

    def _scroll_now(self, number: int) -> bool:
        """Put paragraph ``number`` at the top; False if the scroll range is not there yet."""
        block = self.document().findBlockByNumber(number)
        if not block.isValid():
            return True
        self.document().size()  # finish the (otherwise lazy) layout, so positions are final
        # The first block from the very top (above it is only the document's margin).
        top = 0 if number == 0 else int(self.document().documentLayout().blockBoundingRect(block).top())
        bar = self.verticalScrollBar()
        bar.setValue(top)
        return bar.value() >= top


def format_document(doc: QTextDocument, language: str, spacing: bool, pixel_size: int) -> None:
    """Typography for the script of each paragraph, before the document is first laid out (so it
    costs no extra layout): Latin words and digits inside another script in the Latin face at the
    Latin size; line height by the paragraph's script (an English address line in an Urdu section
    gets Latin's); with ``spacing``, WCAG 1.4.12: line height 1.5 and paragraphs 2x the font size."""
    font = doc.defaultFont()
    latin = latin_font(font)
    script_height = family_line_height((font.families() or [font.family()])[0])
    base = 1.5 if spacing else 1.0
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        if latin is not None:
            _set_latin_runs(cursor, block, latin, font)
        height = max(base, script_height if has_script_letters(block.text()) else 1.0)
        cursor.setPosition(block.position())
        if (height != 1.0 or spacing) and cursor.currentTable() is None:  # the contact card keeps its lines
            from PySide6.QtGui import QTextBlockFormat  # not needed by English's first page

            fmt = QTextBlockFormat()
            fmt.setLineHeight(round(height * 100), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            if spacing:
                fmt.setBottomMargin(2 * pixel_size)
            cursor.mergeBlockFormat(fmt)
        block = block.next()


apply_spacing = format_document  # the name the view calls


def make_room_for_ink(doc: QTextDocument) -> None:
    """Nastaliq words cascade upwards beyond the font's ascent ("سنگین" in a heading by almost
    twice the text size): the first line's ink, measured, gets room above it, or the top of the
    page cuts it off. Lays out only the first paragraph; the rest is laid out once, as before."""
    block = doc.begin()
    if not block.isValid():
        return
    top = doc.documentLayout().blockBoundingRect(block).top()  # lays out this paragraph only
    if block.layout().lineCount() == 0:
        return
    line = block.layout().lineAt(0)
    ink = min((p.y() + run.rawFont().pathForGlyph(g).boundingRect().top()
               for run in line.glyphRuns() for g, p in zip(run.glyphIndexes(), run.positions(), strict=True)), default=0.0)
    if top + ink < 0:
        frame = doc.rootFrame().frameFormat()
        frame.setTopMargin(frame.topMargin() - (top + ink) + 2)
        doc.rootFrame().setFrameFormat(frame)


def _set_latin_runs(cursor: QTextCursor, block: QTextBlock, latin: QFont, font: QFont) -> None:
    """Set each Latin run of ``block`` in ``latin``, keeping each piece's own weight, link and
    relative size (a heading's Latin words stay heading-sized)."""
    scale = latin.pointSizeF() / font.pointSizeF() if font.pointSizeF() > 0 else latin.pixelSize() / font.pixelSize()
    pieces = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        pieces.append((fragment.position() - block.position(), fragment.length(), fragment.charFormat()))
        it += 1
    for start, end in latin_runs(block.text()):
        for offset, length, char_format in pieces:
            a, b = max(start, offset), min(end, offset + length)
            if a >= b:
                continue
            fmt = type(char_format)(char_format)
            size = char_format.font().pointSizeF()
            fmt.clearProperty(QTextFormat.Property.FontSizeAdjustment)  # it would override the size
            fmt.setFontFamilies(latin.families())
            if size > 0:
                fmt.setFontPointSize(size * scale)
            cursor.setPosition(block.position() + a)
            cursor.setPosition(block.position() + b, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)


# Pages kept laid out: enough for every language in both text styles of one section, and more.
KEPT_PAGES = 40


def _place(page: SectionPage, rect: QRect) -> None:
    """Give ``page`` the geometry ``rect`` now. Qt holds a hidden widget's resize until it is
    shown, and then reports its old size as none: the text would be laid out again on being
    shown, even when only its height has changed (a kept page under a taller toolbar). So a
    hidden page on a shelf on screen is told at once, with its real old size, as a shown one
    is. (While the window itself is not yet shown, the page is laid out once, when it is.)"""
    shelf = page.parentWidget()
    if page.isVisible() or shelf is None or not shelf.isVisible():
        page.setGeometry(rect)
        return
    sizes = [(widget, widget.size()) for widget in (page, page.viewport())]
    page.setGeometry(rect)
    for widget, before in sizes:  # the page first: its resize places the viewport
        if widget.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent):
            widget.setAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent, False)
            QCoreApplication.sendEvent(widget, QResizeEvent(widget.size(), before))


class PageShelf(QWidget):
    """Shows one page at a time and keeps the others, hidden, for when they are wanted again.

    Only the shown page follows the shelf's size; a kept page is laid out again only when it is
    shown at another size. The least recently shown pages are let go beyond ``KEPT_PAGES``.
    """

    def __init__(self, make_page: Callable[[PageKey], SectionPage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make_page = make_page
        self._pages: OrderedDict[PageKey, SectionPage] = OrderedDict()
        self.current: SectionPage | None = None
        self._held = False

    def hold(self) -> None:
        """The shown page is about to be replaced: until then it need not follow the shelf's
        size (laying it out again at a new width would be wasted)."""
        self._held = True

    def pages(self) -> list[SectionPage]:
        return list(self._pages.values())

    def show_key(self, key: PageKey) -> SectionPage:
        """Show the page for ``key`` (built if it is not kept) in place of the current one."""
        page = self._pages.pop(key, None)
        if page is None:
            page = self._make_page(key)
            page.setParent(self)
        self._pages[key] = page  # most recently shown last
        old, self.current, self._held = self.current, page, False
        if page.geometry() != self.rect():
            _place(page, self.rect())
        page.show()
        if old is not None and old is not page:
            if old.hasFocus():
                page.setFocus()  # before hiding the old page, so the focus does not wander off
            old.hide()
        while len(self._pages) > KEPT_PAGES:
            _, dropped = self._pages.popitem(last=False)
            # Not asked for again while it is taken down (Qt's own factory checks the same).
            dropped.setProperty(PAGE_PROPERTY, False)
            dropped.deleteLater()
        return page

    def keep(self, key: PageKey, make: Callable[[], SectionPage]) -> SectionPage:
        """The page for ``key``, made now if it is not kept (``make``), laid out at the shelf's
        size and kept unseen, first in line to be let go."""
        page = self._pages.get(key)
        if page is None:
            page = make()
            page.setParent(self)  # hidden, as a widget given a parent is
            _place(page, self.rect())  # laid out now, not when it is shown
            self._pages[key] = page
            self._pages.move_to_end(key, last=False)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.current is not None and not self._held:
            self.current.setGeometry(self.rect())
