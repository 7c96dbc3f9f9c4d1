"""The leaflet itself: the sections (a list on the leading side, or a bar with previous/next and
"All sections") and the page that shows one section's text.

The side list wraps long headings; when the window is narrow, portrait or the text large, a
one-row bar takes its place and the list opens full width when asked for. The text is shown
on a shelf of pages (section_page.py), one per language, section and text style, each laid out
once and kept. Each section remembers its top paragraph (``ReadingPosition``), so coming back
to it, in any language or size, opens it where the reader left it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.contacts import strip_isolates
from leaflet_app.content import Leaflet
from leaflet_app.fonts import family_line_height, letter_spacing_allowed
from leaflet_app.i18n import _, translator
from leaflet_app.render import LeafletRenderer, plain
from leaflet_app.ui import icons
from leaflet_app.ui.announce import announce
from leaflet_app.ui.layouts import frozen_layouts, settle_layouts
from leaflet_app.ui.section_page import PageKey, PageShelf, SectionPage, apply_spacing, make_room_for_ink
from leaflet_app.ui.section_tabs import SectionTabs
from leaflet_app.ui.shaped_text import TextButton, TextLabel
from leaflet_app.ui.toolbar import ButtonRow

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QUrl

    from leaflet_app.contact_card import ContactCard
    from leaflet_app.i18n import Localizer

# The side list needs about this many characters of the control font, and the text at least
# this many of its own, side by side; otherwise the bar takes the list's place.
LIST_CHARS = 22
# QR codes on the contact page: at least this many times the text's size across (a code beside
# large text is scanned from as far as the text is read), one to a row from this text size on.
QR_TEXT_SIZES = 6
QR_ONE_COLUMN_PX = 28
TEXT_CHARS = 48


class ReadingPosition:
    """Where the reader is in each section: the paragraph at the top of the view, counted from
    the section's heading (a page that starts with the leaflet's title has it one block lower).

    The shown section's position is noted once before a change re-lays its page out, and the
    note is used when the page for the new language or style is shown."""

    def __init__(self) -> None:
        self._tops: dict[str, int] = {}
        self._noted = False

    def note(self, page: SectionPage | None) -> None:
        if page is not None and not self._noted:
            self._tops[page.document_key.section] = page.top_block() - page.title_blocks
            self._noted = True

    def take(self, section: str, page: SectionPage) -> int:
        """The block to show at the top of ``page``, and the note is spent."""
        self._noted = False
        return max(0, self._tops.get(section, 0) + page.title_blocks) if section in self._tops else 0

    def settled(self) -> None:
        self._noted = False

    def forget(self) -> None:
        self._tops.clear()
        self._noted = False


class LeafletView(QWidget):
    sectionChanged = Signal(str)
    linkActivated = Signal(str)
    zoomRequested = Signal(int)

    def __init__(self, leaflet: Leaflet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.leaflet = leaflet
        self.renderer = LeafletRenderer(leaflet)
        self._card: ContactCard | None = None  # made when the contact section is first shown
        self._links: list | None = None
        self._style_key: tuple | None = None  # none until the window sets a text style
        self._style: tuple[QFont, bool] = (QFont(self.font()), False)
        self._ink = QColor(Qt.GlobalColor.black)
        self.large_text = False  # set by the window: large text always uses the bar
        self.compact = False
        self.choosing = False
        self.position_state = ReadingPosition()
        self.icon_px = 20

        # The sections are the leaflet's tabs (a page-tab list to assistive technology), drawn
        # as a list of wrapped headings.
        self.sections = SectionTabs(objectName="sectionList")
        self.sections.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        for section in leaflet.sections:
            self.sections.add_item().setData(Qt.ItemDataRole.UserRole, section.id)

        self.shelf = PageShelf(self._make_page)
        self.shelf.setObjectName("sectionPages")
        self.shelf.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.nav = ButtonRow("sectionBar")
        self.all_sections_button = self.nav.add_button(TextButton(objectName="allSections"))
        self.position = TextLabel(objectName="sectionPosition")
        self.position.setTextFormat(Qt.TextFormat.PlainText)
        self.nav.row.insertWidget(1, self.position)
        self.previous_button = TextButton(objectName="previousSection")
        self.next_button = TextButton(objectName="nextSection")
        self.next_button.setProperty("iconTrailing", True)  # "Next ›": the arrow points onward
        for button in (self.previous_button, self.next_button):
            self.nav.row.addWidget(button)
        self.nav.buttons += [self.previous_button, self.next_button]
        self.previous_button.clicked.connect(lambda: self.step_section(-1))
        self.next_button.clicked.connect(lambda: self.step_section(1))
        self.all_sections_button.clicked.connect(self.choose_section)
        self.nav.hide()

        body = QHBoxLayout()
        body.setSpacing(8)
        body.addWidget(self.sections, 3)
        body.addWidget(self.shelf, 8)
        self.body = body
        self.alternate: QWidget | None = None  # shown in the text's place (side by side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
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

    @property
    def card(self) -> ContactCard:
        if self._card is None:
            from leaflet_app.contact_card import contact_card  # Contact Us only: not on the way to the first page

            self._card = contact_card(self.leaflet)
        return self._card

    # --- sections -----------------------------------------------------------------------------
    def section_ids(self) -> list[str]:
        return self.leaflet.section_ids()

    def current_section(self) -> str:
        return self.leaflet.sections[max(self.sections.currentRow(), 0)].id

    def current_page(self) -> SectionPage:
        return self.shelf.current  # type: ignore[return-value]

    def show_section(self, section_id: str) -> None:
        """Show a section from its heading (also when it is already shown: Alt+n goes to its top)."""
        index = self.section_ids().index(section_id)
        if index == self.sections.currentRow():
            if self.shelf.current is not None:
                self.shelf.current.scroll_to_heading()
            return
        self.sections.setCurrentRow(index)

    def step_section(self, delta: int) -> None:
        """The next or previous section; nothing beyond the first and the last."""
        row = self.sections.currentRow() + delta
        if 0 <= row < len(self.leaflet.sections):
            self.sections.setCurrentRow(row)
            self.announce_section()

    def announce_section(self) -> None:
        """Screen readers say which section is now shown (the focus may stay on a button)."""
        row = max(self.sections.currentRow(), 0)
        where = _("Section {number} of {count}").format(number=row + 1, count=self.sections.count())
        announce(self.shelf, f"{self.sections.item(row).text()}. {where}")

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self._render()
        self._show_position()
        self.sectionChanged.emit(self.current_section())

    def choose_section(self) -> None:
        """Compact layout: show the list of sections full width in place of the text."""
        self.choosing = True
        self._arrange()
        self.sections.setFocus()

    def _chosen(self) -> None:
        if self.choosing:
            self.choosing = False
            self._arrange()
            self.current_page().setFocus()

    def _wants_compact(self) -> bool:
        """The bar instead of the side list: large text, a portrait window, or too little width
        for the list and a readable column side by side."""
        if self.large_text or self.height() > self.width():
            return True
        list_px = self.fontMetrics().averageCharWidth() * LIST_CHARS
        text_px = average_char_width(self._style[0]) * TEXT_CHARS
        return self.width() < list_px + text_px

    def set_alternate(self, widget: QWidget | None) -> None:
        """Show ``widget`` in place of the section text (``None``: the text again)."""
        if widget is not None and self.body.indexOf(widget) < 0:
            self.body.addWidget(widget, 8)
        if self.alternate is not None and self.alternate is not widget:
            self.alternate.hide()
        self.alternate = widget
        self._arrange()

    def _arrange(self) -> None:
        """Show what the layout needs (side list, or bar; choosing a section or reading).

        The layout is switched off meanwhile: each visibility change would otherwise lay out
        the whole view again, measuring every label in its script."""
        with frozen_layouts(self):
            self.nav.setVisible(self.compact and not self.choosing)
            self.sections.setVisible(not self.compact or self.choosing)
            reading = not (self.compact and self.choosing)
            self.shelf.setVisible(reading and self.alternate is None)
            if self.alternate is not None:
                self.alternate.setVisible(reading)
        self.nav.fit()

    def _show_position(self) -> None:
        row = max(self.sections.currentRow(), 0)
        count = self.sections.count()
        where = _("Section {number} of {count}").format(number=row + 1, count=count)
        self.position.setText(f"\u2066{row + 1} / {count}\u2069")  # isolated: "1 / 6", not "6 / 1"
        self.position.setAccessibleName(where)
        heading = self.sections.item(row).text() if self.sections.item(row) else ""
        self.all_sections_button.setToolTip(f"{where}: {heading}")
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < count - 1)

    # --- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        tr = translator()
        texts = self.renderer.texts(tr.pgettext)
        headings = [plain(texts.headings[section.id]) for section in self.leaflet.sections]
        self.sections.bar.set_texts(headings)
        for row, heading in enumerate(headings):
            self.sections.bar.setTabToolTip(row, heading)
        self.sections.setAccessibleName(_("Sections of the leaflet"))
        self.sections.setAccessibleDescription(_("Choose a section to read it."))
        for button, text in (
            (self.previous_button, _("Previous section")),
            (self.next_button, _("Next section")),
            (self.all_sections_button, _("All sections")),
        ):
            button.setText(text)
            button.setAccessibleName(text)
            button.setToolTip(text)
        self._show_position()

    def set_icons(self, palette: QPalette, px: int) -> None:
        self.icon_px = px
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for button, name in (
            (self.all_sections_button, "list"),
            (self.previous_button, "chevron-right" if rtl else "chevron-left"),
            (self.next_button, "chevron-left" if rtl else "chevron-right"),
        ):
            button.setIcon(icons.icon(name, palette, px, self.devicePixelRatioF()))
            button.setIconSize(QSize(px, px))

    def refresh(self) -> None:
        """After a change of language or text style: lay out the view, then show the section's
        page for the new language and style, so the text is laid out once, at its final width."""
        current = self.shelf.current
        if current is not None and current.document_key != self._key():
            self.shelf.hold()
        if not self.isVisible():  # not laid out yet: its width is Qt's default, not the window's
            settle_layouts(self)  # (the side list or the bar is chosen by it: see _wants_compact)
        self._update_compact()
        settle_layouts(self)
        self.nav.fit()
        self._render()

    def _update_compact(self) -> None:
        compact = self._wants_compact()
        if compact != self.compact:
            self.compact = compact
            self.choosing = False
            self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        compact = self._wants_compact()
        if compact != self.compact:
            self.remember_positions()
            self._update_compact()
            self._render()
        self.nav.fit()

    def _key(self) -> PageKey:
        """What the shown page must be."""
        section = self.current_section()
        with_title = section == self.section_ids()[0] and not self.compact
        return PageKey(translator().language, section, with_title, self._style_key)

    def remember_positions(self) -> None:
        """Note the shown section's top paragraph while its layout is still the one the reader
        sees (before a change of language or style lays it out again)."""
        self.position_state.note(self.shelf.current)

    def forget_positions(self) -> None:
        """Every section opens at its start again (the kiosk's reset for the next visitor)."""
        self.position_state.forget()
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
        key = self._key()
        current = self.shelf.current
        if current is not None and current.document_key == key:
            self.position_state.settled()  # nothing is laid out again: the live position stays right
            return
        self.remember_positions()  # a no-op if noted before the change
        page = self.shelf.show_key(key)
        page.scroll_to_block(self.position_state.take(key.section, page))

    def prepare_page(self, lang: Localizer, font: QFont) -> SectionPage | None:
        """The shown section's page in ``lang``, its text in ``font`` (that language's text font at
        the window's display), made and laid out now and kept unseen: a switch into ``lang`` on
        this section only shows it (ui/script_warmer.py)."""
        if self._style_key is None:
            return None
        page_font, key_style = page_style(font, self._style[1], lang.code, self._ink)
        key = self._key()._replace(language=lang.code, style=key_style)
        return self.shelf.keep(key, lambda: self._make_page(key, lang, (page_font, self._style[1])))

    def _make_page(self, key: PageKey, tr: Localizer | None = None,
                   style: tuple[QFont, bool] | None = None) -> SectionPage:
        """A new page for ``key`` (in the shown language and text style unless ``tr`` and
        ``style`` say otherwise), its document formatted before its first layout."""
        tr = tr or translator().current
        font, spacing = style or self._style
        rtl = tr.direction == Qt.LayoutDirection.RightToLeft
        section = self.leaflet.section(key.section)
        after_heading = ""
        icon_px = round(QFontInfo(font).pixelSize() * 1.3)
        card = key.section == self.leaflet.contact_section and bool(self.card)
        text = self._ink
        after_text = ""
        codes: list[tuple[str, QImage]] = []
        if card:
            # The card, then the QR codes at once (the way to take the details home), then the
            # section's own text.
            text_px = QFontInfo(font).pixelSize()
            from leaflet_app.ui.qr_codes import qr_images  # segno: only once Contact Us is shown

            codes = qr_images(self.links, self.palette(), self.logicalDpiX(), least_px=text_px * QR_TEXT_SIZES)
            # Each code's own address is printed under it: the label need not name the site.
            labelled = [(name, tr.gettext(link.label), link.shown)
                        for (name, _image), link in zip(codes, self.links, strict=True)]
            per_row = 1 if text_px >= QR_ONE_COLUMN_PX else 2  # large text: a web address needs the width
            from leaflet_app.contact_card import card_html, codes_html

            after_heading = (card_html(self.card, text.name(), icon_px, rtl)
                             + codes_html(labelled, codes[0][1].width() if codes else 0, per_row, rtl))
        html = self.renderer.section_html(section, tr.pgettext, "rtl" if rtl else "ltr",
                                          with_title=key.with_title, after_heading=after_heading,
                                          after_text=after_text)
        images = codes
        if card:
            images = [(f"icon:{name}", icons.pixmap(name, text, icon_px, self.devicePixelRatioF()).toImage())
                      for name in ("phone", "mail", "map-pin")] + codes
        doc = section_document(html, font, key.language, spacing, images)
        page = SectionPage(key, doc, font, tr.direction, title_blocks=1 if key.with_title else 0)
        page.anchorClicked.connect(self._on_link)
        page.linkFocused.connect(lambda text: announce(page, _("Link: {address}").format(address=text)))
        page.zoomRequested.connect(self.zoomRequested)
        page.setAccessibleName(plain(self.renderer.texts(tr.pgettext).headings[key.section]))
        page.setAccessibleDescription(tr.gettext("Text of the section"))
        page.verticalScrollBar().setAccessibleName(tr.gettext("Scroll the text"))
        return page

    @property
    def links(self) -> list:
        """The leaflet's contact links (for the QR codes), read on first use."""
        if self._links is None:
            from leaflet_app.qr import contact_links

            self._links = contact_links(self.leaflet)
        return self._links

    def set_text_style(self, font: QFont, spacing: bool, large_text: bool = False,
                       ink: QColor | None = None) -> None:
        """Font, spacing and ink (the scheme's text colour, for the contact card's icons and
        outline) for the section text, shown from the next ``refresh()``.

        ``large_text``: the bar takes the side list's place, so the text keeps the width."""
        self.large_text = large_text
        self._ink = QColor(ink) if ink is not None else self.palette().color(QPalette.ColorRole.Text)
        page_font, self._style_key = page_style(font, spacing, translator().language, self._ink)
        self._style = (page_font, spacing)

    def _on_link(self, url: QUrl) -> None:
        # Offline app: a link is never opened. Hand the address to the window, which may copy it.
        address = strip_isolates(url.toString())
        # The detail as printed ("01604 364036"), as a person would note it down or dial it.
        shown = {self.card.phone_link: self.card.phone, f"mailto:{self.card.email}": self.card.email}
        if address in shown and shown[address]:
            self.linkActivated.emit(shown[address])
            return
        for prefix in ("mailto:", "tel:", "https://", "http://"):
            if address.startswith(prefix):
                address = address[len(prefix):]
        self.linkActivated.emit(address)


def page_style(font: QFont, spacing: bool, language: str, ink: QColor) -> tuple[QFont, tuple]:
    """The page font for text in ``font`` (with WCAG 1.4.12 spacing if ``spacing``), and the
    part of a page's key that says its text style."""
    page_font = QFont(font)
    if spacing:
        # Qt keeps spacings in 64ths of a pixel, rounding down: round up, to stay at or above WCAG's.
        px = QFontInfo(font).pixelSize()
        if letter_spacing_allowed(language):
            page_font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, math.ceil(0.12 * px * 64) / 64)
        page_font.setWordSpacing(math.ceil(0.16 * px * 64) / 64)
    return page_font, (page_font.key(), page_font.letterSpacing(), page_font.wordSpacing(), spacing, ink.name())


def section_document(html: str, font: QFont, language: str, spacing: bool,
                     images: Sequence[tuple[str, QImage]] = ()) -> QTextDocument:
    """A section's document, formatted for its script before its first layout; ``images`` are
    its pictures by the names its HTML gives them."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    # Room round the text for ink beyond the letters' boxes (Nastaliq swashes reach out).
    doc.setDocumentMargin(max(16, QFontInfo(font).pixelSize() * 0.8))
    doc.setHtml(html)
    if images:  # after setHtml, which clears a document's resources
        from PySide6.QtCore import QUrl

        for name, image in images:
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    apply_spacing(doc, language, spacing, QFontInfo(font).pixelSize())
    if family_line_height(font.families()[0]) > 1:  # a tall script (Nastaliq): ink above its lines
        make_room_for_ink(doc)
    return doc


_char_widths: dict[str, float] = {}


def average_char_width(font: QFont) -> float:
    """Measured once per font: the view asks on every resize."""
    key = font.key()
    if key not in _char_widths:
        _char_widths[key] = QFontMetricsF(font).averageCharWidth()
    return _char_widths[key]


def copy_to_clipboard(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(strip_isolates(text))
