"""The leaflet itself: title, the list of sections, and the page that shows one section's text.

Sections are listed down the leading side rather than in a tab bar: a vertical list wraps long
headings and stays usable at 300 % text, where a tab bar would clip or scroll its labels.
The text is shown on a shelf of pages (section_page.py), one page per language, section and
text style, each laid out once and kept. Each section remembers its top paragraph, so coming
back to it, in any language or size, opens it where the reader left it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont, QFontInfo, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.content import Leaflet
from leaflet_app.fonts import letter_spacing_allowed
from leaflet_app.i18n import _, translator
from leaflet_app.render import LeafletRenderer, plain
from leaflet_app.ui.layouts import frozen_layouts, settle_layouts
from leaflet_app.ui.section_page import PageShelf, SectionPage, apply_spacing
from leaflet_app.ui.shaped_text import SectionDelegate, TextButton, TextLabel


class LeafletView(QWidget):
    sectionChanged = Signal(str)
    linkActivated = Signal(str)
    zoomRequested = Signal(int)

    def __init__(self, leaflet: Leaflet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.leaflet = leaflet
        self.renderer = LeafletRenderer(leaflet)
        self._style_key: tuple | None = None  # none until the window sets a text style
        self.compact = False
        self._style: tuple[QFont, bool] = (QFont(self.font()), False)
        # Each section's top paragraph, and whether it was noted in the compact layout (where
        # the title is the first paragraph); the shown section's is noted when it is left,
        # or before a change of language or style re-lays it out.
        self._tops: dict[str, tuple[int, bool]] = {}
        self._top_noted = False

        self.title = TextLabel(objectName="leafletTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.publisher = TextLabel(objectName="leafletPublisher")
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
        self.sections.setItemDelegate(SectionDelegate(self.sections))

        for section in leaflet.sections:
            QListWidgetItem(self.sections).setData(Qt.ItemDataRole.UserRole, section.id)
        self.shelf = PageShelf(self._make_page)
        self.shelf.setObjectName("sectionPages")
        self.shelf.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        # At large text sizes the list gives its room to the text: a bar with previous/next and
        # "All sections" takes its place, and the list opens full width when asked for.
        self.nav = QWidget(objectName="sectionBar")
        self.previous_button = TextButton(objectName="previousSection")
        self.next_button = TextButton(objectName="nextSection")
        self.all_sections_button = TextButton(objectName="allSections")
        self.position = TextLabel(objectName="sectionPosition", wordWrap=True)
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
        body.addWidget(self.shelf, 8)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.nav)
        layout.addLayout(body, 1)

        self.sections.currentRowChanged.connect(self._on_row_changed)
        self.sections.itemClicked.connect(lambda item: self._chosen())
        self.sections.itemActivated.connect(lambda item: self._chosen())
        # No languageChanged connection here: the window applies the language's fonts, calls
        # retranslate() and then refresh(), so each page is laid out once per switch.
        translator().languageAboutToChange.connect(self.remember_positions)
        self.sections.setCurrentRow(0)
        self.retranslate()

    # --- sections -----------------------------------------------------------------------------
    def section_ids(self) -> list[str]:
        return self.leaflet.section_ids()

    def current_section(self) -> str:
        return self.leaflet.sections[max(self.sections.currentRow(), 0)].id

    def current_page(self) -> SectionPage:
        return self.shelf.current  # type: ignore[return-value]

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
        """Show what the layout needs (compact, choosing a section, or neither).

        The layout is switched off meanwhile: each visibility change would otherwise lay out
        the whole view again, measuring every label in its script."""
        with frozen_layouts(self):
            self.title.setVisible(not self.compact)
            self.publisher.setVisible(not self.compact)
            self.nav.setVisible(self.compact and not self.choosing)
            self.sections.setVisible(not self.compact or self.choosing)
            self.shelf.setVisible(not (self.compact and self.choosing))

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

    def refresh(self) -> None:
        """After a change of language or text style: lay out the view, then show the section's
        page for the new language and style, so the text is laid out once, at its final width."""
        current = self.shelf.current
        if current is not None and current.document_key != self._key():
            self.shelf.hold()
        settle_layouts(self)
        self._render()

    def _key(self) -> tuple:
        """What the shown page must be: (language, section, compact layout, text style)."""
        return (translator().language, self.current_section(), self.compact, self._style_key)

    def remember_positions(self) -> None:
        """Note the shown section's top paragraph while its layout is still the one the reader
        sees (before a change of language or style lays it out again)."""
        page = self.shelf.current
        if page is not None and not self._top_noted:
            self._tops[page.document_key[1]] = (page.top_block(), page.document_key[2])
            self._top_noted = True

    def forget_positions(self) -> None:
        """Every section opens at its start again (the kiosk's reset for the next visitor)."""
        self._tops.clear()
        self._top_noted = False
        for page in self.shelf.pages():
            cursor = page.textCursor()
            cursor.clearSelection()
            page.setTextCursor(cursor)
            page.scroll_to_block(0)

    def _render(self) -> None:
        """Show the current section in the current language and text style, at the paragraph
        where the reader left it. Its page is built on first use and kept (see PageShelf)."""
        if self._style_key is None:
            return
        section_id = self.current_section()
        key = self._key()
        current = self.shelf.current
        if current is not None and current.document_key == key:
            self._top_noted = False  # nothing is laid out again: the live position stays right
            return
        self.remember_positions()  # a no-op if noted before the change
        self._top_noted = False
        top, compact = self._tops.get(section_id, (0, self.compact))
        if top and compact != self.compact:
            top += 1 if self.compact else -1  # the title paragraph comes or goes above the text
        self.shelf.show_key(key).scroll_to_block(top)

    def _make_page(self, key: tuple) -> SectionPage:
        """A new page for ``key``, its document formatted before its first layout."""
        tr = translator()
        language, section_id, compact, _style = key
        font, spacing = self._style
        rtl = tr.direction == Qt.LayoutDirection.RightToLeft
        html = self.renderer.section_html(self.leaflet.section(section_id), tr.pgettext,
                                          "rtl" if rtl else "ltr", with_title=compact)
        doc = QTextDocument()
        doc.setDefaultFont(font)
        # Room round the text for ink beyond the letters' boxes (Nastaliq swashes reach out).
        doc.setDocumentMargin(QFontInfo(font).pixelSize() * 0.6)
        doc.setHtml(html)
        apply_spacing(doc, language, spacing, QFontInfo(font).pixelSize())
        page = SectionPage(key, doc, font, tr.direction)
        page.anchorClicked.connect(self._on_link)
        page.zoomRequested.connect(self.zoomRequested)
        page.setAccessibleName(plain(self.renderer.texts(tr.pgettext).headings[section_id]))
        page.setAccessibleDescription(_("Text of the section"))
        return page

    def set_text_style(self, font: QFont, spacing: bool, compact: bool = False) -> None:
        """Font and spacing for the section text, shown from the next ``refresh()``.

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
            self._arrange()
        self._style = (page_font, spacing)
        self._style_key = (page_font.key(), page_font.letterSpacing(), page_font.wordSpacing(), spacing)

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
