"""The leaflet itself: title, the list of sections, and the page that shows one section's text.

Sections are listed down the leading side rather than in a tab bar: a vertical list wraps long
headings and stays usable at 300 % text, where a tab bar would clip or scroll its labels.
One page shows the chosen section; each section's document is rendered when first shown in a
language and style, and kept. Each section remembers its top paragraph, so coming back to it,
in any language or size, opens it where the reader left it. With one page there are no hidden
pages to lay out again when the window or the text size changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QGuiApplication,
    QResizeEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.content import Leaflet
from leaflet_app.fonts import letter_spacing_allowed, line_height
from leaflet_app.i18n import _, translator
from leaflet_app.render import LeafletRenderer, plain

# Characters per line beyond which reading gets harder; wider windows get side margins.
MAX_LINE_CHARS = 75


class SectionPage(QTextBrowser):
    """The text of the section being read. Links are never opened: the app is offline."""

    zoomRequested = Signal(int)  # Ctrl+wheel: +1 larger, -1 smaller

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_key: tuple | None = None  # (language, section, compact, style) shown
        self.applied_style: object = None
        # The paragraph to keep at the top while the layout settles (after a language or size
        # change the width can still change); forgotten as soon as the reader scrolls.
        self._anchor: int | None = None
        self.verticalScrollBar().sliderPressed.connect(self._forget_anchor)
        self.setObjectName("sectionText")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def _forget_anchor(self) -> None:
        self._anchor = None

    def keyPressEvent(self, event) -> None:
        self._anchor = None
        super().keyPressEvent(event)

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

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_column()

    def _fit_column(self) -> None:
        """Centre the text in a column of readable width; narrow windows use the full width."""
        column = self.fontMetrics().averageCharWidth() * MAX_LINE_CHARS
        side = max(0, (self.width() - column) // 2)
        if self.viewportMargins().left() != side:  # unchanged margins would still re-lay out the text
            self.setViewportMargins(side, 0, side, 0)

    def top_block(self) -> int:
        """The number of the paragraph at the top of the view, to keep it there across languages."""
        doc = self.document()
        doc.size()  # finish the (otherwise lazy) layout, so positions are final
        layout, y = doc.documentLayout(), self.verticalScrollBar().value()
        found, block = 0, doc.begin()
        while block.isValid() and layout.blockBoundingRect(block).top() <= y + 1:
            found, block = block.blockNumber(), block.next()
        return found

    def scroll_to_block(self, number: int) -> None:
        self._anchor = number or None
        if not self._scroll_now(number):  # the scroll range catches up with the layout a moment later
            QTimer.singleShot(0, self, lambda: self._scroll_now(number))

    def _scroll_now(self, number: int) -> bool:
        """Put paragraph ``number`` at the top; False if the scroll range is not there yet."""
        block = self.document().findBlockByNumber(number)
        if not block.isValid():
            return True
        self.document().size()  # finish the (otherwise lazy) layout, so positions are final
        top = int(self.document().documentLayout().blockBoundingRect(block).top())
        bar = self.verticalScrollBar()
        bar.setValue(top)
        return bar.value() >= top


def apply_spacing(doc: QTextDocument, language: str, spacing: bool, pixel_size: int) -> None:
    """Line height for the script; with ``spacing``, WCAG 1.4.12: line height 1.5 and paragraph
    spacing 2x the font size. Done before the document is first laid out, so it costs nothing."""
    height = max(1.5 if spacing else 1.0, line_height(language))
    if height == 1.0:
        return
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    fmt = QTextBlockFormat()
    fmt.setLineHeight(round(height * 100), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if spacing:
        fmt.setBottomMargin(2 * pixel_size)
    cursor.mergeBlockFormat(fmt)


# Laid-out section documents kept for quick switching back (Nastaliq layout is slow).
DOCUMENT_CACHE_SIZE = 48


class LeafletView(QWidget):
    sectionChanged = Signal(str)
    linkActivated = Signal(str)
    zoomRequested = Signal(int)

    def __init__(self, leaflet: Leaflet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.leaflet = leaflet
        self.renderer = LeafletRenderer(leaflet)
        self._documents: dict[tuple, QTextDocument] = {}
        self._style_key: tuple = ()
        self.compact = False
        self._style: tuple[QFont, bool] = (QFont(self.font()), False)
        # Each section's top paragraph, and whether it was noted in the compact layout (where
        # the title is the first paragraph); the shown section's is noted when it is left,
        # or before a change of language or style re-lays it out.
        self._tops: dict[str, tuple[int, bool]] = {}
        self._top_noted = False

        self.title = QLabel(objectName="leafletTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.publisher = QLabel(objectName="leafletPublisher")
        self.publisher.setWordWrap(True)
        self.publisher.setTextFormat(Qt.TextFormat.PlainText)

        self.sections = QListWidget(objectName="sectionList")
        self.sections.setWordWrap(True)
        self.sections.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.sections.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.sections.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.sections.setUniformItemSizes(False)
        self.sections.setSpacing(2)

        for section in leaflet.sections:
            QListWidgetItem(self.sections).setData(Qt.ItemDataRole.UserRole, section.id)
        self.page = SectionPage()
        self.page.anchorClicked.connect(self._on_link)
        self.page.zoomRequested.connect(self.zoomRequested)

        # At large text sizes the list gives its room to the text: a bar with previous/next and
        # "All sections" takes its place, and the list opens full width when asked for.
        self.nav = QWidget(objectName="sectionBar")
        self.previous_button = QToolButton(objectName="previousSection")
        self.next_button = QToolButton(objectName="nextSection")
        self.all_sections_button = QToolButton(objectName="allSections")
        self.position = QLabel(objectName="sectionPosition", wordWrap=True)
        nav = QHBoxLayout(self.nav)
        nav.setContentsMargins(0, 0, 0, 0)
        nav.addWidget(self.all_sections_button)
        nav.addWidget(self.position, 1)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        self.previous_button.clicked.connect(lambda: self.step_section(-1))
        self.next_button.clicked.connect(lambda: self.step_section(1))
        self.all_sections_button.clicked.connect(self.choose_section)
        self.nav.hide()
        self.choosing = False

        header = QVBoxLayout()
        header.setSpacing(0)
        header.addWidget(self.title)
        header.addWidget(self.publisher)
        body = QHBoxLayout()
        body.addWidget(self.sections, 3)
        body.addWidget(self.page, 8)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.nav)
        layout.addLayout(body, 1)

        self.sections.currentRowChanged.connect(self._on_row_changed)
        self.sections.itemClicked.connect(lambda item: self._chosen())
        self.sections.itemActivated.connect(lambda item: self._chosen())
        # No languageChanged connection here: the window first applies the language's fonts,
        # then calls retranslate(), so each page is laid out once per switch.
        translator().languageAboutToChange.connect(self.remember_positions)
        self.sections.setCurrentRow(0)
        self.retranslate()

    # --- sections -----------------------------------------------------------------------------
    def section_ids(self) -> list[str]:
        return self.leaflet.section_ids()

    def current_section(self) -> str:
        return self.leaflet.sections[max(self.sections.currentRow(), 0)].id

    def current_page(self) -> SectionPage:
        return self.page

    def show_section(self, section_id: str) -> None:
        self.sections.setCurrentRow(self.section_ids().index(section_id))

    def step_section(self, delta: int) -> None:
        count = len(self.leaflet.sections)
        self.sections.setCurrentRow((self.sections.currentRow() + delta) % count)

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self._render()
        self._show_position()
        self.sectionChanged.emit(self.current_section())

    def choose_section(self) -> None:
        """Large text: show the list of sections full width in place of the text."""
        self.choosing = True
        self._arrange()
        self.sections.setFocus()

    def _chosen(self) -> None:
        if self.choosing:
            self.choosing = False
            self._arrange()
            self.current_page().setFocus()

    def _arrange(self) -> None:
        self.nav.setVisible(self.compact and not self.choosing)
        self.sections.setVisible(not self.compact or self.choosing)
        self.page.setVisible(not (self.compact and self.choosing))

    def _show_position(self) -> None:
        row = max(self.sections.currentRow(), 0)
        heading = self.sections.item(row).text() if self.sections.item(row) else ""
        where = _("Section {number} of {count}").format(number=row + 1, count=self.sections.count())
        self.position.setText(f"{where}: {heading}")

    # --- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        tr = translator()
        texts = self.renderer.texts(tr.pgettext)
        self.title.setText(plain(texts.title))
        self.publisher.setText(plain(texts.publisher))
        for row, section in enumerate(self.leaflet.sections):
            item = self.sections.item(row)
            heading = plain(texts.headings[section.id])
            item.setText(heading)
            item.setToolTip(heading)
        self.sections.setAccessibleName(_("Sections of the leaflet"))
        for button, text in (
            (self.previous_button, _("Previous section")),
            (self.next_button, _("Next section")),
            (self.all_sections_button, _("All sections")),
        ):
            button.setText(text)
            button.setAccessibleName(text)
        self._show_position()
        self.sections.setAccessibleDescription(_("Choose a section to read it."))
        self.page.setAccessibleDescription(_("Text of the section"))
        self._render()

    def remember_positions(self) -> None:
        """Note the shown section's top paragraph while its layout is still the one the reader
        sees (before a change of language or style lays it out again)."""
        key = self.page.document_key
        if key is not None and not self._top_noted:
            self._tops[key[1]] = (self.page.top_block(), key[2])
            self._top_noted = True

    def forget_positions(self) -> None:
        """Every section opens at its start again (the kiosk's reset for the next visitor)."""
        self._tops.clear()
        self._top_noted = False
        self.page.scroll_to_block(0)

    def _render(self) -> None:
        """Show the current section in the current language and text style, at the paragraph
        where the reader left it.

        Each (language, section, layout, style) gets its own QTextDocument, built and formatted
        before its first layout and kept afterwards, so switching back to a language the family
        has just seen only swaps documents."""
        page, section_id = self.page, self.current_section()
        font, spacing = self._style
        key = (translator().language, section_id, self.compact, self._style_key)
        if page.document_key == key:
            self._top_noted = False  # nothing is laid out again: the live position stays right
            return
        self.remember_positions()  # a no-op if noted before the change
        self._top_noted = False
        if page.applied_style is not self._style:
            page.setFont(font)  # set explicitly, so the window's (smaller) control font never leaks in
            page.applied_style = self._style
        top, compact = self._tops.get(section_id, (0, self.compact))
        if top and compact != self.compact:
            top += 1 if self.compact else -1  # the title paragraph comes or goes above the text
        page.setDocument(self._document(key, section_id))
        page.document_key = key
        page.setAccessibleName(plain(self.renderer.texts(translator().pgettext).headings[section_id]))
        page.scroll_to_block(top)

    def _document(self, key: tuple, section_id: str) -> QTextDocument:
        doc = self._documents.pop(key, None)
        if doc is None:
            tr = translator()
            font, spacing = self._style
            direction = "rtl" if tr.direction == Qt.LayoutDirection.RightToLeft else "ltr"
            html = self.renderer.section_html(self.leaflet.section(section_id), tr.pgettext, direction,
                                              with_title=self.compact)
            doc = QTextDocument(self)
            doc.setDefaultFont(font)
            # Room round the text for ink beyond the letters' boxes (Nastaliq swashes reach out).
            doc.setDocumentMargin(QFontInfo(font).pixelSize() * 0.6)
            doc.setHtml(html)
            apply_spacing(doc, tr.language, spacing, QFontInfo(font).pixelSize())
        self._documents[key] = doc  # most recently used last
        for old_key in list(self._documents):
            if len(self._documents) <= DOCUMENT_CACHE_SIZE:
                break
            if self._documents[old_key] not in (doc, self.page.document()):
                self._documents.pop(old_key).deleteLater()
        return doc

    def set_text_style(self, font: QFont, spacing: bool, compact: bool = False) -> None:
        """Font and spacing for the section text.

        ``compact`` (large text): the title and publisher move from the header into the top of
        each section, so the text keeps most of the window.
        """
        page_font = QFont(font)
        if spacing:
            if letter_spacing_allowed(translator().language):
                page_font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.12 * QFontInfo(font).pixelSize())
            page_font.setWordSpacing(0.16 * QFontInfo(font).pixelSize())
        if compact != self.compact:
            self.compact = compact
            self.choosing = False
            self.title.setVisible(not compact)
            self.publisher.setVisible(not compact)
            self._arrange()
            # Settle the new geometry now, so the text is laid out once, at its final width.
            top = self.window().layout()
            if top is not None:
                top.activate()
        self._style = (page_font, spacing)
        self._style_key = (page_font.key(), page_font.letterSpacing(), page_font.wordSpacing(), spacing)
        self._render()

    def _on_link(self, url: QUrl) -> None:
        # Offline app: a link is never opened. Hand the address to the window, which may copy it.
        address = url.toString()
        for prefix in ("mailto:", "tel:", "https://", "http://"):
            if address.startswith(prefix):
                address = address[len(prefix):]
        self.linkActivated.emit(address)


def copy_to_clipboard(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)
